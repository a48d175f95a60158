from flask import Flask, make_response, request

app = Flask(__name__)


@app.post("/login")
def login():
    token = request.form["token"]
    resp = make_response({"ok": True})
    resp.set_cookie("session_token", token)
    return resp
