from django.http import HttpResponse


def set_feature(request):
    name = request.POST["name"]
    value = request.POST["value"]
    settings_ns = {}
    exec(f"{name} = {value}", settings_ns)
    return HttpResponse("feature %s updated" % name)
