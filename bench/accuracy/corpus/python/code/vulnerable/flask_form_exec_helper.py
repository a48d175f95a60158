from flask import Flask, request

app = Flask(__name__)


def apply_rule(rule_source, order):
    scope = {"order": order, "discount": 0}
    exec(rule_source, {}, scope)
    return scope["discount"]


@app.post("/pricing/preview")
def preview():
    order = {"total": 120.0, "items": 3}
    discount = apply_rule(request.form["rule"], order)
    return {"discount": discount}
