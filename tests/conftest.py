from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from repos import Repo

from ygs.cli import main
from ygs.git import no_git_env


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    path = tmp_path / "repo"
    path.mkdir()
    monkeypatch.chdir(path)
    return Repo(path)


@pytest.fixture
def run_ygs(monkeypatch: pytest.MonkeyPatch):
    """Invoke the real CLI in-process; returns click's Result (exit_code, stdout, stderr)."""
    return _invoker(monkeypatch)


@pytest.fixture(scope="session")
def _reviews() -> dict:
    return {}


@pytest.fixture
def review_once(_reviews: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    """The analyzers run once per reviewed commit and arguments: tests that only look at how the CLI renders a
    review (formats, --output, exit codes, the step summary) render the same real result, through the whole
    command, instead of re-running semgrep and bandit on an unchanged commit. Only for commits (the default
    head): the index and the work tree are not part of the key."""
    from ygs.review import gate

    real = gate.review

    def review(root, *args, **kwargs):
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True,
                              env=no_git_env(), check=True).stdout.strip()
        key = (str(root), head, repr(args), repr(sorted(kwargs.items())))
        if key not in _reviews:
            _reviews[key] = real(root, *args, **kwargs)
        return _reviews[key]

    monkeypatch.setattr(gate, "review", review)


@pytest.fixture(scope="module")
def new_repo(tmp_path_factory: pytest.TempPathFactory):
    """For module-scoped fixtures: a fresh Repo on each call (the cwd is left alone)."""
    return lambda: Repo(tmp_path_factory.mktemp("repo"))


@pytest.fixture(scope="module")
def ygs_in():
    """For module-scoped fixtures, which share one expensive review between the tests that read different parts
    of it: ygs_in(path)(*args) is run_ygs in path, with run_ygs's environment, all restored when it returns."""

    def bind(path: Path):
        def invoke(*args: str, input: str | None = None):
            with pytest.MonkeyPatch.context() as monkeypatch:
                return _invoker(monkeypatch)(*args, input=input, cwd=path)

        return invoke

    return bind


def _invoker(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SEMGREP_ENABLE_VERSION_CHECK", "0")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

    def invoke(*args: str, input: str | None = None, cwd: Path | None = None):
        if cwd is not None:
            monkeypatch.chdir(cwd)
        return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)

    return invoke
