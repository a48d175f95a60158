"""Child processes in their own group, so a timeout or a signal can stop a tool together with its workers.

A tool started with `spawn()` is registered until `forget()`; `stop_all()` ends every registered group
(SIGTERM, a short grace, then SIGKILL). `signals_raise()` turns SIGINT and SIGTERM into `Interrupted` in
the main thread for the duration of a long command, so its `finally` blocks and `with` exits run: the
children are stopped and temporary files removed before the process exits 130 or 143.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

STOP_GRACE_S = 1.0  # SIGTERM -> SIGKILL; the whole stop stays well under 2 s

_live: set[subprocess.Popen[bytes]] = set()
_lock = threading.Lock()
_stopping = False


class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM arrived; `stopped` names what was running (filled in on the way out)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.stopped: list[str] = []

    @property
    def signame(self) -> str:
        return signal.Signals(self.signum).name

    @property
    def exit_code(self) -> int:
        return 128 + self.signum  # the shell's convention: 130 for SIGINT, 143 for SIGTERM


def new_group() -> dict[str, object]:
    """Popen keyword arguments that start the child in a new process group."""
    if os.name == "nt":  # pragma: no cover
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True}


def kill_group(proc: subprocess.Popen[bytes]) -> None:
    """Kill the child's whole process group (the child alone on Windows)."""
    if os.name == "nt":  # pragma: no cover
        proc.kill()
    else:
        _signal_group(proc, signal.SIGKILL)


def spawn(cmd: list[str], **kwargs: Any) -> subprocess.Popen[bytes]:
    """Popen in a new process group, registered so that `stop_all()` can end it. Once the process is
    stopping, no new child starts (OSError)."""
    with _lock:
        if _stopping:
            raise OSError("ygs is stopping")
        proc = subprocess.Popen(cmd, **kwargs, **new_group())
        _live.add(proc)
    return proc


def forget(proc: subprocess.Popen[bytes]) -> None:
    """The child has been waited for: it is no longer `stop_all()`'s business."""
    with _lock:
        _live.discard(proc)


def stop_all(grace: float = STOP_GRACE_S) -> None:
    """Stop every registered child's process group and refuse new ones: SIGTERM, up to `grace` seconds
    for the groups to go, then SIGKILL."""
    global _stopping
    with _lock:
        _stopping = True
        procs = list(_live)
    for proc in procs:
        _signal_group(proc, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while any(map(_group_alive, procs)) and time.monotonic() < deadline:
        time.sleep(0.02)
    for proc in procs:
        kill_group(proc)
        try:
            proc.wait(timeout=max(0.1, deadline + 0.5 - time.monotonic()))  # reap it: no zombie left behind
        except subprocess.TimeoutExpired:
            pass


@contextmanager
def children_stopped_on_error() -> Iterator[None]:
    """Within: children may be spawned. Leaving by an exception (Ctrl-C, SIGTERM, a bug): every live child
    group is stopped before the exception goes on, so nothing outlives the work it was started for."""
    global _stopping
    with _lock:
        _stopping = False
    try:
        yield
    except BaseException:
        stop_all()
        raise


@contextmanager
def signals_raise() -> Iterator[None]:
    """Within: SIGINT and SIGTERM raise `Interrupted` in the main thread (once; a second signal while the
    first is handled is ignored, so the cleanup is not cut short). Outside: the previous handlers."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    seen: list[int] = []

    def handler(signum: int, frame: object) -> None:
        if not seen:
            seen.append(signum)
            raise Interrupted(signum)

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def _signal_group(proc: subprocess.Popen[bytes], sig: int) -> None:
    try:
        if os.name == "nt":  # pragma: no cover
            proc.send_signal(sig)
        else:
            os.killpg(proc.pid, sig)
    except OSError:  # gone already (ProcessLookupError), or not ours any more
        pass


def _group_alive(proc: subprocess.Popen[bytes]) -> bool:
    if os.name == "nt":  # pragma: no cover
        return proc.poll() is None
    try:
        os.killpg(proc.pid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return _has_live_member(proc.pid)


def _has_live_member(pgid: int) -> bool:
    """Whether a process of the group other than zombies exists (zombies count as gone: nothing runs)."""
    try:
        entries = os.listdir("/proc")
    except OSError:
        return True  # no /proc: trust killpg, which says the group still exists
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if len(fields) > 2 and int(fields[2]) == pgid and fields[0] != b"Z":
            return True
    return False
