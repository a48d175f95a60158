import tarfile


def unpack(path, dest):
    with tarfile.open(path) as archive:
        # ruleid: bandit-B202
        archive.extractall(dest)
    with tarfile.open(path) as archive:
        # ok: bandit-B202
        archive.extractall(dest, filter="data")
