import os
import shutil
from pathlib import Path

from flask import Flask, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
UPLOADS = "/srv/uploads"


@app.route("/delete", methods=["POST"])
def delete():
    # ruleid: python-destructive-request-path
    os.remove(os.path.join(UPLOADS, request.form["name"]))


@app.route("/workspace/<name>", methods=["DELETE"])
def drop_workspace(name):
    # ruleid: python-destructive-request-path
    shutil.rmtree("/srv/workspaces/" + name)


@app.route("/forget", methods=["POST"])
def forget():
    # ruleid: python-destructive-request-path
    Path(request.json["path"]).unlink()


@app.route("/delete2", methods=["POST"])
def delete_safe():
    # ok: python-destructive-request-path
    os.remove(os.path.join(UPLOADS, secure_filename(request.form["name"])))


def cleanup(tmpdir):
    # ok: python-destructive-request-path
    shutil.rmtree(tmpdir)
