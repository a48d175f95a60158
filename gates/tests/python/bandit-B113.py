import requests


def fetch(url):
    # ruleid: bandit-B113
    requests.get(url)
    # ok: bandit-B113
    requests.get(url, timeout=10)
