"""ygs serve's GitHub side (ygs/serve/reviewer.py): real local git repositories as the PR's remote, the real
review, the real publisher, against the loopback fake GitHub acting for a GitHub App."""

from __future__ import annotations

import base64
import os
import pickle
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from fake_github import PR_PYPROJECT, FakeGitHub, app_key_pair, serve
from repos import Repo

from ygs.github import app
from ygs.serve import reviewer
from ygs.serve.jobs import MERGE_GROUP, PULL_REQUEST, RERUN, Job

SVC = "octo/svc"
INSTALLATION = 5
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fake():
    fake = FakeGitHub()
    server = serve(fake)
    fake.app("31337", app_key_pair()[1], installations=(INSTALLATION,))
    yield fake
    server.shutdown()
    server.server_close()


@pytest.fixture
def creds(fake: FakeGitHub) -> app.Credentials:
    return app.Credentials("31337", app_key_pair()[0], fake.url)


def make_pr(path: Path, head_app: str, head_pyproject: str | None = None,
            partial: bool = True) -> tuple[Repo, str, str]:
    """A repository (the PR's remote, serving partial clones unless `partial` is False) with a base on main and a
    head on feature."""
    path.mkdir()
    repo = Repo(path)
    repo.git("config", "uploadpack.allowFilter", "true" if partial else "false")
    repo.write("pyproject.toml", PR_PYPROJECT)
    repo.write("app.py", "def f():\n    return 1\n")
    repo.write("big.txt", "unchanged\n" * 1000)
    base = repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    repo.write("app.py", head_app)
    if head_pyproject is not None:
        repo.write("pyproject.toml", head_pyproject)
    head = repo.commit("change")
    repo.git("checkout", "-q", "main")
    return repo, base, head


BAD = "def f():\n    breakpoint()\n    return 1\n"
GOOD = "def f():\n    return 2\n"


def pr_job(fake: FakeGitHub, tmp_path: Path, head_app: str = BAD, number: int = 3, **kwargs) -> Job:
    repo, base, head = make_pr(tmp_path / f"remote{number}", head_app, kwargs.pop("head_pyproject", None),
                               kwargs.pop("partial", True))
    fake.add_pull(SVC, number, head, base, clone_url=str(repo.path))
    fields = dict(delivery_id=f"delivery-{number}", kind=PULL_REQUEST, installation_id=INSTALLATION, repo=SVC,
                  clone_url=str(repo.path), number=number, head_sha=head, base_sha=base, sender="dev")
    return Job(**{**fields, **kwargs})


def review_and_publish(job: Job, creds: app.Credentials, run_id: str = "run-1") -> tuple[int, reviewer.Reviewed, dict]:
    check = reviewer.queue_check(job, creds, run_id)
    reviewed = reviewer.review(job, creds, check, run_id)
    return check, reviewed, reviewer.publish(job, creds, check, reviewed)


def check_history(fake: FakeGitHub, check: int) -> list[str]:
    """The statuses a check run went through, from the requests that set them."""
    path = f"/repos/{SVC}/check-runs"
    return [r.body["status"] for r in fake.requests if r.method in ("POST", "PATCH") and r.path.startswith(path)
            and (r.method == "POST" or r.path.endswith(f"/{check}")) and "status" in (r.body or {})]


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


def test_a_review_that_cannot_fetch_completes_action_required_saying_why(fake, creds, tmp_path):
    job = pr_job(fake, tmp_path)
    job = Job(**{**job.to_dict(), "clone_url": str(tmp_path / "no-such-repo")})
    check = reviewer.queue_check(job, creds, "run-1")
    reviewed = reviewer.review(job, creds, check, "run-1")
    assert reviewed.verdict == "error" and "cannot fetch the base and head commits" in reviewed.error
    assert "\n" not in reviewed.error
    reviewer.give_up(job, creds, check, reviewed.error)
    run = fake.check_runs[check]
    assert (run["status"], run["conclusion"]) == ("completed", "action_required")
    assert run["output"]["title"].startswith("could not complete: cannot fetch")
    reviewer.give_up(job, creds, check, "a later reason")  # idempotent: a completed run keeps its conclusion
    assert run["output"]["title"].startswith("could not complete: cannot fetch")
    assert reviewer.publish(job, creds, check, reviewed)["check_run"] == check  # publish of an error = give_up


def test_a_newer_push_supersedes_the_older_check_run(fake, creds, tmp_path):
    job = pr_job(fake, tmp_path)
    check = reviewer.queue_check(job, creds, "run-1")
    reviewer.supersede(job, creds, check, "f" * 40)
    run = fake.check_runs[check]
    assert (run["status"], run["conclusion"]) == ("completed", "neutral")
    assert run["output"]["title"] == f"superseded by {'f' * 40}"


