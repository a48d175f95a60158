"""ygs serve's reviewer, step by step: the private checkout, the token's path to git, supersede, give up,
re-runs from a comment, revoked tokens."""

from __future__ import annotations

import base64
import os
import shutil
import stat
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from app_prs import INSTALLATION, SVC, creds, fake, pr_job, review_and_publish  # noqa: F401 - fixtures
from repos import Repo

from ygs.errors import YgsError
from ygs.github import app
from ygs.serve import reviewer
from ygs.serve.jobs import RERUN, Job


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


def test_a_revoked_token_fails_the_step_once_and_the_retry_gets_a_fresh_one(fake, creds, tmp_path):
    job = pr_job(fake, tmp_path)
    check = reviewer.queue_check(job, creds, "run-1")
    fake.tokens.clear()  # GitHub revoked every token (the installation was suspended and restored)
    with pytest.raises(YgsError, match=r"^GitHub API: .*401 Bad credentials"):
        reviewer.supersede(job, creds, check, "f" * 40)
    reviewer.supersede(job, creds, check, "f" * 40)
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
