import yaml


def load(text):
    # ruleid: python-yaml-unsafe-load
    a = yaml.load(text)
    # ruleid: python-yaml-unsafe-load
    b = yaml.load(text, Loader=yaml.Loader)
    # ruleid: python-yaml-unsafe-load
    c = yaml.unsafe_load(text)
    # ruleid: python-yaml-unsafe-load
    d = yaml.load_all(text, Loader=yaml.UnsafeLoader)
    return a, b, c, d


def safe(text):
    # ok: python-yaml-unsafe-load
    a = yaml.safe_load(text)
    # ok: python-yaml-unsafe-load
    b = yaml.load(text, Loader=yaml.SafeLoader)
    # ok: python-yaml-unsafe-load
    c = yaml.load(text, Loader=yaml.CSafeLoader)
    # ok: python-yaml-unsafe-load
    d = yaml.safe_load_all(text)
    return a, b, c, d
