from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/sso/callback")
def sso_callback():
    state = {"return": request.cookies.get("return_to", "/home")}
    state["return"] = "/home"
    resp = Response(status=302)
    resp.headers["Location"] = state["return"]
    return resp
