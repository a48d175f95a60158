"""What an analyzer's parse failure means for the verdict: a parser gap is not a verdict, a file nobody read is.

Code analyzers (modules with `parses(path)`: semgrep, bandit, and functions for Python) can fail to parse a
file they apply to. Per file:

- **not reviewed** (a blocking `review-unparsed` finding on the whole file) when no code analyzer parsed it,
  or when one says the file is broken (an unparsed file that is not in its `parser_gaps`: Python that no
  version compiles, a NUL byte, semgrep giving up). Semgrep recovers from Python syntax errors silently, so
  its parse is no proof that a file is valid: the Python parser's word is;
- **partly reviewed** when the best any analyzer did was a partial parse (semgrep's error recovery): each
  unparsed region is a `review-unparsed` finding on its lines, filtered like any other finding, so it
  blocks only where the change added lines to it (regions of type-only syntax, which hold no code, such as
  TypeScript's `export type * from`, never block: semgrep.TYPE_ONLY);
- **reviewed with reduced coverage** when another code analyzer parsed all of it (or a partial parse's
  regions hold no added line): reported in a notice in every output and in `evidence.coverage`, not blocked.

A text analyzer's failure (secrets, hygiene: an unreadable file) always blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ygs.output import printable
from ygs.review import analyzers
from ygs.review.model import AnalyzerResult, Finding, RawFinding

UNPARSED = "review-unparsed"
MAX_NOTICES = 5  # one per file, then a count (every file is listed in evidence.coverage)

NOT_REVIEWED, PARTLY, REDUCED = "not reviewed", "partly reviewed", "reduced coverage"


@dataclass(frozen=True)
class Gap:
    analyzer: str
    reason: str
    lines: tuple[tuple[int, int], ...] = ()  # () = the whole file
    broken: bool = False  # the analyzer says the file itself is invalid, not that its parser falls short
    runtime: bool = True  # False: the unparsed lines hold only type-level syntax (no code): never blocking

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"analyzer": self.analyzer, "reason": self.reason}
        if self.lines:
            out["lines"] = [list(span) for span in self.lines]
        return out


@dataclass
class FileCoverage:
    path: str
    gaps: list[Gap] = field(default_factory=list)
    parsed_by: list[str] = field(default_factory=list)  # code analyzers that parsed all of it

    @property
    def outcome(self) -> str:
        if any(g.broken for g in self.gaps) or not (self.parsed_by or self.partial):
            return NOT_REVIEWED
        return REDUCED if self.parsed_by else PARTLY

    @property
    def partial(self) -> list[Gap]:
        return [g for g in self.gaps if g.lines]


def assess(results: list[AnalyzerResult]) -> list[FileCoverage]:
    """Every file a code analyzer could not parse (wholly or partly), and what the others made of it."""
    code = [(r, _parses(r.name)) for r in results if r.status == "ok" and _parses(r.name)]
    files: dict[str, FileCoverage] = {}
    for result, parses in code:
        for path, reason in result.unparsed:
            if parses(path):
                files.setdefault(path, FileCoverage(path)).gaps.append(
                    Gap(result.name, reason, broken=path not in result.parser_gaps))
        for part in result.partial:
            files.setdefault(part.path, FileCoverage(part.path)).gaps.append(
                Gap(result.name, part.reason, part.lines, runtime=part.runtime))
    for entry in files.values():
        missing = {g.analyzer for g in entry.gaps}
        entry.parsed_by = [r.name for r, parses in code if parses(entry.path) and r.name not in missing]
    return sorted(files.values(), key=lambda f: f.path)


def unreviewed(results: list[AnalyzerResult]) -> list[RawFinding]:
    """The `review-unparsed` findings: files nothing read, and the unparsed regions of partly read ones."""
    out = [_whole(r.name, path, why) for r in results for path, why in r.unparsed
           if not (r.status == "ok" and (parses := _parses(r.name)) and parses(path))]
    for entry in assess(results):
        if entry.outcome == NOT_REVIEWED:
            # a broken file or one no analyzer parsed at all: its whole-file gaps say why (partial ones add nothing)
            out += [_whole(g.analyzer, entry.path, g.reason) for g in entry.gaps if not g.lines]
        elif entry.outcome == PARTLY:
            out += [_region(g, entry.path, span) for g in entry.partial if g.runtime for span in g.lines]
    return out


def report(results: list[AnalyzerResult], findings: list[Finding]) -> list[dict[str, Any]]:
    """evidence.coverage: each file an analyzer could not parse, its outcome, who read it and what was missed.
    A partly reviewed file whose unparsed regions hold no line the change added (no `review-unparsed` finding
    was kept) was reviewed with reduced coverage."""
    blocked = {f.path for f in findings if UNPARSED in (f.rule_ids or (f.rule_id,))}
    out = []
    for entry in assess(results):
        outcome = entry.outcome
        if outcome == PARTLY:
            outcome = PARTLY if entry.path in blocked else REDUCED
        out.append({"path": entry.path, "outcome": outcome, "parsed_by": entry.parsed_by,
                    "not_parsed": [g.to_json() for g in entry.gaps]})
    return out


def notices(entries: list[dict[str, Any]]) -> list[str]:
    """One line per file reviewed with reduced coverage (the first MAX_NOTICES), then how many more."""
    reduced = [e for e in entries if e["outcome"] == REDUCED]
    lines = [_notice(e) for e in reduced[:MAX_NOTICES]]
    if len(reduced) > MAX_NOTICES:
        lines.append(f"reduced coverage: {len(reduced) - MAX_NOTICES} more file(s), listed in evidence.coverage")
    return lines


def _notice(entry: dict[str, Any]) -> str:
    missed = "; ".join(_missed(g) for g in entry["not_parsed"])
    readers = f"read in full by {', '.join(entry['parsed_by'])}" if entry["parsed_by"] else \
        "the rest of the file was reviewed"
    return printable(f"reduced coverage: {entry['path']}: {missed}; {readers}")


def _missed(gap: dict[str, Any]) -> str:
    reason = gap["reason"]
    return reason if reason.startswith(f"{gap['analyzer']}") else f"{gap['analyzer']}: {reason}"


def _whole(name: str, path: str, why: str) -> RawFinding:
    return RawFinding(rule_id=UNPARSED, path=path, line=1, message=f"not reviewed: {name} could not parse ({why})",
                      source=name, whole_file=True)


def _region(gap: Gap, path: str, span: tuple[int, int]) -> RawFinding:
    return RawFinding(rule_id=UNPARSED, path=path, line=span[0], end_line=span[1], source=gap.analyzer,
                      message=f"not reviewed: {gap.reason}")


def _parses(name: str) -> Any:
    if name not in analyzers.MODULES:
        return None
    return getattr(analyzers.get(name), "parses", None)
