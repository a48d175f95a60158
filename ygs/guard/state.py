"""ygs's own working state under `.ygs/state/`: the active task and the append-only ledger.

    .ygs/state/task.json      the active task (written atomically; absent: no active task)
    .ygs/state/ledger.jsonl   the decision ledger: append-only, hash-chained JSON lines (ygs.guard.ledger)
    .ygs/state/ledger.lock    the ledger's inter-process lock
    .ygs/state/.gitignore     `*`, so git (and ygs's own change detection) never sees the state
    .ygs/state/no-task-noted  marker: the guard hook already said "no active task" once

Nothing here imports more than the standard library: the agent hooks read this on every edit.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ygs.errors import YgsError
from ygs.fs import atomic_write

SCHEMA = 1
STATE_DIR = Path(".ygs") / "state"
TASK_FILE = "task.json"
LEDGER_FILE = "ledger.jsonl"
NOTE_MARKER = "no-task-noted"


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
        ignore.write_text("# ygs working state: never commit\n*\n", encoding="utf-8")
    return directory


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


# --- the one-time "no active task" note -----------------------------------------------------------


def note_once(root: Path) -> bool:
    """True the first time it is called (until `forget_note`); remembered with a marker file."""
    marker = state_dir(root) / NOTE_MARKER
    if marker.exists():
        return False
    ensure_state_dir(root)
    marker.touch()
    return True


def forget_note(root: Path) -> None:
    (state_dir(root) / NOTE_MARKER).unlink(missing_ok=True)
