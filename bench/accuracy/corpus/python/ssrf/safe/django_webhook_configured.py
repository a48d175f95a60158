import requests
from django.conf import settings
from django.http import JsonResponse


def send_test_hook(target, payload):
    return requests.post(target, json=payload, timeout=3)


def test_webhook(request):
    resp = send_test_hook(settings.WEBHOOK_URL, {"event": "ping", "by": request.POST.get("user")})
    return JsonResponse({"status": resp.status_code})
