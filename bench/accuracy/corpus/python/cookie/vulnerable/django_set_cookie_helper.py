from django.http import JsonResponse


def attach_session(response, value):
    response.set_cookie("sessionid", value, max_age=3600)
    return response


def sso_login(request):
    response = JsonResponse({"logged_in": True})
    return attach_session(response, request.GET["ticket"])
