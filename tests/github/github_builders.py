"""ReviewResult and Finding objects for publisher tests, built directly (no analyzers run)."""

from __future__ import annotations

import dataclasses
from typing import Any

from ygs.config import Config
from ygs.review.model import Finding, ReviewResult, Severity, at_or_above, fingerprint

ANALYZERS = ("semgrep", "bandit", "secrets", "hygiene", "size", "functions")


def finding(line: int, path: str = "app.py", severity: Severity = Severity.MUST, end_line: int | None = None,
            rule: str = "python-sql-injection", sources: tuple[str, ...] = ("semgrep",),
            message: str | None = None) -> Finding:
    return Finding(rule_id=rule, severity=severity, pass_=1 if severity is Severity.MUST else 2,
                   category="injection", cwe="CWE-89", path=path, line=line, end_line=end_line or line,
                   message=message or f"SQL built from request data (line {line})",
                   fix="Use parameterized queries.", sources=sources,
                   fingerprint=fingerprint(rule, path, f"text of line {line}", 0), rule_ids=(rule,))


def result(base_sha: str, head_sha: str, findings: list[Finding], errors: list[str] | None = None,
           status: dict[str, str] | None = None) -> ReviewResult:
    errors = errors or []
    verdict = "error" if errors else "fail" if any(at_or_above(f.severity, "MUST") for f in findings) else "pass"
    analyzers: dict[str, Any] = {name: {"status": (status or {}).get(name, "ok"), "reason": "", "version": "1",
                                        "rules_run": 1, "files_applicable": 1, "files_scanned": 1,
                                        "findings": 0, "duration_s": 0.1} for name in ANALYZERS}
    evidence = {"analyzers": analyzers, "totals": {"files_changed": 1, "files_reviewed": 1, "lines_added": 5},
                "skipped": [{"path": "vendor/lib.js", "reason": "vendored or generated (vendor/**)"}]}
    return ReviewResult(verdict=verdict, base={"ref": "main", "sha": base_sha, "how": "merge-base"},
                        head={"ref": "HEAD", "sha": head_sha}, run_id="20260101T000000Z-test", fail_level="MUST",
                        filter="added", findings=findings, evidence=evidence, errors=errors)


def with_github(config: Config, **changes: object) -> Config:
    return dataclasses.replace(config, github=dataclasses.replace(config.github, **changes))
