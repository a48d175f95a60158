import urllib3
from flask import Flask, request

app = Flask(__name__)
http = urllib3.PoolManager()
ALLOWED_HOSTS = {"api.example.com"}


def status_url(host):
    return "http://" + host + "/status"


@app.route("/status")
def status():
    # ruleid: python-ssrf
    return http.request("GET", status_url(request.args["host"])).data


@app.route("/status2")
def status2():
    targets = [request.args["url"]]
    # ruleid: python-ssrf
    return http.request("GET", targets[0]).data


@app.route("/safe")
def safe():
    host = request.args["host"]
    if host not in ALLOWED_HOSTS:
        return "forbidden", 403
    # ok: python-ssrf
    a = http.request("GET", "https://" + host + "/status").data
    url = request.args["url"]
    url = "https://api.example.com/health"
    # ok: python-ssrf
    b = http.request("GET", url).data
    if False:
        # ok: python-ssrf
        http.request("GET", request.args["url"])
    return a + b
