import subprocess


def run(ref):
    # ruleid: bandit-B602
    subprocess.run("git checkout " + ref, shell=True)
    # ok: bandit-B602
    subprocess.run("git status", shell=True)
    # ok: bandit-B602
    subprocess.run(["git", "checkout", ref])
