"""`ygs publish --report`: publish a JSON report made earlier by `ygs review --format json`.

For pull requests from forks: their `pull_request` run has a read-only token, so it only reviews and uploads
`report.json` as an artifact; a `workflow_run` workflow of the base repository (trusted, with a write token)
downloads it and publishes it here, through the same path as `ygs review --publish github`.

The report comes from the fork's run, so it is treated as hostile input:
- it must be an `ygs.review/v1` document of at most MAX_BYTES, every field of the expected type, at most
  MAX_FINDINGS findings (ValueError -> one line, exit 2);
- it must be about the pull request's head: its `head.sha` must equal the commit the triggering run reviewed
  (`workflow_run.head_sha`, from GitHub), and that must still be the pull request's head (read from the API);
- its verdict is not trusted: it is recomputed from its findings and errors at the fail level of the
  publishing side (`--fail-level`, else `[tool.ygs.review] fail_level` of the trusted checkout, else MUST);
- its evidence is reduced to the fields the reporters show, each of the expected type, and everything is
  rendered through the same escaping as a live review.
What this cannot check: that the review really ran, and that it reported everything it found. A fork can
change the workflow its pull request runs; see docs/github-action.md, "Fork pull requests".
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from pathlib import Path
from typing import Any, Mapping

import click

from ygs import config as cfg
from ygs import git
from ygs.errors import YgsError
from ygs.github import client, context, history
from ygs.review.model import FAIL_LEVELS, ReviewResult

MAX_BYTES = 32 * 1024 * 1024  # a review's JSON report; far larger than any real one
MAX_FINDINGS = 25_000  # as SARIF's cap for GitHub code scanning
MAX_MESSAGES = 1_000  # errors + notices
MAX_STRING = 100_000  # characters in any one string field
RUN_ID = re.compile(r"[0-9A-Za-z._-]{1,64}")  # gate._run_id: 20261203T190000Z-1a2b3c4d


@dataclasses.dataclass
class Stored:
    result: ReviewResult  # with the recomputed verdict
    stored_verdict: str  # as the report said


def load(path: Path, fail_level: str) -> Stored:
    """The report at `path`, checked and with its verdict recomputed at `fail_level`; YgsError (exit 2) when it
    cannot be read or is not a well-formed ygs review report."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise YgsError(f"cannot read the report {path}: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise YgsError(f"refusing the report {path}: larger than {MAX_BYTES // (1024 * 1024)} MiB")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise YgsError(f"refusing the report {path}: not valid JSON ({_short(exc)})") from None
    try:
        _check_sizes(data)
        result = ReviewResult.from_json(data)
    except ValueError as exc:
        raise YgsError(f"refusing the report {path}: not a ygs review report ({_short(exc)})") from None
    if not RUN_ID.fullmatch(result.run_id):  # shown raw in a code span by the Markdown reporter
        raise YgsError(f"refusing the report {path}: not a ygs review report (run_id is not a ygs run id)")
    head = result.head.get("sha")
    if not isinstance(head, str) or not history.SHA.fullmatch(head):
        raise YgsError(f"refusing the report {path}: it names no head commit (a review that could not start; "
                       f"its errors: {'; '.join(result.errors)[:300] or 'none'})")
    if not isinstance(result.base.get("sha"), str) or not history.SHA.fullmatch(result.base["sha"]):
        result.base = {**result.base, "sha": ""}
    result.base = {k: v for k, v in result.base.items() if isinstance(v, str)}
    result.head = {k: v for k, v in result.head.items() if isinstance(v, str)}
    result.evidence = _evidence(result.evidence)
    # no suggestion blocks from a stored report: a fork could put any code into a suggestion the bot posts
    result.findings = [dataclasses.replace(f, suggestion=None) for f in result.findings]
    stored = Stored(result=result, stored_verdict=result.verdict)
    if result.fail_level != fail_level:
        result.notices.append(f"The review ran at fail level {result.fail_level}; this report is published at "
                              f"{fail_level}, the publishing workflow's.")
        result.fail_level = fail_level
    result.verdict = result.recompute()
    if result.verdict != stored.stored_verdict:
        result.notices.append(f"The stored report said {stored.stored_verdict!r}; its findings and errors at fail "
                              f"level {fail_level} make it {result.verdict!r}, which is what is published.")
    return stored


