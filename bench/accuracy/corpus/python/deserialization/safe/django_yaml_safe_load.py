import yaml
from django.http import JsonResponse


def load_settings(stream):
    return yaml.safe_load(stream)


def import_settings(request):
    settings = load_settings(request.FILES["settings"].read())
    return JsonResponse({"keys": sorted(settings)})
