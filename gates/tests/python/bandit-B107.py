# ruleid: bandit-B107
def connect(user, password="correct-horse-battery"):
    return user, password


# ok: bandit-B107
def connect_env(user, password=None):
    return user, password
