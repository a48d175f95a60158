"""The document kinds, as data: template, default folder, file name and identifier scheme.

Numbered kinds (ADRs, tasks) get the next free number in their folder; the others are named after their
title's slug and use a fixed label as their identifier (`# PRD: Export limits`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Kind:
    name: str
    template: str  # file name under templates/
    directory: str  # default folder, relative to the project root
    label: str  # the heading's identifier for unnumbered kinds; the number prefix for numbered ones
    file_prefix: str = ""  # unnumbered kinds: prefix of the file name ("PRD-")
    number_width: int = 0  # numbered kinds: digits of the number (0: not numbered)
    folder_names: tuple[str, ...] = ()  # folder names that mark a document of this kind

    @property
    def numbered(self) -> bool:
        return self.number_width > 0

    def number_id(self, number: int) -> str:
        return f"{self.label}-{number:0{self.number_width}d}"


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("prd", "prd.md", "docs/prd", "PRD", file_prefix="PRD-", folder_names=("prd", "prds")),
        Kind("trd", "trd.md", "docs/trd", "TRD", file_prefix="TRD-", folder_names=("trd", "trds")),
        Kind("design-doc", "design-doc.md", "docs/design", "Design doc",
             folder_names=("design", "designs", "design-docs")),
        Kind("threat-model", "threat-model.md", "docs/threat-models", "Threat model",
             folder_names=("threat-models", "threat-model", "threats")),
        Kind("adr", "adr.md", "docs/adr", "ADR", number_width=4, folder_names=("adr", "adrs", "decisions")),
        Kind("task", "task.md", "docs/tasks", "T", number_width=3, folder_names=("tasks",)),
        Kind("spike", "spike-findings.md", "docs/spikes", "Spike", folder_names=("spikes",)),
        Kind("retro", "retro.md", "docs/retros", "Retro", folder_names=("retros", "retrospectives")),
    )
}
NAMES = tuple(KINDS)
_FILE_NAMES = [
    (re.compile(rf"{k.label}-\d+" if k.numbered else re.escape(k.file_prefix), re.I), k)
    for k in KINDS.values()
    if k.numbered or k.file_prefix
]
_NOT_DOCUMENTS = frozenset({"readme", "index", "template", "_template"})  # folder files that describe the folder


def detect(path: Path, title: str | None) -> Kind | None:
    """The kind of a document from its `# ID: Title` heading, else its file name, else its folder's name."""
    return _from_heading(title) or _from_file_name(path.name) or _from_folder(path)


def _from_heading(title: str | None) -> Kind | None:
    if not title:
        return None
    for kind in KINDS.values():
        pattern = rf"{re.escape(kind.label)}-\d+\b" if kind.numbered else rf"{re.escape(kind.label)}\s*:"
        if re.match(pattern, title.strip(), re.I):
            return kind
    return None


def _from_file_name(name: str) -> Kind | None:
    return next((kind for pattern, kind in _FILE_NAMES if pattern.match(name)), None)


def _from_folder(path: Path) -> Kind | None:
    if path.stem.lower() in _NOT_DOCUMENTS:
        return None
    folder = path.parent.name.lower()
    return next((kind for kind in KINDS.values() if folder in kind.folder_names), None)
