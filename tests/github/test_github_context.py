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
