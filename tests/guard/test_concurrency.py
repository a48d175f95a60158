"""Issue 10, item 7: state that cannot lose updates. Real parallel `ygs` processes against one repository:
every read-modify-write of `.ygs/state/` and of the task file holds one inter-process lock, and the
PreToolUse hook counts files it allowed but that are not written yet."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ygs.git import no_git_env
from ygs.guard import state

TASK = "# T-001: Demo\n\n## Planned files\n\n- `a.py`\n\n## Deviation log\n"
ROOT = Path(__file__).resolve().parents[2]


def ygs_env() -> dict[str, str]:
    env = no_git_env()
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return env


def run_parallel(repo, argvs: list[list[str]], inputs: list[str] | None = None) -> list[subprocess.CompletedProcess]:
    """Start every command at once (real processes), then wait for all of them."""
    procs = [subprocess.Popen([sys.executable, "-m", "ygs", *argv], cwd=repo.path, env=ygs_env(), text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for argv in argvs]
    results = []
    for i, proc in enumerate(procs):
        out, err = proc.communicate((inputs or [""] * len(procs))[i], timeout=120)
        results.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return results


@pytest.fixture
def tasked(repo, run_ygs):
    repo.write("a.py", "a\n")
    repo.write("docs/tasks/T-001.md", TASK)
    repo.commit("seed")
    assert run_ygs("task", "start", "docs/tasks/T-001.md").exit_code == 0
    return repo


def test_twenty_parallel_deviations_are_all_kept(tasked):
    results = run_parallel(tasked, [["deviation", f"parallel deviation number {i}"] for i in range(20)])
    assert [r.returncode for r in results] == [0] * 20, [r.stderr for r in results if r.returncode]
    texts = [d["text"] for d in state.load_task(tasked.path).deviations]
    assert sorted(texts) == sorted(f"parallel deviation number {i}" for i in range(20))
    task_file = (tasked.path / "docs/tasks/T-001.md").read_text()
    assert all(f"parallel deviation number {i}\n" in task_file for i in range(20))
    assert task_file.count("## Deviation log") == 1


def test_twenty_parallel_expansions_are_all_kept(tasked, run_ygs):
    results = run_parallel(tasked, [["task", "expand", f"f{i}.py", "--reason", f"approved {i}"] for i in range(20)])
    assert [r.returncode for r in results] == [0] * 20, [r.stderr for r in results if r.returncode]
    task = state.load_task(tasked.path)
    expanded = sorted(f for record in task.expanded for f in record["files"])
    assert expanded == sorted(f"f{i}.py" for i in range(20))
    task_file = (tasked.path / "docs/tasks/T-001.md").read_text()
    assert all(f"`f{i}.py`: approved {i}\n" in task_file for i in range(20))
    for i in range(20):
        tasked.write(f"f{i}.py", "1\n")
    assert json.loads(run_ygs("check", "--json").output)["unplanned"] == []


def pre_tool_input(repo, name: str) -> str:
    return json.dumps({"cwd": str(repo.path), "hook_event_name": "PreToolUse", "tool_name": "Write",
                       "tool_input": {"file_path": str(repo.path / name), "content": "x\n"}})


def decisions(results: list[subprocess.CompletedProcess]) -> list[str]:
    assert all(r.returncode == 0 for r in results)
    return ["deny" if r.stdout.strip() and json.loads(r.stdout).get("hookSpecificOutput") else "allow"
            for r in results]


def test_six_parallel_writes_of_unplanned_files_never_pass_the_stop(tasked):
    names = [f"new{i}.py" for i in range(6)]
    results = run_parallel(tasked, [["guard", "pre-tool"]] * 6, [pre_tool_input(tasked, n) for n in names])
    verdicts = decisions(results)
    assert verdicts.count("allow") == 2 and verdicts.count("deny") == 4, [r.stderr for r in results]
    allowed = [n for n, v in zip(names, verdicts) if v == "allow"]
    for result, verdict in zip(results, verdicts):
        if verdict == "deny":
            assert "STOP" in result.stdout and all(n in result.stdout for n in allowed)

    for name in allowed:  # the allowed writes land: still two unplanned, the third stays denied
        tasked.write(name, "x\n")
    again = run_parallel(tasked, [["guard", "pre-tool"]], [pre_tool_input(tasked, "late.py")])
    assert decisions(again) == ["deny"]
    reserved = json.loads((state.state_dir(tasked.path) / state.RESERVED_FILE).read_text())
    assert reserved["paths"] == {}  # written files are counted by the work tree, no longer by reservation


def test_a_reservation_that_is_never_written_expires(tasked, run_ygs, monkeypatch):
    first = run_ygs("guard", "pre-tool", input=pre_tool_input(tasked, "x.py"))
    second = run_ygs("guard", "pre-tool", input=pre_tool_input(tasked, "y.py"))
    assert first.stdout == second.stdout == ""
    assert "STOP" in run_ygs("guard", "pre-tool", input=pre_tool_input(tasked, "z.py")).stdout
    monkeypatch.setattr(state, "RESERVATION_TTL_S", 0.0)  # the user declined both writes long ago
    time.sleep(0.01)
    assert run_ygs("guard", "pre-tool", input=pre_tool_input(tasked, "z.py")).stdout == ""


def test_a_held_lock_is_a_clear_error_for_commands_and_a_deny_for_the_hook(tasked, run_ygs, monkeypatch):
    lock_path = state.state_dir(tasked.path) / state.LOCK_FILE
    script = (f"import time\nfrom filelock import FileLock\nlock = FileLock({str(lock_path)!r})\nlock.acquire()\n"
              "print('held', flush=True)\ntime.sleep(60)")
    holder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        monkeypatch.setattr(state, "LOCK_TIMEOUT_S", 0.3)
        result = run_ygs("deviation", "blocked by the lock")
        assert result.exit_code == 2 and "another ygs process has held" in result.stderr
        hook = run_ygs("guard", "pre-tool", input=pre_tool_input(tasked, "x.py"))
        assert json.loads(hook.stdout)["hookSpecificOutput"]["permissionDecision"] == "deny"
    finally:
        holder.kill()
        holder.wait()
    assert run_ygs("deviation", "after the holder died").exit_code == 0  # the OS released its lock
