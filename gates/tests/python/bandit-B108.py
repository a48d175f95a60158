import tempfile

# ruleid: bandit-B108
CACHE = "/tmp/app-cache"
# ok: bandit-B108
CACHE_DIR = tempfile.mkdtemp(prefix="app-cache-")
