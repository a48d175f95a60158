"""The review's data: what analyzers emit, what the gate decides, what reporters render.

Data flows one way: change set -> RawFinding (analyzers) -> Finding (policy, filter, dedupe) -> Verdict.
"""

from __future__ import annotations

import enum
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Protocol

from ygs.config import Config


class Severity(str, enum.Enum):
    MUST = "MUST"  # blocks merge
    SHOULD = "SHOULD"  # advises strongly
    MAY = "MAY"  # advises

    @property
    def rank(self) -> int:
        return {"MUST": 3, "SHOULD": 2, "MAY": 1}[self.value]


FAIL_LEVELS = ("MUST", "SHOULD", "MAY", "never")
FILTERS = ("added", "diff_context", "file", "nofilter")


def at_or_above(severity: Severity, fail_level: str) -> bool:
    return fail_level != "never" and severity.rank >= Severity(fail_level).rank


@dataclass(frozen=True)
class RawFinding:
    """One hit from one analyzer, before policy: the analyzer knows where and what, policy knows how bad."""

    rule_id: str  # our id: "python-sql-injection", "bandit-B608", "secret-aws-access-key", …
    path: str  # repository-relative, POSIX separators
    line: int  # 1-based, new side
    message: str
    source: str  # analyzer name
    end_line: int | None = None
    cwe: str | None = None  # "CWE-89"; the policy's cwe wins when it has one
    severity: Severity | None = None  # fallbacks used when the policy has no entry for rule_id …
    pass_: int | None = None
    category: str | None = None
    fix: str = ""
    redact: tuple[str, ...] = ()  # secret values that must never reach any output
    whole_file: bool = False  # about the file itself (committed .env, unparsable file), not a line
    col: int | None = None  # 1-based column (in UTF-8 bytes, as semgrep counts) where the hit starts on `line`
    end_col: int | None = None  # 1-based column just after the hit on `end_line`
    replacement: str | None = None  # the rule's mechanical fix: new text for line:col .. end_line:end_col


@dataclass(frozen=True)
class Suggestion:
    """A rule's mechanical fix of one line: line `line` reads `old` on the new side, and `new` once fixed."""

    line: int
    old: str
    new: str

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "text": self.new}


@dataclass(frozen=True)
class Rule:
    """A policy entry (gates/policy.toml, overridable per project)."""

    id: str
    severity: Severity
    pass_: int
    category: str
    title: str
    fix: str
    cwe: str | None = None
    help: str = ""


@dataclass(frozen=True)
class Finding:
    rule_id: str
    severity: Severity
    pass_: int
    category: str
    cwe: str | None
    path: str
    line: int
    end_line: int
    message: str
    fix: str
    sources: tuple[str, ...]
    fingerprint: str
    rule_ids: tuple[str, ...] = ()  # every rule merged into this finding (dedupe across analyzers)
    snippet: str = ""  # the new-side text of `line`, redacted
    suggestion: Suggestion | None = None  # a mechanical fix of `line` (GitHub suggestion, `ygs review --fix`)
    # Where on its lines, when an analyzer knows: 1-based UTF-16 code-unit columns (SARIF's default), end exclusive
    col: int | None = None
    end_col: int | None = None
    line_hash: str = ""  # GitHub's primaryLocationLineHash of `line` (ygs/review/linehash.py); "" when unread

    def to_json(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "severity": self.severity.value,
            "pass": self.pass_,
            "category": self.category,
            "cwe": self.cwe,
            "path": self.path,
            "line": self.line,
            "end_line": self.end_line,
            "message": self.message,
            "fix": self.fix,
            "sources": list(self.sources),
            "fingerprint": self.fingerprint,
            "rule_ids": list(self.rule_ids or (self.rule_id,)),
            "snippet": self.snippet,
            "suggestion": self.suggestion.to_json() if self.suggestion else None,
        }

    @classmethod
    def from_json(cls, data: Any) -> "Finding":
        """The finding of a stored `to_json` document (`ygs publish --report`); ValueError naming the first field
        that is missing or of the wrong type. The input may be hostile: every field is type-checked."""
        if not isinstance(data, dict):
            raise ValueError("a finding is not an object")
        severity = _field(data, "severity", str)
        if severity not in Severity.__members__:
            raise ValueError(f"a finding has severity {severity!r}, not MUST, SHOULD or MAY")
        pass_ = _field(data, "pass", int)
        if pass_ not in (1, 2):
            raise ValueError(f"a finding has pass {pass_!r}, not 1 or 2")
        line, end_line = _field(data, "line", int), _field(data, "end_line", int)
        if line < 0 or end_line < 0:
            raise ValueError("a finding has a negative line")
        rule_id = _field(data, "rule_id", str)
        suggestion = data.get("suggestion")
        if suggestion is not None:
            if not isinstance(suggestion, dict):
                raise ValueError("a finding's suggestion is not an object")
            # `old` is not stored: the new-side text of the line, `snippet`, is what the fix replaces
            suggestion = Suggestion(line=_field(suggestion, "line", int), old=str(data.get("snippet") or ""),
                                    new=_field(suggestion, "text", str))
        return cls(rule_id=rule_id, severity=Severity(severity), pass_=pass_,
                   category=_field(data, "category", str), cwe=_field(data, "cwe", str, optional=True),
                   path=_field(data, "path", str), line=line, end_line=end_line, message=_field(data, "message", str),
                   fix=_field(data, "fix", str), sources=tuple(_strings(data, "sources")),
                   fingerprint=_field(data, "fingerprint", str),
                   rule_ids=tuple(_strings(data, "rule_ids")) if "rule_ids" in data else (rule_id,),
                   snippet=_field(data, "snippet", str, optional=True) or "", suggestion=suggestion)


