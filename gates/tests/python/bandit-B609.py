import subprocess

# ruleid: bandit-B609
subprocess.run("tar czf backup.tgz *", shell=True)
# ok: bandit-B609
subprocess.run(["tar", "czf", "backup.tgz", "data"])
