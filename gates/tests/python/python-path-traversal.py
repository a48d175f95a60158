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


def prefix(name):
    return os.path.join(UPLOADS, name)


@app.route("/read2")
def read2():
    # ruleid: python-path-traversal
    return open(prefix(request.args["name"])).read()


@app.route("/read3")
def read3():
    names = [request.args["a"], request.args["b"]]
    # ruleid: python-path-traversal
    return open(os.path.join(UPLOADS, names[0])).read()


@app.route("/theme", methods=["POST"])
def theme():
    import tarfile
    # ruleid: python-path-traversal
    tarfile.open(fileobj=request.files["theme"]).extractall("/srv/themes")


@app.route("/read4")
def read4():
    path = os.path.realpath(os.path.join(UPLOADS, request.args["name"]))
    if not path.startswith(UPLOADS + os.sep):
        return "forbidden", 403
    # ok: python-path-traversal
    return open(path).read()


@app.route("/read5")
def read5():
    name = request.args["name"]
    name = "index.html"
    # ok: python-path-traversal
    a = open(os.path.join(UPLOADS, name)).read()
    if False:
        # ok: python-path-traversal
        open(request.args["name"]).read()
    # ok: python-path-traversal
    b = open(os.path.join(UPLOADS, "%d.txt" % int(request.args["id"]))).read()
    return a + b


def cli_main():
    import sys
    # ok: python-path-traversal
    return open(sys.argv[1]).read()
