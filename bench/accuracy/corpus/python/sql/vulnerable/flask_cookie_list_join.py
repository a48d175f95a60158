import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/recent")
def recent():
    tags = request.cookies.get("tags", "news").split(",")
    quoted = ["'" + t + "'" for t in tags]
    sql = "SELECT title FROM posts WHERE tag IN (" + ", ".join(quoted) + ") LIMIT 20"
    db = sqlite3.connect("blog.db")
    titles = [row[0] for row in db.execute(sql)]
    return "<br>".join(titles)
