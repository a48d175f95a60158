import xml.sax
from xml.dom import pulldom

from flask import Flask, request
from lxml import etree

app = Flask(__name__)


def body(data):
    return data.strip()


@app.route("/import", methods=["POST"])
def import_xml():
    parser = etree.XMLParser(resolve_entities=True, no_network=False)
    # ruleid: python-xxe
    tree = etree.fromstring(request.data, parser)
    # ruleid: python-xxe
    other = etree.fromstring(body(request.get_data()), parser=parser)
    docs = [request.files["doc"].read()]
    # ruleid: python-xxe
    third = etree.XML(docs[0])
    return str((tree, other, third))


@app.route("/sax", methods=["POST"])
def sax_import():
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    # ruleid: python-xxe
    events = pulldom.parseString(request.data, parser)
    return str(events)


@app.route("/safe", methods=["POST"])
def safe():
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    # ok: python-xxe
    tree = etree.fromstring(request.data, parser)
    # ok: python-xxe
    constant = etree.fromstring(b"<a/>")
    data = request.data
    data = b"<config/>"
    # ok: python-xxe
    config = etree.fromstring(data)
    if False:
        # ok: python-xxe
        etree.fromstring(request.data)
    return str((tree, constant, config))
