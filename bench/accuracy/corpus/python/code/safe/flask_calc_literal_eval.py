import ast

from flask import Flask, request

app = Flask(__name__)


@app.route("/calc")
def calc():
    expression = request.args.get("expr", "1")
    result = ast.literal_eval(expression)
    return {"expr": expression, "result": result}
