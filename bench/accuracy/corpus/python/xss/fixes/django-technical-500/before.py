from django.http import HttpResponse, HttpResponseServerError
from django.urls import path

TEMPLATE = "<html><body><h1>%s</h1><h2>During handling of the above exception, another exception occurred:</h2><pre>%s</pre></body></html>"


def technical_500_response(exc_value, cause):
    return HttpResponseServerError(TEMPLATE % (exc_value, cause), content_type="text/html")


def import_view(request):
    raw = request.GET.get("count", "")
    try:
        try:
            count = int(raw)
        except ValueError as first:
            raise KeyError("bad count %s" % raw) from first
    except KeyError as second:
        return technical_500_response(second, second.__cause__)
    return HttpResponse("imported %d" % count)


urlpatterns = [path("import/", import_view)]
