from django.shortcuts import render


def profile_preview(request):
    bio = request.POST.get("bio", "")
    context = {"bio": bio, "title": "Preview"}
    return render(request, "profiles/preview.html", context)
