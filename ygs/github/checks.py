"""Where the verdict goes: the "ygs review" check run, else a "ygs review" commit status, else nowhere on the
API (the caller writes log annotations; the step summary and the job's own exit code always carry it).

The check run is created `in_progress` when the review starts (`start`), so reviewers see it running, and
completed when it ends (`finish`): the verdict as a conclusion, the report as its summary, one annotation
per finding with a file. Conclusions: pass -> success, fail -> failure, error -> failure titled "could not
complete" (an error must never look green, and `action_required` would need an action ygs does not offer).
GitHub takes at most 50 annotations per request: the first 50 go with the completion, the next batches in
PATCHes (each PATCH appends). Every request is retried on transient failures on its own, so a retry never
creates a second run.

Only GitHub Apps may create check runs (GITHUB_TOKEN is one; a personal access token gets 403 "You must
authenticate via a GitHub App." or "Resource not accessible by personal access token"), and a fork's or
Dependabot's run gets a read-only token. On a check run that cannot be created, the verdict goes to a commit
status (`statuses: write`; a personal access token with repo access may), and `why` says which case it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable

from ygs.config import GithubConfig
from ygs.github.client import Failure, PublishError, attempt
from ygs.github.context import PullRequestContext
from ygs.github.placement import Placement, not_at_head
from ygs.output import printable
from ygs.review.model import Finding, ReviewResult, Severity
from ygs.review.reports import markdown
from ygs.review.reports.github import by_severity

NAME = "ygs review"
CHECK_RUN, STATUS = "check run", "commit status"
CONCLUSION = {"pass": "success", "fail": "failure", "error": "failure"}
STATE = {"pass": "success", "fail": "failure", "error": "error"}  # commit status states
LEVEL = {Severity.MUST: "failure", Severity.SHOULD: "warning", Severity.MAY: "notice"}
BATCH = 50  # GitHub: annotations per request
SUMMARY_LIMIT = 65535  # GitHub: characters in output.summary
MESSAGE_LIMIT = 60000  # GitHub: 64 KB per annotation message
DESCRIPTION_LIMIT = 140  # GitHub: characters in a commit status description
USER_TOKENS = ("ghp_", "github_pat_", "gho_", "ghu_")  # classic PAT, fine-grained PAT, OAuth, user-to-server


@dataclass
class Channel:
    """The verdict's way to GitHub for one run."""

    run: Any = None  # the check run, once created
    status: bool = False  # a commit status was posted (pending at the start, final at the end)
    failures: dict[str, Failure] = field(default_factory=dict)  # CHECK_RUN / STATUS -> why not
    annotations: int | None = None  # on the completed check run; None: no check run
    done: str = ""  # CHECK_RUN | STATUS once the verdict is on GitHub; "": only in the log and step summary
    error_conclusion: str = CONCLUSION["error"]  # a review that could not complete (ygs serve: action_required)


def start(repo: Any, ctx: PullRequestContext, config: GithubConfig) -> Channel:
    """Before the review: an in-progress check run, else a pending commit status."""
    channel = Channel()
    channel.run = _try(channel, CHECK_RUN, lambda: attempt(lambda: repo.create_check_run(
        name=NAME, head_sha=ctx.head_sha, status="in_progress", started_at=_now(),
        output={"title": "reviewing", "summary": f"ygs is reviewing {ctx.where}."}, **_details(ctx)), config))
    if channel.run is None:
        channel.status = _try(channel, STATUS, lambda: _post_status(repo, ctx, "pending", "reviewing", config)) \
            is not None
    return channel


def finish(repo: Any, ctx: PullRequestContext, result: ReviewResult, config: GithubConfig, where: Placement,
           channel: Channel | None = None) -> Channel:
    """After the review: complete the check run (or create it completed), else post the final commit status.
    A step refused with 403 at the start, or rate limited past the wait budget, is not tried again."""
    channel = channel or Channel()
    if _worth_trying(channel, CHECK_RUN):
        count = _try(channel, CHECK_RUN, lambda: _complete(repo, ctx, result, config, where, channel))
        if count is not None:
            channel.annotations, channel.done = count, CHECK_RUN
            return channel
    if _worth_trying(channel, STATUS):
        posted = _try(channel, STATUS, lambda: _post_status(repo, ctx, STATE[result.verdict],
                                                                title(result), config))
        if posted is not None:
            channel.status, channel.done = True, STATUS
    return channel


