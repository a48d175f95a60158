"""What validation produces: one flat list of structured issues, rendered as text or JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ygs.config import Config

ERROR = "error"
WARNING = "warning"
INFO = "info"  # never fails, not even with --strict (e.g. "PRD not found, traceability not checked")
LEVELS = (ERROR, WARNING, INFO)


@dataclass(frozen=True)
class Issue:
    level: str
    file: str
    line: int
    rule: str  # lowercase with hyphens: "prd-keyword-missing"
    message: str
    hint: str = ""

    def fails(self, strict: bool) -> bool:
        return self.level == ERROR or (strict and self.level == WARNING)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class Reporter:
    """Issues about one document: `report.error(line, rule, message, hint)`."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.issues: list[Issue] = []

    def add(self, level: str, line: int, rule: str, message: str, hint: str = "") -> None:
        self.issues.append(Issue(level, self.file, line, rule, message, hint))

    def error(self, line: int, rule: str, message: str, hint: str = "") -> None:
        self.add(ERROR, line, rule, message, hint)

    def warning(self, line: int, rule: str, message: str, hint: str = "") -> None:
        self.add(WARNING, line, rule, message, hint)

    def info(self, line: int, rule: str, message: str, hint: str = "") -> None:
        self.add(INFO, line, rule, message, hint)


@dataclass(frozen=True)
class Context:
    """What rules may need beyond the document itself."""

    root: Path  # the project root (docs/prd/ is looked up there)
    config: Config
    prd: Path | None = None  # --prd: the PRD a TRD or design doc traces
