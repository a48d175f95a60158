from flask import Flask, make_response

app = Flask(__name__)


@app.route("/")
def index(options):
    resp = make_response("hi")
    # ruleid: python-cookie-flags-missing
    resp.set_cookie("session_id", "abc")
    # ruleid: python-cookie-flags-missing
    resp.set_cookie("token", "abc", secure=True)
    # ok: python-cookie-flags-missing
    resp.set_cookie("token", "abc", secure=True, httponly=True, samesite="Lax")
    # ok: python-cookie-flags-missing
    resp.set_cookie("prefs", "x", **options)
    # ok: python-cookie-flags-missing
    resp.delete_cookie("token")
    return resp
