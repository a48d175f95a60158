import os

# ruleid: bandit-B105
password = "correct-horse-battery"
# ok: bandit-B105
password = os.environ["APP_PASSWORD"]
