import logging


def quiet():
    try:
        risky()
    # ruleid: bandit-B110
    except Exception:
        pass


def narrow():
    try:
        risky()
    # ok: bandit-B110
    except Exception:
        logging.exception("risky failed")
