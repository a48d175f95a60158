from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.post("/notifications/preview")
def preview_notification():
    payload = request.get_json()
    parts = {"header": "<b>Notice</b>", "body": payload.get("body", "")}
    source = "{header}<p>{body}</p>".format(**parts)
    return render_template_string(source, now="today")
