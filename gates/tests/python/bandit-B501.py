import requests


def fetch(url):
    # ruleid: bandit-B501
    a = requests.get(url, verify=False, timeout=10)
    # ok: bandit-B501
    b = requests.get(url, verify=True, timeout=10)
    return a, b
