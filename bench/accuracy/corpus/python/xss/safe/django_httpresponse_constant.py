from django.http import HttpResponse


def unsubscribe(request):
    email = request.GET.get("email", "")
    request.session["unsubscribe_pending"] = bool(email)
    return HttpResponse("<p>Your request has been received.</p>")
