from flask import Flask, render_template, request
from markupsafe import Markup, escape

app = Flask(__name__)


@app.post("/preview")
def preview_comment():
    body = request.form.get("body", "")
    rendered = Markup("<p>%s</p>") % escape(body)
    return render_template("preview.html", comment=rendered)
