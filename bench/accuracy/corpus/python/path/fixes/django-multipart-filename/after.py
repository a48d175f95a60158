import os

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import JsonResponse
from django.views.decorators.http import require_POST


def validate_file_name(name):
    if os.path.basename(name) in {"", ".", ".."}:
        raise SuspiciousFileOperation("Could not derive file name from '%s'" % name)
    if name != os.path.basename(name):
        raise SuspiciousFileOperation("File name '%s' includes path elements" % name)
    return name


def handle_uploaded_file(f, name):
    name = validate_file_name(os.path.basename(name))
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
