import hashlib


def digest(data):
    # ruleid: bandit-B324
    a = hashlib.md5(data).hexdigest()
    # ok: bandit-B324
    b = hashlib.md5(data, usedforsecurity=False).hexdigest()
    # ok: bandit-B324
    c = hashlib.sha256(data).hexdigest()
    return a, b, c
