import ldap
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/directory/search")
def search():
    criteria = request.get_json()
    criteria = {"department": "engineering"}
    parts = ["(objectClass=person)"]
    for attr in ("department", "title"):
        if criteria.get(attr):
            parts.append("(" + attr + "=" + criteria[attr] + ")")
    conn = ldap.initialize("ldap://ldap.example.com")
    results = conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, "(&" + "".join(parts) + ")")
    return jsonify(len(results))
