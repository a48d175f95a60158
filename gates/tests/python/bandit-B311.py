import random
import secrets

# ruleid: bandit-B311
token = random.random()
# ok: bandit-B311
token = secrets.token_hex(16)
