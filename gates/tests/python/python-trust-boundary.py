from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = "dev"
ROLES = {"viewer", "editor"}


def normalize(name):
    return name.strip().lower()


@app.route("/login", methods=["POST"])
def login():
    # ruleid: python-trust-boundary
    session["user"] = request.form["user"]
    role = request.args.get("role")
    # ruleid: python-trust-boundary
    session["role"] = role
    # ruleid: python-trust-boundary
    session["name"] = normalize(request.form["name"])
    prefs = {"theme": request.cookies.get("theme")}
    # ruleid: python-trust-boundary
    session["prefs"] = prefs
    return "ok"


def django_view(request):
    # ruleid: python-trust-boundary
    request.session["cart"] = request.POST["cart"]


@app.route("/safe", methods=["POST"])
def safe():
    # ok: python-trust-boundary
    session["page_size"] = int(request.args["size"])
    role = request.form["role"]
    if role in ROLES:
        # ok: python-trust-boundary
        session["role"] = role
    user = request.form["user"]
    user = "guest"
    # ok: python-trust-boundary
    session["user"] = user
    if False:
        # ok: python-trust-boundary
        session["x"] = request.form["x"]
    # ok: python-trust-boundary
    session["visits"] = session.get("visits", 0) + 1
    return "ok"


@app.route("/login2", methods=["POST"])
def login2():
    db = get_db()
    user = db.execute("SELECT * FROM user WHERE username = ?", (request.form["username"],)).fetchone()
    # ok: python-trust-boundary
    session["user_id"] = user["id"]
    return "ok"
