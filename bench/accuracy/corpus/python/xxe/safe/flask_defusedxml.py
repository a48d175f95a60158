from defusedxml import ElementTree as SafeET
from flask import Flask, request

app = Flask(__name__)


@app.post("/orders/import")
def import_orders():
    doc = SafeET.fromstring(request.data)
    return {"orders": len(doc.findall("order"))}
