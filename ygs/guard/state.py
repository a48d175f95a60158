"""ygs's own working state under `.ygs/state/`: the active task and the append-only ledger.

    .ygs/state/task.json      the active task (written atomically; absent: no active task)
    .ygs/state/reserved.json  files the PreToolUse hook allowed that are not written yet (see `reserved`)
    .ygs/state/lock           the one inter-process lock every read-modify-write of the state holds
    .ygs/state/ledger.jsonl   the decision ledger: append-only, hash-chained JSON lines (ygs.guard.ledger)
    .ygs/state/ledger.lock    the ledger's inter-process lock
    .ygs/state/.gitignore     `*`, so git (and ygs's own change detection) never sees the state
    .ygs/state/no-task-noted  marker: the guard hook already said "no active task" once

Every read-modify-write of these files, and of the task file's deviation log, happens inside `locked`
(filelock: an OS lock, released by the kernel when a process dies) and ends in an atomic replace or a
single append. Reads need no lock: every file is replaced whole, and the ledger only grows.
Nothing here imports more than the standard library and filelock: the agent hooks read this on every edit.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from ygs.errors import YgsError
from ygs.fs import atomic_write

if TYPE_CHECKING:
    from filelock import FileLock

SCHEMA = 1
STATE_DIR = Path(".ygs") / "state"
TASK_FILE = "task.json"
LEDGER_FILE = "ledger.jsonl"
RESERVED_FILE = "reserved.json"
LOCK_FILE = "lock"
NOTE_MARKER = "no-task-noted"
LOCK_TIMEOUT_S = 20.0  # under the agent hooks' 30 s timeout
RESERVATION_TTL_S = 120.0  # an allowed edit not written by then (e.g. the user said no) stops counting


@dataclass
class ActiveTask:
    key: str  # unique per `ygs task start`: ledger entries belong to the task with this key
    title: str
    plan: list[str]  # patterns from the task file or --plan (repo-relative POSIX, globs allowed)
    base: str  # commit sha, or git.EMPTY_TREE in a repository without commits
    started: str  # ISO timestamp (UTC)
    id: str | None = None  # T-001
    file: str | None = None  # the task file, repo-relative (absolute when outside the repository)
    expanded: list[dict[str, Any]] = field(default_factory=list)  # {"files", "reason", "time"}
    deviations: list[dict[str, Any]] = field(default_factory=list)  # {"date", "text"}
    guard: dict[str, int] | None = None  # [tool.ygs.guard] frozen at `ygs task start` (None: an older task.json)

    @property
    def label(self) -> str:
        return f"{self.id}: {self.title}" if self.id else self.title

    def patterns(self) -> list[str]:
        """Everything in scope: the plan, approved expansions, and the task file itself."""
        extra = [p for record in self.expanded for p in record.get("files", [])]
        own = [self.file] if self.file else []
        return list(dict.fromkeys([*self.plan, *extra, *own]))

    def to_json(self) -> dict[str, Any]:
        return {"schema": SCHEMA, **asdict(self)}


def state_dir(root: Path) -> Path:
    return root / STATE_DIR


def ensure_state_dir(root: Path) -> Path:
    directory = state_dir(root)
    directory.mkdir(parents=True, exist_ok=True)
    ignore = directory / ".gitignore"
    if not ignore.exists():
        atomic_write(ignore, b"# ygs working state: never commit\n*\n")
    return directory


class StateBusy(YgsError):
    """The state lock could not be taken in time (another ygs process holds it)."""


_locks: dict[str, FileLock] = {}  # one lock object per path: nested `locked` calls in a process re-enter it


@contextlib.contextmanager
def locked(root: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the state's inter-process lock (`.ygs/state/lock`); re-entrant within one process."""
    from filelock import FileLock, Timeout  # imported here: the read-only hooks (Stop, pre-commit) never lock

    timeout = LOCK_TIMEOUT_S if timeout is None else timeout
    path = str(ensure_state_dir(root) / LOCK_FILE)
    lock = _locks.get(path) or _locks.setdefault(path, FileLock(path))
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        raise StateBusy(f"another ygs process has held {path} for over {timeout:g}s; "
                        "wait for it to finish, then run the command again") from None
    try:
        yield
    finally:
        lock.release()


def new_key() -> str:
    return uuid.uuid4().hex[:12]


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def today() -> str:
    return dt.date.today().isoformat()


# --- the active task ---------------------------------------------------------------------------


