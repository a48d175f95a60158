from django.http import HttpResponse
from django.template import Context, Template

EMAIL_LAYOUT = Template("<div class='email'>{{ body }}</div>")


def email_preview(request):
    body = request.POST.get("body", "")
    return HttpResponse(EMAIL_LAYOUT.render(Context({"body": body, "customer": "Ana"})))
