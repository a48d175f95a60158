"""The GitHub side of `ygs serve`: one review of one Job, in idempotent steps (each safe to run again after a
kill -9 at any point, so the workflows run each as a checkpointed step).

    resolve -> queue_check -> review -> publish        (or supersede / give_up instead of publish)

- The "ygs review" check run is found by its external_id (the workflow's run id) before one is created, so a
  step run twice never makes two; it goes queued -> in_progress -> completed, and a completed run is never
  completed again (a replayed publish, supersede or give_up leaves the verdict it has).
- The checkout: a private temp dir (0700, removed after), only the base and head commits, blobless where the
  remote supports it, the blobs the review reads fetched in batches, then no remote at all (nothing fetched
  later, unauthenticated). The installation token goes to git as an `http.<origin>.extraHeader` in git's
  environment (GIT_CONFIG_*: never in argv, never in a URL, never logged); hooks are off and inherited GIT_*
  variables are dropped. Nothing of the repository is run: the review reads git objects.
- The review is `ygs review`'s own (`gate.review`, the base commit's policy); the publishing is
  `ygs review --publish github`'s own (`github.publish_to`: summary comment, inline comments reconciled by their
  markers, the check run), with the conclusion `action_required` for a review that could not complete.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import hashlib
import json
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

from ygs import config as cfg
from ygs import git
from ygs.config import GithubConfig
from ygs.errors import YgsError
from ygs.github import app, bodies, checks, client, context, placement
from ygs.serve.jobs import MERGE_GROUP, RERUN, Job

SERVICE_GITHUB = GithubConfig(api_attempts=3, api_backoff_s=1.0, api_timeout_s=30, write_interval_s=0.0)
FETCH_TIMEOUT_S = 600
ACTION_REQUIRED = "action_required"


@dataclass(frozen=True)
class Reviewed:
    """What `review` hands `publish` (picklable: a workflow step's output)."""

    verdict: str  # pass | fail | error
    report_json: str  # the `ygs review --format json` report; "" when the review could not run
    evidence_digest: str  # sha256 of report_json
    policy_source: str  # where the policy came from (the base commit's files)
    duration_s: float
    error: str = ""  # why the review could not complete; "" when it did
    placement: placement.Placement | None = field(default=None, repr=False)  # findings at the PR head's lines
    github: GithubConfig = SERVICE_GITHUB  # the base's [tool.ygs.github]: inline limit, API pacing and retries


def resolve(job: Job, creds: app.Credentials) -> Job:
    """A RERUN that does not name its commits (`/ygs review`): the pull request's current head and base, and
    whether the head is a fork's. Any other job is returned as is."""
    if job.kind != RERUN or (job.head_sha and job.base_sha) or not job.number:
        return job
    repo = _repo(job, creds, SERVICE_GITHUB)
    pull = _api(lambda: _raw(repo.get_pull(job.number)), f"reading pull request #{job.number} of {job.repo}")
    head, base = pull.get("head") or {}, pull.get("base") or {}
    head_repo = (head.get("repo") or {}).get("full_name") or job.repo
    return dataclasses.replace(job, head_sha=head.get("sha") or "", base_sha=base.get("sha") or "",
                               fork=head_repo.lower() != job.repo.lower())


def queue_check(job: Job, creds: app.Credentials, run_id: str) -> int:
    """The id of the "ygs review" check run on job.head_sha whose external_id is run_id; created queued when
    there is none yet."""
    if not _is_sha(job.head_sha):
        raise YgsError(f"no head commit to put the check run on ({job.head_sha[:50]!r}): resolve the job first")
    repo = _repo(job, creds, SERVICE_GITHUB)
    found = _find_check(repo, job.head_sha, run_id)
    if found is not None:
        return found
    run = _api(lambda: repo.create_check_run(
        name=checks.NAME, head_sha=job.head_sha, status="queued", external_id=run_id,
        output={"title": "queued", "summary": f"ygs will review {_where(job)}."}), f"creating the check run on "
        f"{job.head_sha[:12]}")
    return run.id


def review(job: Job, creds: app.Credentials, check_run_id: int, run_id: str) -> Reviewed:
    """Mark the check run in progress, fetch base and head into a private temp dir (removed after), and review
    base..head with the base commit's policy. A review that could not run returns `error`; it never raises for
    the repository's or the network's sake (an API failure marking the check run does raise: a step to retry)."""
    repo = _repo(job, creds, SERVICE_GITHUB)
    run = _check_run(repo, check_run_id)
    if run.status != "completed":
        _api(lambda: run.edit(status="in_progress", started_at=_now(), output={
            "title": "reviewing", "summary": f"ygs is reviewing {_where(job)}."}), "marking the check run in progress")
    token = app.installation_token(creds, job.installation_id)
    started = time.monotonic()
    try:
        with checkout(job.clone_url, token, job.base_sha, job.head_sha) as root:
            return _review_in(root, job, run_id, started)
    except YgsError as exc:
        return Reviewed(verdict="error", report_json="", evidence_digest="", policy_source="",
                        duration_s=round(time.monotonic() - started, 3), error=_clean(exc.message, token))


def _review_in(root: Path, job: Job, run_id: str, started: float) -> Reviewed:
    from ygs.review import gate
    from ygs.review.reports import json_report

    result = gate.review(root, base_ref=job.base_sha, head=job.head_sha, policy="base", use_cache=False)
    result.run_id = run_id  # the check run's external_id and the ledger's key name the same run
    where = placement.plan(root, result, job.head_sha)
    report = json_report.render(result)
    policy = result.evidence.get("policy") or {}
    github = result.config.github if result.config else SERVICE_GITHUB  # the base's, as `ygs review` publishes
    return Reviewed(verdict=result.verdict, report_json=report,
                    evidence_digest=hashlib.sha256(report.encode("utf-8")).hexdigest(),
                    policy_source=str(policy.get("source") or ""), duration_s=round(time.monotonic() - started, 3),
                    placement=where, github=github)


def publish(job: Job, creds: app.Credentials, check_run_id: int, reviewed: Reviewed) -> dict[str, Any]:
    """Comments (not on a merge queue group) and the completed check run, through `ygs review --publish
    github`'s publisher; the ids published. A check run already completed is left as it is (a replay after a
    crash: the comments and the verdict are on GitHub). When the pull request's head moved on since, nothing is
    published: the check run is superseded (the ids then say `superseded_by`). YgsError when something could not
    be published, so the step is tried again: the comments are reconciled by their markers, never posted twice."""
    from ygs import github
    from ygs.review.model import ReviewResult

    if reviewed.error:
        give_up(job, creds, check_run_id, reviewed.error)
        return {"check_run": check_run_id, "summary_comment": None, "inline": []}
    token = app.installation_token(creds, job.installation_id)
    ctx = pull_request_context(job, token, creds.api_url)
    repo = _api(lambda: client.connect(ctx, reviewed.github).get_repo(job.repo), f"reading {job.repo}")
    run = _check_run(repo, check_run_id)
    newer = _newer_head(repo, job) if run.status != "completed" else ""
    if newer:  # a push since: this verdict and its comments are stale, the newer review publishes
        supersede(job, creds, check_run_id, newer)
        return {"check_run": check_run_id, "summary_comment": None, "inline": [], "superseded_by": newer}
    if run.status != "completed":
        result = ReviewResult.from_json(json.loads(reviewed.report_json))
        started = github.Started(context=ctx, config=reviewed.github, repo=repo,
                                 channel=checks.Channel(run=run, error_conclusion=ACTION_REQUIRED))
        where = reviewed.placement or placement.Placement(reason="the review's placement was not kept")
        outcome = github.publish_to(ctx, result, reviewed.github, where, started)
        if outcome.failures:
            problems = "; ".join(f"{what}: {failure.detail}" for what, failure in outcome.failures.items())
            raise YgsError(f"could not publish to {job.repo}{_where_short(job)}: {_clean(problems, token)}")
    return {"check_run": check_run_id, **_comment_ids(repo, job)}


def supersede(job: Job, creds: app.Credentials, check_run_id: int, newer_sha: str) -> None:
    """A newer push made this review stale: its check run completes `neutral`, "superseded by <sha>"."""
    text = f"superseded by {newer_sha}"
    _complete(job, creds, check_run_id, "neutral", text,
              f"A newer commit ({newer_sha}) was pushed; ygs reviews that one instead.")


def give_up(job: Job, creds: app.Credentials, check_run_id: int, reason: str) -> None:
    """The review could not complete (after its attempts): the check run completes action_required, saying why."""
    token = app.installation_token(creds, job.installation_id)
    reason = _clean(reason, token)
    _complete(job, creds, check_run_id, ACTION_REQUIRED, f"could not complete: {reason}"[:200],
              f"ygs could not review {_where(job)}: {reason}\n\nRe-run the check, or comment `/ygs review` on "
              f"the pull request, once the cause is fixed.")


def pull_request_context(job: Job, token: str, api_url: str) -> context.PullRequestContext:
    """Where the publisher writes: the same context `ygs review --publish github` reads from Actions' env."""
    return context.PullRequestContext(
        api_url=api_url.rstrip("/"), token=token, repo=job.repo, number=job.number, head_sha=job.head_sha,
        base_sha=job.base_sha, event_name="merge_group" if job.kind == MERGE_GROUP else "pull_request",
        fork=job.fork, actor=job.sender,
        merge_group_ref=(job.merge_group_ref or f"merge group {job.head_sha[:12]}") if job.kind == MERGE_GROUP
        else "")


# --- the checkout ------------------------------------------------------------------------------------------

@contextlib.contextmanager
def checkout(clone_url: str, token: str, base_sha: str, head_sha: str) -> Iterator[Path]:
    """A git repository holding base_sha and head_sha (and their history), in a private temp dir removed on
    exit. YgsError (no token in it) when the commits cannot be fetched."""
    for name, sha in (("base", base_sha), ("head", head_sha)):
        if not _is_sha(sha):
            raise YgsError(f"the {name} commit {sha[:50]!r} is not a commit sha")
    if not clone_url or clone_url.startswith("-") or "::" in clone_url.partition("/")[0]:
        raise YgsError(f"refusing the clone URL {clone_url[:100]!r}: not a repository URL or path")
    tmp = Path(tempfile.mkdtemp(prefix="ygs-serve-"))  # mode 0700
    try:
        root = tmp / "repo"
        _git(tmp, "init", "-q", "--template=", str(root))
        _git(root, "remote", "add", "--", "origin", clone_url)
        auth = _auth_env(clone_url, token)
        _fetch(root, auth, base_sha, head_sha)
        _prefetch(root, auth, base_sha, head_sha)
        _git(root, "remote", "remove", "origin")  # no lazy fetch later, and no token-bearing config left
        yield root
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _fetch(root: Path, auth: dict[str, str], base_sha: str, head_sha: str) -> None:
    what = [f"+{base_sha}:refs/ygs/base", f"+{head_sha}:refs/ygs/head"]
    try:
        _git(root, "fetch", "-q", "--no-tags", "--no-write-fetch-head", "--filter=blob:none", "origin", *what,
             env=auth, timeout=FETCH_TIMEOUT_S)
    except YgsError as exc:
        if "filter" not in exc.message.lower():
            raise YgsError(f"cannot fetch the base and head commits: {exc.message}") from None
        _git(root, "fetch", "-q", "--no-tags", "--no-write-fetch-head", "origin", *what, env=auth,
             timeout=FETCH_TIMEOUT_S)  # a remote that refuses partial clones: everything


def _prefetch(root: Path, auth: dict[str, str], base_sha: str, head_sha: str) -> None:
    """After a blobless fetch: the blobs the review reads (the changed files on both sides, in one batch, and
    the config files at base, merge-base and head), fetched now, with the token."""
    if _git(root, "config", "--get", "remote.origin.promisor", check=False).strip() != "true":
        return
    merge_base = _git(root, "merge-base", base_sha, head_sha, check=False).strip() or base_sha
    _git(root, "diff", "--numstat", "--no-ext-diff", "--no-textconv", merge_base, head_sha, env=auth,
         timeout=FETCH_TIMEOUT_S)
    specs = "".join(f"{rev}:{name}\n" for rev in {base_sha, merge_base, head_sha} for name in cfg.FILES)
    _git(root, "cat-file", "--batch", input=specs, env=auth, timeout=FETCH_TIMEOUT_S)


def _auth_env(clone_url: str, token: str) -> dict[str, str]:
    """git's environment: inherited GIT_* dropped, no prompts, hooks off, and for an http(s) remote the token as
    an extra header for that origin only (GitHub's `x-access-token` basic auth), in GIT_CONFIG_*, not in argv."""
    env = _env()
    parts = urlsplit(clone_url)
    if parts.scheme in ("http", "https") and parts.hostname:
        basic = base64.b64encode(f"x-access-token:{token}".encode()).decode()
        index = int(env["GIT_CONFIG_COUNT"])
        env.update({"GIT_CONFIG_COUNT": str(index + 1), f"GIT_CONFIG_KEY_{index}":
                    f"http.{parts.scheme}://{parts.netloc.rpartition('@')[2]}/.extraheader",
                    f"GIT_CONFIG_VALUE_{index}": f"Authorization: basic {basic}"})
    return env


def _env() -> dict[str, str]:
    env = {k: v for k, v in git.no_git_env().items() if not k.startswith("GIT_")}
    safety = {"core.hooksPath": "/dev/null", "protocol.ext.allow": "never", "credential.helper": "",
              "core.fsmonitor": "false", "gc.auto": "0", "maintenance.auto": "false"}
    env.update({"GIT_TERMINAL_PROMPT": "0", "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
                "GIT_CONFIG_COUNT": str(len(safety))})
    for index, (key, value) in enumerate(safety.items()):
        env[f"GIT_CONFIG_KEY_{index}"], env[f"GIT_CONFIG_VALUE_{index}"] = key, value
    return env


def _git(cwd: Path, *args: str, env: dict[str, str] | None = None, check: bool = True, input: str | None = None,
         timeout: float | None = None) -> str:
    import subprocess

    try:
        proc = git.run(*args, cwd=cwd, env=env or _env(), check=check, timeout=timeout,
                       input=input.encode() if input is not None else None)
    except subprocess.TimeoutExpired:
        raise YgsError(f"git {args[0]} took longer than {timeout:.0f} s") from None
    return proc.stdout.decode("utf-8", "replace")


# --- the check run -----------------------------------------------------------------------------------------

def _find_check(repo: Any, head_sha: str, run_id: str) -> int | None:
    commit = repo.get_commit(head_sha)
    runs = _api(lambda: [r for r in commit.get_check_runs(check_name=checks.NAME) if r.external_id == run_id],
                f"listing the check runs of {head_sha[:12]}")
    return min(r.id for r in runs) if runs else None


def _check_run(repo: Any, check_run_id: int) -> Any:
    def load() -> Any:
        run = repo.get_check_run(check_run_id)
        run.raw_data  # noqa: B018 - a lazy object: the GET happens here, inside the retries
        return run

    return _api(load, f"reading check run {check_run_id}")


def _complete(job: Job, creds: app.Credentials, check_run_id: int, conclusion: str, title: str,
              summary: str) -> None:
    """Complete the check run, unless it already is (a replay: keep the verdict it has)."""
    repo = _repo(job, creds, SERVICE_GITHUB)
    run = _check_run(repo, check_run_id)
    if run.status == "completed":
        return
    _api(lambda: run.edit(status="completed", conclusion=conclusion, completed_at=_now(),
                          output={"title": title[:200], "summary": summary[:checks.SUMMARY_LIMIT]}),
         f"completing check run {check_run_id} as {conclusion}")


def _newer_head(repo: Any, job: Job) -> str:
    """The pull request's head when it is no longer job.head_sha (never publish a stale verdict over a newer
    one); "" when it still is, and for a merge queue group."""
    if not job.number:
        return ""
    pull = _api(lambda: _raw(repo.get_pull(job.number)), f"reading pull request #{job.number} of {job.repo}")
    head = (pull.get("head") or {}).get("sha") or ""
    return head if head and head != job.head_sha else ""


def _comment_ids(repo: Any, job: Job) -> dict[str, Any]:
    """The summary comment and the live inline comments ygs (the App's bot) has on the pull request."""
    if not job.number:
        return {"summary_comment": None, "inline": []}
    from ygs.github import comments

    pull = repo.get_pull(job.number)
    me = _api(lambda: comments.identity(pull.requester), "reading which account the token is")
    summary = _api(lambda: [c.id for c in pull.get_issue_comments() if bodies.is_summary(c.body)
                            and comments._by(c, me)], "listing the comments")
    inline = _api(lambda: [c.id for c in pull.get_review_comments() if comments._by(c, me)
                           and bodies.marker_of(c.body) is not None and not comments._reply_to(c)],
                  "listing the review comments")
    return {"summary_comment": summary[0] if summary else None, "inline": sorted(inline)}


# --- helpers -----------------------------------------------------------------------------------------------

def _repo(job: Job, creds: app.Credentials, config: GithubConfig) -> Any:
    token = app.installation_token(creds, job.installation_id)
    ctx = pull_request_context(job, token, creds.api_url)
    return client.connect(ctx, config).get_repo(job.repo)  # lazy: no request


def _api(operation: Any, doing: str) -> Any:
    """operation() through the shared client (retries, rate-limit waits); YgsError naming what failed."""
    try:
        with client.wait_budget(SERVICE_GITHUB):
            return client.attempt(operation, SERVICE_GITHUB)
    except client.PublishError as exc:
        if exc.failure.detail.startswith("401"):
            app.forget_tokens()  # a revoked token: the step's next attempt gets a fresh one
        raise YgsError(f"GitHub API: {doing}: {exc.failure.detail}") from None


def _raw(obj: Any) -> dict[str, Any]:
    obj.number  # noqa: B018 - a lazy object: load it
    return obj.raw_data


def _is_sha(value: str) -> bool:
    return len(value) == 40 and all(c in "0123456789abcdef" for c in value)


def _where(job: Job) -> str:
    return f"merge queue group {job.merge_group_ref or job.head_sha[:12]}" if job.kind == MERGE_GROUP else \
        f"pull request #{job.number} at {job.head_sha[:12]}"


def _where_short(job: Job) -> str:
    return f"#{job.number}" if job.number else f"@{job.head_sha[:12]}"


def _clean(text: str, token: str) -> str:
    """One line, without the token (git or GitHub may echo what they were given)."""
    line = " ".join(text.split())
    return line.replace(token, "***") if token else line


def _now() -> datetime:
    return datetime.now(timezone.utc)
