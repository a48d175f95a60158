import sys

import jinja2
from fastapi import FastAPI
from flask import Flask, render_template_string, request
from jinja2 import Environment, Template

app = Flask(__name__)
api = FastAPI()
env = Environment(autoescape=True)
GREETINGS = {"en": "Hello {{ name }}", "fr": "Bonjour {{ name }}"}


def page(title):
    return "<h1>" + title + "</h1>{{ body }}"


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    # ruleid: python-template-injection
    return render_template_string("<h1>Hello " + name + "</h1>")


@app.route("/preview")
def preview():
    # ruleid: python-template-injection
    return Template(request.form["template"]).render()


@app.route("/report")
def report():
    # ruleid: python-template-injection
    return env.from_string(page(request.args["title"])).render(body="")


@api.post("/render")
def render(template: str):
    parts = {"tpl": template}
    # ruleid: python-template-injection
    return jinja2.Template(parts["tpl"]).render()


def main():
    # ruleid: python-template-injection
    print(Template(sys.argv[1]).render())


@app.route("/hello2")
def hello_safe():
    # ok: python-template-injection
    page = render_template_string("<h1>Hello {{ name }}</h1>", name=request.args.get("name", ""))
    # ok: python-template-injection
    greet = Template(GREETINGS.get(request.args["lang"], "Hi")).render(name=request.args["name"])
    source = request.args["tpl"]
    source = "{{ name }}"
    # ok: python-template-injection
    other = Template(source).render(name="x")
    if False:
        # ok: python-template-injection
        Template(request.args["tpl"]).render()
    return page + greet + other


def render_file(template_text, context):
    # ok: python-template-injection
    return env.from_string(template_text).render(**context)