def load_task(root: Path) -> ActiveTask | None:
    """The active task, None when there is none; a corrupt file is a clear error, never a traceback."""
    path = state_dir(root) / TASK_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise _corrupt(path, exc) from None
    try:
        if not isinstance(data, dict) or data.pop("schema", None) != SCHEMA:
            raise ValueError("unknown format")
        task = ActiveTask(**data)
        _validate(task)
        return task
    except (TypeError, ValueError) as exc:
        raise _corrupt(path, exc) from None


def _validate(task: ActiveTask) -> None:
    strings = (task.key, task.title, task.base, task.started)
    if not all(isinstance(s, str) and s for s in strings):
        raise ValueError("missing key, title, base or start time")
    if not isinstance(task.plan, list) or not all(isinstance(p, str) for p in task.plan):
        raise ValueError("plan must be a list of paths")
    if not isinstance(task.expanded, list) or not isinstance(task.deviations, list):
        raise ValueError("expanded and deviations must be lists")
    if task.guard is not None and not (isinstance(task.guard, dict) and all(
            isinstance(v, int) and not isinstance(v, bool) for v in task.guard.values())):
        raise ValueError("guard must be a table of numbers")


def _corrupt(path: Path, exc: Exception) -> YgsError:
    return YgsError(f"{path} is corrupt ({exc}); run `ygs task start` again to set the active task")


def require_task(root: Path) -> ActiveTask:
    task = load_task(root)
    if task is None:
        raise YgsError("no active task: start one with `ygs task start docs/tasks/T-001.md` "
                       "(or `ygs task start --plan a.py,b.py --title \"...\"`)")
    return task


def task_file_path(root: Path, task: ActiveTask) -> Path | None:
    if not task.file:
        return None
    return Path(task.file) if os.path.isabs(task.file) else root / task.file


def save_task(root: Path, task: ActiveTask) -> None:
    directory = ensure_state_dir(root)
    atomic_write(directory / TASK_FILE, (json.dumps(task.to_json(), indent=2) + "\n").encode())


def freeze_guard(root: Path, key: str, numbers: dict[str, int]) -> None:
    """Record the guard numbers of a task started by an older ygs (none frozen yet), once."""
    with locked(root):
        task = load_task(root)
        if task is not None and task.key == key and task.guard is None:
            task.guard = numbers
            save_task(root, task)


def clear_task(root: Path) -> None:
    (state_dir(root) / TASK_FILE).unlink(missing_ok=True)


# --- the ledger ----------------------------------------------------------------------------------


def append_ledger(root: Path, entry: dict[str, Any]) -> dict[str, Any]:
    """Append one event to the tamper-evident ledger and return the record written (see ygs.guard.ledger)."""
    from ygs.guard import ledger as _ledger

    return _ledger.append(root, entry)


def ledger(root: Path) -> Iterator[dict[str, Any]]:
    """Every ledger record, oldest first. A torn or foreign line is skipped, never fatal."""
    from ygs.guard import ledger as _ledger

    return _ledger.entries(root)


# --- reservations: edits the PreToolUse hook allowed that are not on disk yet ------------------------


def reserved(root: Path, key: str, changed: set[str] | dict[str, str]) -> dict[str, float]:
    """{path: time allowed} of this task's live reservations (call under `locked`); a reservation ends when
    its file shows up among the changes, after RESERVATION_TTL_S, or when another task starts."""
    data = _read_json(state_dir(root) / RESERVED_FILE)
    if not isinstance(data, dict) or data.get("task") != key or not isinstance(data.get("paths"), dict):
        return {}
    oldest = time.time() - RESERVATION_TTL_S
    return {p: t for p, t in data["paths"].items()
            if isinstance(t, (int, float)) and t >= oldest and p not in changed}


def save_reserved(root: Path, key: str, paths: dict[str, float]) -> None:
    """Replace the reservations (call under `locked`); no write when nothing changed."""
    path = state_dir(root) / RESERVED_FILE
    if _read_json(path) == {"task": key, "paths": paths} or (not paths and not path.exists()):
        return
    body = json.dumps({"task": key, "paths": paths}, indent=1, sort_keys=True) + "\n"
    atomic_write(path, body.encode("utf-8"))


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # absent or torn: no reservations (they are a cache of the last seconds)


# --- the one-time "no active task" note -----------------------------------------------------------


def note_once(root: Path) -> bool:
    """True the first time it is called (until `forget_note`); remembered with a marker file."""
    marker = state_dir(root) / NOTE_MARKER
    if marker.exists():
        return False
    with locked(root):
        if marker.exists():
            return False
        marker.touch()
    return True


def forget_note(root: Path) -> None:
    (state_dir(root) / NOTE_MARKER).unlink(missing_ok=True)
