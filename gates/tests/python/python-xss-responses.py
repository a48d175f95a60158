import html
from urllib.parse import parse_qs

from django.http import HttpResponse, HttpResponseNotFound
from flask import Flask, Response, request, send_file

app = Flask(__name__)


def shout(words):
    return "<b>" + html.escape(words).upper() + "</b>"


def banner(words):
    return "<b>" + words + "</b>"


@app.post("/echo")
def echo_post():
    # ruleid: python-xss
    return "<p>" + request.form["text"] + "</p>"


@app.get("/download")
def download():
    # ok: python-xss
    return send_file(request.args["name"])


@app.get("/shout")
def shout_view():
    # ok: python-xss
    return Response(shout(request.args["w"]), mimetype="text/html")


@app.get("/banner")
def banner_view():
    # ruleid: python-xss
    return Response(banner(request.args["w"]), mimetype="text/html")


def missing_page(request):
    # ruleid: python-xss
    return HttpResponseNotFound("<h1>No page " + request.GET["page"] + "</h1>")


def streamed(request):
    out = HttpResponse()
    out.write("<ul>")
    # ruleid: python-xss
    out.write("<li>" + request.GET["item"] + "</li>")
    return out


def streamed_text(request):
    out = HttpResponse(content_type="text/plain")
    # ok: python-xss
    out.write(request.GET["item"])
    return out


def streamed_html(request):
    out = HttpResponse(content_type="text/html; charset=utf-8")
    # ruleid: python-xss
    out.write(request.GET["item"])
    return out


def wsgi_page(environ, start_response):
    name = parse_qs(environ.get("QUERY_STRING", "")).get("name", [""])[0]
    start_response("200 OK", [("Content-Type", "text/html")])
    # ruleid: python-xss
    return [("<p>" + name + "</p>").encode()]


def wsgi_text(environ, start_response):
    name = parse_qs(environ.get("QUERY_STRING", "")).get("name", [""])[0]
    start_response("200 OK", [("Content-Type", "text/plain")])
    # ok: python-xss
    return [name.encode()]
