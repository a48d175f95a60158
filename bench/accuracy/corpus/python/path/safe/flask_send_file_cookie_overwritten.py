from flask import Flask, request, send_file

app = Flask(__name__)


@app.route("/export")
def export():
    settings = {"format": "csv", "file": request.cookies.get("last_export", "latest.csv")}
    settings["file"] = "latest.csv"
    path = "/srv/exports/{}".format(settings["file"])
    return send_file(path, mimetype="text/csv")
