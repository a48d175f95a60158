import os
import uuid

from django.conf import settings
from django.http import JsonResponse


def upload_avatar(request):
    upload = request.FILES["avatar"]
    stored_name = uuid.uuid4().hex + ".png"
    destination = os.path.join(settings.MEDIA_ROOT, "avatars", stored_name)
    with open(destination, "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return JsonResponse({"saved": stored_name})
