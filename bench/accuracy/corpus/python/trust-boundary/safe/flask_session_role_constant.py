from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = "replace-me"


@app.route("/set-role")
def set_role():
    requested = request.args.get("role", "viewer")
    session["role"] = "viewer"
    return {"role": session["role"], "requested": requested}
