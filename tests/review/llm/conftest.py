"""Fixtures for the LLM pass: the real anthropic SDK pointed at a local Messages-API stub on 127.0.0.1."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Iterator

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # messages_stub (shared with bench/llm_tokens.py), llm_testing

from llm_testing import APP, FAST  # noqa: E402
from messages_stub import MessagesStub  # noqa: E402


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[MessagesStub]:
    with MessagesStub() as server:
        monkeypatch.setenv("ANTHROPIC_BASE_URL", server.url)
        monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
        monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
        yield server


@pytest.fixture
def llm(run_ygs, stub: MessagesStub, monkeypatch: pytest.MonkeyPatch) -> MessagesStub:
    """run_ygs removes ANTHROPIC_API_KEY; set it after that, so the LLM pass runs against the stub."""
    monkeypatch.setenv("ANTHROPIC_API_KEY", "test-key")
    for name in ("ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_PROFILE", "ANTHROPIC_CUSTOM_HEADERS"):
        monkeypatch.delenv(name, raising=False)
    return stub


@pytest.fixture
def make_project(repo) -> Callable[..., object]:
    """A repository on a feature branch whose base commit has fast settings (+ `settings`) and app.py."""

    def make(settings: str = "", files: dict[str, str] | None = None):
        repo.write("pyproject.toml", FAST + settings)
        repo.write("app.py", APP)
        for path, text in (files or {}).items():
            repo.write(path, text)
        repo.commit("base")
        repo.git("checkout", "-q", "-b", "feature")
        return repo

    return make
