"""Planned files: how a path is keyed and whether it falls under the plan (the hooks' hot path).

Patterns are repository-relative POSIX paths or globs, matched exactly as `ygs review --plan` matches them
(`ygs.globs`, anchored): `*` and `?` stay inside one directory, `**` crosses directories, and a trailing
`/` covers everything under a directory. A path outside the repository is keyed by its absolute path and
only matches that exact path.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable

from ygs.globs import matches


def normalize_pattern(root: Path, pattern: str) -> str:
    """A plan entry as the guard compares it: repo-relative POSIX, or absolute when outside the repo."""
    value = pattern.strip().replace("\\", "/")
    if os.path.isabs(value):
        return path_key(root, value)
    while value.startswith("./"):
        value = value[2:]
    return value


def split(root: Path, value: str) -> list[str]:
    """A comma-separated plan (`a.py,src/b/*.py`, as --plan takes it) -> normalised patterns."""
    return [normalize_pattern(root, p) for p in value.split(",") if p.strip()]


def path_key(root: Path, path: str | os.PathLike[str], cwd: str | os.PathLike[str] | None = None) -> str:
    """The key a changed path is judged by: repo-relative POSIX inside the work tree, else absolute."""
    candidate = Path(path)
    if not candidate.is_absolute():
        candidate = Path(cwd or root) / candidate
    real = Path(os.path.realpath(candidate))
    try:
        rel = real.relative_to(os.path.realpath(root))
    except ValueError:
        return real.as_posix()
    return rel.as_posix() if rel.parts else real.as_posix()


def matcher(patterns: Iterable[str]) -> Callable[[str], bool]:
    """A predicate: is this path key in the plan?"""
    absolute = {p for p in patterns if p.startswith("/")}
    relative = tuple(p for p in patterns if p and not p.startswith("/"))

    def in_plan(key: str) -> bool:
        if key.startswith("/"):
            return key in absolute
        return any(matches(key, pattern, anchored=True) for pattern in relative)

    return in_plan
