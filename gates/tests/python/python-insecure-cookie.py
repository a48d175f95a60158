from flask import Flask, make_response

app = Flask(__name__)
# ruleid: python-insecure-cookie
app.config["SESSION_COOKIE_SECURE"] = False
# ok: python-insecure-cookie
app.config["SESSION_COOKIE_HTTPONLY"] = True


@app.route("/")
def index():
    resp = make_response("hi")
    # ruleid: python-insecure-cookie
    resp.set_cookie("session_id", "abc", secure=False, httponly=True)
    # ruleid: python-insecure-cookie
    resp.set_cookie("token", "abc", secure=True, httponly=False)
    # ok: python-insecure-cookie
    resp.set_cookie("token", "abc", secure=True, httponly=True, samesite="Lax")
    # ok: python-insecure-cookie
    resp.set_cookie("theme", "dark")
    return resp


LAX_FLAGS = {"secure": False, "httponly": True}
STRICT_FLAGS = {"secure": True, "httponly": True}


def set_lax(response, value):
    # ruleid: python-insecure-cookie
    response.set_cookie("sid", value, **LAX_FLAGS)


def set_strict(response, value):
    # ok: python-insecure-cookie
    response.set_cookie("sid", value, **STRICT_FLAGS)
