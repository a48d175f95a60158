from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from fake_github import REPO, FakeGitHub, actions_env, breakpoint_pr, serve

from ygs.config import Config, GithubConfig

FAST = GithubConfig(api_attempts=3, api_backoff_s=0.0, api_timeout_s=5, write_interval_s=0.0)


@pytest.fixture
def fake_github() -> Iterator[FakeGitHub]:
    fake = FakeGitHub()
    server = serve(fake)
    yield fake
    server.shutdown()
    server.server_close()


@pytest.fixture
def config() -> Config:
    return Config(github=FAST)


@pytest.fixture
def pr_repo(repo, fake_github: FakeGitHub):
    """A repo with `main` and a `feature` branch whose head is the pull request's head."""
    repo.write("app.py", "".join(f"line_{n} = {n}\n" for n in range(1, 11)))
    fake_github.base_sha = repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    return repo


@pytest.fixture
def pr(repo, fake_github: FakeGitHub):
    """breakpoint_pr, reviewed by hygiene and secrets only, with no API pacing."""
    return breakpoint_pr(repo, fake_github)


@pytest.fixture
def gh_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_github: FakeGitHub):
    """The environment GitHub Actions sets for a pull_request event; call it once the head is committed."""

    def apply(head_sha: str | None = None, **event_overrides: object) -> dict[str, str]:
        if head_sha:
            fake_github.head_sha = head_sha
        event = {"number": fake_github.number, "repository": {"full_name": REPO},
                 "pull_request": {"number": fake_github.number, "head": {"sha": fake_github.head_sha},
                                  "base": {"sha": fake_github.base_sha}}, **event_overrides}
        return actions_env(monkeypatch, tmp_path, fake_github, event, "pull_request", "ghs_test")

    return apply
