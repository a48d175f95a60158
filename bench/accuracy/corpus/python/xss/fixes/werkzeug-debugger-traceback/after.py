from html import escape

from flask import Flask, Response, request

app = Flask(__name__)

PAGE_HTML = """<!doctype html>
<html><head><title>%(title)s</title></head>
<body><h1>%(exception_type)s</h1><div class="detail"><p class="errormsg">%(exception)s</p></div>
<pre>%(plaintext)s</pre></body></html>"""


def render_full(exc, plaintext):
    return PAGE_HTML % {
        "title": escape("%s // Werkzeug Debugger" % exc.__class__.__name__),
        "exception_type": escape(exc.__class__.__name__),
        "exception": escape(str(exc)),
        "plaintext": escape(plaintext),
    }


@app.route("/orders")
def orders():
    page = request.args.get("page", "1")
    try:
        number = int(page)
    except ValueError as exc:
        return Response(render_full(exc, "invalid page: " + page), status=500, mimetype="text/html")
    return {"page": number}
