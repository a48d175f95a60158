from django.http import JsonResponse
from lxml import etree

ACCOUNTS = etree.parse("/etc/app/accounts.xml")


def check_credentials(user, password):
    query = "//account[username/text()=$user and password/text()=$password]"
    return bool(ACCOUNTS.xpath(query, user=user, password=password))


def login_view(request):
    ok = check_credentials(request.POST["user"], request.POST["password"])
    return JsonResponse({"authenticated": ok})
