import ssl

# ruleid: bandit-B323
unverified = ssl._create_unverified_context()
# ok: bandit-B323
verified = ssl.create_default_context()
