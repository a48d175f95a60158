from flask import Flask, request

app = Flask(__name__)


@app.post("/contacts/import")
def import_contacts():
    payload = request.get_json()
    names = [contact["name"] for contact in payload.get("contacts", [])]
    return {"contacts": names}
