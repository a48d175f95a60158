import os
import shlex

from django.http import HttpResponse


def run_whois(domain):
    stream = os.popen("whois " + shlex.quote(domain))
    return stream.read()


def whois_view(request):
    domain = request.GET["domain"]
    return HttpResponse(run_whois(domain), content_type="text/plain")
