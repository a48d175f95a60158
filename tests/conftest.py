from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from repos import Repo

from ygs.cli import main


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    path = tmp_path / "repo"
    path.mkdir()
    monkeypatch.chdir(path)
    return Repo(path)


@pytest.fixture
def run_ygs(monkeypatch: pytest.MonkeyPatch):
    """Invoke the real CLI in-process; returns click's Result (exit_code, stdout, stderr)."""
    monkeypatch.setenv("SEMGREP_ENABLE_VERSION_CHECK", "0")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

    def invoke(*args: str, input: str | None = None, cwd: Path | None = None):
        if cwd is not None:
            monkeypatch.chdir(cwd)
        return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)

    return invoke
