import os
import sys


def subst(field, mime_type, filename, plist=()):
    res = ""
    i, n = 0, len(field)
    while i < n:
        c = field[i]
        i += 1
        if c != "%":
            res += c
            continue
        c = field[i]
        i += 1
        if c == "s":
            res += filename
        elif c == "t":
            res += mime_type
        else:
            res += "%" + c
    return res


def view(caps, mime_type, filename):
    entry = caps.get(mime_type)
    if entry is None:
        return None
    command = subst(entry["view"], mime_type, filename)
    return os.system(command)


if __name__ == "__main__":
    caps = {"image/png": {"view": "display %s"}, "text/plain": {"view": "less %s"}}
    view(caps, sys.argv[1], sys.argv[2])
