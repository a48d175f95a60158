import xml.etree.ElementTree as ET

from flask import Flask, request
from lxml import etree

app = Flask(__name__)
doc = etree.parse("users.xml")
FIELDS = {"name": "name", "mail": "mail"}


def by_name(name):
    return "//user[@name='" + name + "']"


@app.route("/user")
def user():
    # ruleid: python-xpath-injection
    return str(doc.xpath("//user[@name='" + request.args["name"] + "']"))


@app.route("/user2")
def user2():
    # ruleid: python-xpath-injection
    return str(doc.xpath(by_name(request.args["name"])))


@app.route("/user3")
def user3():
    tree = ET.parse("users.xml")
    root = tree.getroot()
    queries = [f"./user[@id='{request.args['id']}']"]
    # ruleid: python-xpath-injection
    return str(root.find(queries[0]))


@app.route("/safe")
def safe():
    # ok: python-xpath-injection
    a = doc.xpath("//user[@name=$name]", name=request.args["name"])
    # ok: python-xpath-injection
    b = doc.xpath("//user/" + FIELDS.get(request.args["field"], "name"))
    # ok: python-xpath-injection
    c = doc.xpath("//user[%d]" % int(request.args["n"]))
    q = request.args["q"]
    q = "//user"
    # ok: python-xpath-injection
    d = doc.xpath(q)
    if False:
        # ok: python-xpath-injection
        doc.xpath(request.args["q"])
    # ok: python-xpath-injection
    e = request.args["name"].find("x")
    return str((a, b, c, d, e))