def abandon(repo: Any, ctx: PullRequestContext, config: GithubConfig, channel: Channel, reason: str,
            cancelled: bool = False) -> None:
    """The review stopped before a verdict: close what `start` opened, so nothing stays "in progress"."""
    text = f"could not complete: {reason}"[:200]
    if channel.run is not None:
        _try(channel, CHECK_RUN, lambda: attempt(lambda: channel.run.edit(
            status="completed", conclusion="cancelled" if cancelled else "failure", completed_at=_now(),
            output={"title": text, "summary": text}), config))
    elif channel.status:
        _try(channel, STATUS, lambda: _post_status(repo, ctx, "error", text, config))


def why(what: str, ctx: PullRequestContext, failure: Failure) -> str:
    """Why GitHub refused the check run or the commit status, in the user's terms."""
    detail = failure.detail.lower()
    user_token = ctx.token.startswith(USER_TOKENS) or "personal access token" in detail or "github app" in detail
    if what == CHECK_RUN and user_token:
        return ("only GitHub Apps can create check runs and this token is a personal access token (or OAuth "
                "token); pass the job's GITHUB_TOKEN (with `checks: write`) or a GitHub App's token")
    if ctx.fork:
        return "the pull request comes from a fork, and GitHub gives its workflow runs a read-only token"
    if ctx.actor == "dependabot[bot]":
        return "Dependabot's workflow runs get a read-only token"
    if what == STATUS and user_token:
        return ("the token may not write commit statuses (a classic personal access token needs `repo:status`, "
                "a fine-grained one Commit statuses: write)")
    return f"the token lacks `{'checks' if what == CHECK_RUN else 'statuses'}: write` (add it to the workflow's " \
           f"permissions)"


def _worth_trying(channel: Channel, what: str) -> bool:
    failure = channel.failures.get(what)
    return failure is None or failure.kind not in ("forbidden", "rate-limited")  # refused, or not to be asked again yet


def _try(channel: Channel, what: str, operation: Callable[[], Any]) -> Any:
    """operation(); a PublishError is recorded as why `what` did not happen (and None returned)."""
    try:
        value = operation()
    except PublishError as exc:
        channel.failures[what] = exc.failure
        return None
    channel.failures.pop(what, None)
    return value


def _complete(repo: Any, ctx: PullRequestContext, result: ReviewResult, config: GithubConfig, where: Placement,
              channel: Channel) -> int:
    """The verdict on the check run (created now, completed, when `start` did not create it); the count of
    annotations it carries (only findings whose file has lines at the PR head, at those lines:
    `where.at_head`, the rule inline comments follow too)."""
    items = [annotation(at) for f in by_severity(result.findings) if (at := where.at_head(f)) is not None]
    batches = [items[i:i + BATCH] for i in range(0, len(items), BATCH)] or [[]]
    note = not_at_head(where, result.findings)
    head = {"title": title(result), "summary": markdown.render_within(SUMMARY_LIMIT, result, note=note)}
    conclusion = channel.error_conclusion if result.verdict == "error" else CONCLUSION[result.verdict]
    done = {"status": "completed", "conclusion": conclusion, "completed_at": _now()}
    if channel.run is None:
        channel.run = attempt(lambda: repo.create_check_run(
            name=NAME, head_sha=ctx.head_sha, external_id=result.run_id, output={**head, "annotations": batches[0]},
            **done, **_details(ctx)), config)
    else:
        attempt(lambda: channel.run.edit(external_id=result.run_id, output={**head, "annotations": batches[0]},
                                         **done), config)
    for batch in batches[1:]:
        attempt(lambda batch=batch: channel.run.edit(output={**head, "annotations": batch}), config)
    return len(items)


def _post_status(repo: Any, ctx: PullRequestContext, state: str, description: str, config: GithubConfig) -> Any:
    extra = {"target_url": ctx.run_url} if ctx.run_url else {}
    commit = repo.get_commit(ctx.head_sha)
    return attempt(lambda: commit.create_status(state=state, description=description[:DESCRIPTION_LIMIT],
                                                context=NAME, **extra), config)


def _details(ctx: PullRequestContext) -> dict[str, str]:
    return {"details_url": ctx.run_url} if ctx.run_url else {}


def _now() -> datetime:
    return datetime.now(timezone.utc)


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
