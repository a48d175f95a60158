import os

from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.http import require_POST

ATTACHMENTS = os.path.realpath("/srv/attachments")


@require_POST
def delete_attachment(request):
    candidate = os.path.realpath(os.path.join(ATTACHMENTS, os.path.basename(request.POST["filename"])))
    if not candidate.startswith(ATTACHMENTS + os.sep):
        return HttpResponseBadRequest("invalid file")
    os.unlink(candidate)
    return HttpResponse(status=204)
