# ruleid: bandit-B413
from Crypto.Cipher import AES
# ok: bandit-B413
from cryptography.hazmat.primitives.ciphers import Cipher
