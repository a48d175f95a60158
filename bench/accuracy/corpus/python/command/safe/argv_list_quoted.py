import shlex
import subprocess
import sys


def compress(paths):
    parts = ["gzip", "-9"]
    parts.extend(shlex.quote(p) for p in paths)
    command = " ".join(parts)
    return subprocess.call(command, shell=True)


if __name__ == "__main__":
    sys.exit(compress(sys.argv[1:]))
