import argparse
import sqlite3
import sys

import pandas as pd
import sqlalchemy
from django.db.models.expressions import RawSQL
from flask import Flask, request

app = Flask(__name__)
ALLOWED_ORDER = {"name", "age"}
COLUMNS = {"name": "name", "age": "age"}


def where_name(name):
    return "WHERE name = '" + name + "'"


@app.route("/search")
def search():
    db = sqlite3.connect("app.db")
    # ruleid: python-sql-injection
    db.execute("SELECT * FROM users WHERE name = '" + request.args["q"] + "'")
    # ruleid: python-sql-injection
    db.executescript(request.form["script"])
    name = request.args.get("name")
    query = f"SELECT * FROM users WHERE name = '{name}'"
    # ruleid: python-sql-injection
    db.execute(query)
    # ruleid: python-sql-injection
    db.execute("SELECT * FROM users " + where_name(request.values["n"]))
    parts = ["SELECT * FROM users WHERE id =", request.args["id"]]
    # ruleid: python-sql-injection
    db.execute(" ".join(parts))
    filters = {"name": request.args["name"]}
    # ruleid: python-sql-injection
    db.execute("SELECT * FROM users WHERE name = '%s'" % filters["name"])
    return "ok"


@app.route("/user/<user_id>")
def user(user_id):
    db = sqlite3.connect("app.db")
    # ruleid: python-sql-injection
    return str(pd.read_sql("SELECT * FROM t WHERE id = %s" % user_id, db))


def django_view(request, slug):
    from app.models import User
    # ruleid: python-sql-injection
    User.objects.raw("SELECT * FROM app_user WHERE name = '%s'" % request.GET["name"])
    # ruleid: python-sql-injection
    User.objects.annotate(val=RawSQL("SELECT " + slug + " FROM t", ()))
    # ruleid: python-sql-injection
    User.objects.extra(where=["name = '%s'" % request.POST.get("name")])


def cli(session):
    args = argparse.ArgumentParser().parse_args()
    # ruleid: python-sql-injection
    session.execute(sqlalchemy.text(f"SELECT * FROM t WHERE name = '{args.name}'"))
    # ruleid: python-sql-injection
    session.execute("DELETE FROM t WHERE id = " + sys.argv[1])


@app.route("/safe")
def safe():
    db = sqlite3.connect("app.db")
    # ok: python-sql-injection
    db.execute("SELECT * FROM users WHERE name = ?", (request.args["q"],))
    # ok: python-sql-injection
    db.execute(sqlalchemy.text("SELECT * FROM t WHERE name = :name"), {"name": request.args["q"]})
    # ok: python-sql-injection
    db.execute("SELECT * FROM users LIMIT %d" % int(request.args["n"]))
    order = request.args["order"]
    if order not in ALLOWED_ORDER:
        return "bad order", 400
    # ok: python-sql-injection
    db.execute("SELECT * FROM users ORDER BY " + order)
    # ok: python-sql-injection
    db.execute("SELECT * FROM users ORDER BY " + COLUMNS.get(request.args["col"], "name"))
    name = request.args["name"]
    name = "admin"
    # ok: python-sql-injection
    db.execute("SELECT * FROM users WHERE name = '%s'" % name)
    if False:
        # ok: python-sql-injection
        db.execute("SELECT * FROM users WHERE name = '%s'" % request.args["name"])
    ids = request.args.getlist("id")
    placeholders = ",".join("?" * len(ids))
    # ok: python-sql-injection
    db.execute(f"SELECT * FROM users WHERE id IN ({placeholders})", ids)
    return "ok"


def helper(cursor, name):
    # ok: python-sql-injection
    cursor.execute("SELECT * FROM users WHERE name = '%s'" % name)
