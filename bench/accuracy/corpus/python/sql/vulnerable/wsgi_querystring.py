import sqlite3
from urllib.parse import parse_qs


def application(environ, start_response):
    params = parse_qs(environ.get("QUERY_STRING", ""))
    city = params.get("city", [""])[0]
    conn = sqlite3.connect("weather.db")
    rows = conn.execute("SELECT day, temp FROM readings WHERE city = '%s'" % city).fetchall()
    body = "\n".join(f"{day}: {temp}" for day, temp in rows).encode()
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [body]
