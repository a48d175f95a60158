import os
import re
import sys
import warnings

_find_unsafe = re.compile(r"[^\xa1-\U0010FFFF\w@+=:,./-]").search


class UnsafeMailcapInput(Warning):
    pass


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
            if _find_unsafe(mime_type):
                warnings.warn("Refusing to substitute MIME type %r into a shell command." % mime_type, UnsafeMailcapInput)
                return None
            res += mime_type
        else:
            res += "%" + c
    return res


def view(caps, mime_type, filename):
    if _find_unsafe(filename):
        warnings.warn("Refusing to use mailcap with filename %r. Use a safe temporary filename." % filename, UnsafeMailcapInput)
        return None
    entry = caps.get(mime_type)
    if entry is None:
        return None
    command = subst(entry["view"], mime_type, filename)
    if command is None:
        return None
    return os.system(command)


if __name__ == "__main__":
    caps = {"image/png": {"view": "display %s"}, "text/plain": {"view": "less %s"}}
    view(caps, sys.argv[1], sys.argv[2])
