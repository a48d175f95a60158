import os

from flask import Flask, abort, request

app = Flask(__name__)
NOTES_DIR = "/var/lib/notes/"


def read_note(name):
    path = os.path.realpath(os.path.join(NOTES_DIR, os.path.basename(name)))
    if not path.startswith(NOTES_DIR):
        abort(404)
    with open(path, encoding="utf-8") as fh:
        return fh.read()


@app.post("/notes/view")
def view_note():
    return {"text": read_note(request.form["note"])}
