"""Suppression markers a project already has, from the tools ygs runs: they carry over.

- `# nosec`, `# nosec B602`, `# nosec B602, B607` (bandit's test ids, comma or space separated): bandit's
  findings (`bandit-B602`, …); a bare `# nosec` all of them. A marker naming only tests by name
  (`# nosec subprocess_popen_with_shell_equals_true`) names none we can match, so it suppresses nothing.
- `# nosemgrep`, `// nosemgrep`, `/* nosemgrep */`, `# nosemgrep: rule-id, other-id` (ygs's semgrep rule ids,
  or semgrep's dotted check ids ending in one): semgrep's findings; a bare marker all of them.

A marker counts on the finding's line, on a comment-only line just above it, and for bandit on any line of
the statement it reports (bandit reads `# nosec` there too). The analyzers themselves run with their markers
disabled (semgrep `--disable-nosem`, bandit `--ignore-nosec`), so the matching happens here and every
suppression is reported (evidence `suppressions`, totals `findings_suppressed`), never silent.

The change under review is an adversary of the gate: it must not silence a blocking finding by adding a
marker. A marker is honoured for a blocking finding only when the lines from the marker to the finding
existed, the same up to whitespace and in a row, on the base side (a marker the project already had, moved or
re-indented with its code). A marker the change adds, or one above a line the change rewrote, silences only
advice; on a blocking finding it is not honoured and the finding's message says so.

`[tool.ygs.review] honour_foreign_suppressions = false` turns all of this off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from ygs import git
from ygs.review.model import RawFinding, ScanContext, Severity, at_or_above
from ygs.review.policy import Policy

MAX_STATEMENT_LINES = 40  # how far into a multi-line statement bandit's `# nosec` is looked for

_NOSEC = re.compile(r"#\s*nosec\b:?([^#\n]*)", re.IGNORECASE)
_BANDIT_ID = re.compile(r"\bB\d{3}\b")
_TEST_NAME = re.compile(r"\b[a-z]+_[a-z_]+\b")  # subprocess_popen_with_shell_equals_true
_NOSEMGREP = re.compile(r"(?:#|//|/\*|<!--)\s*nosem(?:grep)?\b(?:\s*:\s*([\w.-]+(?:\s*,\s*[\w.-]+)*))?")
_NAME = re.compile(r"(#|//|/\*|<!--)\s*(nosec|nosem(?:grep)?)", re.IGNORECASE)
_COMMENT_ONLY = re.compile(r"^\s*(?:#|//|/\*|\*|<!--)")


@dataclass(frozen=True)
class Marker:
    name: str  # the marker without its ids: "# nosec", "// nosemgrep"
    line: int
    ids: tuple[str, ...] | None  # the rules it names; None = every rule of its analyzer
    analyzer: str  # bandit | semgrep

    @property
    def text(self) -> str:
        """The marker and the ids it names, nothing else of the comment (reports show it)."""
        if not self.ids:
            return self.name
        return f"{self.name}{' ' if self.analyzer == 'bandit' else ': '}{', '.join(self.ids)}"

    def covers(self, raw: RawFinding) -> bool:
        if raw.source != self.analyzer:
            return False
        if self.ids is None:
            return True
        if self.analyzer == "bandit":
            return raw.rule_id.removeprefix("bandit-") in self.ids
        return any(i == raw.rule_id or i.endswith("." + raw.rule_id) for i in self.ids)


def suppress(raws: list[RawFinding], rules: Policy, ctx: ScanContext, read_line: Callable[[str, int], str]
             ) -> tuple[list[RawFinding], list[dict[str, Any]], dict[RawFinding, str]]:
    """The raw findings still reported, a suppression record for each one an honoured marker silenced, and the
    note for each blocking one whose marker is not honoured (its finding's message says why it stays)."""
    if not ctx.config.review.honour_foreign_suppressions:
        return raws, [], {}
    base = _BaseText(ctx)
    kept, suppressed, notes = [], [], {}
    for raw in raws:
        marker = find(raw, read_line)
        if marker is None:
            kept.append(raw)
            continue
        existing = base.has_window(raw.path, read_line, min(marker.line, raw.line), max(marker.line, raw.line))
        if not existing and _blocking(rules.rule_for(raw).severity, ctx.config.review.fail_level):
            rewrote = marker.line != raw.line and base.has_window(raw.path, read_line, marker.line, marker.line)
            kept.append(raw)
            notes[raw] = f" ({not_honoured(marker, raw.rule_id, rewrote)})"
            continue
        origin = "on the base side" if existing else "added by this change, advisory finding"
        suppressed.append({"rule_ids": [raw.rule_id], "path": raw.path, "line": raw.line,
                           "reason": f"{marker.analyzer} marker `{marker.text}` ({origin})", "marker": marker.text})
    return kept, suppressed, notes


def not_honoured(marker: Marker, rule_id: str, rewrote: bool = False) -> str:
    comment = "#" if marker.name.startswith("#") else "//"
    how = "over code this change rewrote" if rewrote else "added by this change"
    return (f"`{marker.name}` {how} is not honoured for blocking findings; use "
            f"`{comment} ygs: ignore[{rule_id}] reason`")


def find(raw: RawFinding, read_line: Callable[[str, int], str]) -> Marker | None:
    """The marker of raw's analyzer that covers raw: on its line, a comment-only line above, or (bandit) a
    later line of the statement."""
    if raw.source not in ("bandit", "semgrep") or not raw.path or raw.rule_id.startswith("review-"):
        return None  # the gate's own findings (review-unparsed: nothing read those lines) are not the tool's
    last = min(raw.end_line or raw.line, raw.line + MAX_STATEMENT_LINES - 1) if raw.source == "bandit" else raw.line
    for number in (raw.line, *range(raw.line + 1, last + 1), raw.line - 1):
        text = read_line(raw.path, number)
        if number == raw.line - 1 and not _COMMENT_ONLY.match(text):
            continue
        marker = parse(text, number, raw.source)
        if marker is not None and marker.covers(raw):
            return marker
    return None


def parse(text: str, line: int, analyzer: str) -> Marker | None:
    """The marker of analyzer in one line of source, if any."""
    if analyzer == "bandit":
        match = _NOSEC.search(text)
        if match is None:
            return None
        named = match.group(1).strip()
        ids = tuple(_BANDIT_ID.findall(named.upper()))
        if not ids and _TEST_NAME.search(named):  # bandit's test names only: none we can match
            return Marker(_name(match.group(0)), line, (), analyzer)
        return Marker(_name(match.group(0)), line, ids or None, analyzer)
    match = _NOSEMGREP.search(text)
    if match is None:
        return None
    ids = tuple(i.strip() for i in (match.group(1) or "").split(",") if i.strip())
    return Marker(_name(match.group(0)), line, ids or None, analyzer)


def _name(text: str) -> str:
    match = _NAME.match(text.strip())
    return f"{match.group(1)} {match.group(2).lower()}" if match else text.strip()[:20]


def _blocking(severity: Severity, fail_level: str) -> bool:
    return severity is Severity.MUST or at_or_above(severity, fail_level)


class _BaseText:
    """The base side's lines of each changed file (whitespace-normalized), read once, only when needed."""

    def __init__(self, ctx: ScanContext) -> None:
        self._changeset = ctx.changeset
        self._cache: dict[str, list[str]] = {}

    def has_window(self, path: str, read_line: Callable[[str, int], str], first: int, last: int) -> bool:
        """Lines first..last of path's new side occur, in a row, on the base side."""
        window = [_normalized(read_line(path, n)) for n in range(first, last + 1)]
        lines = self._lines(path)
        size = len(window)
        return any(lines[i:i + size] == window for i in range(len(lines) - size + 1))

    def _lines(self, path: str) -> list[str]:
        if path not in self._cache:
            change = self._changeset.get(path)  # None: an unchanged file (filter nofilter)
            old = path if change is None else None if change.status == "added" else change.old_path or change.path
            data = git.show_files(self._changeset.root, self._changeset.base, (old,)).get(old, b"") if old else b""
            self._cache[path] = [_normalized(line) for line in data.decode("utf-8", "replace").split("\n")]
        return self._cache[path]


def _normalized(line: str) -> str:
    return " ".join(line.split())
