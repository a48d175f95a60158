import logging


def loop(items):
    for item in items:
        try:
            handle(item)
        # ruleid: bandit-B112
        except Exception:
            continue
    for item in items:
        try:
            handle(item)
        # ok: bandit-B112
        except Exception:
            logging.exception("skipping %s", item)
            continue
