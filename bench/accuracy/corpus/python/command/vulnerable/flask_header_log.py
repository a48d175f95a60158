import subprocess

from flask import Flask, request

app = Flask(__name__)


def log_client(agent):
    subprocess.call(["sh", "-c", "echo " + agent + " >> /var/log/agents.log"])


@app.route("/")
def index():
    log_client(request.headers.get("User-Agent", "unknown"))
    return "welcome"
