"""Find and run a project's tests (used by `ygs checkpoint`, and by `ygs ship`).

`detect` returns the configured `[tool.ygs] test_command` (a string: the user's own config) or a
detected argv list. `run` executes it in the project root with GIT_* scrubbed from the environment:

- an argv list runs directly, never through a shell;
- a string without shell syntax is split with `shlex.split` and runs directly;
- a string with shell syntax (pipes, `&&`, `;`, redirects, `$VAR`, globs, backticks…) runs via the
  shell (`/bin/sh -c`; `cmd.exe` on Windows), exactly as the user wrote it in their config.

Output (stdout and stderr merged) goes to a temporary file, so a chatty suite cannot fill a pipe or
memory; only the tail is kept. A timeout kills the whole process group.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from ygs.config import Config
from ygs.errors import YgsError
from ygs.git import no_git_env
from ygs.proc import kill_group, new_group

TAIL_LINES = 30
_SHELL_SYNTAX = set("|&;<>()$`*?[]{}~\n\\")
_MAKE_TEST = re.compile(r"^test\s*:(?!=)", re.MULTILINE)
_NPM_DEFAULT_TEST = "no test specified"


@dataclass(frozen=True)
class TestRun:
    __test__ = False  # not a pytest test class

    passed: bool
    exit_code: int | None  # None: timed out
    duration: float  # seconds
    tail: str  # the last TAIL_LINES lines of merged stdout/stderr
    timed_out: bool = False


def detect(root: Path, config: Config) -> list[str] | str:
    """The test command: configured, else detected; exit 2 with how-to-configure when there is none."""
    if config.test_command.strip():
        return config.test_command.strip()
    for probe in (_pytest, _npm, _go, _cargo, _make):
        found = probe(root)
        if found:
            return found
    raise YgsError(
        "no test command: set it in pyproject.toml ([tool.ygs] test_command = \"pytest -q\") or "
        ".ygs/config.toml (test_command = \"...\"); ygs looks for pytest, npm test, go test, cargo test "
        "and make test"
    )


def describe(command: list[str] | str) -> str:
    return command if isinstance(command, str) else shlex.join(command)


def _pytest(root: Path) -> list[str] | None:
    markers = (
        (root / "pytest.ini").is_file()
        or (root / "conftest.py").is_file()
        or _contains(root / "pyproject.toml", "[tool.pytest")
        or _contains(root / "setup.cfg", "[tool:pytest]")
        or _contains(root / "tox.ini", "[pytest]")
        or ((root / "tests").is_dir() and any((root / f).is_file() for f in ("pyproject.toml", "setup.py", "setup.cfg")))
    )
    if not markers:
        return None
    for venv in (".venv", "venv"):
        for python in (root / venv / "bin" / "python", root / venv / "Scripts" / "python.exe"):
            if python.is_file():
                return [str(python), "-m", "pytest"]
    return ["pytest"] if shutil.which("pytest") else [sys.executable, "-m", "pytest"]


def _npm(root: Path) -> list[str] | None:
    try:
        scripts = json.loads((root / "package.json").read_text(encoding="utf-8")).get("scripts") or {}
    except (OSError, ValueError, AttributeError):
        return None
    test = scripts.get("test") if isinstance(scripts, dict) else None
    if not isinstance(test, str) or not test.strip() or _NPM_DEFAULT_TEST in test:
        return None
    return ["npm", "test"]


def _go(root: Path) -> list[str] | None:
    return ["go", "test", "./..."] if (root / "go.mod").is_file() else None


def _cargo(root: Path) -> list[str] | None:
    return ["cargo", "test"] if (root / "Cargo.toml").is_file() else None


def _make(root: Path) -> list[str] | None:
    for name in ("GNUmakefile", "makefile", "Makefile"):
        if _MAKE_TEST.search(_read(root / name)):
            return ["make", "test"]
    return None


def _contains(path: Path, needle: str) -> bool:
    return needle in _read(path)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def needs_shell(command: str) -> bool:
    return any(c in _SHELL_SYNTAX for c in command)


def argv(command: list[str] | str) -> tuple[list[str] | str, bool]:
    """(what to execute, through the shell?)."""
    if isinstance(command, list):
        return command, False
    if needs_shell(command):
        return command, True
    try:
        words = shlex.split(command)
    except ValueError:  # unbalanced quotes: let the shell report it in its own words
        return command, True
    if not words or "=" in words[0]:  # `FOO=1 pytest`: an environment assignment is shell syntax
        return command, True
    return words, False


def run(root: Path, command: list[str] | str, timeout: float | None = None, tail_lines: int = TAIL_LINES) -> TestRun:
    """Run the tests in root; never raises for the tests' own failure (that is `passed=False`)."""
    target, shell = argv(command)
    started = time.monotonic()
    with tempfile.TemporaryFile() as log:
        try:
            # ygs: ignore[bandit-B602] the user's own [tool.ygs] test_command, run as written when it uses shell syntax
            proc = subprocess.Popen(target, cwd=root, shell=shell, stdin=subprocess.DEVNULL, stdout=log,
                                    stderr=subprocess.STDOUT, env=no_git_env(), **new_group())
        except OSError as exc:
            return TestRun(False, 127, time.monotonic() - started, f"cannot run {describe(command)}: {exc}")
        code, timed_out = _wait(proc, timeout)
        duration = time.monotonic() - started
        tail = _tail(log, tail_lines)
    if timed_out:
        tail += f"\n[ygs] timed out after {timeout:g}s; the test run was killed"
    return TestRun(code == 0 and not timed_out, None if timed_out else code, duration, tail, timed_out)


def _wait(proc: subprocess.Popen[bytes], timeout: float | None) -> tuple[int | None, bool]:
    try:
        return proc.wait(timeout=timeout), False
    except subprocess.TimeoutExpired:
        kill_group(proc)
        proc.wait()
        return None, True
    except KeyboardInterrupt:
        kill_group(proc)
        proc.wait()
        raise


def _tail(log, lines: int) -> str:
    size = log.seek(0, os.SEEK_END)
    log.seek(max(0, size - 256 * 1024))
    text = log.read().decode("utf-8", errors="replace")
    return "\n".join(text.splitlines()[-lines:])
