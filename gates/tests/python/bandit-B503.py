import ssl


# ruleid: bandit-B503
def wrap(sock, version=ssl.PROTOCOL_SSLv3):
    return sock, version


# ok: bandit-B503
def wrap_tls(sock, version=ssl.PROTOCOL_TLS_CLIENT):
    return sock, version
