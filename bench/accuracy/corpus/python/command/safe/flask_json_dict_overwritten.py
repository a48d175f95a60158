import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/jobs")
def start_job():
    job = request.get_json(force=True)
    options = {"script": job["script"], "queue": "default"}
    options["script"] = "nightly.sh"
    line = "bash /opt/jobs/run.sh --queue {queue} {script}".format(**options)
    proc = subprocess.run(line, shell=True, capture_output=True, text=True)
    return jsonify(returncode=proc.returncode, output=proc.stdout)
