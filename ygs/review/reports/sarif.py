"""`--format sarif`: SARIF 2.1.0 as GitHub code scanning uses it (docs/review.md, "SARIF").

Every result has a location (a finding about the change as a whole is shown on the change's first new line),
columns where the analyzer knows them, and two fingerprints: ygs's own (`ygsFingerprint/v1`, stable across line
shifts) and GitHub's `primaryLocationLineHash` (ygs/review/linehash.py). `automationDetails.id` is a stable
category (`ygs/`, or `ygs/<category>/` with `--sarif-category`), so each run updates the same analysis. Paths are
relative to `%SRCROOT%`, the repository's root. A run holds at most 25,000 results and the file at most 10 MB
gzipped, GitHub's upload limits: past them the least severe results are dropped and the run says so. Only rules
about security (by category, with a CWE) carry `security-severity`, so hygiene and debug leftovers are never
security alerts.
"""

from __future__ import annotations

import gzip
import json
import re
from typing import Any
from urllib.parse import quote

from ygs import __version__
from ygs.errors import YgsError
from ygs.resources import data_dir
from ygs.review import policy
from ygs.review.model import Finding, ReviewResult, Rule, Severity
from ygs.review.reports import policy_line

LEVEL = {Severity.MUST: "error", Severity.SHOULD: "warning", Severity.MAY: "note"}
SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFO_URI = "https://github.com/ygs-dev/ygs"
SRCROOT = "%SRCROOT%"

# GitHub code scanning's upload limits (docs.github.com, "SARIF support for code scanning")
MAX_RESULTS = 25_000
MAX_GZIPPED = 10_000_000

# Rule categories (gates/policy.toml) about security; the others (debug, error-handling, maintainability, size,
# scope, testing, review) are code quality, whatever CWE they cite.
SECURITY_CATEGORIES = frozenset({"injection", "secrets", "deserialization", "crypto", "tls", "xss", "ssrf",
                                 "path-traversal", "config", "data-loss"})
# Weaknesses that give an attacker code execution or the keys: a MUST about them is critical (GitHub: >= 9.0).
CRITICAL_CWES = frozenset({"CWE-77", "CWE-78", "CWE-94", "CWE-95", "CWE-502", "CWE-798"})
SECURITY_SEVERITY = {Severity.MUST: "8.0", Severity.SHOULD: "5.0", Severity.MAY: "3.0"}  # high, medium, low
_CATEGORY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*")


def render(result: ReviewResult, category: str = "") -> str:
    """The SARIF log of a review; category (`--sarif-category`) tells apart several ygs analyses of one
    repository (a monorepo's parts, a matrix), as the upload action's `category` does."""
    automation_id = automation_id_of(category)
    findings = sorted(result.findings, key=lambda f: -f.severity.rank)  # stable: MUST first, kept when capped
    kept = findings[:MAX_RESULTS]
    text = _dump(_document(result, kept, automation_id, len(findings)))
    while kept and (size := _gzipped_size(text)) > MAX_GZIPPED:  # shrink in proportion, with a margin
        kept = kept[: int(len(kept) * MAX_GZIPPED / size * 0.95)]
        text = _dump(_document(result, kept, automation_id, len(findings)))
    return text


def automation_id_of(category: str) -> str:
    """`ygs/` or `ygs/<category>/`: the trailing slash leaves no run id, so GitHub reads it all as the category."""
    category = category.strip().strip("/")
    if not category:
        return "ygs/"
    if len(category) > 100 or not _CATEGORY.fullmatch(category):
        raise YgsError(f"invalid --sarif-category {category!r}: use letters, digits, '.', '_', '-' and '/' "
                       "(at most 100 characters)")
    return f"ygs/{category}/"


def _dump(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=True) + "\n"


def _gzipped_size(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8", "surrogateescape"), compresslevel=6))


def _document(result: ReviewResult, kept: list[Finding], automation_id: str, total: int) -> dict[str, Any]:
    rules = _rules(kept)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "ygs", "version": __version__, "semanticVersion": __version__,
                            "informationUri": INFO_URI, "rules": rules}},
        "automationDetails": {"id": automation_id},
        "originalUriBaseIds": {SRCROOT: _srcroot(result)},
        "columnKind": "utf16CodeUnits",
        "results": [_result(f, index, result) for f in kept],
        "invocations": [_invocation(result, kept, total)],
        "properties": {"verdict": result.verdict, "run_id": result.run_id, "base": result.base, "head": result.head,
                       "policy": policy_line(result), "evidence": result.evidence},
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _srcroot(result: ReviewResult) -> dict[str, Any]:
    description = {"text": "The root of the repository (git work tree); every result's path is relative to it."}
    root = result.config.root if result.config else None
    if root is None or not root.is_absolute():
        return {"description": description}
    uri = root.as_uri()
    return {"uri": uri if uri.endswith("/") else uri + "/", "description": description}


