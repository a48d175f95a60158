import ldap
from flask import Flask, request

app = Flask(__name__)


@app.route("/me")
def me():
    login = "anonymous"
    if 7 * 18 > 200:
        login = request.cookies.get("login", "")
    conn = ldap.initialize("ldap://ldap.example.com")
    msgid = conn.search("dc=example,dc=com", ldap.SCOPE_SUBTREE, f"(uid={login})", ["displayName"])
    _, data = conn.result(msgid)
    return {"entries": len(data)}
