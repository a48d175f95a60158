"""Task files (docs/dev/contracts.md, "Task format") as `ygs task` uses them: the planned files, id and
title (read with the same parser as `ygs validate`, so both agree on what a task plans), and appending to
the `## Deviation log`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ygs.guard import state
from ygs.errors import YgsError
from ygs.fs import atomic_write
from ygs.guard.plan import normalize_pattern
from ygs.guard.state import ActiveTask

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class TaskFile:
    path: Path
    title: str
    id: str | None
    planned: tuple[str, ...]


def parse(path: Path, root: Path) -> TaskFile:
    """Read a task file; a missing or empty `## Planned files` section is an error naming both."""
    from ygs.specs import markdown
    from ygs.specs import task as spec
    from ygs.specs.rules.common import find_section

    doc = markdown.load(path, str(path))
    parsed = spec.parse(doc)
    if find_section(doc, spec.PLANNED_FILES) is None:
        raise YgsError(f"{path}: no '## {spec.PLANNED_FILES.title}' section; list the files this task will "
                       "change there, one per line (- `src/app.py`, globs allowed)")
    patterns = [normalize_pattern(root, p) for p in parsed.planned_files() if p.strip()]
    if not patterns:
        raise YgsError(f"{path}: the '## {spec.PLANNED_FILES.title}' section lists no files; add at least "
                       "one (- `src/app.py`)")
    task_id = parsed.fields["id"].value if "id" in parsed.fields else parsed.heading_id
    return TaskFile(path=path, title=parsed.title or path.stem, id=task_id or None,
                    planned=tuple(dict.fromkeys(patterns)))


def log_deviation(root: Path, active: ActiveTask, text: str) -> Path | None:
    """Append `- YYYY-MM-DD: text` to the task file's deviation log and to the state's list (the caller
    saves the state). Returns the task file written, None when the task has no file (or it is gone)."""
    text = " ".join(text.split())
    if not text:
        raise YgsError("the deviation text is empty; say what the design said, what you did and why")
    date = state.today()
    active.deviations.append({"date": date, "text": text})
    path = state.task_file_path(root, active)
    if path is None or not path.is_file():
        return None
    append_deviation(path, f"- {date}: {text}")
    return path


def append_deviation(path: Path, entry: str) -> None:
    """Add `entry` (a whole `- YYYY-MM-DD: …` line) at the end of the `## Deviation log` section (or a
    translated heading `ygs validate` accepts), creating the section at the end when there is none."""
    from ygs.specs.task import DEVIATION_LOG

    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise YgsError(f"cannot update the deviation log in {path}: {exc}") from None
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines()
    span = _section(lines, DEVIATION_LOG.names())
    if span is None:
        lines = [*_strip_trailing_blank(lines), "", f"## {DEVIATION_LOG.title}", "", entry]
    else:
        lines = _insert_in_section(lines, span, entry)
    mode = path.stat().st_mode & 0o7777
    atomic_write(path, (newline.join(lines) + newline).encode("utf-8"), mode=mode)


def _section(lines: list[str], names: frozenset[str]) -> tuple[int, int] | None:
    """(first body line, end) of the level-2+ section whose heading is one of names (code fences skipped)."""
    from ygs.specs.rules.common import normalize

    start: int | None = None
    level = 0
    fenced = False
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        heading = None if fenced else _HEADING.match(line)
        if heading is None:
            continue
        depth = len(heading.group(1))
        if start is not None and depth <= level:
            return start, i
        if start is None and depth >= 2 and normalize(heading.group(2)) in names:
            start, level = i + 1, depth
    return (start, len(lines)) if start is not None else None


def _insert_in_section(lines: list[str], span: tuple[int, int], entry: str) -> list[str]:
    start, end = span
    last = end
    while last > start and not lines[last - 1].strip():
        last -= 1
    before = [""] if last == start or not _ITEM.match(lines[last - 1]) else []
    after = [""] if end < len(lines) else []
    return [*lines[:last], *before, entry, *after, *lines[end:]]


def _strip_trailing_blank(lines: list[str]) -> list[str]:
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    return lines[:end]