def _field(data: dict[str, Any], key: str, kind: type, optional: bool = False) -> Any:
    """data[key] when it is a `kind` (never a bool for int); None for an absent or null optional field."""
    value = data.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ValueError(f"field {key!r} is {'missing' if key not in data else type(value).__name__}, "
                         f"not {kind.__name__}")
    return value


def _strings(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"field {key!r} is not a list of strings")
    return value


def fingerprint(rule_key: str, path: str, line_text: str, occurrence: int) -> str:
    """Stable across line shifts: the weakness, the file, the normalized text and its occurrence index."""
    normalized = re.sub(r"\s+", " ", line_text).strip()
    digest = hashlib.sha256(f"{rule_key}\0{path}\0{normalized}\0{occurrence}".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:24]


ANALYZER_STATUSES = ("ok", "failed", "timed_out", "skipped")


@dataclass(frozen=True)
class Partial:
    """A file an analyzer parsed except some lines."""

    path: str
    reason: str
    lines: tuple[tuple[int, int], ...]  # the unparsed line ranges, 1-based, inclusive
    runtime: bool = True  # False: the lines hold only type-level syntax, erased at compile time: never blocking

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "reason": self.reason, "lines": [list(span) for span in self.lines],
                "runtime": self.runtime}


@dataclass
class AnalyzerResult:
    """What one analyzer did: its evidence, and its raw findings."""

    name: str
    status: str = "ok"  # ok | failed | timed_out | skipped
    reason: str = ""  # why failed / timed_out / skipped
    version: str = ""
    rules_run: int = 0
    files_applicable: int = 0  # changed files of this analyzer's languages
    files_scanned: int = 0  # of those, how many it really scanned
    duration_s: float = 0.0
    findings: list[RawFinding] = field(default_factory=list)
    # (path, reason): files it could not parse at all; what that means for the verdict: ygs/review/coverage.py
    unparsed: list[tuple[str, str]] = field(default_factory=list)
    # paths in unparsed that hold valid code its parser cannot read (newer syntax, a gap in the tool's grammar),
    # not broken files: another analyzer that parsed the file then reviews it, with reduced coverage
    parser_gaps: set[str] = field(default_factory=set)
    partial: list[Partial] = field(default_factory=list)  # parsed except some lines (semgrep's error recovery)
    required: bool = True  # a failure of a required analyzer makes the verdict `error`
    extra: dict[str, Any] = field(default_factory=dict)  # analyzer-specific evidence (e.g. LLM token usage)

    def evidence(self) -> dict[str, Any]:
        return {
            **self.extra,
            "status": self.status,
            "reason": self.reason,
            "version": self.version,
            "rules_run": self.rules_run,
            "files_applicable": self.files_applicable,
            "files_scanned": self.files_scanned,
            "duration_s": round(self.duration_s, 3),
            "findings": len(self.findings),
            "unparsed": [{"path": p, "reason": r} for p, r in self.unparsed],
            "partially_parsed": [part.to_json() for part in self.partial],
        }


@dataclass(frozen=True)
class ScanContext:
    """Everything an analyzer may look at.

    `tree` holds the new-side content of every file in `files` at the same relative path, so analyzers
    that take paths (semgrep, bandit) scan it directly. `lines_of(path)` gives the new-side text lines.
    """

    tree: Path
    files: tuple[str, ...]  # changed, present on the new side, text, not skipped — what may be scanned
    config: Config
    gates_dir: Path
    changeset: Any  # ygs.diff.ChangeSet; typed loosely to keep this module import-light
    plan: tuple[str, ...] | None = None  # planned files/globs (`--plan`), for the scope analyzer
    # changed files no analyzer reads (vendored, generated, excluded, too large, binary): only the secrets detector
    # scans them, streamed from the change set (`changeset.stream`), never from `tree`
    secrets_only: tuple[str, ...] = ()

    def lines_of(self, path: str) -> list[str]:
        """Lines as git counts them: split on \\n only (str.splitlines also splits on form feeds …)."""
        text = (self.tree / path).read_bytes().decode("utf-8", "replace")
        lines = [line.removesuffix("\r") for line in text.split("\n")]
        return lines[:-1] if lines and lines[-1] == "" else lines


