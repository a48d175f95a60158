import os
import sys

CACHE_DIR = "/var/cache/myapp"


def purge(entries):
    for entry in entries:
        os.remove(os.path.join(CACHE_DIR, entry))
        print("removed", entry)


if __name__ == "__main__":
    purge(sys.argv[1:])
