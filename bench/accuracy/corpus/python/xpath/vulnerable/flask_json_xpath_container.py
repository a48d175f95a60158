from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
CONFIG = etree.parse("settings.xml")


@app.post("/settings/query")
def query_settings():
    body = request.get_json()
    path = {"section": body["section"], "key": body["key"]}
    expression = "/settings/{section}/{key}/text()".format(**path)
    return jsonify(values=[str(v) for v in CONFIG.xpath(expression)])
