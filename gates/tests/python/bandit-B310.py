import urllib.request

import requests


def fetch(url):
    # ruleid: bandit-B310
    a = urllib.request.urlopen(url)
    # ok: bandit-B310
    b = requests.get(url, timeout=10)
    return a, b
