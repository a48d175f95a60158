from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = "replace-me"


@app.route("/set-role")
def set_role():
    session["role"] = request.args.get("role", "viewer")
    return {"role": session["role"]}
