import os

from django.conf import settings
from django.http import JsonResponse


def upload_avatar(request):
    upload = request.FILES["avatar"]
    name = request.POST.get("filename") or upload.name
    destination = os.path.join(settings.MEDIA_ROOT, "avatars", name)
    with open(destination, "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return JsonResponse({"saved": name})
