from flask import Flask, request
from jinja2 import Environment

app = Flask(__name__)
env = Environment()
SIGNATURES = {
    "short": "{{ user.name }}",
    "full": "{{ user.name }}, {{ user.title }}",
}


def render_signature(source, user):
    return env.from_string(source).render(user=user)


@app.post("/settings/signature")
def preview_signature():
    user = {"name": "Ana", "title": "Editor"}
    choice = request.form.get("signature", "short")
    return render_signature(SIGNATURES.get(choice, SIGNATURES["short"]), user)
