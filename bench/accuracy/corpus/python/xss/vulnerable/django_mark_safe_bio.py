from django.shortcuts import render
from django.utils.safestring import mark_safe


def profile_preview(request):
    bio = request.POST.get("bio", "")
    context = {"bio": mark_safe(bio), "title": "Preview"}
    return render(request, "profiles/preview.html", context)
