import base64

import js2py
from flask import Flask, request

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
    jk = js2py.eval_js(f"{jk} f()")
    urls = decrypt_links(jk, crypted)
    return {"package": package, "links": urls}
