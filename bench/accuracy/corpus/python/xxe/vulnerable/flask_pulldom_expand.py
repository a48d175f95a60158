import xml.sax
from xml.dom import pulldom

from flask import Flask, request

app = Flask(__name__)


@app.post("/contacts/import")
def import_contacts():
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    events = pulldom.parseString(request.get_data(as_text=True), parser=parser)
    names = []
    for event, node in events:
        if event == pulldom.START_ELEMENT and node.tagName == "name":
            events.expandNode(node)
            names.append(node.toxml())
    return {"contacts": names}
