import yaml
from flask import Flask, request

app = Flask(__name__)


@app.post("/jobs/submit")
def submit_job():
    payload = {"spec": request.form["spec"], "queue": "default"}
    job = yaml.unsafe_load(payload["spec"])
    return {"accepted": bool(job), "queue": payload["queue"]}
