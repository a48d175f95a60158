"""Test-command detection and running (`ygs/testrun.py`, reused by `ygs ship`)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from ygs.guard import testrun
from ygs.config import Config
from ygs.errors import YgsError


def _files(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    return root


@pytest.mark.parametrize("files,expected", [
    ({"pytest.ini": "[pytest]\n"}, "pytest"),
    ({"pyproject.toml": "[tool.pytest.ini_options]\n"}, "pytest"),
    ({"setup.cfg": "[tool:pytest]\n"}, "pytest"),
    ({"pyproject.toml": "[project]\n", "tests/test_x.py": ""}, "pytest"),
    ({"package.json": json.dumps({"scripts": {"test": "jest"}})}, ["npm", "test"]),
    ({"package.json": json.dumps({"scripts": {"test": "echo \"Error: no test specified\" && exit 1"}})}, None),
    ({"go.mod": "module x\n"}, ["go", "test", "./..."]),
    ({"Cargo.toml": "[package]\n"}, ["cargo", "test"]),
    ({"Makefile": "build:\n\ttrue\ntest: build\n\ttrue\n"}, ["make", "test"]),
    ({"Makefile": "test := 1\n"}, None),
    ({"README.md": "nothing\n"}, None),
])
def test_detect(tmp_path, files, expected):
    root = _files(tmp_path, files)
    if expected is None:
        with pytest.raises(YgsError, match="test_command"):
            testrun.detect(root, Config())
        return
    found = testrun.detect(root, Config())
    if expected == "pytest":
        assert found[-1] == "pytest"
    else:
        assert found == expected


def test_detect_prefers_the_project_venv(tmp_path):
    root = _files(tmp_path, {"pytest.ini": "", ".venv/bin/python": ""})
    assert testrun.detect(root, Config()) == [str(root / ".venv/bin/python"), "-m", "pytest"]


def test_configured_command_wins_and_stays_a_string(tmp_path):
    root = _files(tmp_path, {"go.mod": ""})
    assert testrun.detect(root, Config(test_command=" make check ")) == "make check"


@pytest.mark.parametrize("command,shell", [
    ("pytest -q tests", False),
    ("pytest -k 'login and not slow'", False),
    ("pytest -q && npm test", True),
    ("FOO=1 pytest", True),
    ("pytest $ARGS", True),
    ("pytest tests/*.py", True),
])
def test_shell_only_for_shell_syntax(command, shell):
    target, uses_shell = testrun.argv(command)
    assert uses_shell is shell
    if not shell:
        assert isinstance(target, list)


def test_run_pass_fail_tail(tmp_path):
    passed = testrun.run(tmp_path, [sys.executable, "-c", "print('ok')"], timeout=60)
    assert passed.passed and passed.exit_code == 0 and passed.tail == "ok" and passed.duration >= 0
    failed = testrun.run(tmp_path, [sys.executable, "-c", "import sys; [print(i) for i in range(100)]; sys.exit(3)"],
                         timeout=60, tail_lines=5)
    assert not failed.passed and failed.exit_code == 3
    assert failed.tail.splitlines() == ["95", "96", "97", "98", "99"]


def test_run_string_through_the_shell(tmp_path):
    result = testrun.run(tmp_path, f'"{sys.executable}" -c "print(1)" && echo second', timeout=60)
    assert result.passed and result.tail.splitlines() == ["1", "second"]


def test_run_missing_program_is_a_failure_not_a_crash(tmp_path):
    result = testrun.run(tmp_path, ["definitely-not-a-real-program-ygs"], timeout=60)
    assert not result.passed and result.exit_code == 127 and "cannot run" in result.tail


@pytest.mark.skipif(os.name == "nt", reason="process groups")
def test_run_timeout_kills_the_run(tmp_path):
    result = testrun.run(tmp_path, [sys.executable, "-c", "import time; print('start', flush=True); time.sleep(30)"],
                         timeout=1)
    assert not result.passed and result.timed_out and result.exit_code is None
    assert "start" in result.tail and "timed out" in result.tail and result.duration < 10


def test_run_scrubs_git_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_DIR", "/nonexistent")
    result = testrun.run(tmp_path, [sys.executable, "-c", "import os; print(os.environ.get('GIT_DIR'))"], timeout=60)
    assert result.tail == "None"
