from flask import Flask, redirect, request, session

app = Flask(__name__)
app.secret_key = "dev"


@app.post("/login")
def login():
    session["user"] = "ana"
    next_url = request.args.get("next", "/")
    return redirect(next_url)
