import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/recent")
def recent():
    tags = request.cookies.get("tags", "news").split(",")
    placeholders = ", ".join("?" for _ in tags)
    sql = "SELECT title FROM posts WHERE tag IN (" + placeholders + ") LIMIT 20"
    db = sqlite3.connect("blog.db")
    titles = [row[0] for row in db.execute(sql, tags)]
    return "<br>".join(titles)
