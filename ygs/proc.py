"""Child processes in their own group, so a timeout can kill a tool together with its workers."""

from __future__ import annotations

import os
import signal
import subprocess


def new_group() -> dict[str, object]:
    """Popen keyword arguments that start the child in a new process group."""
    if os.name == "nt":  # pragma: no cover
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True}


def kill_group(proc: subprocess.Popen[bytes]) -> None:
    """Kill the child's whole process group (the child alone on Windows)."""
    try:
        if os.name == "nt":  # pragma: no cover
            proc.kill()
        else:
            os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
