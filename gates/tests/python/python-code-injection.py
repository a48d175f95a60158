import ast
import json
import sys

from flask import Flask, request

app = Flask(__name__)
OPERATIONS = {"double": "x * 2", "square": "x ** 2"}


def wrap(expr):
    return "result = " + expr


@app.route("/calc")
def calc():
    # ruleid: python-code-injection
    value = eval(request.args["expr"])
    code = request.form.get("code")
    # ruleid: python-code-injection
    exec(code, {})
    # ruleid: python-code-injection
    exec(wrap(request.values["e"]), {})
    payload = {"expr": request.json["expr"]}
    # ruleid: python-code-injection
    compiled = compile(payload["expr"], "<input>", "eval")
    return str(value), compiled


def main():
    # ruleid: python-code-injection
    print(eval(sys.argv[1]))


@app.route("/safe")
def safe():
    # ok: python-code-injection
    a = ast.literal_eval(request.args["value"])
    # ok: python-code-injection
    b = eval(OPERATIONS[request.args["op"]], {"x": 2})
    # ok: python-code-injection
    c = eval("1 + %d" % int(request.args["n"]))
    expr = request.args["expr"]
    expr = "1 + 1"
    # ok: python-code-injection
    d = eval(expr)
    if False:
        # ok: python-code-injection
        eval(request.args["expr"])
    # ok: python-code-injection
    e = json.loads(request.data)
    return str((a, b, c, d, e))


def evaluate(expression):
    # ok: python-code-injection
    return eval(expression)
