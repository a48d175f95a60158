from django.http import HttpResponse

COOKIE_FLAGS = {"secure": True, "httponly": True, "samesite": "Lax"}


def start_checkout(request):
    response = HttpResponse("checkout started")
    response.set_cookie("checkout_session", request.POST["cart_id"], **COOKIE_FLAGS)
    return response
