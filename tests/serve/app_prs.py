"""The pull requests ygs serve's reviewer tests review: real local git repositories as the PR's remote, and the
loopback fake GitHub acting for a GitHub App (importable: `from app_prs import …`; fixtures: `fake`, `creds`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_github import PR_PYPROJECT, FakeGitHub, app_key_pair, serve
from repos import Repo

from ygs.github import app
from ygs.serve import reviewer
from ygs.serve.jobs import PULL_REQUEST, Job

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
