"""Signals and long runs: a real `ygs review` process, a real hung analyzer, real SIGINT/SIGTERM, a real pty.

The hung analyzer is bandit: ygs runs `bandit.cli.main` when a `bandit` package is importable, so a fake
package first on PYTHONPATH (inherited by ygs and by the analyzer it starts) takes its place. The fake
writes its pid and its worker's pid (a child in its process group that ignores SIGTERM, so the SIGKILL
step is exercised too), then sleeps far past any test's patience.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import pty
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ygs import proc
from ygs.config import Config, ReviewConfig
from ygs.git import no_git_env
from ygs.resources import data_dir
from ygs.review import gate
from ygs.review.analyzers import bandit
from ygs.review.model import ScanContext

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX signals and process groups")

YGS = Path(sys.executable).parent / "ygs"
HUNG_BANDIT = '''\
import os, subprocess, sys, time
worker = subprocess.Popen([sys.executable, "-c", "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
                           "print('ready', flush=True); time.sleep(600)"], stdout=subprocess.PIPE)
worker.stdout.readline()  # SIGTERM is ignored from here on
out = os.environ["FAKE_ANALYZER_DIR"]
with open(os.path.join(out, "pids.tmp"), "w") as handle:
    handle.write(f"{os.getpid()} {worker.pid}")
os.replace(os.path.join(out, "pids.tmp"), os.path.join(out, "pids"))
time.sleep(600)
'''
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.fixture
def change(repo):
    """A feature branch changing one Python file; the policy (committed on main) runs bandit and secrets."""
    repo.write(".ygs/config.toml", '[review]\nanalyzers = ["bandit", "secrets"]\n')
    repo.write("app.py", "def ok():\n    return 1\n")
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    repo.write("app.py", "def ok():\n    return 2\n")
    repo.commit("change")
    return repo


@pytest.fixture
def fake(tmp_path: Path) -> Iterator[Path]:
    """A directory holding the hung `bandit` package (under fake/pkgs) and, once it runs, its `pids`."""
    package = tmp_path / "fake" / "pkgs" / "bandit"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "__main__.py").write_text(HUNG_BANDIT)
    (package / "cli").mkdir()
    (package / "cli" / "__init__.py").write_text("")
    (package / "cli" / "main.py").write_text("def main():\n    import bandit.__main__  # noqa: F401\n")
    yield tmp_path / "fake"
    pids = tmp_path / "fake" / "pids"
    if pids.exists():  # a failed test must not leave its hung analyzer behind
        with contextlib.suppress(OSError):
            os.killpg(int(pids.read_text().split()[0]), signal.SIGKILL)


def env(tmp_path: Path, fake: Path | None = None, **extra: str) -> dict[str, str]:
    paths = [str(fake / "pkgs")] if fake else []
    inherited = os.environ.get("PYTHONPATH")
    (tmp_path / "tmp").mkdir(exist_ok=True)
    return {**no_git_env(), "PYTHONPATH": os.pathsep.join([*paths, *([inherited] if inherited else [])]),
            "TMPDIR": str(tmp_path / "tmp"), "SEMGREP_ENABLE_VERSION_CHECK": "0", "NO_COLOR": "1",
            "FAKE_ANALYZER_DIR": str(fake or tmp_path), **extra}


def wait_for(path: Path, seconds: float = 20.0) -> str:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.05)
    return path.read_text()


def running(pid: int) -> bool:
    """Whether pid runs (a zombie waiting for its reaper runs nothing)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except FileNotFoundError:
        return False
    except OSError:  # no /proc (macOS): ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True


