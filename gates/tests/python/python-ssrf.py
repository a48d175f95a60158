import urllib.request

import httpx
import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/fetch")
def fetch():
    url = request.args["url"]
    # ruleid: python-ssrf
    return requests.get(url).text


@app.route("/proxy", methods=["POST"])
def proxy():
    target = request.json.get("target")
    # ruleid: python-ssrf
    return urllib.request.urlopen(target).read()


@app.post("/hook")
async def hook(callback_url: str):
    async with httpx.AsyncClient() as client:
        # ruleid: python-ssrf
        await client.post(callback_url, json={"ok": True})


@app.route("/image")
def image():
    session = requests.Session()
    # ruleid: python-ssrf
    return session.get("http://" + request.args["host"] + "/img.png").content


@app.route("/user")
def user():
    user_id = request.args["id"]
    # ok: python-ssrf
    return requests.get(f"https://api.example.com/users/{user_id}").json()


@app.route("/user2")
def user2():
    # ok: python-ssrf
    return requests.get("https://api.example.com/users/" + request.args["id"]).json()


@app.route("/search")
def search():
    # ok: python-ssrf
    return requests.get("https://api.example.com/search", params={"q": request.args["q"]}).json()


def client_helper(url):
    # ok: python-ssrf
    return requests.get(url, timeout=5)


def replay(client, request):
    # ok: python-ssrf
    return requests.get(request.url, timeout=5)
