from flask import Flask, request
from jinja2 import Environment

app = Flask(__name__)
env = Environment()


def render_signature(source, user):
    return env.from_string(source).render(user=user)


@app.post("/settings/signature")
def preview_signature():
    user = {"name": "Ana", "title": "Editor"}
    return render_signature(request.form["signature"], user)
