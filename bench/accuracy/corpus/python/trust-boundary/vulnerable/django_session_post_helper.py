from django.http import JsonResponse


def remember(request, key, value):
    request.session[key] = value


def choose_account(request):
    remember(request, "account_id", request.POST["account_id"])
    return JsonResponse({"account": request.session["account_id"]})
