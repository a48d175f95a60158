"""`ygs review --publish github` end to end: a real temp repo, the real CLI, the real PyGithub, a fake
GitHub on 127.0.0.1 and a fake pull_request event file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def review(run_ygs, *extra: str):
    return run_ygs("review", "--publish", "github", "--no-llm", "--base", "main", *extra)


def test_publish_is_idempotent_and_follows_the_fix(pr, fake_github, gh_env, run_ygs, tmp_path):
    env = gh_env(pr.git("rev-parse", "HEAD"))
    sarif = tmp_path / "ygs.sarif"
    first = review(run_ygs, "--format", "sarif", "--output", str(sarif))
    assert first.exit_code == 1, first.stderr
    assert json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert "summary comment created" in first.stderr and "1 inline comment(s) posted" in first.stderr
    assert "ygs review blocked" in Path(env["GITHUB_STEP_SUMMARY"]).read_text(encoding="utf-8")
    again = review(run_ygs, "--format", "sarif", "--output", str(sarif))
    assert again.exit_code == 1
    assert len(fake_github.summaries) == 1 and len(fake_github.review_comments) == 1
    assert [r["conclusion"] for r in fake_github.check_runs.values()] == ["failure", "failure"]

    pr.write("app.py", "def f():\n    return 2\n")
    gh_env(pr.commit("fix"))
    fixed = review(run_ygs)
    assert fixed.exit_code == 0, fixed.stderr
    assert not fake_github.review_comments and "ygs review passed" in fake_github.summaries[0]["body"]
    assert list(fake_github.check_runs.values())[-1]["conclusion"] == "success"


def test_publish_failure_does_not_change_the_exit_code(pr, fake_github, gh_env, run_ygs):
    gh_env(pr.git("rev-parse", "HEAD"))
    fake_github.fail("GET", r".", 500)
    fake_github.fail("POST", r".", 500)
    result = review(run_ygs, "--format", "json")
    assert result.exit_code == 1 and json.loads(result.stdout)["verdict"] == "fail"
    assert "could not publish the pull request: 500" in result.stderr
    assert "could not publish the check run: 500" in result.stderr
    assert "::error file=app.py,line=2" in result.stderr  # no check run: the log carries the annotations


@pytest.mark.parametrize("missing", ["GITHUB_TOKEN", "GITHUB_EVENT_PATH"])
def test_missing_token_or_event_exits_2_naming_it(pr, gh_env, run_ygs, monkeypatch, missing):
    gh_env(pr.git("rev-parse", "HEAD"))
    monkeypatch.delenv(missing)
    result = review(run_ygs)
    assert result.exit_code == 2 and missing in result.stderr and "Traceback" not in result.stderr


def test_a_push_event_is_not_a_pull_request(pr, gh_env, run_ygs, monkeypatch, tmp_path):
    gh_env(pr.git("rev-parse", "HEAD"))
    event = tmp_path / "push.json"
    event.write_text(json.dumps({"ref": "refs/heads/main", "after": "abc"}), encoding="utf-8")
    monkeypatch.setenv("GITHUB_EVENT_PATH", str(event))
    monkeypatch.setenv("GITHUB_EVENT_NAME", "push")
    result = review(run_ygs)
    assert result.exit_code == 2 and "needs a pull_request event" in result.stderr and "push" in result.stderr


def test_format_github_needs_no_token_and_no_api(pr, run_ygs, monkeypatch, tmp_path):
    for name in ("GITHUB_TOKEN", "GITHUB_EVENT_PATH"):
        monkeypatch.delenv(name, raising=False)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run_ygs("review", "--no-llm", "--format", "github")
    assert result.exit_code == 1
    assert "::error file=app.py,line=2,endLine=2,title=MUST hygiene-breakpoint::" in result.stdout
    assert "ygs review blocked" in summary.read_text(encoding="utf-8")
