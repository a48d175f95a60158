import tempfile

# ruleid: bandit-B306
name = tempfile.mktemp()
# ok: bandit-B306
handle = tempfile.NamedTemporaryFile()
