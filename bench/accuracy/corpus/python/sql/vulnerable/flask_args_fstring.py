import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)


def get_db():
    return sqlite3.connect("shop.db")


@app.route("/products")
def search_products():
    name = request.args.get("name", "")
    conn = get_db()
    cur = conn.cursor()
    cur.execute(f"SELECT id, name, price FROM products WHERE name LIKE '%{name}%'")
    rows = cur.fetchall()
    return jsonify([{"id": r[0], "name": r[1], "price": r[2]} for r in rows])
