from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.secret_key = "replace-me"
LANGUAGES = ("en", "pt", "de")


@app.post("/profile/prefs")
def update_prefs():
    data = request.get_json()
    lang = data.get("lang", "en")
    if lang not in LANGUAGES:
        lang = "en"
    session["lang"] = lang
    return jsonify(session.get("lang"))
