import subprocess

from django.http import JsonResponse


def restart_service(request):
    service = "nginx"
    if 7 * 18 > 100:
        service = request.POST.get("service", "nginx")
    code = subprocess.call("systemctl restart " + service, shell=True)
    return JsonResponse({"service": service, "code": code})
