import os

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_POST


def handle_uploaded_file(f, name):
    destination = os.path.join(settings.MEDIA_ROOT, "uploads", name)
    with open(destination, "wb+") as out:
        for chunk in f.chunks():
            out.write(chunk)
    return destination


@require_POST
def upload(request):
    f = request.FILES["file"]
    name = request.POST.get("name") or f.name
    handle_uploaded_file(f, name)
    return JsonResponse({"stored": name})
