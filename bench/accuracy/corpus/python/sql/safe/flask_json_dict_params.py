import psycopg2
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/reports")
def report():
    payload = request.get_json()
    filters = {"region": payload.get("region"), "year": payload.get("year")}
    clauses, params = [], []
    for column, value in filters.items():
        if value:
            clauses.append(f"{column} = %s")
            params.append(value)
    where = " AND ".join(clauses) or "1=1"
    conn = psycopg2.connect("dbname=sales")
    cur = conn.cursor()
    cur.execute("SELECT region, SUM(amount) FROM sales WHERE " + where + " GROUP BY region", params)
    return jsonify(cur.fetchall())
