import subprocess

# ruleid: bandit-B607
subprocess.run(["git", "status"])
# ok: bandit-B607
subprocess.run(["/usr/bin/git", "status"])
