"""Validated findings per unit, keyed by (model, prompt version, path, unit content): re-reviewing an unchanged
hunk costs nothing.

Entries live in `.ygs/cache/llm/<key>.json` under the repository root, with line numbers relative to the
unit, so a hunk that moved keeps its findings; the caller re-validates them against the current diff. A
corrupt or foreign entry is a miss, never a crash. The directory ignores itself (its own `.gitignore`), so
`ygs review --worktree` never reviews the cache.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ygs.fs import atomic_write
from ygs.review.llm import validate
from ygs.review.llm.pack import Unit
from ygs.review.llm.validate import ModelFinding

SCHEMA = 1


class Cache:
    def __init__(self, root: Path, model: str, prompt_version: str, read: bool = True) -> None:
        self.dir = root / ".ygs" / "cache" / "llm"
        self.model = model
        self.prompt_version = prompt_version
        self.read = read
        self.stats = {"hits": 0, "misses": 0, "corrupt": 0, "write_errors": 0}

    def key(self, unit: Unit) -> str:
        identity = json.dumps([SCHEMA, self.model, self.prompt_version, unit.path, unit.digest])
        return hashlib.sha256(identity.encode("utf-8", "surrogateescape")).hexdigest()

    def get(self, unit: Unit) -> list[ModelFinding] | None:
        """The unit's findings at its current position, or None on a miss (or with --no-cache)."""
        findings = self._load(unit) if self.read else None
        self.stats["hits" if findings is not None else "misses"] += 1
        return findings

    def _load(self, unit: Unit) -> list[ModelFinding] | None:
        path = self.dir / f"{self.key(unit)}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError, ValueError):
            self.stats["corrupt"] += 1
            return None
        findings = _decode(data, unit)
        if findings is None:
            self.stats["corrupt"] += 1
        return findings

    def put(self, unit: Unit, findings: list[ModelFinding]) -> None:
        entry = {"schema": SCHEMA, "model": self.model, "prompt_version": self.prompt_version, "path": unit.path,
                 "findings": [f.moved(-unit.first).to_json() for f in findings]}
        try:
            self._ensure_ignored()
            atomic_write(self.dir / f"{self.key(unit)}.json", json.dumps(entry, indent=1).encode("utf-8"))
        except OSError:
            self.stats["write_errors"] += 1

    def _ensure_ignored(self) -> None:
        marker = self.dir / ".gitignore"
        if not marker.exists():
            atomic_write(marker, b"# written by ygs: the LLM review cache is local\n*\n")


def _decode(data: Any, unit: Unit) -> list[ModelFinding] | None:
    """Stored findings (lines relative to the unit, 0 = its first row) moved to where the unit is now."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or data.get("path") != unit.path:
        return None
    try:
        parsed, bad = validate.parse({"findings": [_absolute(item, unit.first) for item in data.get("findings")]})
    except (validate.MalformedOutput, KeyError, TypeError, AttributeError):
        return None
    return None if bad else parsed


def _absolute(item: dict[str, Any], first: int) -> dict[str, Any]:
    return {**item, "line": item["line"] + first, "end_line": item["end_line"] + first}
