import json
import pickle


def load(blob):
    # ruleid: bandit-B301
    a = pickle.loads(blob)
    # ok: bandit-B301
    b = json.loads(blob)
    return a, b
