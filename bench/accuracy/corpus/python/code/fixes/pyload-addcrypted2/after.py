import base64
import re

from flask import Flask, abort, request

app = Flask(__name__)


def decrypt_links(key_hex, crypted):
    key = bytes.fromhex(key_hex)
    data = base64.b64decode(crypted)
    return [bytes(b ^ key[i % len(key)] for i, b in enumerate(data)).decode(errors="ignore")]


@app.route("/flash/addcrypted2", methods=["POST"])
def addcrypted2():
    package = request.form.get("package", request.form.get("source"))
    crypted = request.form["crypted"]
    jk = request.form["jk"]
    match = re.search(r"return ['\"]([0-9A-Fa-f]+)['\"]", jk)
    if match is None:
        abort(500, "Could not decrypt key")
    urls = decrypt_links(match.group(1), crypted)
    return {"package": package, "links": urls}
