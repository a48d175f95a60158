import base64
import marshal

from flask import Flask, request

app = Flask(__name__)
DEFAULT_JOB = base64.b64encode(marshal.dumps({"task": "noop"})).decode()


@app.post("/jobs/submit")
def submit_job():
    payload = {"code": request.form["payload"], "queue": "default"}
    payload["code"] = DEFAULT_JOB
    job = marshal.loads(base64.b64decode(payload["code"]))
    return {"accepted": bool(job), "queue": payload["queue"]}
