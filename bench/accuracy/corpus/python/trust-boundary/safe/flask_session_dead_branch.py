from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = "replace-me"


@app.post("/tenant")
def select_tenant():
    tenant = "public"
    if 7 * 18 > 200:
        tenant = request.form.get("tenant", "public")
    session["tenant"] = tenant
    return {"tenant": tenant}