def _rules(findings: list[Finding]) -> list[dict[str, Any]]:
    known = policy.load(data_dir("gates")).rules  # titles and help text only; severities come from the findings
    first: dict[str, Finding] = {}
    for finding in findings:  # one descriptor per rule id, from its first finding
        first.setdefault(finding.rule_id, finding)
    return [_rule(finding, known.get(rule_id)) for rule_id, finding in first.items()]


def security_severity(severity: Severity, category: str, cwe: str | None) -> str | None:
    """GitHub's `security-severity` (0.0-10.0) of a rule, from its metadata: none unless the rule is about
    security (its category) and names a weakness (its CWE); else by how sure and how bad (its severity), with
    code execution and leaked keys critical."""
    if category not in SECURITY_CATEGORIES or not cwe:
        return None
    if severity is Severity.MUST and cwe.upper() in CRITICAL_CWES:
        return "9.0"
    return SECURITY_SEVERITY[severity]


def _rule(finding: Finding, rule: Rule | None) -> dict[str, Any]:
    title = rule.title if rule else finding.rule_id
    help_text = "\n\n".join(x for x in (rule.help if rule else "", f"Fix: {finding.fix}" if finding.fix else "") if x)
    tags = [finding.category, f"pass-{finding.pass_}"]
    properties: dict[str, Any] = {"tags": tags, "precision": "high"}
    score = security_severity(finding.severity, finding.category, finding.cwe)
    if score:
        tags.append("security")
        properties["security-severity"] = score
    if finding.cwe:
        tags.append(f"external/cwe/{finding.cwe.lower()}")
    return {
        "id": finding.rule_id,
        "name": "".join(w.capitalize() for w in finding.rule_id.split("-")),
        "shortDescription": {"text": title},
        "fullDescription": {"text": (rule.help or title) if rule else title},
        "help": {"text": help_text or title, "markdown": help_text or title},
        "defaultConfiguration": {"level": LEVEL[finding.severity]},
        "properties": properties,
    }


def _result(finding: Finding, index: dict[str, int], review: ReviewResult) -> dict[str, Any]:
    message = finding.message + (f" Fix: {finding.fix}" if finding.fix else "")
    fingerprints = {"ygsFingerprint/v1": finding.fingerprint}
    properties: dict[str, Any] = {"severity": finding.severity.value, "pass": finding.pass_,
                                  "sources": list(finding.sources), "rule_ids": list(finding.rule_ids)}
    entry: dict[str, Any] = {"ruleId": finding.rule_id, "ruleIndex": index[finding.rule_id],
                             "level": LEVEL[finding.severity]}
    if finding.path:
        region: dict[str, Any] = {"startLine": max(finding.line, 1), "endLine": max(finding.end_line, finding.line, 1)}
        if finding.col is not None:
            region["startColumn"] = finding.col
        if finding.end_col is not None:
            region["endColumn"] = finding.end_col
        entry["locations"] = [_location(finding.path, region)]
        line_hash = finding.line_hash
    elif review.anchor is not None:  # about the change as a whole: shown where the change starts
        message += (f" (This is about the change as a whole; it is shown on the change's first new line, "
                    f"{review.anchor.path}:{review.anchor.line}.)")
        properties["scope"] = "change"
        entry["locations"] = [_location(review.anchor.path, {"startLine": review.anchor.line})]
        line_hash = review.anchor.line_hash
    else:  # a change without files has nothing to point at (and no finding about itself so far)
        line_hash = ""
    if line_hash:
        fingerprints["primaryLocationLineHash"] = line_hash
    return {**entry, "message": {"text": message}, "partialFingerprints": fingerprints, "properties": properties}


def _location(path: str, region: dict[str, Any]) -> dict[str, Any]:
    # a relative reference: percent-encoded (spaces, '%', ':' …; a non-UTF-8 name by its original bytes)
    uri = quote(path.encode("utf-8", "surrogateescape"), safe="/")
    return {"physicalLocation": {"artifactLocation": {"uri": uri, "uriBaseId": SRCROOT}, "region": region}}


def _invocation(result: ReviewResult, kept: list[Finding], total: int) -> dict[str, Any]:
    notices = [{"level": "error", "message": {"text": error}} for error in result.errors]
    notices += [{"level": "warning", "message": {"text": notice}} for notice in result.notices]
    if len(kept) < total:
        notices.append({"level": "warning", "message": {"text": _capped(result.findings, kept, total)}})
    return {"executionSuccessful": result.verdict != "error", "toolExecutionNotifications": notices}


def _capped(findings: list[Finding], kept: list[Finding], total: int) -> str:
    dropped = {s: sum(f.severity is s for f in findings) - sum(f.severity is s for f in kept) for s in Severity}
    counts = ", ".join(f"{n:,} {s.value}" for s, n in dropped.items() if n)
    return (f"results capped: {len(kept):,} of {total:,} findings are in this SARIF file (GitHub code scanning takes "
            f"at most {MAX_RESULTS:,} results per run and {MAX_GZIPPED // 1_000_000} MB gzipped); left out, least "
            f"severe first: {counts}. The JSON report (--format json) lists every finding.")
