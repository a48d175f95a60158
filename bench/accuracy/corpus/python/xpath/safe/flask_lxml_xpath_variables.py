from flask import Flask, request
from lxml import etree

app = Flask(__name__)
USERS = etree.parse("users.xml")


@app.route("/users/email")
def user_email():
    name = request.args.get("name", "")
    nodes = USERS.xpath("/users/user[@name=$name]/email/text()", name=name)
    return {"emails": [str(n) for n in nodes]}
