"""ygs serve's reviewer end to end (ygs/serve/reviewer.py): the real review and the real publisher, from real
local git repositories, against the loopback fake GitHub acting for a GitHub App."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from app_prs import (GOOD, INSTALLATION, ROOT, SVC, check_history, creds, fake, make_pr,  # noqa: F401 - fixtures
                     pr_job, review_and_publish)
from fake_github import PR_PYPROJECT

from ygs.serve import reviewer
from ygs.serve.jobs import MERGE_GROUP, PULL_REQUEST, Job

def test_a_pr_with_a_breakpoint_fails_with_an_inline_comment_and_a_summary(fake, creds, tmp_path):
    job = pr_job(fake, tmp_path)
    check, reviewed, ids = review_and_publish(job, creds)
    run = fake.check_runs[check]
    assert (run["status"], run["conclusion"], run["external_id"]) == ("completed", "failure", "run-1")
    assert run["head_sha"] == job.head_sha and check_history(fake, check) == ["queued", "in_progress", "completed"]
    assert reviewed.verdict == "fail" and not reviewed.error and reviewed.policy_source.startswith("base ")
    assert '"run_id": "run-1"' in reviewed.report_json and len(reviewed.evidence_digest) == 64
    inline = fake.review_comments_of(SVC, 3)
    assert [(c["path"], c["line"]) for c in inline] == [("app.py", 2)] and "breakpoint" in inline[0]["body"]
    summary = fake.comments_of(SVC, 3)
    assert len(summary) == 1 and summary[0]["user"]["login"] == "ygs-test[bot]"
    assert ids == {"check_run": check, "summary_comment": summary[0]["id"], "inline": [inline[0]["id"]]}
    assert not fake.comments_of() and not fake.review_comments_of()  # nothing on the other repository's PR
    tokens = {r.token for r in fake.requests if not r.path.startswith("/app/")}
    assert all(t.startswith("ghs_") for t in tokens)  # the installation token, never the App's JWT


@pytest.mark.parametrize("partial", [True, False], ids=["blobless", "remote-without-partial-clone"])
def test_a_clean_pr_passes(fake, creds, tmp_path, partial):
    job = pr_job(fake, tmp_path, head_app=GOOD, partial=partial)
    check, reviewed, ids = review_and_publish(job, creds)
    assert reviewed.verdict == "pass" and fake.check_runs[check]["conclusion"] == "success"
    assert not fake.review_comments_of(SVC, 3) and ids["inline"] == []


def test_a_review_the_analyzers_could_not_complete_is_action_required_not_green(fake, creds, tmp_path):
    repo, base, _ = make_pr(tmp_path / "remote", GOOD)
    repo.git("checkout", "-q", "feature")
    repo.write("pyproject.toml", PR_PYPROJECT.replace('["hygiene", "secrets"]', '["bandit"]'))
    repo.git("commit", "-qam", "base: bandit only")
    base = repo.git("rev-parse", "HEAD")
    repo.write("notes.md", "nothing bandit reads\n")
    head = repo.commit("notes")
    fake.add_pull(SVC, 4, head, base)
    job = Job("d4", PULL_REQUEST, INSTALLATION, SVC, str(repo.path), 4, head, base)
    check, reviewed, _ = review_and_publish(job, creds)
    assert reviewed.verdict == "error" and not reviewed.error  # the review ran; its verdict is an error
    run = fake.check_runs[check]
    assert run["conclusion"] == "action_required" and run["output"]["title"].startswith("could not complete")


def test_a_merge_queue_group_gets_a_verdict_and_no_comments(fake, creds, tmp_path):
    job = pr_job(fake, tmp_path, kind=MERGE_GROUP, number=0, merge_group_ref="refs/heads/gh-readonly-queue/main/x")
    check, reviewed, ids = review_and_publish(job, creds)
    assert fake.check_runs[check]["conclusion"] == "failure" and fake.check_runs[check]["head_sha"] == job.head_sha
    assert not fake.issue_comments and not fake.review_comments and not fake.reviews
    assert ids == {"check_run": check, "summary_comment": None, "inline": []}


def test_every_step_run_twice_makes_one_check_run_and_the_same_comments(fake, creds, tmp_path):
    job = pr_job(fake, tmp_path)
    check, reviewed, first = review_and_publish(job, creds)
    assert reviewer.queue_check(job, creds, "run-1") == check  # found by its external_id, not created again
    again = reviewer.review(job, creds, check, "run-1")
    assert reviewer.publish(job, creds, check, again) == first
    assert len(fake.check_runs_on(job.head_sha, SVC)) == 1 and len(fake.comments_of(SVC, 3)) == 1
    assert len(fake.review_comments_of(SVC, 3)) == 1
    other = reviewer.queue_check(job, creds, "run-2")  # another run (a re-run) gets its own check run
    assert other != check and len(fake.check_runs_on(job.head_sha, SVC)) == 2


def test_the_check_run_of_a_run_is_found_past_the_first_page(fake, creds, tmp_path):
    job = pr_job(fake, tmp_path)
    wanted = reviewer.queue_check(job, creds, "run-early")
    for n in range(120):  # newer runs first: the wanted one is on the second page of 100
        fake.check_runs[10_000 + n] = {"id": 10_000 + n, "name": "ygs review", "head_sha": job.head_sha,
                                       "external_id": f"other-{n}", "status": "completed", "_repo": SVC,
                                       "annotations": []}
    assert reviewer.queue_check(job, creds, "run-early") == wanted
    pages = [r.query for r in fake.requests if r.path.endswith("/check-runs") and r.method == "GET"]
    assert any("page=2" in q for q in pages) and len(fake.check_runs_on(job.head_sha, SVC)) == 121


PUBLISH_IN_A_CHILD = textwrap.dedent("""
    import pickle, sys
    from ygs.serve import reviewer
    job, creds, check, reviewed = pickle.load(open(sys.argv[1], "rb"))
    reviewer.publish(job, creds, check, reviewed)
