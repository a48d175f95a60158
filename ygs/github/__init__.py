"""`ygs review --publish github`: the review on its pull request, or on its merge queue group.

One summary comment (edited in place), inline comments on diff lines (never posted twice, removed when
fixed), and a "ygs review" check run, created in progress when the review starts (`start`) and completed
with the verdict (`publish`). Where the token may not create check runs (fork PRs, personal access tokens)
the verdict goes to a "ygs review" commit status; where it may not write that either, to workflow-command
annotations and the step summary. On a `merge_group` event only the check run / status is published (a
merge queue group has no pull request to comment on). Publishing never changes the verdict or the exit code:
API failures are retried, then reported on stderr.

Layers: context (where) -> history (enough commits in a shallow clone) -> placement (which findings fit the
diff) -> comments / checks (reporters). PyGithub is imported only when publishing.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, TypeVar

import click

from ygs.config import Config, GithubConfig
from ygs.errors import YgsError
from ygs.github import bodies, checks, client, comments, context, history, placement
from ygs.review.model import ReviewResult
from ygs.review.reports import github as workflow

T = TypeVar("T")
PERMISSION = {"pull request": "pull-requests: read", "inline comments": "pull-requests: write",
              "summary comment": "pull-requests: write", "check run": "checks: write",
              "commit status": "statuses: write"}


@dataclass
class Outcome:
    context: context.PullRequestContext
    inline: comments.InlineOutcome | None = None
    summary: str | None = None  # created | updated | unchanged
    annotations: int | None = None  # on the check run; None: no check run
    failures: dict[str, client.Failure] = field(default_factory=dict)
    fallback: bool = False  # workflow-command annotations written instead of the check run's
    verdict_on: str = ""  # checks.CHECK_RUN | checks.STATUS; "": only the log, the step summary and the exit code
    identity: str = ""  # the login ygs wrote comments as ("": unknown, or no pull request)


@dataclass
class Started:
    """What `start` set up before the review: where to publish, and the in-progress check run or status."""

    context: context.PullRequestContext
    config: GithubConfig
    repo: Any = None
    channel: checks.Channel = field(default_factory=checks.Channel)


def check_environment(env: Mapping[str, str] | None = None) -> None:
    """Fail fast (YgsError, exit 2) before the review runs when the workflow cannot publish at all."""
    context.from_env(os.environ if env is None else env)


def start(root: Path, head: str = "HEAD", base: str | None = None, env: Mapping[str, str] | None = None,
          config: GithubConfig | None = None) -> Started:
    """Before the review: read the event (YgsError, exit 2, when the workflow cannot publish at all), fetch
    the base commit and enough history into a shallow clone (exit 2 naming the fix when that fails), and
    show the review as in progress (a check run, else a pending commit status). Never fails on the API."""
    ctx = context.from_env(os.environ if env is None else env)
    config = config or _github_config(root)
    target = base if base and history.SHA.fullmatch(base) else ctx.base_sha
    fetched = history.ensure(root, target, head, also=(ctx.head_sha,))
    if fetched:
        click.echo(f"ygs: the checkout lacked history the review needs: {fetched} from origin", err=True)
    started = Started(context=ctx, config=config)
    try:
        started.repo = client.connect(ctx, config).get_repo(ctx.repo)
        started.channel = checks.start(started.repo, ctx, config)
    except Exception as exc:  # noqa: BLE001 - publishing must not change the review's exit code
        if os.environ.get("YGS_DEBUG"):
            raise
        started.channel.failures[checks.CHECK_RUN] = client.Failure("failed", f"internal error {exc!r}")
    return started


def abandon(started: Started, reason: str, cancelled: bool = False) -> None:
    """The review stopped without a verdict: complete the in-progress check run (or status) as such."""
    try:
        if started.repo is not None:
            checks.abandon(started.repo, started.context, started.config, started.channel, reason, cancelled)
    except Exception:  # noqa: BLE001 - the review's own error is what the user must see
        if os.environ.get("YGS_DEBUG"):
            raise


def _github_config(root: Path) -> GithubConfig:
    """[tool.ygs.github] of the checkout (API pacing only; the review's policy comes from the base later)."""
    from ygs import config as cfg

    try:
        return cfg.load(root).github
    except YgsError:
        return GithubConfig()


def publish(result: ReviewResult, config: Config, root: Path, *, annotate: bool = True,
            env: Mapping[str, str] | None = None, started: Started | None = None) -> Outcome:
    """Publish `result` to the pull request (or merge queue group) of this workflow run. Raises YgsError only
    for a missing or wrong environment (no token, no pull_request / merge_group event); `annotate=False` when
    the report itself is `--format github` (it writes the annotations). `started`: what `start` set up."""
    ctx = started.context if started else context.from_env(os.environ if env is None else env)
    where = placement.plan(root, result, ctx.head_sha)
    outcome = publish_to(ctx, result, config.github, where, started)
    workflow.write_step_summary(workflow.step_summary(result))
    if annotate and outcome.annotations is None:
        outcome.fallback = True  # these attach to the PR head too: the same rule as the check run's
        lines = workflow.annotations(dataclasses.replace(result, findings=[
            at for f in result.findings if (at := f if not f.path else where.at_head(f)) is not None]))
        if lines:  # stderr: the runner reads workflow commands there too, and stdout stays the report
            click.echo("\n".join(lines), err=True)
    for what, failure in outcome.failures.items():
        click.echo(f"ygs: warning: {explain(what, failure, ctx, outcome.verdict_on)}", err=True)
    click.echo(f"ygs: {describe(outcome)}", err=True)
    return outcome


def publish_to(ctx: context.PullRequestContext, result: ReviewResult, config: GithubConfig,
               where: placement.Placement, started: Started | None = None) -> Outcome:
    """The API side of `publish`, for any caller that knows where (`ctx`) and how findings are placed (`where`):
    `ygs review --publish github`, `ygs publish` and `ygs serve` all publish through here. Never raises on the API:
    what could not be published is in the outcome's failures."""
    outcome = Outcome(context=ctx)
    with client.wait_budget(config):  # one rate-limit wait budget for the whole publish
        _publish_api(outcome, result, config, where, started)
    return outcome


def _publish_api(outcome: Outcome, result: ReviewResult, config: GithubConfig, where: placement.Placement,
                 started: Started | None) -> None:
    ctx = outcome.context
    repo = started.repo if started and started.repo is not None else _step(
        outcome, "pull request", lambda: client.connect(ctx, config).get_repo(ctx.repo), config)
    if repo is None:
        return
    pull = None if ctx.is_merge_group else _step(outcome, "pull request", lambda: _pull(repo, ctx.number), config)
    me = _identity(outcome, pull, config) if pull is not None else None
    if pull is not None and me:
        commit = repo.get_commit(ctx.head_sha)
        outcome.inline = _step(outcome, "inline comments", lambda: comments.sync_inline(
            pull, commit, result, where, config.max_inline_comments, me), config)
        body = summary_body(result, outcome.inline, where, config)
        outcome.summary = _step(outcome, "summary comment", lambda: comments.upsert_summary(pull, body, me), config)
    once = dataclasses.replace(config, api_attempts=1)  # the check run retries each request itself
    channel = _step(outcome, checks.CHECK_RUN, lambda: checks.finish(
        repo, ctx, result, config, where, started.channel if started else None), once)
    if channel is not None:
        outcome.failures.update(channel.failures)
        outcome.annotations, outcome.verdict_on = channel.annotations, channel.done


def _identity(outcome: Outcome, pull: Any, config: GithubConfig) -> str | None:
    """Who ygs writes comments as, once per run; unknown, it touches no comment (it cannot tell its own)."""
    me = _step(outcome, "identity", lambda: comments.identity(pull.requester), config)
    outcome.identity = me or ""
    failure = outcome.failures.pop("identity", None)
    if failure is not None:
        detail = (f"{failure.detail}, reading which account the token is (GET /user, then the GraphQL viewer); "
                  f"ygs edits only its own comments, so it touched none")
        for what in ("inline comments", "summary comment"):
            outcome.failures[what] = client.Failure(failure.kind, detail)
    return me


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
    elif placement.not_at_head(where, result.findings):
        notes.append(placement.not_at_head(where, result.findings))
    if inline and inline.over_limit:
        notes.append(f"{inline.over_limit} finding(s) on the diff are listed here instead of inline "
                     f"(at most {config.max_inline_comments} inline comments per pull request).")
    if inline and inline.rejected:
        notes.append(f"GitHub refused {inline.rejected} inline position(s); those findings are listed here.")
    return bodies.summary(result, rest, len(placed), " ".join(notes))


def explain(what: str, failure: client.Failure, ctx: context.PullRequestContext | None = None,
            verdict_on: str = "") -> str:
    if ctx is not None and what in (checks.CHECK_RUN, checks.STATUS):
        return _explain_verdict(what, failure, ctx, verdict_on)
    if failure.kind == "forbidden":
        return (f"could not publish the {what} ({failure.detail}): the token may not write it — a pull request "
                f"from a fork, or a workflow without `{PERMISSION[what]}`. The result is in the step summary "
                f"and the log annotations.")
    return (f"could not publish the {what}: {failure.detail}. The review result is in the step summary; "
            f"the exit code is unchanged.")


def _explain_verdict(what: str, failure: client.Failure, ctx: context.PullRequestContext, verdict_on: str) -> str:
    """Why the check run (or the commit status) is missing, and where the verdict is instead."""
    reason = checks.why(what, ctx, failure) if failure.kind == "forbidden" else "the exit code is unchanged"
    sep = " (" if failure.kind == "forbidden" else ": "
    end = ")" if failure.kind == "forbidden" else ""
    if verdict_on == checks.STATUS:
        instead = f"the verdict is on the commit status '{checks.NAME}' instead"
    elif verdict_on:
        instead = f"the verdict is on the check run '{checks.NAME}'"
    else:
        instead = ("the verdict is in the log annotations, the step summary and this job's own result (require "
                   "the job in branch protection)")
    return f"could not publish the {what}{sep}{failure.detail}{end}: {reason}; {instead}."


def describe(outcome: Outcome) -> str:
    done = []
    if outcome.summary:
        done.append(f"summary comment {outcome.summary}")
    if outcome.inline:
        i = outcome.inline
        done.append(f"{i.posted} inline comment(s) posted, {i.deleted} deleted, {i.marked_fixed} marked fixed"
                    + (f", {i.superseded} outdated marked superseded" if i.superseded else ""))
    if outcome.annotations is not None:
        done.append(f"check run '{checks.NAME}' with {outcome.annotations} annotation(s)")
    elif outcome.verdict_on == checks.STATUS:
        done.append(f"commit status '{checks.NAME}'")
    where = outcome.context.where
    if not done:
        return f"nothing published to {where} (see the warnings above); the result is in the step summary"
    return f"published to {where}: " + "; ".join(done)
