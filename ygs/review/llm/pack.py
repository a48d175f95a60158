"""The diff as the model sees it, cut into units and packed into calls under the token budget.

A unit is one hunk's added lines with `context_lines` of new-side context around them (nearby hunks merge;
very long ones are cut into pieces of MAX_UNIT_LINES). Delete-only hunks are dropped: there is nothing added
to review. Files are packed most relevant first (security-sensitive paths and languages, then most added
lines; tests last), whole when they fit in a call, else hunk by hunk. What does not fit in
`max_calls` × `max_input_tokens` is returned so the evidence can list it as not reviewed.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from itertools import groupby
from typing import Any, Iterable

from ygs.review import envfiles
from ygs.review.languages import SOURCE_LANGUAGES, is_test_path, language_of
from ygs.review.llm import prompt
from ygs.review.model import RawFinding, ScanContext

MAX_UNIT_LINES = 300
FILE_OVERHEAD = 20  # tokens for a file's <untrusted-diff> frame
_SENSITIVE_PATH = re.compile(
    r"auth|login|logout|session|token|passw|secret|credential|crypt|permission|acl|role|admin|account|user"
    r"|payment|billing|checkout|upload|download|sql|query|database|migrat|serial|shell|exec|command|api|route"
    r"|handler|view|controller|middleware|webhook|security|oauth|jwt|cookie|csrf|cors|settings|config|\.env"
    r"|docker|\.github/workflows",
    re.IGNORECASE,
)
_SENSITIVE_LANGUAGES = frozenset({"sql", "bash", "php"})


@dataclass(frozen=True)
class Unit:
    """Consecutive new-side rows of one file, shown to the model as one `@@` section."""

    path: str
    first: int  # new-side number of the first row
    rows: tuple[str, ...]  # the text as sent: secrets and .env values redacted, delimiters neutralized
    added: frozenset[int]  # new-side numbers of added rows
    hunks: tuple[tuple[int, int], ...]  # git hunk ranges (inclusive) clipped to the rows: where findings may be
    known: tuple[tuple[int, str], ...] = ()  # (line, "rule-id: message") already reported by the analyzers

    @property
    def last(self) -> int:
        return self.first + len(self.rows) - 1

    def row(self, line: int) -> str:
        return self.rows[line - self.first] if self.first <= line <= self.last else ""

    def contains(self, line: int, end_line: int) -> bool:
        return any(start <= line and end_line <= end for start, end in self.hunks)

    def body(self) -> str:
        header = f"@@ new lines {self.first}-{self.last} @@"
        rows = [f"{'+' if n in self.added else ' '}{n:>6} | {text}"
                for n, text in enumerate(self.rows, start=self.first)]
        return "\n".join([header, *rows])

    def known_lines(self) -> list[str]:
        return [f"{prompt.printable(self.path)}:{line} {text}" for line, text in self.known]

    @cached_property
    def digest(self) -> str:
        """The content with line numbers relative to the unit, so the same hunk moved down still matches."""
        shape: list[Any] = [self.path, list(self.rows), sorted(n - self.first for n in self.added),
                            [[s - self.first, e - self.first] for s, e in self.hunks],
                            [[n - self.first, text] for n, text in self.known]]
        return hashlib.sha256(json.dumps(shape).encode("utf-8", "surrogateescape")).hexdigest()

    @cached_property
    def tokens(self) -> int:
        return prompt.estimate_tokens(self.body() + "".join(f"- {k}\n" for k in self.known_lines()))


def units(ctx: ScanContext, known: list[RawFinding], secrets: list[str], context_lines: int) -> list[Unit]:
    """Every file's units, the most relevant files first."""
    by_path: dict[str, list[RawFinding]] = {}
    for raw in known:
        by_path.setdefault(raw.path, []).append(raw)
    out: list[Unit] = []
    for path in ctx.files:
        out += file_units(ctx, path, by_path.get(path, []), secrets, context_lines)
    added = {path: sum(len(u.added) for u in group) for path, group in groupby(out, key=lambda u: u.path)}
    return sorted(out, key=lambda u: (relevance(u.path, added[u.path]), u.first))


