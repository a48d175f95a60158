import sqlite3
import sys
from urllib.parse import urlparse, urlsplit

import js2py
import requests
from flask import Flask, abort, redirect, request
from lxml import etree

app = Flask(__name__)
db = sqlite3.connect("app.db")
SECTIONS = {("mail", "host"), ("ui", "theme")}
TRUSTED_HOSTS = {"api.example.com"}
DOC = etree.parse("settings.xml")


@app.route("/pick")
def pick():
    options = [request.args["team"], "core"]
    # ok: python-sql-injection
    db.execute("SELECT * FROM t WHERE team = '" + options[1] + "'")
    # ruleid: python-sql-injection
    db.execute("SELECT * FROM t WHERE team = '" + options[0] + "'")


@app.route("/labels")
def labels():
    names = {"given": request.args["name"], "fallback": "guest"}
    # ok: python-sql-injection
    db.execute("SELECT * FROM t WHERE name = '%s'" % names["fallback"])
    # ruleid: python-sql-injection
    db.execute("SELECT * FROM t WHERE name = '%s'" % names["given"])


@app.post("/setting")
def setting():
    body = request.get_json()
    if (body["section"], body["key"]) not in SECTIONS:
        abort(404)
    # ok: python-xpath-injection
    DOC.xpath("/settings/" + body["section"] + "/" + body["key"])


@app.post("/setting/raw")
def setting_raw():
    body = request.get_json()
    # ruleid: python-xpath-injection
    DOC.xpath("/settings/" + body["section"] + "/" + body["key"])


@app.route("/eval/<dept>")
def by_dept(dept):
    evaluator = etree.XPathEvaluator(DOC)
    # ruleid: python-xpath-injection
    return str(evaluator("//employee[dept='" + dept + "']"))


@app.route("/proxy")
def proxy():
    url = request.args["url"]
    parts = urlsplit(url)
    if parts.hostname not in TRUSTED_HOSTS:
        abort(400)
    # ok: python-ssrf
    return requests.get(url, timeout=5).json()


@app.route("/proxy2")
def proxy2():
    url = request.args["url"]
    if urlparse(url).netloc in TRUSTED_HOSTS:
        # ok: python-ssrf
        return requests.get(url, timeout=5).json()
    abort(400)


@app.route("/proxy3")
def proxy3():
    url = request.args["url"]
    print(urlparse(url).hostname)
    # ruleid: python-ssrf
    return requests.get(url, timeout=5).json()


@app.route("/login")
def login():
    target = request.args.get("next", "/")
    parsed = urlparse(target)
    if parsed.netloc or target.startswith("//"):
        target = "/"
    # ok: python-open-redirect
    return redirect(target)


@app.route("/go")
def go():
    target = request.args.get("next", "/")
    parsed = urlparse(target)
    print(parsed.path)
    # ruleid: python-open-redirect
    return redirect(target)


@app.post("/unlock")
def unlock():
    # ruleid: python-code-injection
    return {"key": js2py.eval_js(request.form["jk"] + " f()")}


def store(request, key, value):
    # ok: python-trust-boundary
    request.session[key] = value


def pick_account(request):
    store(request, "account", int(request.POST["account"]))


def set_theme(request, theme):
    # ruleid: python-trust-boundary
    request.session["theme"] = theme


if __name__ == "__main__":
    print(sys.argv)
