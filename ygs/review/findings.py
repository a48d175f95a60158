"""Raw analyzer hits -> the findings a review reports.

filter (which lines; with `added`, only new content: see `_selected` and ygs/diff.py) -> context (test code,
explained empty catches: advice, ygs/review/context.py) -> foreign suppressions (`# nosec`, `# nosemgrep`,
ygs/review/foreign.py) -> dedupe (same line + same weakness = one finding naming every source) -> suppression
(`# ygs: ignore[rule-id] reason`, reason required) -> fingerprints, snippets, redaction (known secrets, and
every value of a `.env`-style file).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ygs.diff import content_key, has_content
from ygs.review import context, coverage, envfiles, foreign
from ygs.review.model import AnalyzerResult, Finding, RawFinding, ScanContext, Severity, Suggestion, fingerprint
from ygs.review.policy import Policy

UNPARSED = coverage.UNPARSED
SUPPRESSION_NEEDS_REASON = "review-suppression-needs-reason"
_SUPPRESS = re.compile(r"ygs:\s*ignore\[([A-Za-z0-9_.,\s-]+)\]\s*(.*)")
_COMMENT_END = re.compile(r"\s*(\*/|-->|#}|%}|\*\))\s*$")
# Narrower CWEs that name the same weakness as a broader one, so analyzers that disagree on the CWE still
# merge: hard-coded password / cryptographic key are hard-coded credentials.
_SAME_WEAKNESS = {"CWE-259": "CWE-798", "CWE-321": "CWE-798"}


@dataclass
class _Merged:
    raws: list[RawFinding] = field(default_factory=list)

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.rule_id for r in self.raws))


def build(
    ctx: ScanContext, results: list[AnalyzerResult], rules: Policy, line_filter: str,
    created: Callable[[list[RawFinding]], list[RawFinding]] | None = None,
) -> tuple[list[Finding], list[dict[str, Any]]]:
    """The findings to report, and the suppressions that silenced others (with their reasons).

    created, given the blocking semgrep findings the `added` filter left out in edited files, returns those
    the change created all the same (ygs/review/flows.py: new request data into an old sink line)."""
    raws = [raw for result in results for raw in result.findings] + coverage.unreviewed(results)
    text = _Lines(ctx)
    rules = context.InContext.of(rules, ctx.config.review.test_paths, text.get)
    enabled = [r for r in raws if rules.enabled(r.rule_id)]
    selected = [r for r in enabled if _selected(r, ctx.changeset, line_filter, text)]
    if created is not None and line_filter == "added":
        selected += created(_left_out(enabled, selected, ctx.changeset, rules))
    selected, carried, notes = foreign.suppress(selected, rules, ctx, text.get)
    groups = _dedupe(selected, rules)
    kept, suppressed, unexplained = _suppress(groups, text)
    kept += _dedupe(unexplained, rules)
    return _finalize(kept, rules, text, secrets(results), notes), carried + suppressed


def _left_out(raws: list[RawFinding], selected: list[RawFinding], changeset: Any, rules: Policy) -> list[RawFinding]:
    """Blocking semgrep findings on old lines of files the change edited (deleting a sanitizer counts)."""
    chosen = {id(r) for r in selected}
    return [r for r in raws if id(r) not in chosen and r.source == "semgrep" and not r.whole_file
            and not r.rule_id.startswith("review-") and rules.rule_for(r).severity is Severity.MUST
            and (change := changeset.get(r.path)) is not None
            and change.status in ("modified", "renamed", "type_changed") and change.hunks]


def secrets(results: list[AnalyzerResult]) -> list[str]:
    """Every secret value an analyzer asked to redact, longest first."""
    return sorted({value for r in results for raw in r.findings for value in raw.redact if value}, key=len,
                  reverse=True)


def ordered(findings: list[Finding]) -> list[Finding]:
    """Most severe first, then Pass 1 before Pass 2, then by place."""
    return sorted(findings, key=lambda f: (-f.severity.rank, f.pass_, f.path, f.line, f.rule_id))


def _selected(raw: RawFinding, changeset: Any, line_filter: str, text: _Lines) -> bool:
    if not raw.path:  # about the change as a whole (size tier, missing tests)
        return True
    change = changeset.get(raw.path)
    if change is None:
        return line_filter == "nofilter"
    if line_filter in ("file", "nofilter") or raw.whole_file:
        return change.status != "deleted" or line_filter == "nofilter"
    span = range(raw.line, (raw.end_line or raw.line) + 1)
    if line_filter == "added":
        return any(_new_code(raw, number, change, text) for number in span if number in change.new_lines)
    return not change.hunk_lines.isdisjoint(span)


def _new_code(raw: RawFinding, number: int, change: Any, text: _Lines) -> bool:
    """Whether the part of new line `number` the finding covers is new content: it has content, and when the line
    extends an old line (`} catch {}` that gained ` finally {`), it is not inside that old line."""
    line = text.get(raw.path, number)
    if not line:  # a new line has content: the text is not in the tree (a file only the secrets detector streams)
        return True
    covered = covered_key(raw, number, line)
    if not has_content(covered):
        return False
    old = change.extended.get(number)
    return old is None or covered not in old


def covered_key(raw: RawFinding, number: int, line: str) -> str:
    """The normalized text of line `number` that the finding covers (cut at its columns on its first and
    last line)."""
    if raw.end_col is not None and number == (raw.end_line or raw.line):
        line = line[: raw.end_col - 1]
    if raw.col is not None and number == raw.line:
        line = line[raw.col - 1:]
    return content_key(line)


def _weakness(raw: RawFinding, rules: Policy) -> str:
    cwe = rules.rule_for(raw).cwe or raw.cwe
    return _SAME_WEAKNESS.get(cwe, cwe) if cwe else raw.rule_id


def _dedupe(raws: list[RawFinding], rules: Policy) -> list[_Merged]:
    groups: dict[tuple[str, int, str], _Merged] = {}
    for raw in raws:
        groups.setdefault((raw.path, raw.line, _weakness(raw, rules)), _Merged()).raws.append(raw)
    return list(groups.values())


def _suppress(groups: list[_Merged], text: _Lines) -> tuple[list[_Merged], list[dict], list[RawFinding]]:
    kept, suppressed, unexplained = [], [], []
    for group in groups:
        first = group.raws[0]
        marker = _marker(text, first.path, first.line)
        if marker is None or not set(marker[0]) & set(group.rule_ids):
            kept.append(group)
            continue
        rule_ids, reason, line = marker
        if reason:
            suppressed.append({"rule_ids": list(group.rule_ids), "path": first.path, "line": first.line,
                               "reason": reason})
            continue
        kept.append(group)
        unexplained.append(RawFinding(rule_id=SUPPRESSION_NEEDS_REASON, path=first.path, line=line, source="ygs",
                                      message=f"suppression of {', '.join(rule_ids)} has no reason, so it is "
                                              "ignored: write `# ygs: ignore[rule-id] why this is safe`"))
    return kept, suppressed, unexplained


def _marker(text: _Lines, path: str, line: int) -> tuple[list[str], str, int] | None:
    """A `ygs: ignore[…] reason` comment on the finding's line or the line above it."""
    for number in (line, line - 1):
        match = _SUPPRESS.search(text.get(path, number))
        if match:
            reason = _COMMENT_END.sub("", match.group(2)).strip()
            ids = [r.strip() for r in match.group(1).split(",") if r.strip()]
            return ids, reason if re.search(r"[A-Za-z]{2,}", reason) else "", number
    return None


