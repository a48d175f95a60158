import os
import subprocess


def run(path):
    # ruleid: bandit-B606
    os.execv(path, [path])
    # ok: bandit-B606
    subprocess.run([path])