""")


def test_publish_killed_mid_way_then_run_again_duplicates_nothing(fake, creds, tmp_path):
    job = pr_job(fake, tmp_path)
    check = reviewer.queue_check(job, creds, "run-1")
    reviewed = reviewer.review(job, creds, check, "run-1")
    state = tmp_path / "step.pickle"
    state.write_bytes(pickle.dumps((job, creds, check, reviewed)))  # what a workflow checkpoints
    fake.delay("PATCH", rf"/check-runs/{check}$", 60, times=1)  # comments are out; completing the run hangs
    child = subprocess.Popen([sys.executable, "-c", PUBLISH_IN_A_CHILD, str(state)], cwd=ROOT,
                             env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while not fake.hanging and time.monotonic() < deadline:
        time.sleep(0.05)
    assert fake.review_comments_of(SVC, 3) and fake.comments_of(SVC, 3)  # published before the kill
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    assert fake.check_runs[check]["status"] == "in_progress"
    ids = reviewer.publish(job, creds, check, pickle.loads(state.read_bytes())[3])
    assert len(fake.comments_of(SVC, 3)) == 1 and len(fake.review_comments_of(SVC, 3)) == 1
    assert len(fake.reviews) == 1 and len(fake.check_runs_on(job.head_sha, SVC)) == 1
    assert fake.check_runs[check]["conclusion"] == "failure" and ids["inline"] == [
        c["id"] for c in fake.review_comments_of(SVC, 3)]


def test_the_policy_comes_from_the_base_not_from_the_pr(fake, creds, tmp_path):
    loosened = PR_PYPROJECT.replace("[tool.ygs.github]", 'exclude = ["app.py"]\n\n[tool.ygs.github]')
    job = pr_job(fake, tmp_path, head_pyproject=loosened)
    check, reviewed, _ = review_and_publish(job, creds)
    assert reviewed.verdict == "fail" and fake.check_runs[check]["conclusion"] == "failure"
    assert "breakpoint" in " ".join(c["body"] for c in fake.review_comments_of(SVC, 3))
    assert reviewed.policy_source.startswith(f"base {job.base_sha[:12]}")
    assert "gate-policy-changed" in reviewed.report_json

