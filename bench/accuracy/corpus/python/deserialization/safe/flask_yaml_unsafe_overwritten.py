import yaml
from flask import Flask, request

app = Flask(__name__)
DEFAULT_SPEC = "task: noop\nretries: 0\n"


@app.post("/jobs/submit")
def submit_job():
    payload = {"spec": request.form["spec"], "queue": "default"}
    payload["spec"] = DEFAULT_SPEC
    job = yaml.unsafe_load(payload["spec"])
    return {"accepted": bool(job), "queue": payload["queue"]}
