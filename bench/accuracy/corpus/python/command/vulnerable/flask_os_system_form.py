import os

from flask import Flask, request, redirect

app = Flask(__name__)
BACKUP_DIR = "/var/backups/site"


@app.post("/admin/backup")
def backup():
    label = request.form.get("label", "manual")
    os.system("tar czf " + BACKUP_DIR + "/" + label + ".tgz /srv/site")
    return redirect("/admin")
