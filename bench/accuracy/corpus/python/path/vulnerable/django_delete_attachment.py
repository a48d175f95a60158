import os

from django.http import HttpResponse
from django.views.decorators.http import require_POST

ATTACHMENTS = "/srv/attachments"


@require_POST
def delete_attachment(request):
    parts = [ATTACHMENTS, request.POST["folder"], request.POST["filename"]]
    os.unlink(os.sep.join(parts))
    return HttpResponse(status=204)
