from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/metrics/derived")
def derived_metric():
    spec = request.get_json()
    parts = [spec["left"], spec["op"], spec["right"]]
    expression = " ".join(parts)
    values = {"visits": 1200, "signups": 48}
    return jsonify(value=eval(expression, {}, values))
