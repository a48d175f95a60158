import ssl


def wrap(sock, context):
    # ruleid: bandit-B504
    a = ssl.wrap_socket(sock)
    # ok: bandit-B504
    b = context.wrap_socket(sock, server_hostname="example.com")
    return a, b
