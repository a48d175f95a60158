import subprocess

from flask import Flask, request

app = Flask(__name__)


def log_client(agent):
    subprocess.call(["sh", "-c", "echo client >> /var/log/agents.log"])
    return agent


@app.route("/")
def index():
    log_client(request.headers.get("User-Agent", "unknown"))
    return "welcome"
