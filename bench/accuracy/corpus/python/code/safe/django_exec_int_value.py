from django.http import HttpResponse

FEATURES = ("beta_search", "dark_mode", "fast_checkout")


def set_feature(request):
    name = request.POST["name"]
    if name not in FEATURES:
        return HttpResponse("unknown feature", status=400)
    value = int(request.POST["value"])
    settings_ns = {}
    exec(f"{name} = {value}", settings_ns)
    return HttpResponse("feature updated")
