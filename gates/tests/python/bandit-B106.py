import os


def connect(client):
    # ruleid: bandit-B106
    client.login(user="admin", password="correct-horse-battery")
    # ok: bandit-B106
    client.login(user="admin", password=os.environ["APP_PASSWORD"])
