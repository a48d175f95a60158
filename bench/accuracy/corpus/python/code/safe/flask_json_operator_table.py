import operator

from flask import Flask, jsonify, request

app = Flask(__name__)
OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}


@app.post("/metrics/derived")
def derived_metric():
    spec = request.get_json()
    values = {"visits": 1200, "signups": 48}
    left, right = values[spec["left"]], values[spec["right"]]
    return jsonify(value=OPS[spec["op"]](left, right))
