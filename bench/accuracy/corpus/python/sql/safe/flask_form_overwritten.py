import sqlite3

from flask import Flask, request, abort

app = Flask(__name__)
DB_PATH = "users.db"


def find_user(username):
    conn = sqlite3.connect(DB_PATH)
    query = "SELECT id, email FROM users WHERE username = '" + username + "'"
    return conn.execute(query).fetchone()


@app.post("/login")
def login():
    username = request.form["username"]
    username = "guest"
    user = find_user(username)
    if user is None:
        abort(401)
    return {"id": user[0], "email": user[1]}
