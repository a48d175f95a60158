from django.shortcuts import redirect


def track_campaign(request):
    has_source = "utm_source" in request.COOKIES
    request.session["campaign"] = "campaign:tracked" if has_source else "campaign:direct"
    request.session["verified"] = False
    return redirect("/")
