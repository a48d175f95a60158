"""`ygs review --publish github` on shallow checkouts and merge queue groups, end to end: a real "remote"
repository, real `git clone --depth 1` / `git fetch --depth=1` over file:// (no network), the real CLI, the
real PyGithub and the fake GitHub on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from fake_github import merge_group_event

from ygs.git import no_git_env

PYPROJECT = """[tool.ygs.review]
analyzers = ["hygiene", "secrets"]

[tool.ygs.github]
api_backoff_s = 0.0
write_interval_s = 0.0
"""


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=no_git_env(),
                          check=True).stdout.strip()


@pytest.fixture
def remote(repo, fake_github):
    """origin: `main` (moved on after the fork point) and `feature`, 60 commits deep, ending in a breakpoint()."""
    repo.write("pyproject.toml", PYPROJECT)
    repo.write("app.py", "def f():\n    return 1\n")
    repo.fork_point = repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    for n in range(60):
        repo.write("notes.txt", f"note {n}\n")
        repo.commit(f"note {n}")
    repo.write("app.py", "def f():\n    breakpoint()\n    return 1\n")
    repo.head = repo.commit("debug")
    repo.git("checkout", "-q", "main")
    repo.write("README.md", "main moved on\n")
    fake_github.base_sha = repo.commit("main moves")
    return repo


def shallow_clone(remote, tmp_path: Path, branch: str = "feature") -> Path:
    target = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", "--branch", branch, f"file://{remote.path}", str(target)],
                   check=True, env=no_git_env(), capture_output=True)
    assert git(target, "rev-parse", "--is-shallow-repository") == "true"
    return target


def review(run_ygs, cwd: Path, *extra: str):
    return run_ygs("review", "--publish", "github", "--no-llm", "--format", "json", *extra, cwd=cwd)


def test_a_depth_1_clone_is_deepened_to_the_merge_base(remote, fake_github, gh_env, run_ygs, tmp_path):
    clone = shallow_clone(remote, tmp_path)
    gh_env(remote.head)
    result = review(run_ygs, clone)
    assert result.exit_code == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["base"]["sha"] == remote.fork_point and [f["rule_id"] for f in report["findings"]] == [
        "hygiene-breakpoint"]
    assert "the checkout lacked history the review needs: fetched 1 commit(s) by sha, deepened by 50, " \
           "deepened by 250 from origin" in result.stderr
    assert "unshallowed" not in result.stderr  # deepened step by step, never the whole history at once
    [run] = fake_github.check_runs.values()
    assert (run["head_sha"], run["status"], run["conclusion"]) == (remote.head, "completed", "failure")
    assert len(fake_github.review_comments) == 1


def test_the_default_pull_request_checkout_a_depth_1_merge_commit_works(remote, fake_github, gh_env, run_ygs,
                                                                         tmp_path):
    # what actions/checkout does by default on pull_request: fetch refs/pull/N/merge at depth 1, detached
    remote.git("checkout", "-q", "--detach", "main")
    remote.git("merge", "-q", "--no-ff", "-m", "Merge feature into main", "feature")
    merge = remote.git("rev-parse", "HEAD")
    remote.git("update-ref", "refs/pull/7/merge", merge)
    remote.git("checkout", "-q", "main")
    clone = tmp_path / "checkout"
    clone.mkdir()
    git(clone, "init", "-q")
    git(clone, "remote", "add", "origin", f"file://{remote.path}")
    git(clone, "fetch", "-q", "--no-tags", "--depth=1", "origin", "+refs/pull/7/merge:refs/remotes/pull/7/merge")
    git(clone, "checkout", "-q", "--detach", merge)
    gh_env(remote.head)
    result = review(run_ygs, clone)
    assert result.exit_code == 1, result.stderr
    assert json.loads(result.stdout)["base"]["sha"] == fake_github.base_sha  # main's tip is the merge's parent
    [comment] = fake_github.review_comments.values()  # the PR head was fetched: app.py matches, placed inline
    assert comment["path"] == "app.py" and comment["line"] == 2
    assert next(iter(fake_github.check_runs.values()))["head_sha"] == remote.head


def test_when_fetching_fails_it_exits_2_with_the_workflow_fix(remote, fake_github, gh_env, run_ygs, tmp_path):
    clone = shallow_clone(remote, tmp_path)
    git(clone, "remote", "set-url", "origin", f"file://{tmp_path / 'gone'}")
    gh_env(remote.head)
    result = review(run_ygs, clone)
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert "the checkout is shallow and `git fetch --no-tags --no-recurse-submodules --quiet --depth=1 origin " \
           "<sha>` could not fetch the base commit" in result.stderr
    assert "actions/checkout with `fetch-depth: 0`" in result.stderr
    assert json.loads(result.stdout)["verdict"] == "error"
    assert not fake_github.check_runs and not fake_github.statuses  # nothing was left "in progress"


def test_a_merge_group_reviews_base_to_group_head_and_reports_on_it(remote, fake_github, gh_env, run_ygs,
                                                                     tmp_path, monkeypatch):
    # the queue's branch: the PR's change merged onto main's tip, checked out shallow as actions/checkout does
    remote.git("checkout", "-q", "-b", "gh-readonly-queue/main/pr-7", "main")
    remote.git("merge", "-q", "--no-ff", "-m", "Merge pull request #7", "feature")
    group_head = remote.git("rev-parse", "HEAD")
    remote.git("checkout", "-q", "main")
    clone = shallow_clone(remote, tmp_path, branch="gh-readonly-queue/main/pr-7")
    gh_env()
    event = tmp_path / "merge_group.json"
    event.write_text(json.dumps(merge_group_event(group_head, fake_github.base_sha)), encoding="utf-8")
    monkeypatch.setenv("GITHUB_EVENT_PATH", str(event))
    monkeypatch.setenv("GITHUB_EVENT_NAME", "merge_group")
    result = review(run_ygs, clone)  # no --base: the group's base_sha
    assert result.exit_code == 1, result.stderr
    report = json.loads(result.stdout)
    assert (report["base"]["sha"], report["head"]["sha"]) == (fake_github.base_sha, group_head)
    [run] = fake_github.check_runs.values()
    assert (run["head_sha"], run["conclusion"], len(run["annotations"])) == (group_head, "failure", 1)
    assert not fake_github.issue_comments and not fake_github.review_comments
    assert not [r for r in fake_github.requests if "/pulls" in r.path]


def test_a_review_that_fails_after_the_start_completes_the_check_run(remote, fake_github, gh_env, run_ygs):
    remote.git("checkout", "-q", "feature")
    gh_env(remote.head)
    result = review(run_ygs, remote.path, "--base", "no-such-ref")
    assert result.exit_code == 2 and "unknown git ref 'no-such-ref'" in result.stderr
    [run] = fake_github.check_runs.values()
    assert (run["status"], run["conclusion"]) == ("completed", "failure")
    assert run["output"]["title"].startswith("could not complete: unknown git ref 'no-such-ref'")


def test_a_personal_access_token_reports_through_a_commit_status(remote, fake_github, gh_env, run_ygs,
                                                                  monkeypatch):
    remote.git("checkout", "-q", "feature")
    gh_env(remote.head)
    monkeypatch.setenv("GITHUB_TOKEN", "ghp_classic")
    result = review(run_ygs, remote.path)
    assert result.exit_code == 1, result.stderr
    assert [(s["sha"], s["state"]) for s in fake_github.statuses] == [(remote.head, "pending"),
                                                                       (remote.head, "failure")]
    assert not fake_github.check_runs and len(fake_github.writes("POST", r"/check-runs$")) == 1
    assert "this token is a personal access token" in result.stderr and "fork" not in result.stderr
    assert "::error file=app.py,line=2" in result.stderr  # a status has no annotations: the log carries them
