# Request data handed to a same-file helper whose parameter reaches the sink: the call blocks
# (ygs/review/analyzers/summaries.py). Data for a parameter that never reaches the sink does not.
import os
import pickle
import sqlite3
import subprocess

import requests
from flask import Flask, Response, redirect, render_template_string, request, session

app = Flask(__name__)
REPORTS = "/srv/reports"


def run_report(name, verbose=False):
    flags = "-v " if verbose else ""
    return subprocess.check_output("report-tool " + flags + name, shell=True)


def count_rows(db, table, limit):
    return db.execute("SELECT count(*) FROM " + table + " LIMIT 10").fetchone()


def read_report(name):
    with open(os.path.join(REPORTS, name), encoding="utf-8") as handle:
        return handle.read()


def notify(url, payload):
    return requests.post(url, json=payload, timeout=5)


def page(title, body):
    return Response("<h1>" + title + "</h1>" + body, mimetype="text/html")


class Store:
    def __init__(self, path):
        self.db = sqlite3.connect(path)

    def find(self, name):
        return self.db.execute("SELECT id FROM users WHERE name = '%s'" % name).fetchall()


@app.get("/reports/run")
def reports_run():
    # ruleid: python-command-injection
    return run_report(request.args["name"])


@app.get("/reports/run-verbose")
def reports_run_verbose():
    # ok: python-command-injection
    return run_report("daily", verbose=request.args.get("v") == "1")


@app.get("/count")
def count():
    db = sqlite3.connect("app.db")
    # ruleid: python-sql-injection
    a = count_rows(db, request.args["table"], 10)
    # ok: python-sql-injection
    b = count_rows(db, "users", request.args["limit"])
    return str((a, b))


@app.get("/reports/read")
def reports_read():
    # ruleid: python-path-traversal
    return read_report(request.args["name"])


@app.post("/hooks")
def hooks():
    payload = {"event": "ping"}
    # ruleid: python-ssrf
    notify(request.json["url"], payload)
    # ok: python-ssrf
    notify("https://hooks.example.com/ping", request.json)
    return "ok"


@app.get("/hello")
def hello():
    # ruleid: python-xss
    return page("Hello", request.args["who"])


@app.get("/users")
def users():
    store = Store("app.db")
    # ruleid: python-sql-injection
    rows = store.find(request.args["name"])
    # ok: python-sql-injection
    rows += store.find("admin")
    return str(rows)


def evaluate(expression):
    return eval(expression, {"__builtins__": {}})


def render_greeting(template_text):
    return render_template_string(template_text)


def go_to(target):
    return redirect(target)


def load_state(blob):
    return pickle.loads(blob)


def remember(key, value):
    session[key] = value


@app.get("/calc")
def calc():
    # ruleid: python-code-injection
    return {"result": evaluate(request.args["expr"])}


@app.get("/greet")
def greet():
    # ruleid: python-template-injection
    return render_greeting(request.args["tpl"])


@app.get("/next")
def next_page():
    # ruleid: python-open-redirect
    return go_to(request.args["next"])


@app.post("/state")
def state():
    # ruleid: python-unsafe-deserialization
    return {"state": str(load_state(request.get_data()))}


@app.post("/prefs")
def prefs():
    # ruleid: python-trust-boundary
    remember("theme", request.form["theme"])
    # ok: python-trust-boundary
    remember(request.form["slot"] in ("a", "b") and "layout", "grid")
    return {}