def _check_sizes(data: Any) -> None:
    if not isinstance(data, dict):
        raise ValueError("the document is not a JSON object")
    findings, errors, notices = data.get("findings"), data.get("errors"), data.get("notices")
    if isinstance(findings, list) and len(findings) > MAX_FINDINGS:
        raise ValueError(f"{len(findings)} findings, more than {MAX_FINDINGS}")
    if len(errors if isinstance(errors, list) else []) + len(notices if isinstance(notices, list) else []) \
            > MAX_MESSAGES:
        raise ValueError(f"more than {MAX_MESSAGES} errors and notices")
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str) and len(item) > MAX_STRING:
            raise ValueError(f"a string of {len(item)} characters, more than {MAX_STRING}")
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _evidence(evidence: dict[str, Any]) -> dict[str, Any]:
    """The evidence fields the reporters show, each of its type (a hostile report may hold anything else)."""
    numbers = ("rules_run", "files_applicable", "files_scanned", "findings", "duration_s")
    analyzers = {}
    raw = evidence.get("analyzers")
    for name, a in (raw.items() if isinstance(raw, dict) else ()):
        if isinstance(a, dict) and isinstance(a.get("status"), str):
            analyzers[name] = {"status": a["status"], "reason": _str(a.get("reason")),
                               "version": _str(a.get("version")), **{k: _number(a.get(k)) for k in numbers}}
    totals = evidence.get("totals")
    skipped = evidence.get("skipped")
    out: dict[str, Any] = {
        "analyzers": analyzers,
        "totals": {k: _number(v) for k, v in totals.items()} if isinstance(totals, dict) else {},
        "skipped": [{"path": s["path"], "reason": s["reason"]} for s in (skipped if isinstance(skipped, list) else [])
                    if isinstance(s, dict) and isinstance(s.get("path"), str) and isinstance(s.get("reason"), str)],
    }
    policy = evidence.get("policy")
    if isinstance(policy, dict) and isinstance(policy.get("source"), str):
        files = policy.get("files")
        out["policy"] = {"source": policy["source"],
                         "files": [f for f in files if isinstance(f, str)] if isinstance(files, list) else []}
    return out


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _number(value: Any) -> int | float:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else 0


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__


def pull_request(env: Mapping[str, str], pr: int | None,
                 config: cfg.GithubConfig) -> tuple[context.PullRequestContext, Any]:
    """The pull request the report must belong to, and the repository (PyGithub) to publish to.

    A `workflow_run` event: the commit is `workflow_run.head_sha` (GitHub's, not the report's); the pull request
    is `--pr`, else the one `workflow_run.pull_requests` lists, else (GitHub leaves that list empty for forks)
    the open pull request of `head_repository.owner:head_branch` whose head is that commit; and the API must say
    that commit is still the pull request's head. A `pull_request` or `merge_group` event: as for
    `ygs review --publish github`. YgsError (exit 2) when any of that does not hold."""
    for name in ("GITHUB_TOKEN", "GITHUB_EVENT_PATH"):
        if not env.get(name):
            raise YgsError(f"ygs publish needs {name} (set by GitHub Actions; pass the token as env GITHUB_TOKEN: "
                           f"${{{{ github.token }}}})")
    event = context._read_event(Path(env["GITHUB_EVENT_PATH"]))
    run = event.get("workflow_run")
    if not isinstance(run, dict):
        ctx = context.from_env(env)
        if pr is not None and pr != ctx.number:
            raise YgsError(f"--pr {pr} is not the pull request of this event (#{ctx.number})")
        return ctx, _repo(ctx, config)
    return _workflow_run(env, event, run, pr, config)


