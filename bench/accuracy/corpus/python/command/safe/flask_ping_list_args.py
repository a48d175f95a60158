import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/tools/ping")
def ping():
    host = request.args.get("host", "localhost")
    result = subprocess.run(["ping", "-c", "3", "--", host], capture_output=True, text=True)
    return "<pre>" + result.stdout + "</pre>"
