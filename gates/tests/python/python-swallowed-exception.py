import logging

log = logging.getLogger(__name__)


def bare():
    try:
        risky()
    # ruleid: python-swallowed-exception
    except:
        pass


def broad():
    try:
        risky()
    # ruleid: python-swallowed-exception
    except Exception:
        pass


def broad_named():
    try:
        risky()
    # ruleid: python-swallowed-exception
    except Exception as exc:
        pass


def base():
    try:
        risky()
    # ruleid: python-swallowed-exception
    except BaseException:
        ...


def one_line():
    try:
        risky()
    # ruleid: python-swallowed-exception
    except Exception: pass


def in_tuple():
    try:
        risky()
    except ValueError:
        log.warning("bad value")
    # ruleid: python-swallowed-exception
    except (OSError, Exception):
        # nothing to do
        pass
    finally:
        done()


def narrow():
    try:
        risky()
    # ok: python-swallowed-exception
    except ValueError:
        pass


def logged():
    try:
        risky()
    # ok: python-swallowed-exception
    except Exception:
        log.exception("risky failed")


def reraised():
    try:
        risky()
    # ok: python-swallowed-exception
    except Exception as exc:
        raise RuntimeError("risky failed") from exc


class MyException(Exception):
    pass


def custom():
    try:
        risky()
    # ok: python-swallowed-exception
    except MyException:
        pass


def commented():
    try:
        risky()
    # ok: python-swallowed-exception
    except Exception as exc:  # noqa: BLE001 - a failure here is evidence, never a silent pass
        log.warning("risky failed: %s", exc)


EXAMPLE = """
try:
    risky()
# ok: python-swallowed-exception
except:
    pass
"""
