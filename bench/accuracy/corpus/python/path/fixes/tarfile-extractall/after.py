import os
import tarfile

from flask import Flask, abort, request

app = Flask(__name__)
DATASETS = "/srv/datasets"


def is_within_directory(directory, target):
    abs_directory = os.path.abspath(directory)
    abs_target = os.path.abspath(target)
    prefix = os.path.commonprefix([abs_directory, abs_target])
    return prefix == abs_directory


def safe_extract(tar, path="."):
    for member in tar.getmembers():
        member_path = os.path.join(path, member.name)
        if not is_within_directory(path, member_path):
            abort(400, "Attempted path traversal in tar file")
    tar.extractall(path)


@app.post("/datasets")
def upload_dataset():
    upload = request.files["archive"]
    with tarfile.open(fileobj=upload.stream, mode="r:*") as tar:
        safe_extract(tar, DATASETS)
    return {"status": "extracted"}
