import os
import subprocess


def run(host):
    # ruleid: bandit-B605
    os.system("ping -c 1 " + host)
    # ok: bandit-B605
    os.system("uptime")
    # ok: bandit-B605
    subprocess.run(["ping", "-c", "1", host])
