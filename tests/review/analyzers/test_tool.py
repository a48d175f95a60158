"""Transient analyzer failures (issue 11): a launch failing with ENOENT/EAGAIN, or a run that exits 0 printing
nothing, is tried once more; a failure that stays names what was missing. Real processes throughout."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from ygs.review.analyzers import tool


def script(path: Path, body: str) -> str:
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(0o755)
    return str(path)


def run(cmd: list[str], cwd: Path, timeout: float = 30.0) -> tool.Completed:
    return tool.run_process(cmd, cwd=cwd, env=dict(os.environ), timeout=timeout, name="semgrep")


def test_a_run_that_exits_0_without_output_is_tried_again(tmp_path: Path) -> None:
    marker = tmp_path / "ran-once"
    exe = script(tmp_path / "flaky", f'if [ -e "{marker}" ]; then echo \'{{"ok": 1}}\'; else touch "{marker}"; fi\n')
    done = run([exe], tmp_path)
    assert (done.returncode, done.stdout.strip()) == (0, '{"ok": 1}')


def test_no_output_twice_says_the_output_was_missing(tmp_path: Path) -> None:
    count = tmp_path / "count"
    exe = script(tmp_path / "silent", f'echo run >> "{count}"; echo "all fine" >&2\n')
    with pytest.raises(tool.ToolError) as failure:
        run([exe], tmp_path)
    assert str(failure.value) == ("semgrep exited 0 without printing any output (tried twice; it always prints "
                                  "JSON): all fine")
    assert count.read_text().count("run") == 2


def test_a_failing_exit_code_with_no_output_is_not_retried(tmp_path: Path) -> None:
    count = tmp_path / "count"
    exe = script(tmp_path / "fails", f'echo run >> "{count}"; exit 3\n')
    assert run([exe], tmp_path).returncode == 3
    assert count.read_text().count("run") == 1


def test_an_executable_that_appears_before_the_retry_runs(tmp_path: Path) -> None:
    exe = tmp_path / "late"
    timer = threading.Timer(tool.RETRY_DELAY_S / 3, script, (exe, "echo '{}'\n"))
    timer.start()
    try:
        done = run([str(exe)], tmp_path)
    finally:
        timer.cancel()
    assert done.stdout.strip() == "{}"


def test_a_missing_executable_is_named(tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(tool.ToolError) as failure:
        run([str(tmp_path / "bin" / "semgrep")], tmp_path)
    assert str(failure.value) == f"cannot run semgrep: executable {tmp_path / 'bin' / 'semgrep'} not found (tried twice)"
    assert time.monotonic() - started >= tool.RETRY_DELAY_S


def test_a_missing_interpreter_is_named(tmp_path: Path) -> None:
    exe = tmp_path / "semgrep"
    exe.write_text(f"#!{tmp_path}/gone/python\n")
    exe.chmod(0o755)
    with pytest.raises(tool.ToolError) as failure:
        run([str(exe)], tmp_path)
    assert str(failure.value) == (f"cannot run semgrep: {exe} names an interpreter that does not exist "
                                  f"(#!{tmp_path}/gone/python) (tried twice)")


def test_a_missing_working_directory_is_named(tmp_path: Path) -> None:
    exe = script(tmp_path / "ok", "echo '{}'\n")
    gone = tmp_path / "review-tree"
    with pytest.raises(tool.ToolError) as failure:
        run([exe], gone)
    assert str(failure.value) == f"cannot run semgrep: its working directory {gone} does not exist (any more) (tried twice)"


def test_a_working_directory_that_comes_back_before_the_retry_is_used(tmp_path: Path) -> None:
    exe = script(tmp_path / "pwd", "pwd\n")
    later = tmp_path / "later"
    timer = threading.Timer(tool.RETRY_DELAY_S / 3, later.mkdir)
    timer.start()
    try:
        done = run([exe], later)
    finally:
        timer.cancel()
    assert done.stdout.strip() == str(later)


def test_a_permanent_launch_error_is_not_retried(tmp_path: Path) -> None:
    exe = tmp_path / "not-executable"
    exe.write_text("#!/bin/sh\necho hi\n")
    exe.chmod(0o644)
    started = time.monotonic()
    with pytest.raises(tool.ToolError) as failure:
        run([str(exe)], tmp_path)
    assert str(failure.value) == f"cannot run semgrep ({exe}): Permission denied"
    assert time.monotonic() - started < tool.RETRY_DELAY_S


def test_the_retry_stays_within_the_deadline(tmp_path: Path) -> None:
    exe = script(tmp_path / "slow-silent", "sleep 0.4\n")
    with pytest.raises(tool.ToolTimeout):
        run([exe], tmp_path, timeout=0.6)
