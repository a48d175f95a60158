from flask import Flask, request

app = Flask(__name__)
RULES = {
    "bulk": "discount = order['total'] * 0.1 if order['items'] > 2 else 0",
    "none": "discount = 0",
}


def apply_rule(rule_source, order):
    scope = {"order": order, "discount": 0}
    exec(rule_source, {}, scope)
    return scope["discount"]


@app.post("/pricing/preview")
def preview():
    order = {"total": 120.0, "items": 3}
    rule_name = request.form.get("rule", "none")
    discount = apply_rule(RULES.get(rule_name, RULES["none"]), order)
    return {"discount": discount}
