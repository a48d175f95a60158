"""Running an external analyzer (semgrep, bandit): its failures as evidence, deadlines, argument batches."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ygs.proc import forget, kill_group, spawn
from ygs.review.model import AnalyzerResult, ScanContext

MAX_ARGV_CHARS = 100_000  # per process, far below ARG_MAX on Linux (2 MiB) and macOS (1 MiB)

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


def run_process(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float) -> Completed:
    """Run cmd in its own process group; on timeout the whole group (tool + its workers) is killed, and on
    Ctrl-C or SIGTERM `proc.stop_all()` stops it."""
    if timeout <= 0:
        raise ToolTimeout()
    try:
        proc = spawn(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE)
    except OSError as exc:
        raise ToolError(f"cannot run {cmd[0]}: {exc.strerror or exc}") from None
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        proc.communicate()
        raise ToolTimeout() from None
    finally:
        forget(proc)
    return Completed(proc.returncode, stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace"))


def last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no error output"
