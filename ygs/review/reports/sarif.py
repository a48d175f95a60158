"""`--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it (rules with help and CWE tags,
partialFingerprints that survive line shifts)."""

from __future__ import annotations

import json
from typing import Any

from ygs import __version__
from ygs.resources import data_dir
from ygs.review import policy
from ygs.review.model import Finding, ReviewResult, Rule, Severity
from ygs.review.reports import policy_line

LEVEL = {Severity.MUST: "error", Severity.SHOULD: "warning", Severity.MAY: "note"}
SECURITY_SEVERITY = {Severity.MUST: "8.0", Severity.SHOULD: "5.0", Severity.MAY: "3.0"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/ygs-dev/ygs"


def render(result: ReviewResult) -> str:
    rules = _rules(result.findings)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "ygs", "version": __version__, "semanticVersion": __version__,
                            "informationUri": INFO_URI, "rules": rules}},
        "automationDetails": {"id": f"ygs-review/{result.run_id}"},
        "results": [_result(f, index) for f in result.findings],
        "invocations": [_invocation(result)],
        "properties": {"verdict": result.verdict, "base": result.base, "head": result.head,
                       "policy": policy_line(result), "evidence": result.evidence},
    }
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, indent=2, ensure_ascii=True) + "\n"


def _rules(findings: list[Finding]) -> list[dict[str, Any]]:
    known = policy.load(data_dir("gates")).rules  # titles and help text only; severities come from the findings
    first: dict[str, Finding] = {}
    for finding in findings:  # one descriptor per rule id, from its first finding
        first.setdefault(finding.rule_id, finding)
    return [_rule(finding, known.get(rule_id)) for rule_id, finding in first.items()]


def _rule(finding: Finding, rule: Rule | None) -> dict[str, Any]:
    title = rule.title if rule else finding.rule_id
    help_text = "\n\n".join(x for x in (rule.help if rule else "", f"Fix: {finding.fix}" if finding.fix else "") if x)
    tags = [finding.category, f"pass-{finding.pass_}"]
    properties: dict[str, Any] = {"tags": tags, "precision": "high"}
    if finding.cwe:
        tags += ["security", f"external/cwe/{finding.cwe.lower()}"]
        properties["security-severity"] = SECURITY_SEVERITY[finding.severity]
    return {
        "id": finding.rule_id,
        "name": "".join(w.capitalize() for w in finding.rule_id.split("-")),
        "shortDescription": {"text": title},
        "fullDescription": {"text": (rule.help or title) if rule else title},
        "help": {"text": help_text or title, "markdown": help_text or title},
        "defaultConfiguration": {"level": LEVEL[finding.severity]},
        "properties": properties,
    }


def _result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": index[finding.rule_id],
        "level": LEVEL[finding.severity],
        "message": {"text": f"{finding.message}" + (f" Fix: {finding.fix}" if finding.fix else "")},
        "partialFingerprints": {"ygsFingerprint/v1": finding.fingerprint},
        "properties": {"severity": finding.severity.value, "pass": finding.pass_, "sources": list(finding.sources),
                       "rule_ids": list(finding.rule_ids)},
    }
    if finding.path:
        entry["locations"] = [{"physicalLocation": {
            "artifactLocation": {"uri": finding.path, "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": max(finding.line, 1), "endLine": max(finding.end_line, finding.line, 1)},
        }}]
    return entry


def _invocation(result: ReviewResult) -> dict[str, Any]:
    return {
        "executionSuccessful": result.verdict != "error",
        "toolExecutionNotifications": [
            {"level": "error", "message": {"text": error}} for error in result.errors
        ] + [{"level": "warning", "message": {"text": notice}} for notice in result.notices],
    }
