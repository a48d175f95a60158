import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


def ssh_run(host, user, priv, command):
    cmd = "ssh -i {0} -o StrictHostKeyChecking=no {1}@{2} {3}".format(priv, user, host, command)
    proc = subprocess.Popen(cmd, shell=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.communicate()
    return proc.returncode, out.decode(), err.decode()


@app.post("/run")
def run():
    low = request.get_json()
    ret, out, err = ssh_run(low["tgt"], low.get("ssh_user", "root"), low.get("ssh_priv", "/etc/salt/pki/ssh/salt-ssh.rsa"), "test.ping")
    return jsonify(retcode=ret, stdout=out, stderr=err)
