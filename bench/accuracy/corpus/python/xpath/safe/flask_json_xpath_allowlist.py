from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
CONFIG = etree.parse("settings.xml")
KEYS = {("mail", "host"), ("mail", "port"), ("ui", "theme")}


@app.post("/settings/query")
def query_settings():
    body = request.get_json()
    if (body["section"], body["key"]) not in KEYS:
        abort(404)
    path = {"section": body["section"], "key": body["key"]}
    expression = "/settings/{section}/{key}/text()".format(**path)
    return jsonify(values=[str(v) for v in CONFIG.xpath(expression)])
