from flask import Flask, request

app = Flask(__name__)
NOTES_DIR = "/var/lib/notes/"


def read_note(name):
    with open(NOTES_DIR + name, encoding="utf-8") as fh:
        return fh.read()


@app.post("/notes/view")
def view_note():
    return {"text": read_note(request.form["note"])}
