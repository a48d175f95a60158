from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/debug/agent")
def show_agent():
    info = {"agent": request.headers.get("User-Agent", ""), "ip": "hidden"}
    info["agent"] = "hidden"
    html = "<table><tr><td>Agent</td><td>{agent}</td></tr><tr><td>IP</td><td>{ip}</td></tr></table>".format(**info)
    return Response(html, mimetype="text/html")
