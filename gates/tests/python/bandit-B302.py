import json
import marshal


def load(blob):
    # ruleid: bandit-B302
    a = marshal.loads(blob)
    # ok: bandit-B302
    b = json.loads(blob)
    return a, b
