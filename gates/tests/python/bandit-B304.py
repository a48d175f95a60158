from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def ciphers(key, iv):
    # ruleid: bandit-B304
    weak = Cipher(algorithms.ARC4(key), mode=None)
    # ok: bandit-B304
    strong = Cipher(algorithms.AES(key), modes.GCM(iv))
    return weak, strong
