# Request data handed to a same-file helper whose parameter reaches the sink: the call blocks
# (ygs/review/analyzers/summaries.py). Data for a parameter that never reaches the sink does not.
import os
import subprocess
import sqlite3

import requests
from flask import Flask, Response, request

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
