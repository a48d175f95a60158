import json
import marshal
import pickle
import shelve

import dill
import torch


def load(blob, path):
    # ruleid: python-unsafe-deserialization
    obj = pickle.loads(blob)
    with open(path, "rb") as handle:
        # ruleid: python-unsafe-deserialization
        obj = pickle.load(handle)
    # ruleid: python-unsafe-deserialization
    obj = dill.loads(blob)
    # ruleid: python-unsafe-deserialization
    code = marshal.loads(blob)
    # ruleid: python-unsafe-deserialization
    db = shelve.open(path)
    # ruleid: python-unsafe-deserialization
    model = torch.load(path)
    return obj, code, db, model


def safe(blob, obj, path):
    # ok: python-unsafe-deserialization
    data = json.loads(blob)
    # ok: python-unsafe-deserialization
    out = pickle.dumps(obj)
    # ok: python-unsafe-deserialization
    model = torch.load(path, weights_only=True)
    return data, out, model
