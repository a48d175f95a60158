from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def ciphers(key, iv):
    # ruleid: bandit-B305
    weak = Cipher(algorithms.AES(key), modes.ECB())
    # ok: bandit-B305
    strong = Cipher(algorithms.AES(key), modes.GCM(iv))
    return weak, strong
