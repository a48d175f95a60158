from django.http import HttpResponse


def unsubscribe(request):
    email = request.GET.get("email", "")
    return HttpResponse("<p>%s has been unsubscribed.</p>" % email)
