import os

from django.conf import settings
from django.http import JsonResponse


def upload_avatar(request):
    upload = request.FILES["avatar"]
    destination = os.path.join(settings.MEDIA_ROOT, "avatars", upload.name)
    with open(destination, "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return JsonResponse({"saved": upload.name})