def _workflow_run(env: Mapping[str, str], event: dict[str, Any], run: dict[str, Any], pr: int | None,
                  config: cfg.GithubConfig) -> tuple[context.PullRequestContext, Any]:
    head = run.get("head_sha")
    if not isinstance(head, str) or not history.SHA.fullmatch(head):
        raise YgsError("the workflow_run event has no workflow_run.head_sha")
    if run.get("event") not in ("pull_request", "pull_request_target"):
        raise YgsError(f"the workflow run that made the report ran on {run.get('event')!r}, not on a pull request; "
                       f"publish only runs of `on: pull_request` (if: github.event.workflow_run.event == "
                       f"'pull_request')")
    repo_name = env.get("GITHUB_REPOSITORY") or context._dig(event, "repository", "full_name")
    if not repo_name:
        raise YgsError("ygs publish needs GITHUB_REPOSITORY (owner/name)")
    head_repo = context._dig(run, "head_repository", "full_name")
    html_url = run.get("html_url")
    ctx = context.PullRequestContext(
        api_url=(env.get("GITHUB_API_URL") or context.DEFAULT_API_URL).rstrip("/"), token=env["GITHUB_TOKEN"],
        repo=repo_name, number=pr or 0, head_sha=head, base_sha="", event_name="workflow_run",
        run_url=html_url if isinstance(html_url, str) and html_url.startswith("https://") else
        context._run_url(env, repo_name),
        fork=bool(head_repo and head_repo.lower() != repo_name.lower()), actor=env.get("GITHUB_ACTOR", ""))
    repo = _repo(ctx, config)
    number = pr if pr is not None else _listed(run, head) or _search(repo, run, head, config)
    return _still_the_head(dataclasses.replace(ctx, number=number), repo, config), repo


def _still_the_head(ctx: context.PullRequestContext, repo: Any, config: cfg.GithubConfig) -> context.PullRequestContext:
    """`ctx` with the pull request's base, once the API says its head is still `ctx.head_sha`."""
    number, head = ctx.number, ctx.head_sha
    try:
        pull = client.attempt(lambda: repo.get_pull(number), config)
        pr_head, base = pull.head.sha, pull.base.sha
    except Exception as exc:  # noqa: BLE001 - whatever the API says, the report cannot be verified
        if os.environ.get("YGS_DEBUG"):
            raise
        detail = exc.failure.detail if isinstance(exc, client.PublishError) else _short(exc)
        raise YgsError(f"cannot read pull request #{number} to verify the report: {detail}") from None
    if pr_head != head:
        raise YgsError(f"pull request #{number}'s head is {pr_head[:12]}, not {head[:12]}, the commit the workflow "
                       f"run reviewed (a newer push: its own run publishes its report); nothing published")
    return dataclasses.replace(ctx, base_sha=base)


def _listed(run: dict[str, Any], head: str) -> int:
    """The pull request `workflow_run.pull_requests` names for `head`; 0 when it names none (a fork's)."""
    pulls = run.get("pull_requests")
    numbers = sorted({p["number"] for p in (pulls if isinstance(pulls, list) else []) if isinstance(p, dict)
                      and isinstance(p.get("number"), int) and context._dig(p, "head", "sha") in ("", head)})
    if len(numbers) > 1:
        raise YgsError(f"the workflow_run event lists pull requests {', '.join(f'#{n}' for n in numbers)} for "
                       f"{head[:12]}: pass --pr N")
    return numbers[0] if numbers else 0


