import os

from flask import Flask, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
THEMES = "/srv/app/themes"


@app.post("/themes/upload")
def upload_theme():
    upload = request.files["theme"]
    filename = secure_filename(upload.filename)
    upload.save(os.path.join(THEMES, filename))
    return {"uploaded": filename}
