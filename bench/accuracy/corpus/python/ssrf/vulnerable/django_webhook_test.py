import requests
from django.http import JsonResponse


def send_test_hook(target, payload):
    return requests.post(target, json=payload, timeout=3)


def test_webhook(request):
    resp = send_test_hook(request.POST["webhook_url"], {"event": "ping"})
    return JsonResponse({"status": resp.status_code})
