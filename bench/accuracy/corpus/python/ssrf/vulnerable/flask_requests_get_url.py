import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/fetch")
def fetch():
    url = request.args["url"]
    resp = requests.get(url, timeout=5)
    return resp.text, resp.status_code
