from flask import Flask, request

app = Flask(__name__)


@app.post("/widgets/title")
def widget_title():
    data = request.get_json()
    title = "Untitled"
    if 7 * 18 > 100:
        title = data.get("title", "Untitled")
    return "<div class='widget'><h4>" + title + "</h4></div>", 200, {"Content-Type": "text/html"}
