import ldap
import ldap3
from ldap.filter import escape_filter_chars
from flask import Flask, request

app = Flask(__name__)
conn = ldap.initialize("ldap://ldap.example.com")
ALLOWED_GROUPS = {"staff", "admins"}


def uid_filter(name):
    return "(uid=" + name + ")"


@app.route("/user")
def user():
    # ruleid: python-ldap-injection
    return str(conn.search_s("ou=people,dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=" + request.args["u"] + ")"))


@app.route("/user2")
def user2():
    # ruleid: python-ldap-injection
    return str(conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, uid_filter(request.args["u"])))


@app.route("/user3")
def user3():
    server = ldap3.Server("ldap.example.com")
    with ldap3.Connection(server) as c:
        parts = {"mail": request.form["mail"]}
        # ruleid: python-ldap-injection
        c.search("dc=example,dc=com", f"(mail={parts['mail']})")
        return str(c.entries)


@app.route("/safe")
def safe():
    # ok: python-ldap-injection
    a = conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=%s)" % escape_filter_chars(request.args["u"]))
    group = request.args["group"]
    if group not in ALLOWED_GROUPS:
        return "no", 400
    # ok: python-ldap-injection
    b = conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, "(cn=" + group + ")")
    name = request.args["u"]
    name = "admin"
    # ok: python-ldap-injection
    c = conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=" + name + ")")
    if False:
        # ok: python-ldap-injection
        conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, request.args["f"])
    return str((a, b, c))
