import base64
import marshal

from flask import Flask, request

app = Flask(__name__)


@app.post("/jobs/submit")
def submit_job():
    payload = {"code": request.form["payload"], "queue": "default"}
    job = marshal.loads(base64.b64decode(payload["code"]))
    return {"accepted": bool(job), "queue": payload["queue"]}
