import os

CACHE_DIR = "/var/cache/myapp"


def purge(entries):
    for entry in entries:
        os.remove(os.path.join(CACHE_DIR, entry))
        print("removed", entry)


if __name__ == "__main__":
    purge([name for name in os.listdir(CACHE_DIR) if name.endswith(".tmp")])
