from django.http import JsonResponse
from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars

server = Server("ldap://ldap.example.com")


def find_account(username):
    conn = Connection(server, "cn=reader,dc=example,dc=com", "reader-pass", auto_bind=True)
    safe_name = escape_filter_chars(username)
    conn.search("dc=example,dc=com", f"(&(objectClass=person)(sAMAccountName={safe_name}))", attributes=["mail"])
    return conn.entries


def account_view(request):
    entries = find_account(request.POST["username"])
    return JsonResponse({"found": len(entries)})
