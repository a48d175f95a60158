"""Running an external analyzer (semgrep, bandit): its failures as evidence, deadlines, argument batches."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ygs.proc import forget, kill_group, spawn
from ygs.review.model import AnalyzerResult, ScanContext

MAX_ARGV_CHARS = 100_000  # per process, far below ARG_MAX on Linux (2 MiB) and macOS (1 MiB)
ATTEMPTS = 2  # a launch failing with TRANSIENT_ERRNOS, or a run exiting 0 without output, is tried once more
TRANSIENT_ERRNOS = frozenset({errno.ENOENT, errno.EAGAIN})
RETRY_DELAY_S = 0.5

Scan = Callable[[ScanContext, list[str], AnalyzerResult, float], None]


class ToolError(Exception):
    """The tool could not do its work: becomes status `failed` with this message."""


class ToolTimeout(Exception):
    """The tool ran past its deadline: becomes status `timed_out`."""


@dataclass(frozen=True)
class Completed:
    returncode: int
    stdout: str
    stderr: str


def run_analyzer(name: str, ctx: ScanContext, applies_to: Callable[[str], bool], scan: Scan) -> AnalyzerResult:
    """The shared `run(ctx)` of a tool analyzer: scan the files it applies to before the deadline, and turn
    the tool's failure or timeout into evidence (status failed / timed_out), never into an exception."""
    started = time.monotonic()
    result = AnalyzerResult(name=name)
    targets = [path for path in ctx.files if applies_to(path)]
    result.files_applicable = len(targets)
    timeout = ctx.config.review.analyzer_timeout_s
    try:
        scan(ctx, targets, result, started + timeout)
    except ToolTimeout:
        result.status, result.reason = "timed_out", f"{name} did not finish within {timeout} s"
    except ToolError as exc:
        result.status, result.reason = "failed", str(exc)
    result.duration_s = time.monotonic() - started
    return result


def batches(targets: list[str], limit: int = MAX_ARGV_CHARS) -> list[list[str]]:
    """Split targets into runs whose argument text stays under limit characters."""
    out: list[list[str]] = [[]]
    size = 0
    for target in targets:
        if out[-1] and size + len(target) + 1 > limit:
            out.append([])
            size = 0
        out[-1].append(target)
        size += len(target) + 1
    return out


def run_process(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float, *, name: str = "",
                expect_output: bool = True) -> Completed:
    """Run cmd in its own process group; on timeout the whole group (tool + its workers) is killed, and on
    Ctrl-C or SIGTERM `proc.stop_all()` stops it.

    A launch that fails with ENOENT or EAGAIN, or (expect_output) a run that exits 0 printing nothing, is tried
    once more: both happen once in a while on a busy machine and do not reproduce. A failure that stays names
    what was missing: the working directory, the executable (or its `#!` interpreter), or the output."""
    name = name or Path(cmd[0]).name
    deadline = time.monotonic() + timeout
    for attempt in range(1, ATTEMPTS + 1):
        last = attempt == ATTEMPTS
        try:
            done = _run_once(cmd, cwd, env, deadline - time.monotonic())
        except OSError as exc:
            if last or exc.errno not in TRANSIENT_ERRNOS:
                raise ToolError(launch_error(name, cmd[0], cwd, exc) + (" (tried twice)" if attempt > 1 else "")) from None
        else:
            if done.returncode != 0 or done.stdout.strip() or not expect_output:
                return done
            if last:
                raise ToolError(f"{name} exited 0 without printing any output (tried twice; it always prints "
                                f"JSON): {last_line(done.stderr)}")
        time.sleep(max(0.0, min(RETRY_DELAY_S, deadline - time.monotonic())))
    raise AssertionError("unreachable")  # pragma: no cover


def _run_once(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float) -> Completed:
    if timeout <= 0:
        raise ToolTimeout()
    proc = spawn(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        proc.communicate()
        raise ToolTimeout() from None
    finally:
        forget(proc)
    return Completed(proc.returncode, stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace"))


def launch_error(name: str, exe: str, cwd: Path, exc: OSError) -> str:
    """Why the tool could not start, naming the missing thing."""
    if not cwd.is_dir():
        return f"cannot run {name}: its working directory {cwd} does not exist (any more)"
    if exc.errno == errno.EAGAIN:
        return f"cannot run {name} ({exe}): the system refused a new process (EAGAIN: too many processes or " \
               "not enough memory)"
    path = exe if os.sep in exe else shutil.which(exe, path=None) or exe
    if exc.errno == errno.ENOENT and not os.path.exists(path):
        return f"cannot run {name}: executable {path} not found"
    interpreter = _shebang(path)
    if exc.errno == errno.ENOENT and interpreter and not os.path.exists(interpreter):
        return f"cannot run {name}: {path} names an interpreter that does not exist (#!{interpreter})"
    return f"cannot run {name} ({path}): {exc.strerror or exc}"


def _shebang(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            first = handle.readline(512)
    except OSError:
        return ""
    words = first[2:].decode("utf-8", "replace").split() if first.startswith(b"#!") else []
    return words[0] if words else ""


def last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no error output"
