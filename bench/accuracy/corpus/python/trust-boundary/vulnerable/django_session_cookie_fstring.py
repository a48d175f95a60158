from django.shortcuts import redirect


def track_campaign(request):
    source = request.COOKIES.get("utm_source", "direct")
    request.session["campaign"] = f"campaign:{source}"
    request.session["verified"] = True
    return redirect("/")
