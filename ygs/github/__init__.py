"""`ygs review --publish github`: the review on its pull request.

One summary comment (edited in place), inline comments on diff lines (never posted twice, removed when
fixed), and a "ygs review" check run. Where the token may not write (fork PRs, read-only tokens), the
result goes to workflow-command annotations and the step summary instead. Publishing never changes the
verdict or the exit code: API failures are retried, then reported on stderr.

Layers: context (where) -> placement (which findings fit the diff) -> comments / checks (reporters).
PyGithub is imported only when publishing.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, TypeVar

import click

from ygs.config import Config, GithubConfig
from ygs.github import bodies, checks, client, comments, context, placement
from ygs.review.model import ReviewResult
from ygs.review.reports import github as workflow

T = TypeVar("T")
PERMISSION = {"pull request": "pull-requests: read", "inline comments": "pull-requests: write",
              "summary comment": "pull-requests: write", "check run": "checks: write"}


@dataclass
class Outcome:
    context: context.PullRequestContext
    inline: comments.InlineOutcome | None = None
    summary: str | None = None  # created | updated | unchanged
    annotations: int | None = None  # on the check run; None: no check run
    failures: dict[str, client.Failure] = field(default_factory=dict)
    fallback: bool = False  # workflow-command annotations written instead of the check run's


def check_environment(env: Mapping[str, str] | None = None) -> None:
    """Fail fast (YgsError, exit 2) before the review runs when the workflow cannot publish at all."""
    context.from_env(os.environ if env is None else env)


def publish(result: ReviewResult, config: Config, root: Path, *, annotate: bool = True,
            env: Mapping[str, str] | None = None) -> Outcome:
    """Publish `result` to the pull request of this workflow run. Raises YgsError only for a missing or
    wrong environment (no token, no pull_request event); `annotate=False` when the report itself is
    `--format github` (it writes the annotations)."""
    ctx = context.from_env(os.environ if env is None else env)
    outcome = Outcome(context=ctx)
    with client.wait_budget(config.github):  # one rate-limit wait budget for the whole publish
        _publish_api(outcome, result, config.github, root)
    workflow.write_step_summary(workflow.step_summary(result))
    if annotate and outcome.annotations is None:
        outcome.fallback = True
        lines = workflow.annotations(result)
        if lines:  # stderr: the runner reads workflow commands there too, and stdout stays the report
            click.echo("\n".join(lines), err=True)
    for what, failure in outcome.failures.items():
        click.echo(f"ygs: warning: {explain(what, failure)}", err=True)
    click.echo(f"ygs: {describe(outcome)}", err=True)
    return outcome


def _publish_api(outcome: Outcome, result: ReviewResult, config: GithubConfig, root: Path) -> None:
    ctx = outcome.context
    repo = _step(outcome, "pull request", lambda: client.connect(ctx, config).get_repo(ctx.repo), config)
    if repo is None:
        return
    pull = _step(outcome, "pull request", lambda: _pull(repo, ctx.number), config)
    if pull is not None:
        where = placement.plan(root, result, ctx.head_sha)
        commit = repo.get_commit(ctx.head_sha)
        outcome.inline = _step(outcome, "inline comments", lambda: comments.sync_inline(
            pull, commit, result, where, config.max_inline_comments), config)
        body = summary_body(result, outcome.inline, where, config)
        outcome.summary = _step(outcome, "summary comment", lambda: comments.upsert_summary(pull, body), config)
    once = dataclasses.replace(config, api_attempts=1)  # the check run retries each request itself
    outcome.annotations = _step(outcome, "check run", lambda: checks.publish(repo, ctx, result, config), once)


def _pull(repo: Any, number: int) -> Any:
    pull = repo.get_pull(number)
    pull.issue_url  # noqa: B018 - load it now, so a wrong repository or number fails here, once
    return pull


def _step(outcome: Outcome, what: str, operation: Callable[[], T], config: GithubConfig) -> T | None:
    """Run one publishing step; its failure is recorded, never raised."""
    try:
        return client.attempt(operation, config)
    except client.PublishError as exc:
        outcome.failures[what] = exc.failure
    except Exception as exc:  # noqa: BLE001 - publishing must not change the review's exit code
        if os.environ.get("YGS_DEBUG"):
            raise
        outcome.failures[what] = client.Failure("failed", f"internal error {type(exc).__name__}: {exc}")
    return None


def summary_body(result: ReviewResult, inline: comments.InlineOutcome | None, where: placement.Placement,
                 config: GithubConfig) -> str:
    placed = inline.placed if inline else set()
    rest = [f for f in workflow.by_severity(result.findings) if f.fingerprint not in placed]
    notes = []
    if where.reason:
        notes.append(f"Inline comments were not posted: {where.reason}.")
    if inline and inline.over_limit:
        notes.append(f"{inline.over_limit} finding(s) on the diff are listed here instead of inline "
                     f"(at most {config.max_inline_comments} inline comments per pull request).")
    if inline and inline.rejected:
        notes.append(f"GitHub refused {inline.rejected} inline position(s); those findings are listed here.")
    return bodies.summary(result, rest, len(placed), " ".join(notes))


def explain(what: str, failure: client.Failure) -> str:
    if failure.kind == "forbidden":
        return (f"could not publish the {what} ({failure.detail}): the token may not write it — a pull request "
                f"from a fork, or a workflow without `{PERMISSION[what]}`. The result is in the step summary "
                f"and the log annotations.")
    return (f"could not publish the {what}: {failure.detail}. The review result is in the step summary; "
            f"the exit code is unchanged.")


def describe(outcome: Outcome) -> str:
    done = []
    if outcome.summary:
        done.append(f"summary comment {outcome.summary}")
    if outcome.inline:
        i = outcome.inline
        done.append(f"{i.posted} inline comment(s) posted, {i.deleted} deleted, {i.marked_fixed} marked fixed")
    if outcome.annotations is not None:
        done.append(f"check run '{checks.NAME}' with {outcome.annotations} annotation(s)")
    where = f"pull request #{outcome.context.number}"
    if not done:
        return f"nothing published to {where} (see the warnings above); the result is in the step summary"
    return f"published to {where}: " + "; ".join(done)
