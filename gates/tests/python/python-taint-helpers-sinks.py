# Request data handed to a same-file helper whose parameter reaches an LDAP, XPath or XML-parser sink.
import ldap
from flask import Flask, request
from ldap.filter import escape_filter_chars
from lxml import etree

app = Flask(__name__)
conn = ldap.initialize("ldap://ldap.example.com")
doc = etree.parse("users.xml")


def find_people(uid):
    return conn.search_s("ou=people,dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=" + uid + ")")


def find_people_escaped(uid):
    return conn.search_s("ou=people,dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=" + escape_filter_chars(uid) + ")")


def users_named(name, limit):
    found = doc.xpath("//user[@name='" + name + "']")
    return found[:limit]


def parse_upload(data, strict=True):
    parser = etree.XMLParser(resolve_entities=True)
    return etree.fromstring(data, parser)


@app.get("/people")
def people():
    # ruleid: python-ldap-injection
    return str(find_people(request.args["uid"]))


@app.get("/people-escaped")
def people_escaped():
    # ok: python-ldap-injection
    return str(find_people_escaped(request.args["uid"]))


@app.get("/users")
def users():
    # ruleid: python-xpath-injection
    return str(users_named(request.args["name"], 10))


@app.get("/users-limited")
def users_limited():
    # ok: python-xpath-injection
    return str(users_named("admin", int(request.args["limit"])))


@app.post("/upload")
def upload():
    # ruleid: python-xxe
    return str(parse_upload(request.data))


@app.post("/upload-strict")
def upload_strict():
    # ok: python-xxe
    return str(parse_upload(b"<a/>", strict=request.args.get("strict") == "1"))
