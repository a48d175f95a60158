import jinja2
from flask import Flask, render_template_string, request
from jinja2 import Environment, Template

app = Flask(__name__)
env = Environment(autoescape=True)


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    # ruleid: python-template-injection
    return render_template_string("<h1>Hello " + name + "</h1>")


@app.route("/preview")
def preview():
    # ruleid: python-template-injection
    return Template(request.form["template"]).render()


def greeting(name):
    # ruleid: python-template-injection
    return jinja2.Template(f"Hello {name}!").render()


def report(title):
    # ruleid: python-template-injection
    return env.from_string("<h1>%s</h1>{{ body }}" % title).render(body="")


@app.route("/hello2")
def hello_safe():
    # ok: python-template-injection
    return render_template_string("<h1>Hello {{ name }}</h1>", name=request.args.get("name", ""))


def render_file(template_text, context):
    # ok: python-template-injection
    return env.from_string(template_text).render(**context)


def greeting_safe(name):
    # ok: python-template-injection
    return Template("Hello {{ name }}!").render(name=name)
