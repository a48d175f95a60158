import tarfile

from flask import Flask, request

app = Flask(__name__)


@app.post("/themes/install")
def install_theme():
    upload = request.files["theme"]
    upload.save("/tmp/theme.tar.gz")
    with tarfile.open("/tmp/theme.tar.gz") as archive:
        archive.extractall("/srv/app/themes")
    return {"installed": upload.filename}
