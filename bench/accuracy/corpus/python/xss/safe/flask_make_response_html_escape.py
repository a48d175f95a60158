import html

from flask import Flask, make_response, request

app = Flask(__name__)


def render_error(message):
    markup = "<div class='error'>" + html.escape(message) + "</div>"
    return make_response(markup, 400)


@app.route("/search")
def search():
    term = request.args.get("q", "")
    if len(term) < 3:
        return render_error("Search term too short: " + term)
    return {"results": []}