def test_a_stale_review_publishes_nothing_over_a_newer_push(fake, creds, tmp_path):
    job = pr_job(fake, tmp_path)
    check = reviewer.queue_check(job, creds, "run-1")
    reviewed = reviewer.review(job, creds, check, "run-1")
    fake.pulls[(SVC, 3)]["head_sha"] = "e" * 40  # pushed while the review ran
    ids = reviewer.publish(job, creds, check, reviewed)
    assert ids == {"check_run": check, "summary_comment": None, "inline": [], "superseded_by": "e" * 40}
    assert not fake.comments_of(SVC, 3) and not fake.review_comments_of(SVC, 3)
    assert fake.check_runs[check]["conclusion"] == "neutral"


def test_a_rerun_from_a_comment_reads_the_pull_requests_commits(fake, creds, tmp_path):
    job = pr_job(fake, tmp_path)
    fake.pulls[(SVC, 3)]["head_repo"] = "mallory/svc"
    bare = Job(**{**job.to_dict(), "kind": RERUN, "head_sha": "", "base_sha": ""})
    resolved = reviewer.resolve(bare, creds)
    assert (resolved.head_sha, resolved.base_sha, resolved.fork) == (job.head_sha, job.base_sha, True)
    assert reviewer.resolve(job, creds) is job


def test_the_checkout_is_private_blobless_and_removed(fake, creds, tmp_path, monkeypatch):
    job = pr_job(fake, tmp_path)
    seen = {}
    real = reviewer._review_in

    def spy(root, *args):
        seen["mode"] = stat.S_IMODE(root.parent.stat().st_mode)
        seen["root"] = root
        objects = subprocess.run(["git", "cat-file", "--batch-check", "--batch-all-objects"], cwd=root,
                                 capture_output=True, text=True, check=True).stdout
        seen["objects"] = objects
        seen["remotes"] = subprocess.run(["git", "remote"], cwd=root, capture_output=True, text=True).stdout
        return real(root, *args)

    monkeypatch.setattr(reviewer, "_review_in", spy)
    check, reviewed, _ = review_and_publish(job, creds)
    assert reviewed.verdict == "fail" and seen["mode"] == 0o700 and not seen["root"].parent.exists()
    remote = Repo.__new__(Repo)
    remote.path = Path(job.clone_url)
    fetched = {remote.git("rev-parse", f"{job.head_sha}:{name}") for name in ("app.py", "pyproject.toml")}
    fetched.add(remote.git("rev-parse", f"{job.base_sha}:app.py"))
    assert all(blob in seen["objects"] for blob in fetched)  # what the review reads: fetched
    assert remote.git("rev-parse", f"{job.head_sha}:big.txt") not in seen["objects"]  # the rest: not
    assert seen["remotes"] == ""  # nothing is fetched later


GIT_SHIM = """#!/bin/sh
printf '%s\\n' "ARGV $*" >> "{log}"
exec {git} "$@"
"""


class _GitRemote(BaseHTTPRequestHandler):
    """Not a git server: it records what git sends (the first smart-HTTP request) and answers 404."""

    seen: list[dict[str, str]] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.seen.append({"path": self.path, "authorization": self.headers.get("Authorization", "")})
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return


def test_the_token_reaches_git_only_as_a_header_never_in_argv_nor_in_errors(fake, creds, tmp_path, monkeypatch):
    job = pr_job(fake, tmp_path)
    remote = ThreadingHTTPServer(("127.0.0.1", 0), _GitRemote)
    threading.Thread(target=remote.serve_forever, daemon=True).start()
    _GitRemote.seen = []
    job = Job(**{**job.to_dict(), "clone_url": f"http://127.0.0.1:{remote.server_address[1]}/octo/svc.git"})
    log, shim = tmp_path / "git.log", tmp_path / "bin" / "git"
    shim.parent.mkdir()
    shim.write_text(GIT_SHIM.format(log=log, git=shutil.which("git")))
    shim.chmod(0o755)
    monkeypatch.setenv("PATH", f"{shim.parent}{os.pathsep}{os.environ['PATH']}")
    try:
        check = reviewer.queue_check(job, creds, "run-1")
        reviewed = reviewer.review(job, creds, check, "run-1")
        reviewer.give_up(job, creds, check, reviewed.error)
    finally:
        remote.shutdown()
        remote.server_close()
    token = app.installation_token(creds, INSTALLATION)
    basic = base64.b64encode(f"x-access-token:{token}".encode()).decode()
    assert _GitRemote.seen and {s["authorization"] for s in _GitRemote.seen} == {f"basic {basic}"}
    assert all(token not in s["path"] for s in _GitRemote.seen)  # not in the URL
    argv = "\n".join(line for line in log.read_text().splitlines() if line.startswith("ARGV"))
    assert "fetch" in argv and token not in argv and basic not in argv and "x-access-token" not in argv
    assert reviewed.error.startswith("cannot fetch the base and head commits")
    assert token not in reviewed.error and basic not in reviewed.error
    run = fake.check_runs[check]
    assert token not in str(run) and basic not in str(run) and run["conclusion"] == "action_required"
    assert token not in repr(reviewer.pull_request_context(job, token, fake.url))
