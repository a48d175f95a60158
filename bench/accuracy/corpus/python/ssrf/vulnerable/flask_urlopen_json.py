from urllib.request import urlopen

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/import/feed")
def import_feed():
    feeds = request.get_json().get("feeds", [])
    sizes = {}
    for feed in feeds:
        with urlopen(feed, timeout=5) as resp:
            sizes[feed] = len(resp.read())
    return jsonify(sizes)
