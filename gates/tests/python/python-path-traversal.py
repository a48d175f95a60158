import os

from flask import Flask, request, send_file, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
UPLOADS = "/srv/uploads"


@app.route("/read")
def read():
    name = request.args["name"]
    # ruleid: python-path-traversal
    with open(os.path.join(UPLOADS, name)) as handle:
        return handle.read()


@app.route("/download/<path:filename>")
def download(filename):
    # ruleid: python-path-traversal
    return send_file(os.path.join(UPLOADS, filename))


def django_view(request):
    # ruleid: python-path-traversal
    return open(request.GET["path"], "rb").read()


@app.route("/safe")
def safe():
    name = secure_filename(request.args["name"])
    # ok: python-path-traversal
    with open(os.path.join(UPLOADS, name)) as handle:
        return handle.read()


@app.route("/safe2/<path:filename>")
def safe2(filename):
    # ok: python-path-traversal
    return send_from_directory(UPLOADS, filename)


@app.route("/safe3")
def safe3():
    # ok: python-path-traversal
    return send_file(os.path.join(UPLOADS, os.path.basename(request.args["name"])))


def load_config(path):
    # ok: python-path-traversal
    with open(path) as handle:
        return handle.read()
