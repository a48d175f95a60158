import html

from django.http import HttpResponse
from django.utils.safestring import mark_safe
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from flask import Flask, jsonify, make_response, render_template, request
from markupsafe import Markup, escape

app = Flask(__name__)
api = FastAPI()
THEMES = {"dark": "<body class=dark>", "light": "<body>"}


def card(title):
    return "<div class=card>" + title + "</div>"


@app.route("/hello")
def hello():
    # ruleid: python-xss
    return "<h1>Hello " + request.args.get("name", "") + "</h1>"


@app.route("/profile")
def profile():
    bio = request.form["bio"]
    # ruleid: python-xss
    return make_response(f"<p>{bio}</p>")


@app.route("/card")
def show_card():
    # ruleid: python-xss
    return Markup(card(request.args["title"]))


@app.route("/list")
def show_list():
    items = ["<li>" + request.args["item"] + "</li>"]
    # ruleid: python-xss
    return "<ul>" + "".join(items) + "</ul>"


def django_view(request):
    # ruleid: python-xss
    return HttpResponse("<p>" + request.GET["q"] + "</p>")


def django_safe_string(request):
    # ruleid: python-xss
    return HttpResponse(mark_safe(request.POST["html"]))


@api.get("/page")
def page(q: str):
    # ruleid: python-xss
    return HTMLResponse(f"<h1>{q}</h1>")


@app.route("/safe")
def safe():
    # ok: python-xss
    a = make_response("<h1>Hello " + escape(request.args["name"]) + "</h1>")
    # ok: python-xss
    b = make_response("<p>" + html.escape(request.args["bio"]) + "</p>")
    # ok: python-xss
    c = make_response(THEMES.get(request.args["theme"], "<body>"))
    # ok: python-xss
    d = make_response(render_template("hello.html", name=request.args["name"]))
    # ok: python-xss
    e = make_response("<p>%d items</p>" % int(request.args["n"]))
    name = request.args["name"]
    name = "world"
    # ok: python-xss
    f = make_response("<h1>Hello " + name + "</h1>")
    if False:
        # ok: python-xss
        make_response(request.args["html"])
    # ok: python-xss
    g = make_response(request.args["q"], 200, {"Content-Type": "text/plain"})
    return a, b, c, d, e, f, g


@app.route("/api")
def api_view():
    # ok: python-xss
    return jsonify(name=request.args["name"])


@app.route("/api2")
def api_view2():
    # ok: python-xss
    return {"name": request.args["name"]}


def render_badge(label):
    # ok: python-xss
    return Markup("<b>%s</b>" % label)
