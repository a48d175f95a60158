from django.http import HttpResponse
from django.template import Context, Template


def email_preview(request):
    body = request.POST.get("body", "")
    template = Template("<div class='email'>" + body + "</div>")
    return HttpResponse(template.render(Context({"customer": "Ana"})))
