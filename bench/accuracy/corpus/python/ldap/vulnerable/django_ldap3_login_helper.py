from django.http import JsonResponse
from ldap3 import Connection, Server

server = Server("ldap://ldap.example.com")


def find_account(username):
    conn = Connection(server, "cn=reader,dc=example,dc=com", "reader-pass", auto_bind=True)
    conn.search("dc=example,dc=com", f"(&(objectClass=person)(sAMAccountName={username}))", attributes=["mail"])
    return conn.entries


def account_view(request):
    entries = find_account(request.POST["username"])
    return JsonResponse({"found": len(entries)})