def _finalize(groups: list[_Merged], rules: Policy, text: _Lines, secrets: list[str],
              notes: dict[RawFinding, str]) -> list[Finding]:
    seen: Counter[tuple[str, str, str]] = Counter()
    out = []
    for group in sorted(groups, key=lambda g: (g.raws[0].path, g.raws[0].line)):
        out.append(_finding(group, rules, text, secrets, seen, notes))
    return ordered(out)


def _finding(group: _Merged, rules: Policy, text: _Lines, secrets: list[str], seen: Counter,
             notes: dict[RawFinding, str]) -> Finding:
    primary = max(group.raws, key=lambda r: rules.rule_for(r).severity.rank)
    rule = rules.rule_for(primary)
    line_text = text.get(primary.path, primary.line)
    key = _weakness(primary, rules)
    identity = (key, primary.path, re.sub(r"\s+", " ", line_text).strip())
    seen[identity] += 1
    end_line = max((r.end_line or r.line) for r in group.raws)
    col, end_col = _columns(primary, end_line, text)
    return Finding(
        rule_id=rule.id,
        severity=rule.severity,
        pass_=min(rules.rule_for(r).pass_ for r in group.raws),
        category=rule.category,
        cwe=rule.cwe or primary.cwe,
        path=primary.path,
        line=primary.line,
        end_line=end_line,
        message=redact(primary.message + rules.note(primary) + _notes(group, notes), secrets),
        fix=rule.fix,
        sources=tuple(dict.fromkeys(r.source for r in group.raws)),
        fingerprint=fingerprint(key, primary.path, line_text, seen[identity] - 1),
        rule_ids=group.rule_ids,
        snippet=redact(envfiles.redact_line(primary.path, line_text).strip(), secrets)[:200],
        suggestion=_suggestion(group.raws, primary.line, line_text, secrets),
        col=col,
        end_col=end_col,
    )


