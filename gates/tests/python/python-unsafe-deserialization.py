import base64
import marshal
import pickle
import sys

import yaml
from flask import Flask, request

app = Flask(__name__)


def decode(blob):
    return base64.b64decode(blob)


@app.route("/restore", methods=["POST"])
def restore():
    # ruleid: python-unsafe-deserialization
    state = pickle.loads(request.data)
    cookie = request.cookies.get("prefs")
    # ruleid: python-unsafe-deserialization
    prefs = pickle.loads(decode(cookie))
    # ruleid: python-unsafe-deserialization
    config = yaml.load(request.form["config"], Loader=yaml.Loader)
    blobs = [request.files["state"].read()]
    # ruleid: python-unsafe-deserialization
    code = marshal.loads(blobs[0])
    return str((state, prefs, config, code))


def main():
    with open(sys.argv[1], "rb") as handle:
        # ruleid: python-unsafe-deserialization
        return pickle.load(handle)


@app.route("/safe", methods=["POST"])
def safe(err=None):
    # ok: python-unsafe-deserialization
    config = yaml.load(request.form["config"], Loader=yaml.SafeLoader)
    # ok: python-unsafe-deserialization
    copy = pickle.loads(pickle.dumps(err))
    data = request.data
    data = pickle.dumps({"empty": True})
    # ok: python-unsafe-deserialization
    state = pickle.loads(data)
    if False:
        # ok: python-unsafe-deserialization
        pickle.loads(request.data)
    return str((config, copy, state))


def load_cache(path):
    with open(path, "rb") as handle:
        # ok: python-unsafe-deserialization
        return pickle.load(handle)
