import os

from django.http import HttpResponse


def run_whois(domain):
    stream = os.popen("whois " + domain)
    return stream.read()


def whois_view(request):
    domain = request.GET["domain"]
    return HttpResponse(run_whois(domain), content_type="text/plain")
