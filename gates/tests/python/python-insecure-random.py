import random
import secrets
import string


def make_token():
    # ruleid: python-insecure-random
    reset_token = "".join(random.choice(string.ascii_letters) for _ in range(32))
    return reset_token


def generate_password():
    # ruleid: python-insecure-random
    return "".join(random.choices(string.ascii_letters + string.digits, k=16))


class Session:
    def __init__(self):
        # ruleid: python-insecure-random
        self.session_id = random.getrandbits(128)


def safe(items):
    # ok: python-insecure-random
    reset_token = secrets.token_urlsafe(32)
    # ok: python-insecure-random
    sample = random.sample(items, 3)
    # ok: python-insecure-random
    delay = random.uniform(0.5, 1.5)
    return reset_token, sample, delay