def _suggestion(raws: list[RawFinding], line: int, line_text: str, secrets: list[str]) -> Suggestion | None:
    """The first mechanical fix among the merged hits that changes this one line and nothing else. Never on a
    line that holds a secret (the suggestion would repeat it), nor where columns could be counted in bytes
    rather than characters (non-ASCII text before the fix's end)."""
    for raw in raws:
        if (raw.replacement is None or raw.col is None or raw.end_col is None or raw.line != line
                or (raw.end_line or raw.line) != line or "\n" in raw.replacement
                or not line_text[:raw.end_col - 1].isascii() or redact(line_text, secrets) != line_text):
            continue
        new = line_text[:raw.col - 1] + raw.replacement + line_text[raw.end_col - 1:]
        if new != line_text:
            return Suggestion(raw.line, line_text, new)
    return None


def _columns(raw: RawFinding, end_line: int, text: _Lines) -> tuple[int | None, int | None]:
    """The finding's columns as SARIF counts them (UTF-16 code units), from the analyzer's (UTF-8 bytes, as
    semgrep reports them); none for a file-level finding or an end on another line than the finding's."""
    if raw.whole_file or raw.col is None:
        return None, None
    col = _utf16(text.get(raw.path, raw.line), raw.col)
    end_col = _utf16(text.get(raw.path, end_line), raw.end_col) if (raw.end_line or raw.line) == end_line else None
    if col is None or (end_col is not None and end_line == raw.line and end_col < col):
        return None, None
    return col, end_col


def _utf16(line: str, byte_col: int | None) -> int | None:
    data = line.encode("utf-8", "surrogateescape")
    if byte_col is None or not 1 <= byte_col <= len(data) + 1:
        return None
    before = data[: byte_col - 1].decode("utf-8", "replace")
    return len(before.encode("utf-16-le", "surrogatepass")) // 2 + 1


def _notes(group: _Merged, notes: dict[RawFinding, str]) -> str:
    """What any merged raw finding has to say about its marker (foreign.suppress), once each."""
    return "".join(dict.fromkeys(notes[raw] for raw in group.raws if raw in notes))


def redact(value: str, secrets: list[str]) -> str:
    """Mask every known secret, keeping a short prefix so a human can find it."""
    for secret in secrets:
        if secret in value:
            value = value.replace(secret, (secret[:4] if len(secret) >= 12 else "") + "…[redacted]")
    return value


class _Lines:
    """New-side text lines of the scanned files, read once."""

    def __init__(self, ctx: ScanContext) -> None:
        self._ctx = ctx
        self._cache: dict[str, list[str]] = {}

    def get(self, path: str, line: int) -> str:
        if not path or line < 1:
            return ""
        if path not in self._cache:
            try:
                self._cache[path] = self._ctx.lines_of(path)
            except OSError:
                self._cache[path] = []
        lines = self._cache[path]
        return lines[line - 1] if line <= len(lines) else ""
