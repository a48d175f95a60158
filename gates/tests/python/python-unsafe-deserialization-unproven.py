import json
import marshal
import pickle
import shelve

import dill
import torch


def load(blob, path):
    # ruleid: python-unsafe-deserialization-unproven
    obj = pickle.loads(blob)
    with open(path, "rb") as handle:
        # ruleid: python-unsafe-deserialization-unproven
        obj = pickle.load(handle)
    # ruleid: python-unsafe-deserialization-unproven
    obj = dill.loads(blob)
    # ruleid: python-unsafe-deserialization-unproven
    code = marshal.loads(blob)
    # ruleid: python-unsafe-deserialization-unproven
    db = shelve.open(path)
    # ruleid: python-unsafe-deserialization-unproven
    model = torch.load(path)
    return obj, code, db, model


def safe(blob, obj, path):
    # ok: python-unsafe-deserialization-unproven
    data = json.loads(blob)
    # ok: python-unsafe-deserialization-unproven
    out = pickle.dumps(obj)
    # ok: python-unsafe-deserialization-unproven
    model = torch.load(path, weights_only=True)
    return data, out, model


def picklable(err):
    # ok: python-unsafe-deserialization-unproven
    return pickle.loads(pickle.dumps(err))
