import html

from django.http import HttpResponse, HttpResponseServerError
from django.utils.html import format_html
from flask import Flask, make_response
from markupsafe import escape

app = Flask(__name__)
PAGE = "<html><body><h1>%s</h1><pre>%s</pre></body></html>"


def error_page(exc_value, cause):
    # ruleid: python-xss-unproven
    return HttpResponseServerError(PAGE % (exc_value, cause), content_type="text/html")


def greeting(name):
    body = f"<p>Hello, {name}!</p>"
    # ruleid: python-xss-unproven
    return make_response(body)


def banner(title):
    # ruleid: python-xss-unproven
    return HttpResponse("<h2>" + title + "</h2>")


def listing(items):
    rows = "<ul>{}</ul>".format("".join(items))
    # ruleid: python-xss-unproven
    return HttpResponse(rows)


def error_page_escaped(exc_value, cause):
    # ok: python-xss-unproven
    return HttpResponseServerError(PAGE % (escape(exc_value), html.escape(str(cause))), content_type="text/html")


def greeting_formatted(name):
    # ok: python-xss-unproven
    return HttpResponse(format_html("<p>Hello, {}!</p>", name))


def plain(name):
    # ok: python-xss-unproven
    return HttpResponse("Hello, " + name, content_type="text/plain")


def counted(n):
    # ok: python-xss-unproven
    return HttpResponse("<p>%d items</p>" % int(n))


def constant():
    # ok: python-xss-unproven
    return HttpResponse("<p>Hello</p>")