@pytest.fixture
def require_ygs() -> None:
    if not YGS.exists():
        pytest.skip("ygs console script not installed next to the interpreter")


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_stops_the_hung_analyzer_removes_the_copy_and_says_so(change, fake, tmp_path, sig, code,
                                                                     require_ygs):
    review = subprocess.Popen([str(YGS), "review", "--no-llm"], cwd=change.path, env=env(tmp_path, fake),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        pids = [int(pid) for pid in wait_for(fake / "pids").split()]
        assert list((tmp_path / "tmp").glob("ygs-review-*")), "the source copy exists while the review runs"
        sent = time.monotonic()
        review.send_signal(sig)
        stdout, stderr = review.communicate(timeout=10)
        took = time.monotonic() - sent
    finally:
        review.kill()
    assert review.returncode == code, stderr
    assert took < 3, f"took {took:.1f} s to stop"
    assert not [pid for pid in pids if running(pid)], "the analyzer's process group outlived the review"
    assert not list((tmp_path / "tmp").glob("ygs-review-*")), "the copy of the source was left behind"
    name = signal.Signals(sig).name
    assert stderr.strip().splitlines()[-1] == f"ygs review: interrupted ({name}): stopped bandit; nothing was reported"
    assert stdout == ""


def test_an_interrupted_json_review_still_prints_a_json_document(change, fake, tmp_path, require_ygs):
    review = subprocess.Popen([str(YGS), "review", "--no-llm", "--format", "json"], cwd=change.path,
                              env=env(tmp_path, fake), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(fake / "pids")
        review.send_signal(signal.SIGTERM)
        stdout, stderr = review.communicate(timeout=10)
    finally:
        review.kill()
    assert review.returncode == 143, stderr
    document = json.loads(stdout)
    assert document["verdict"] == "error" and document["exit_code"] == 143
    assert document["errors"] == ["interrupted (SIGTERM): stopped bandit; nothing was reported"]


def test_a_hung_analyzer_is_named_as_it_passes_its_timeout(fake, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FAKE_ANALYZER_DIR", str(fake))
    monkeypatch.setattr(bandit, "bandit_command", lambda: [sys.executable, str(fake / "pkgs/bandit/__main__.py")])
    (tmp_path / "tree").mkdir()
    (tmp_path / "tree" / "app.py").write_text("x = 1\n")
    config = dataclasses.replace(Config(), review=dataclasses.replace(ReviewConfig(), analyzer_timeout_s=1))
    ctx = ScanContext(tree=tmp_path / "tree", files=("app.py",), config=config, gates_dir=data_dir("gates"),
                      changeset=None)
    started = time.monotonic()
    [result] = gate.run_analyzers(ctx, ("bandit",))
    assert time.monotonic() - started < 5
    assert result.status == "timed_out" and result.reason == "bandit did not finish within 1 s"
    assert "ygs review: bandit passed its 1 s timeout; stopped it" in capsys.readouterr().err
    pids = [int(pid) for pid in wait_for(fake / "pids").split()]
    assert not still_running(pids)


def still_running(pids: list[int], seconds: float = 5.0) -> list[int]:
    """The pids still running after up to `seconds`: a SIGKILLed process takes a moment to die on a busy
    machine (the signal is sent at once; the kernel tears the process down when it next runs)."""
    deadline = time.monotonic() + seconds
    alive = [pid for pid in pids if running(pid)]
    while alive and time.monotonic() < deadline:
        time.sleep(0.05)
        alive = [pid for pid in alive if running(pid)]
    return alive


def test_no_progress_on_a_pipe_and_json_stays_a_document(change, tmp_path, require_ygs):
    result = subprocess.run([str(YGS), "review", "--no-llm", "--format", "json"], cwd=change.path,
                            env=env(tmp_path), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["verdict"] == "pass"
    assert result.stderr == ""


def run_with_terminal_stderr(args: list[str], cwd: Path, environ: dict[str, str]) -> tuple[int, str, str]:
    """Run with stderr on a pseudo-terminal (stdout stays a pipe): (exit code, stdout, terminal text)."""
    controller, terminal = pty.openpty()
    child = subprocess.Popen(args, cwd=cwd, env=environ, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=terminal)
    os.close(terminal)
    seen: list[bytes] = []

    def read() -> None:
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # EIO: the child closed the terminal
                return
            if not chunk:
                return
            seen.append(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    stdout, _ = child.communicate(timeout=120)
    reader.join(timeout=10)
    os.close(controller)
    return child.returncode, stdout.decode(), ANSI.sub("", b"".join(seen).decode("utf-8", "replace"))


def test_progress_on_a_terminal_goes_to_stderr_only(change, tmp_path, require_ygs):
    environ = env(tmp_path, TERM="xterm")
    code, stdout, terminal = run_with_terminal_stderr([str(YGS), "review", "--no-llm"], change.path, environ)
    assert code == 0, terminal
    assert "ygs review" in terminal and "file to scan" in terminal
    assert "bandit" in terminal and "secrets" in terminal and "1 file, 0 findings" in terminal
    assert stdout.startswith("ygs review: PASS") and "to scan" not in stdout and "\x1b" not in stdout

    code, stdout, terminal = run_with_terminal_stderr([str(YGS), "review", "--no-llm", "--format", "json"],
                                                      change.path, environ)
    assert code == 0 and json.loads(stdout)["verdict"] == "pass"
    assert "to scan" not in terminal and "bandit" not in terminal


def test_signal_handlers_are_the_command_s_only_while_it_runs():
    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    with proc.signals_raise():
        assert signal.getsignal(signal.SIGTERM) not in before
        with pytest.raises(proc.Interrupted) as caught:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)
    assert caught.value.exit_code == 143 and caught.value.signame == "SIGTERM"
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)) == before
