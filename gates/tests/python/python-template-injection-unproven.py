import jinja2
from flask import Flask, render_template_string, request
from jinja2 import Environment, Template

app = Flask(__name__)
env = Environment(autoescape=True)


def greeting(name):
    # ruleid: python-template-injection-unproven
    return jinja2.Template(f"Hello {name}!").render()


def report(title):
    # ruleid: python-template-injection-unproven
    return env.from_string("<h1>%s</h1>{{ body }}" % title).render(body="")


def render_file(template_text, context):
    # ok: python-template-injection-unproven
    return env.from_string(template_text).render(**context)


def greeting_safe(name):
    # ok: python-template-injection-unproven
    return Template("Hello {{ name }}!").render(name=name)
