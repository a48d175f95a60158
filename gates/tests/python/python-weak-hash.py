import hashlib


def digest(data, password):
    # ruleid: python-weak-hash
    a = hashlib.md5(password).hexdigest()
    # ruleid: python-weak-hash
    b = hashlib.sha1(data).hexdigest()
    # ruleid: python-weak-hash
    c = hashlib.new("md5", data)
    return a, b, c


def safe(data):
    # ok: python-weak-hash
    a = hashlib.sha256(data).hexdigest()
    # ok: python-weak-hash
    b = hashlib.md5(data, usedforsecurity=False).hexdigest()
    # ok: python-weak-hash
    c = hashlib.new("sha256", data)
    return a, b, c
