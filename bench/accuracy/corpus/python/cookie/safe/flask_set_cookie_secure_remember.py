import secrets

from flask import Flask, make_response

app = Flask(__name__)


@app.post("/remember")
def remember_me():
    resp = make_response("remembered")
    resp.set_cookie("remember_token", secrets.token_urlsafe(32), max_age=30 * 86400, httponly=True, secure=True)
    return resp
