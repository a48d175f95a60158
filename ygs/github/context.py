"""Where to publish: the pull request (or merge queue group) named by the GitHub Actions environment.

Read once, validated up front, so a misconfigured workflow fails with one line naming what is missing
(exit 2) instead of a traceback from deep inside an API call.

Two events: `pull_request` (the verdict on the PR head, plus comments) and `merge_group` with action
`checks_requested` (a merge queue: the verdict on the group's head commit, `base_sha..head_sha`, no comments;
`number` is 0).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from ygs.errors import YgsError

DEFAULT_API_URL = "https://api.github.com"
DEFAULT_SERVER_URL = "https://github.com"


@dataclass(frozen=True)
class PullRequestContext:
    api_url: str
    token: str = field(repr=False)  # never in a log line or a traceback's locals
    repo: str  # owner/name
    number: int
    head_sha: str  # the PR head: inline comments and the check run attach to it
    base_sha: str
    event_name: str = "pull_request"
    run_url: str = ""  # the workflow run, for the check run's details link
    fork: bool = False  # the PR's head lives in another repository: GitHub gives the run a read-only token
    actor: str = ""  # GITHUB_ACTOR (dependabot[bot] runs get a read-only token too)
    merge_group_ref: str = ""  # merge_group.head_ref (gh-readonly-queue/…) on merge queue runs

    @property
    def is_merge_group(self) -> bool:
        return bool(self.merge_group_ref)

    @property
    def where(self) -> str:
        """What the verdict is about, for messages."""
        if self.is_merge_group:
            return f"merge queue group {self.merge_group_ref}"
        return f"pull request #{self.number}"


def from_env(env: Mapping[str, str]) -> PullRequestContext:
    """The pull request or merge queue group to publish to; YgsError (exit 2) naming every missing piece."""
    _require(env, "GITHUB_TOKEN", "GITHUB_EVENT_PATH")
    event = _read_event(Path(env["GITHUB_EVENT_PATH"]))
    pull = event.get("pull_request")
    group = event.get("merge_group")
    if not isinstance(pull, dict) and not isinstance(group, dict):
        name = env.get("GITHUB_EVENT_NAME") or "this"
        raise YgsError(f"--publish github needs a pull_request event (or merge_group), but GITHUB_EVENT_PATH holds "
                       f"a {name} event; run it on `pull_request` or `merge_group`, or use --format github")
    repo = env.get("GITHUB_REPOSITORY") or _dig(event, "repository", "full_name")
    if not repo:
        raise YgsError("--publish github needs GITHUB_REPOSITORY (owner/name)")
    if not isinstance(pull, dict):
        return _merge_group(env, event, group, repo)
    head_repo, base_repo = _dig(pull, "head", "repo", "full_name"), _dig(pull, "base", "repo", "full_name")
    return PullRequestContext(
        api_url=(env.get("GITHUB_API_URL") or DEFAULT_API_URL).rstrip("/"),
        token=env["GITHUB_TOKEN"],
        repo=repo,
        number=_number(pull, event),
        head_sha=_required(pull, "head", "sha"),
        base_sha=_required(pull, "base", "sha"),
        event_name=env.get("GITHUB_EVENT_NAME", "pull_request"),
        run_url=_run_url(env, repo),
        fork=bool(head_repo and head_repo.lower() != (base_repo or repo).lower()),
        actor=env.get("GITHUB_ACTOR", ""),
    )


def _merge_group(env: Mapping[str, str], event: dict[str, Any], group: Any, repo: str) -> PullRequestContext:
    """A merge queue run: review the group's base_sha..head_sha, report on head_sha."""
    action = event.get("action")
    if action not in (None, "checks_requested"):
        raise YgsError(f"--publish github runs on merge_group events with action checks_requested, not {action!r}; "
                       f"use `on: merge_group: types: [checks_requested]`")
    head, base = _dig(group, "head_sha"), _dig(group, "base_sha")
    for key, value in (("head_sha", head), ("base_sha", base)):
        if not value:
            raise YgsError(f"the merge_group event has no merge_group.{key}")
    return PullRequestContext(
        api_url=(env.get("GITHUB_API_URL") or DEFAULT_API_URL).rstrip("/"), token=env["GITHUB_TOKEN"], repo=repo,
        number=0, head_sha=head, base_sha=base, event_name="merge_group", run_url=_run_url(env, repo),
        actor=env.get("GITHUB_ACTOR", ""), merge_group_ref=_dig(group, "head_ref") or f"merge group {head[:12]}",
    )


def _require(env: Mapping[str, str], *names: str) -> None:
    missing = [name for name in names if not env.get(name)]
    if missing:
        raise YgsError(f"--publish github needs {' and '.join(missing)} (set by GitHub Actions; pass the token "
                       f"as env GITHUB_TOKEN: ${{{{ github.token }}}}). Outside Actions use --format github.")


def _read_event(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise YgsError(f"cannot read GITHUB_EVENT_PATH {path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise YgsError(f"GITHUB_EVENT_PATH {path} is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise YgsError(f"GITHUB_EVENT_PATH {path} does not hold an event object")
    return data


def _number(pull: dict[str, Any], event: dict[str, Any]) -> int:
    number = pull.get("number", event.get("number"))
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise YgsError("the pull_request event has no pull request number")
    return number


def _required(pull: dict[str, Any], *keys: str) -> str:
    value = _dig(pull, *keys)
    if not value:
        raise YgsError(f"the pull_request event has no pull_request.{'.'.join(keys)}")
    return value


def _dig(data: Any, *keys: str) -> str:
    for key in keys:
        if not isinstance(data, dict):
            return ""
        data = data.get(key)
    return data if isinstance(data, str) else ""


def _run_url(env: Mapping[str, str], repo: str) -> str:
    run_id = env.get("GITHUB_RUN_ID")
    if not run_id:
        return ""
    server = (env.get("GITHUB_SERVER_URL") or DEFAULT_SERVER_URL).rstrip("/")
    return f"{server}/{repo}/actions/runs/{run_id}"
