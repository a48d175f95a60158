from urllib.parse import urlparse

from flask import Flask, redirect, request, session, url_for

app = Flask(__name__)
app.secret_key = "dev"


@app.post("/login")
def login():
    session["user"] = "ana"
    next_url = request.args.get("next", "/")
    parsed = urlparse(next_url)
    if parsed.scheme or parsed.netloc or not next_url.startswith("/") or next_url.startswith("//") or "\\" in next_url:
        next_url = url_for("index")
    return redirect(next_url)


@app.route("/")
def index():
    return "home"
