import torch


def load(path):
    # ruleid: bandit-B614
    a = torch.load(path)
    # ok: bandit-B614
    b = torch.load(path, weights_only=True)
    return a, b