def relevance(path: str, added_lines: int) -> tuple[bool, bool, bool, int, str]:
    """Sort key: tests last; security-sensitive first; source before config and docs; bigger changes first."""
    language = language_of(path)
    sensitive = bool(_SENSITIVE_PATH.search(path)) or language in _SENSITIVE_LANGUAGES
    return is_test_path(path), not sensitive, language not in SOURCE_LANGUAGES, -added_lines, path


def file_units(ctx: ScanContext, path: str, known: list[RawFinding], secrets: list[str],
               context_lines: int) -> list[Unit]:
    change = ctx.changeset.get(path)
    if change is None:
        return []
    hunks = [h for h in change.hunks if h.added]  # delete-only hunks add nothing to review
    if not hunks:
        return []
    try:
        lines = ctx.lines_of(path)
    except OSError:
        return []
    pieces = [_unit(path, start, end, lines, hunks, known, secrets)
              for start, end in _windows(hunks, context_lines, len(lines))]
    return [unit for unit in pieces if unit.added]  # a piece of trailing context alone is not worth sending


def _windows(hunks: list[Any], context: int, length: int) -> list[tuple[int, int]]:
    spans = sorted((max(1, min(h.added) - context), min(length, max(h.added) + context)) for h in hunks)
    merged: list[list[int]] = []
    for start, end in spans:
        if start > end:
            continue
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(piece, min(end, piece + MAX_UNIT_LINES - 1)) for start, end in merged
            for piece in range(start, end + 1, MAX_UNIT_LINES)]


def _unit(path: str, start: int, end: int, lines: list[str], hunks: list[Any], known: list[RawFinding],
          secrets: list[str]) -> Unit:
    rows = tuple(prompt.neutralize(prompt.redact(envfiles.redact_line(path, text), secrets))
                 for text in lines[start - 1:end])
    added = frozenset(n for h in hunks for n in h.added if start <= n <= end)
    ranges = tuple((max(start, h.new_start), min(end, h.new_start + h.new_count - 1)) for h in hunks
                   if h.new_start <= end and h.new_start + h.new_count - 1 >= start)
    seen = tuple(sorted({(r.line, prompt.neutralize(prompt.redact(f"{r.rule_id}: {r.message}", secrets)))
                         for r in known if start <= r.line <= end}))
    return Unit(path=path, first=start, rows=rows, added=added, hunks=ranges, known=seen)


@dataclass
class _Call:
    units: list[Unit] = field(default_factory=list)
    paths: set[str] = field(default_factory=set)
    tokens: int = 0

    def cost(self, units: Iterable[Unit]) -> int:
        units = list(units)
        return sum(u.tokens for u in units) + FILE_OVERHEAD * len({u.path for u in units} - self.paths)

    def add(self, units: list[Unit]) -> None:
        self.tokens += self.cost(units)
        self.units += units
        self.paths |= {u.path for u in units}


def plan(ordered: list[Unit], budget: int, max_calls: int) -> tuple[list[list[Unit]], list[Unit]]:
    """(units per call, units that did not fit). Files stay whole when they fit in one call."""
    calls: list[_Call] = []
    left: list[Unit] = []
    for _path, group in groupby(ordered, key=lambda u: u.path):
        file_units = list(group)
        if _place(calls, file_units, budget, max_calls):
            continue
        left += [u for u in file_units if not _place(calls, [u], budget, max_calls)]
    return [call.units for call in calls], left


def _place(calls: list[_Call], units: list[Unit], budget: int, max_calls: int) -> bool:
    for call in calls:
        if call.tokens + call.cost(units) <= budget:
            call.add(units)
            return True
    fresh = _Call()
    if len(calls) >= max_calls or fresh.cost(units) > budget:
        return False
    fresh.add(units)
    calls.append(fresh)
    return True


def render(units: list[Unit]) -> tuple[list[str], list[str]]:
    """(already-known finding lines, one <untrusted-diff> block per file) for a call's units."""
    by_file: dict[str, list[Unit]] = {}
    for unit in units:
        by_file.setdefault(unit.path, []).append(unit)
    known = [line for group in by_file.values() for u in group for line in u.known_lines()]
    blocks = [prompt.file_block(path, [u.body() for u in group]) for path, group in by_file.items()]
    return known, blocks