def _search(repo: Any, run: dict[str, Any], head: str, config: cfg.GithubConfig) -> int:
    """A fork's pull request, which workflow_run.pull_requests does not list: the open pull request of
    `<head owner>:<head branch>` (both from the event, GitHub's) whose head is `head`."""
    owner = context._dig(run, "head_repository", "owner", "login") or \
        context._dig(run, "head_repository", "full_name").partition("/")[0]
    branch = context._dig(run, "head_branch")
    hint = "pass --pr N (ygs checks that N's head is workflow_run.head_sha)"
    if not owner or not branch:
        raise YgsError(f"the workflow_run event names no pull request, nor the head repository and branch; {hint}")
    try:
        numbers = client.attempt(lambda: sorted({p.number for p in repo.get_pulls(
            state="open", head=f"{owner}:{branch}")[:100] if p.head.sha == head}), config)
    except Exception as exc:  # noqa: BLE001
        if os.environ.get("YGS_DEBUG"):
            raise
        detail = exc.failure.detail if isinstance(exc, client.PublishError) else _short(exc)
        raise YgsError(f"cannot list the open pull requests of {owner}:{branch}: {detail}; {hint}") from None
    if len(numbers) != 1:
        found = f"{len(numbers)} open pull requests" if numbers else "no open pull request"
        raise YgsError(f"{found} of {owner}:{branch} with head {head[:12]}; {hint}")
    return numbers[0]


def _repo(ctx: context.PullRequestContext, config: cfg.GithubConfig) -> Any:
    try:
        return client.attempt(lambda: client.connect(ctx, config).get_repo(ctx.repo), config)
    except Exception as exc:  # noqa: BLE001
        if os.environ.get("YGS_DEBUG"):
            raise
        detail = exc.failure.detail if isinstance(exc, client.PublishError) else _short(exc)
        raise YgsError(f"cannot read the repository {ctx.repo}: {detail}") from None


def publish(report: Path, *, pr: int | None = None, fail_level: str | None = None,
            env: Mapping[str, str] | None = None, cwd: Path | None = None) -> ReviewResult:
    """Check `report` and publish it to its pull request; the published result (with the recomputed verdict).
    YgsError (exit 2) when the report is refused or its pull request cannot be verified; API failures while
    publishing are warnings, as for `ygs review --publish github`."""
    from ygs import github

    env = os.environ if env is None else env
    root = _root(cwd or Path.cwd())
    config = cfg.load(root) if root else cfg.Config()
    level = fail_level or config.review.fail_level
    if level not in FAIL_LEVELS:  # pragma: no cover - the config loader checks it
        raise YgsError(f"fail level {level!r} is not one of {', '.join(FAIL_LEVELS)}")
    stored = load(report, level)  # before any API call: a malformed report costs nothing
    with client.wait_budget(config.github):
        ctx, repo = pull_request(env, pr, config.github)
    result = stored.result
    if result.head["sha"] != ctx.head_sha:
        raise YgsError(f"refusing the report {report}: it is of commit {result.head['sha'][:12]}, not of "
                       f"{ctx.where}'s head {ctx.head_sha[:12]}")
    if stored.stored_verdict != result.verdict:
        click.echo(f"ygs: warning: the report says {stored.stored_verdict!r} but its findings make it "
                   f"{result.verdict!r} at fail level {result.fail_level}; publishing {result.verdict!r}", err=True)
    if root is not None:
        _fetch_head(root, ctx.head_sha, result.base.get("sha") or ctx.base_sha)
    started = github.Started(context=ctx, config=config.github, repo=repo)
    github.publish(result, config, root or Path.cwd(), started=started)
    return result


def _root(cwd: Path) -> Path | None:
    """The trusted checkout (the base repository's default branch) when there is one: its config, and the
    commits placement diffs. None outside a git work tree (then no inline comments: the summary lists all)."""
    try:
        return git.toplevel(cwd)
    except YgsError:
        return None


def _fetch_head(root: Path, head: str, base: str) -> None:
    """The reviewed commits, for placing inline comments: fetched by sha from origin (a fork's commits are there
    as refs/pull/N/head). Only objects are fetched, nothing is checked out. A failure only costs inline comments."""
    try:
        if not history.has(root, head):
            history._fetch(root, [], [head], [], f"the pull request head {head[:12]}")
        if history.SHA.fullmatch(base):
            history.ensure(root, base, head, also=(head,))
    except YgsError as exc:
        click.echo(f"ygs: warning: {exc.message}; the findings are listed in the summary comment instead of "
                   f"inline", err=True)
