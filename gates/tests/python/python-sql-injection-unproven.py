import sqlite3

import pandas as pd
import sqlalchemy
from django.db.models.expressions import RawSQL
from flask import Flask, request

app = Flask(__name__)
ALLOWED_ORDER = {"name": "name", "age": "age"}


def by_name(cursor, name):
    # ruleid: python-sql-injection-unproven
    cursor.execute("SELECT * FROM users WHERE name = '%s'" % name)


def by_name_format(cursor, name):
    # ruleid: python-sql-injection-unproven
    cursor.execute("SELECT * FROM users WHERE name = '{}'".format(name))


def by_name_fstring(conn, name):
    query = f"SELECT * FROM users WHERE name = '{name}'"
    # ruleid: python-sql-injection-unproven
    conn.execute(query)


def by_name_appended(cursor, name):
    query = "SELECT * FROM users WHERE active = 1"
    query += " AND name = '" + name + "'"
    # ruleid: python-sql-injection-unproven
    cursor.execute(query)


class Repo:
    def delete(self, table):
        # ruleid: python-sql-injection-unproven
        self.cursor.execute("DELETE FROM {} WHERE expired = 1".format(table))

    def raw(self, manager, name):
        # ruleid: python-sql-injection-unproven
        return manager.raw(f"SELECT * FROM app_user WHERE name = '{name}'")

    def annotate(self, qs, column):
        # ruleid: python-sql-injection-unproven
        return qs.annotate(val=RawSQL("SELECT " + column + " FROM t", ()))

    def frame(self, engine, user_id):
        # ruleid: python-sql-injection-unproven
        return pd.read_sql("SELECT * FROM t WHERE id = %s" % user_id, engine)

    def text(self, session, name):
        # ruleid: python-sql-injection-unproven
        return session.execute(sqlalchemy.text(f"SELECT * FROM t WHERE name = '{name}'"))


def parameterized(cursor, name):
    # ok: python-sql-injection-unproven
    cursor.execute("SELECT * FROM users WHERE name = %s", (name,))


def parameterized_named(session, name):
    # ok: python-sql-injection-unproven
    session.execute(sqlalchemy.text("SELECT * FROM t WHERE name = :name"), {"name": name})


def in_list(cursor, ids):
    placeholders = ",".join("?" * len(ids))
    # ok: python-sql-injection-unproven
    cursor.execute(f"SELECT * FROM users WHERE id IN ({placeholders})", ids)


def limit(cursor, n):
    query = "SELECT * FROM users LIMIT %d" % int(n)
    # ok: python-sql-injection-unproven
    cursor.execute(query)


def passthrough(cursor, query, params):
    # ok: python-sql-injection-unproven
    cursor.execute(query, params)


class Store:
    def count(self):
        # ok: python-sql-injection-unproven
        self.cursor.execute(f"SELECT COUNT(*) FROM {self.table}")


TABLES = ("users", "groups")


def constant_tables(cursor):
    for table in TABLES:
        # ok: python-sql-injection-unproven
        cursor.execute("SELECT COUNT(*) FROM " + table)


def constant_query(cursor):
    base = "SELECT * FROM users"
    # ok: python-sql-injection-unproven
    cursor.execute(base + " WHERE active = 1")


def orm(manager, name):
    # ok: python-sql-injection-unproven
    return manager.raw("SELECT * FROM app_user WHERE name = %s", [name])
