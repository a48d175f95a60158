from xml.dom import pulldom

from flask import Flask, request

app = Flask(__name__)


@app.post("/contacts/import")
def import_contacts():
    events = pulldom.parseString(request.get_data(as_text=True))
    names = []
    for event, node in events:
        if event == pulldom.START_ELEMENT and node.tagName == "name":
            events.expandNode(node)
            names.append(node.toxml())
    return {"contacts": names}
