from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.secret_key = "replace-me"


@app.post("/profile/prefs")
def update_prefs():
    data = request.get_json()
    prefs = {"lang": data.get("lang", "en"), "is_admin": data.get("is_admin", False)}
    session.update(prefs)
    return jsonify(session.get("lang"))
