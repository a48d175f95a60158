"""Where the verdict goes: the check run (in progress, then completed), a commit status when the token may not
create check runs (personal access tokens, missing `checks: write`), annotations when it may write neither
(fork pull requests); and merge queue groups. The real PyGithub against the fake GitHub on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fake_github import merge_group_event
from github_builders import finding, result

from ygs import github
from ygs.errors import YgsError


def push(repo, lines: int) -> str:
    repo.write("app.py", "".join(f"line_{n} = {n}\n" for n in range(1, lines + 1)))
    return repo.commit(f"grow to {lines}")


def review_of(fake, findings, **kw):
    return result(fake.base_sha, fake.head_sha, findings, **kw)


@pytest.mark.parametrize("token, refusal", [
    ("ghp_classic", "You must authenticate via a GitHub App."),
    ("github_pat_finegrained", "Resource not accessible by personal access token"),
])
def test_a_personal_access_token_gets_a_commit_status_and_is_told_why(pr_repo, fake_github, gh_env, config,
                                                                      capsys, monkeypatch, token, refusal):
    gh_env(push(pr_repo, 20))
    monkeypatch.setenv("GITHUB_TOKEN", token)
    outcome = github.publish(review_of(fake_github, [finding(12)]), config, pr_repo.path)
    err = capsys.readouterr().err
    assert not fake_github.check_runs and outcome.verdict_on == "commit status"
    status = fake_github.status_of(fake_github.head_sha)
    assert status["state"] == "failure" and status["description"].startswith("blocked: 1 finding")
    assert f"could not publish the check run (403 {refusal})" in err
    assert "only GitHub Apps can create check runs and this token is a personal access token" in err
    assert "the verdict is on the commit status 'ygs review' instead" in err and "fork" not in err
    assert "commit status 'ygs review'" in err.splitlines()[-1]
    assert outcome.fallback and "::error file=app.py,line=12" in err  # a status carries no annotations
    assert outcome.summary == "created"  # the comments do not need the Checks API


def test_a_workflow_without_checks_write_gets_a_commit_status(pr_repo, fake_github, gh_env, config, capsys):
    gh_env(push(pr_repo, 20))
    fake_github.fail("POST", r"/check-runs$", 403)
    outcome = github.publish(review_of(fake_github, []), config, pr_repo.path)
    err = capsys.readouterr().err
    assert outcome.verdict_on == "commit status" and fake_github.status_of(fake_github.head_sha)["state"] == "success"
    assert "the token lacks `checks: write`" in err and "personal access token" not in err


def test_a_fork_pull_request_falls_back_to_annotations_and_says_it_is_a_fork(pr_repo, fake_github, gh_env, config,
                                                                            capsys):
    head = push(pr_repo, 20)
    gh_env(head, pull_request={"number": fake_github.number, "head": {"sha": head, "repo": {"full_name": "eve/app"}},
                               "base": {"sha": fake_github.base_sha, "repo": {"full_name": "octo/app"}}})
    for method in ("POST", "PATCH", "DELETE"):
        fake_github.fail(method, r".", 403)
    outcome = github.publish(review_of(fake_github, [finding(12)]), config, pr_repo.path)
    err = capsys.readouterr().err
    assert outcome.context.fork and outcome.verdict_on == "" and outcome.fallback
    assert "could not publish the check run (403 Resource not accessible by integration): the pull request " \
           "comes from a fork" in err
    assert "could not publish the commit status (403" in err
    assert "the verdict is in the log annotations, the step summary and this job's own result" in err
    assert not fake_github.statuses and not fake_github.check_runs


def test_the_check_run_is_in_progress_during_the_review_and_completed_after(pr_repo, fake_github, gh_env, config,
                                                                           monkeypatch):
    gh_env(push(pr_repo, 140))
    monkeypatch.setenv("GITHUB_RUN_ID", "77")
    started = github.start(pr_repo.path, config=config.github)
    [(run_id, run)] = fake_github.check_runs.items()
    assert run["status"] == "in_progress" and run["head_sha"] == fake_github.head_sha and "conclusion" not in run
    assert run["details_url"].endswith("/octo/app/actions/runs/77")
    found = [finding(n) for n in range(11, 131)]
    outcome = github.publish(review_of(fake_github, found), config, pr_repo.path, started=started)
    assert list(fake_github.check_runs) == [run_id]  # the same run, completed: never a second one
    assert (run["status"], run["conclusion"], len(run["annotations"])) == ("completed", "failure", 120)
    patches = [len(r.body["output"]["annotations"]) for r in fake_github.writes("PATCH", r"/check-runs/")]
    assert patches == [50, 50, 20] and outcome.annotations == 120 and outcome.verdict_on == "check run"
    assert not fake_github.statuses


def test_a_pat_shows_a_pending_status_then_the_verdict(pr_repo, fake_github, gh_env, config, monkeypatch):
    gh_env(push(pr_repo, 20))
    monkeypatch.setenv("GITHUB_TOKEN", "ghp_classic")
    started = github.start(pr_repo.path, config=config.github)
    assert [s["state"] for s in fake_github.statuses] == ["pending"]
    github.publish(review_of(fake_github, []), config, pr_repo.path, started=started)
    assert [s["state"] for s in fake_github.statuses] == ["pending", "success"]
    assert len(fake_github.writes("POST", r"/check-runs$")) == 1  # the 403 at the start is not tried again


@pytest.mark.parametrize("cancelled, conclusion", [(False, "failure"), (True, "cancelled")])
def test_a_review_that_stops_completes_its_check_run(pr_repo, fake_github, gh_env, config, cancelled, conclusion):
    gh_env(push(pr_repo, 20))
    started = github.start(pr_repo.path, config=config.github)
    github.abandon(started, "unknown git ref 'nope'", cancelled=cancelled)
    [run] = fake_github.check_runs.values()
    assert (run["status"], run["conclusion"]) == ("completed", conclusion)
    assert run["output"]["title"] == "could not complete: unknown git ref 'nope'"


def test_a_check_run_that_cannot_be_completed_falls_back_to_a_status(pr_repo, fake_github, gh_env, config, capsys):
    gh_env(push(pr_repo, 20))
    started = github.start(pr_repo.path, config=config.github)
    fake_github.fail("PATCH", r"/check-runs/", 500)
    outcome = github.publish(review_of(fake_github, [finding(12)]), config, pr_repo.path, started=started)
    assert outcome.verdict_on == "commit status" and fake_github.status_of(fake_github.head_sha)["state"] == "failure"
    assert "could not publish the check run: 500" in capsys.readouterr().err


def merge_group_env(tmp_path: Path, monkeypatch, fake, head_sha: str, **kw) -> None:
    event = tmp_path / "merge_group.json"
    event.write_text(json.dumps(merge_group_event(head_sha, fake.base_sha, **kw)), encoding="utf-8")
    monkeypatch.setenv("GITHUB_EVENT_PATH", str(event))
    monkeypatch.setenv("GITHUB_EVENT_NAME", "merge_group")


def test_a_merge_group_gets_the_verdict_on_its_head_and_no_comments(pr_repo, fake_github, gh_env, config,
                                                                   tmp_path, monkeypatch, capsys):
    head = push(pr_repo, 20)
    gh_env()
    merge_group_env(tmp_path, monkeypatch, fake_github, head)
    started = github.start(pr_repo.path, config=config.github)
    assert started.context.is_merge_group and started.context.base_sha == fake_github.base_sha
    outcome = github.publish(result(fake_github.base_sha, head, [finding(12)]), config, pr_repo.path,
                             started=started)
    [run] = fake_github.check_runs.values()
    assert run["head_sha"] == head and run["conclusion"] == "failure" and outcome.annotations == 1
    assert not [r for r in fake_github.requests if "/pulls" in r.path or "/issues" in r.path]
    assert outcome.inline is None and outcome.summary is None and not outcome.failures
    err = capsys.readouterr().err
    assert "published to merge queue group refs/heads/gh-readonly-queue/main/pr-7-" in err


def test_a_merge_group_with_a_pat_gets_a_commit_status(pr_repo, fake_github, gh_env, config, tmp_path,
                                                      monkeypatch):
    head = push(pr_repo, 20)
    gh_env()
    merge_group_env(tmp_path, monkeypatch, fake_github, head)
    monkeypatch.setenv("GITHUB_TOKEN", "github_pat_x")
    outcome = github.publish(result(fake_github.base_sha, head, []), config, pr_repo.path)
    assert outcome.verdict_on == "commit status" and fake_github.status_of(head)["state"] == "success"


def test_only_checks_requested_merge_group_events_are_published(pr_repo, fake_github, gh_env, config, tmp_path,
                                                                monkeypatch):
    gh_env()
    merge_group_env(tmp_path, monkeypatch, fake_github, "a" * 40, action="destroyed")
    with pytest.raises(YgsError, match="checks_requested, not 'destroyed'") as err:
        github.start(pr_repo.path, config=config.github)
    assert err.value.exit_code == 2 and not fake_github.requests
