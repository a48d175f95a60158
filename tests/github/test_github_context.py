"""Reading the pull request from the GitHub Actions environment."""

from __future__ import annotations

import json

import pytest

from ygs.errors import YgsError
from ygs.github.context import from_env

PULL = {"number": 5, "head": {"sha": "a" * 40}, "base": {"sha": "b" * 40}}


def env_for(tmp_path, event: object, **extra: str) -> dict[str, str]:
    path = tmp_path / "event.json"
    path.write_text(event if isinstance(event, str) else json.dumps(event), encoding="utf-8")
    return {"GITHUB_TOKEN": "t", "GITHUB_EVENT_PATH": str(path), "GITHUB_REPOSITORY": "o/r", **extra}


def test_reads_the_pull_request_and_defaults(tmp_path):
    ctx = from_env(env_for(tmp_path, {"pull_request": PULL}, GITHUB_RUN_ID="42"))
    assert (ctx.number, ctx.head_sha, ctx.base_sha, ctx.repo) == (5, "a" * 40, "b" * 40, "o/r")
    assert ctx.api_url == "https://api.github.com" and ctx.run_url == "https://github.com/o/r/actions/runs/42"


def test_repository_falls_back_to_the_event(tmp_path):
    env = env_for(tmp_path, {"pull_request": PULL, "repository": {"full_name": "x/y"}})
    del env["GITHUB_REPOSITORY"]
    assert from_env(env).repo == "x/y"


def test_names_everything_missing(tmp_path):
    with pytest.raises(YgsError, match="GITHUB_TOKEN and GITHUB_EVENT_PATH") as err:
        from_env({})
    assert err.value.exit_code == 2


@pytest.mark.parametrize("event, message", [
    ("{not json", "not valid JSON"),
    ([1, 2], "does not hold an event object"),
    ({"ref": "refs/heads/main"}, "needs a pull_request event"),
    ({"pull_request": {**PULL, "number": None}}, "no pull request number"),
    ({"pull_request": {**PULL, "head": {}}}, "pull_request.head.sha"),
])
def test_bad_events_are_clear_errors(tmp_path, event, message):
    with pytest.raises(YgsError, match=message):
        from_env(env_for(tmp_path, event))


def test_unreadable_event_file(tmp_path):
    env = {"GITHUB_TOKEN": "t", "GITHUB_EVENT_PATH": str(tmp_path / "missing.json")}
    with pytest.raises(YgsError, match="cannot read GITHUB_EVENT_PATH"):
        from_env(env)


def test_check_environment_fails_fast_before_any_review(tmp_path):
    from ygs.github import check_environment

    check_environment(env_for(tmp_path, {"pull_request": PULL}))
    with pytest.raises(YgsError, match="GITHUB_TOKEN"):
        check_environment({"GITHUB_EVENT_PATH": "x"})


def test_a_pull_request_from_another_repository_is_a_fork(tmp_path):
    def pull(head_repo: str) -> dict:
        return {**PULL, "head": {"sha": "a" * 40, "repo": {"full_name": head_repo}},
                "base": {"sha": "b" * 40, "repo": {"full_name": "o/r"}}}

    assert from_env(env_for(tmp_path, {"pull_request": pull("eve/r")})).fork
    assert not from_env(env_for(tmp_path, {"pull_request": pull("O/R")})).fork
    assert not from_env(env_for(tmp_path, {"pull_request": PULL})).fork  # nothing to compare: not claimed


def test_a_merge_group_event_names_the_group_head_and_base(tmp_path):
    group = {"head_sha": "c" * 40, "base_sha": "d" * 40, "head_ref": "refs/heads/gh-readonly-queue/main/pr-5-x"}
    ctx = from_env(env_for(tmp_path, {"action": "checks_requested", "merge_group": group},
                           GITHUB_EVENT_NAME="merge_group", GITHUB_ACTOR="octocat"))
    assert (ctx.head_sha, ctx.base_sha, ctx.number, ctx.event_name) == ("c" * 40, "d" * 40, 0, "merge_group")
    assert ctx.is_merge_group and ctx.where == "merge queue group refs/heads/gh-readonly-queue/main/pr-5-x"
    assert ctx.actor == "octocat" and not ctx.fork


@pytest.mark.parametrize("group, message", [
    ({"base_sha": "d" * 40}, "merge_group.head_sha"),
    ({"head_sha": "c" * 40}, "merge_group.base_sha"),
])
def test_a_merge_group_without_its_commits_is_a_clear_error(tmp_path, group, message):
    with pytest.raises(YgsError, match=message):
        from_env(env_for(tmp_path, {"action": "checks_requested", "merge_group": group}))
