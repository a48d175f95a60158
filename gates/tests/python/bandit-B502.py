import ssl


def wrap(sock):
    # ruleid: bandit-B502
    weak = ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_SSLv3)
    # ok: bandit-B502
    strong = ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLS_CLIENT)
    return weak, strong