class Analyzer(Protocol):
    """An analyzer is a plain module with these names (see ygs/review/analyzers/__init__.py)."""

    NAME: str

    def applies_to(self, path: str) -> bool: ...

    def run(self, ctx: ScanContext) -> AnalyzerResult: ...


AnalyzerRun = Callable[[ScanContext], AnalyzerResult]


@dataclass(frozen=True)
class Anchor:
    """A place in the change that stands for the change as a whole: its first new line (not rendered in JSON)."""

    path: str
    line: int
    line_hash: str = ""


SCHEMA = "ygs.review/v1"
VERDICTS = ("pass", "fail", "error")


@dataclass
class ReviewResult:
    """The gate's answer, rendered by every reporter. The verdict is computed by ygs, never by a model."""

    verdict: str  # pass | fail | error
    base: dict[str, Any]  # {"ref", "sha", "how"}
    head: dict[str, Any]  # {"ref", "sha"}
    run_id: str
    fail_level: str
    filter: str
    findings: list[Finding] = field(default_factory=list)  # every kept finding, all severities
    evidence: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # why the verdict is `error`
    notices: list[str] = field(default_factory=list)  # must be shown prominently (e.g. LLM pass not executed)
    config: Config | None = field(default=None, repr=False, compare=False)  # the effective policy (not rendered)
    anchor: Anchor | None = field(default=None, compare=False)  # where SARIF places the change-level findings

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if at_or_above(f.severity, self.fail_level)]

    @property
    def exit_code(self) -> int:
        return {"pass": 0, "fail": 1, "error": 2}[self.verdict]

    def counts(self) -> dict[str, int]:
        out = {f"pass{p}_{s.value}": 0 for p in (1, 2) for s in Severity}
        for finding in self.findings:
            out[f"pass{finding.pass_}_{finding.severity.value}"] += 1
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "verdict": self.verdict,
            "base": self.base,
            "head": self.head,
            "run_id": self.run_id,
            "fail_level": self.fail_level,
            "filter": self.filter,
            "summary": {
                "findings": len(self.findings),
                "blocking": len(self.blocking),
                "by_severity": {s.value: sum(f.severity is s for f in self.findings) for s in Severity},
                "by_pass": {str(p): sum(f.pass_ == p for f in self.findings) for p in (1, 2)},
            },
            "errors": self.errors,
            "notices": self.notices,
            "findings": [f.to_json() for f in self.findings],
            "evidence": self.evidence,
        }

    @classmethod
    def from_json(cls, data: Any) -> "ReviewResult":
        """The result of a stored `to_json` document (`ygs publish --report`), as stored: ValueError for a document
        of another schema or with a field of the wrong type. The verdict is taken as stored; `recompute` it
        before trusting it. Every field is type-checked (the document may be hostile)."""
        if not isinstance(data, dict):
            raise ValueError("the document is not a JSON object")
        if data.get("schema") != SCHEMA:
            raise ValueError(f"schema is {data.get('schema')!r}, not {SCHEMA!r}")
        verdict, fail_level = _field(data, "verdict", str), _field(data, "fail_level", str)
        if verdict not in VERDICTS:
            raise ValueError(f"verdict is {verdict!r}, not one of {', '.join(VERDICTS)}")
        if fail_level not in FAIL_LEVELS:
            raise ValueError(f"fail_level is {fail_level!r}, not one of {', '.join(FAIL_LEVELS)}")
        if _field(data, "filter", str) not in FILTERS:
            raise ValueError(f"filter is {data['filter']!r}, not one of {', '.join(FILTERS)}")
        findings = data.get("findings")
        if not isinstance(findings, list):
            raise ValueError("field 'findings' is not a list")
        evidence = _field(data, "evidence", dict)
        return cls(verdict=verdict, base=_field(data, "base", dict), head=_field(data, "head", dict),
                   run_id=_field(data, "run_id", str), fail_level=fail_level, filter=_field(data, "filter", str),
                   findings=[Finding.from_json(f) for f in findings], evidence=evidence,
                   errors=_strings(data, "errors"), notices=_strings(data, "notices"))

    def recompute(self) -> str:
        """The verdict the findings and errors imply at this fail level, as the gate computes it."""
        return "error" if self.errors else "fail" if self.blocking else "pass"
