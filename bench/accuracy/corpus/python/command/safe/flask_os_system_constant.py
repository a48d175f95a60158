import os
import time

from flask import Flask, redirect

app = Flask(__name__)
BACKUP_DIR = "/var/backups/site"


@app.post("/admin/backup")
def backup():
    label = time.strftime("%Y%m%d-%H%M%S")
    os.system("tar czf " + BACKUP_DIR + "/" + label + ".tgz /srv/site")
    return redirect("/admin")
