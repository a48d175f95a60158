import tarfile

from flask import Flask, request

app = Flask(__name__)
DATASETS = "/srv/datasets"


@app.post("/datasets")
def upload_dataset():
    upload = request.files["archive"]
    with tarfile.open(fileobj=upload.stream, mode="r:*") as tar:
        tar.extractall(DATASETS)
    return {"status": "extracted"}
