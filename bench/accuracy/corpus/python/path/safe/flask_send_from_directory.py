from flask import Flask, request, send_from_directory

app = Flask(__name__)
REPORTS = "/srv/app/reports"


@app.route("/reports/download")
def download_report():
    name = request.args.get("file")
    return send_from_directory(REPORTS, name, as_attachment=True)
