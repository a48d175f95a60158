"""The "ygs review" check run: the verdict as a conclusion, the report as its summary, one annotation
per finding with a file.

Conclusions: pass -> success, fail -> failure, error -> failure titled "could not complete" (an error
must never look green, and `action_required` would need an action ygs does not offer). GitHub takes at
most 50 annotations per request: the run is created, completed, with the first 50 and PATCHed with the
next batches (each PATCH appends). Every request is retried on transient failures on its own, so a
retry never creates a second run.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from ygs.config import GithubConfig
from ygs.github.client import attempt
from ygs.github.context import PullRequestContext
from ygs.github.placement import Placement, not_at_head
from ygs.output import printable
from ygs.review.model import Finding, ReviewResult, Severity
from ygs.review.reports import markdown
from ygs.review.reports.github import by_severity

NAME = "ygs review"
CONCLUSION = {"pass": "success", "fail": "failure", "error": "failure"}
LEVEL = {Severity.MUST: "failure", Severity.SHOULD: "warning", Severity.MAY: "notice"}
BATCH = 50  # GitHub: annotations per request
SUMMARY_LIMIT = 65535  # GitHub: characters in output.summary
MESSAGE_LIMIT = 60000  # GitHub: 64 KB per annotation message


def publish(repo: Any, ctx: PullRequestContext, result: ReviewResult, config: GithubConfig, where: Placement) -> int:
    """Create the check run on the PR head; return how many annotations it carries (only findings whose file
    has lines at the PR head, at those lines: `where.at_head`, the rule inline comments follow too)."""
    items = [annotation(at) for f in by_severity(result.findings) if (at := where.at_head(f)) is not None]
    batches = [items[i:i + BATCH] for i in range(0, len(items), BATCH)] or [[]]
    note = not_at_head(where, result.findings)
    head = {"title": title(result), "summary": markdown.render_within(SUMMARY_LIMIT, result, note=note)}
    extra = {"details_url": ctx.run_url} if ctx.run_url else {}
    run = attempt(lambda: repo.create_check_run(
        name=NAME, head_sha=ctx.head_sha, status="completed", conclusion=CONCLUSION[result.verdict],
        completed_at=datetime.now(timezone.utc), external_id=result.run_id,
        output={**head, "annotations": batches[0]}, **extra), config)
    for batch in batches[1:]:
        attempt(lambda batch=batch: run.edit(output={**head, "annotations": batch}), config)
    return len(items)


def title(result: ReviewResult) -> str:
    if result.verdict == "error":
        return f"could not complete: {result.errors[0] if result.errors else 'see the summary'}"[:200]
    if result.verdict == "fail":
        return f"blocked: {len(result.blocking)} finding(s) at {result.fail_level} or above"
    if result.fail_level == "never":
        return f"passed: {len(result.findings)} finding(s), none blocking (fail level: never)"
    return f"passed: {len(result.findings)} finding(s), none at {result.fail_level} or above"


def annotation(finding: Finding) -> dict[str, Any]:
    message, fix = (printable(text, keep="\r\n") for text in (finding.message, finding.fix))
    text = message + (f"\n\nFix: {fix}" if fix else "")
    return {
        "path": markdown.utf8(finding.path),
        "start_line": max(finding.line, 1),
        "end_line": max(finding.end_line, finding.line, 1),
        "annotation_level": LEVEL[finding.severity],
        "title": f"{finding.severity.value} {finding.rule_id}"[:255],
        "message": markdown.utf8(text)[:MESSAGE_LIMIT],
    }
