from cryptography.hazmat.primitives import hashes

# ruleid: bandit-B303
weak = hashes.Hash(hashes.MD5())
# ok: bandit-B303
strong = hashes.Hash(hashes.SHA256())
