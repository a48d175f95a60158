import yaml


def load(text):
    # ruleid: bandit-B506
    a = yaml.load(text, Loader=yaml.Loader)
    # ok: bandit-B506
    b = yaml.safe_load(text)
    return a, b
