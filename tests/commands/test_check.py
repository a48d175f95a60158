"""`ygs check | checkpoint | deviation` on real temp git repositories, driven through the CLI."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from ygs.guard import state

def set_tests(repo, exit_code: int = 0, extra: str = "") -> None:
    """A tiny, fast test command in .ygs/config.toml (which never counts as a change)."""
    command = f'"{sys.executable}" -c "import sys; print(\'ran tests{extra}\'); sys.exit({exit_code})"'
    repo.write(".ygs/config.toml", f"test_command = {json.dumps(command)}\n")


def start(run_ygs, plan: str = "a.py,b.py"):
    result = run_ygs("task", "start", "--plan", plan, "--title", "demo")
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def seeded(repo):
    repo.write("a.py", "a = 1\n")
    repo.write("b.py", "b = 1\n")
    repo.commit("seed")
    return repo


def test_two_planned_two_unplanned_is_ok_third_unplanned_stops_expand_clears(seeded, run_ygs):
    start(run_ygs)
    for name in ("a.py", "b.py", "x.py", "y.py"):
        seeded.write(name, "changed\n")
    ok = run_ygs("check")
    assert ok.exit_code == 0, ok.output
    assert "unplanned (2)" in ok.output

    seeded.write("z.py", "new\n")
    stop = run_ygs("check")
    assert stop.exit_code == 3
    assert "STOP" in stop.output and "x.py, y.py, z.py" in stop.output
    assert "ygs task expand x.py y.py z.py --reason" in stop.output and "ask the human" in stop.output

    expanded = run_ygs("task", "expand", "x.py", "y.py", "z.py", "--reason", "approved by the lead")
    assert expanded.exit_code == 0, expanded.output
    after = run_ygs("check", "--json")
    data = json.loads(after.output)
    assert data["unplanned"] == [] and data["status"] == "checkpoint"  # 5 files since no checkpoint
    assert after.exit_code == 4
    task = state.load_task(seeded.path)
    assert task.expanded[0]["files"] == ["x.py", "y.py", "z.py"]
    assert "approved by the lead" in task.deviations[0]["text"]


def test_counts_committed_staged_unstaged_untracked_but_not_ignored_or_ygs(seeded, run_ygs):
    start(run_ygs, "keep.py")
    seeded.write("committed.py", "1\n")
    seeded.commit("work")
    seeded.write("staged.py", "1\n")
    seeded.git("add", "staged.py")
    seeded.write("a.py", "changed\n")  # unstaged
    seeded.write("untracked.py", "1\n")
    seeded.write(".gitignore", "ignored.log\n")
    seeded.write("ignored.log", "noise\n")
    seeded.write(".ygs/notes.md", "ours\n")
    data = json.loads(run_ygs("check", "--json").output)
    assert sorted(f["path"] for f in data["files"]) == [
        ".gitignore", "a.py", "committed.py", "staged.py", "untracked.py"]
    assert data["status"] == "stop" and data["exit_code"] == 3


def test_deleted_and_renamed_files_count_on_both_sides(seeded, run_ygs):
    start(run_ygs, "a.py")
    seeded.git("mv", "b.py", "c.py")
    seeded.path.joinpath("a.py").unlink()
    data = json.loads(run_ygs("check", "--json").output)
    rows = {f["path"]: f for f in data["files"]}
    assert rows["a.py"]["status"] == "deleted" and rows["a.py"]["planned"]
    assert data["unplanned"] == ["b.py", "c.py"]


def test_size_and_lines(seeded, run_ygs):
    start(run_ygs, "big.py")
    seeded.write("big.py", "x\n" * 1600)
    data = json.loads(run_ygs("check", "--json").output)
    assert (data["lines_added"], data["lines_deleted"], data["size"]) == (1600, 0, "XL")
    assert "split" in data["size_warning"]
    assert "warning: size XL" in run_ygs("check").output


def test_five_files_since_checkpoint_is_due_and_a_green_checkpoint_clears_it(seeded, run_ygs):
    set_tests(seeded, 0)
    start(run_ygs, "*.py")
    for i in range(4):
        seeded.write(f"f{i}.py", "1\n")
    assert run_ygs("check").exit_code == 0
    seeded.write("f4.py", "1\n")
    due = run_ygs("check")
    assert due.exit_code == 4 and "CHECKPOINT DUE" in due.output and "ygs checkpoint" in due.output

    green = run_ygs("checkpoint")
    assert green.exit_code == 0, green.output
    assert "ran tests" in green.output and "checkpoint green" in green.output
    assert run_ygs("check").exit_code == 0

    seeded.write("f0.py", "2\n")
    seeded.write("f0.py", "1\n")  # edited and edited back: unchanged since the checkpoint
    data = json.loads(run_ygs("check", "--json").output)
    assert data["since_checkpoint"] == [] and data["tests_green"]


def test_stop_wins_over_checkpoint(seeded, run_ygs):
    start(run_ygs, "a.py")
    for name in ("x.py", "y.py", "z.py", "w.py", "a.py"):
        seeded.write(name, "1\n")
    assert run_ygs("check").exit_code == 3


def test_checkpoint_failing_exits_1_and_records_no_green(seeded, run_ygs):
    set_tests(seeded, 1)
    start(run_ygs)
    seeded.write("a.py", "broken\n")
    failed = run_ygs("checkpoint")
    assert failed.exit_code == 1
    assert "ran tests" in failed.output and "no green checkpoint recorded" in failed.output
    entries = [e for e in state.ledger(seeded.path) if e["event"] == "checkpoint"]
    assert [e["result"] for e in entries] == ["fail"]
    assert json.loads(run_ygs("check", "--json").output)["checkpoint"] is None


def test_checkpoint_passing_writes_a_ledger_entry(seeded, run_ygs):
    set_tests(seeded, 0)
    start(run_ygs)
    seeded.write("a.py", "ok\n")
    passed = run_ygs("checkpoint", "--json")
    assert passed.exit_code == 0, passed.output
    out = json.loads(passed.output)
    entry = [e for e in state.ledger(seeded.path) if e["event"] == "checkpoint"][-1]
    assert entry["result"] == "pass" and entry["run_id"] == out["run_id"]
    assert entry["files"] == ["a.py"] and entry["commit"] == seeded.git("rev-parse", "HEAD")
    assert len(entry["tree"]) == 40 and entry["duration"] >= 0
    assert {"a.py", "b.py"} <= set(seeded.git("ls-tree", "--name-only", entry["tree"]).split())
    assert seeded.git("rev-parse", f"{entry['tree']}:a.py") == entry["blobs"]["a.py"]
    assert "ran tests" in out["tail"]


def test_checkpoint_shows_only_the_tail_of_long_output(seeded, run_ygs):
    command = f'"{sys.executable}" -c "[print(i) for i in range(500)]"'
    seeded.write(".ygs/config.toml", f"test_command = {json.dumps(command)}\n")
    result = run_ygs("checkpoint")
    assert result.exit_code == 0, result.output
    assert "\n470\n" in result.output and "\n499\n" in result.output  # the last 30 lines
    assert "\n469\n" not in result.output


def test_checkpoint_without_a_test_command_exits_2_with_how_to(seeded, run_ygs):
    result = run_ygs("checkpoint")
    assert result.exit_code == 2
    assert "test_command" in result.stderr


def test_ad_hoc_check_needs_no_task_and_uses_head(seeded, run_ygs):
    seeded.write("a.py", "changed\n")
    seeded.write("x.py", "new\n")
    result = run_ygs("check", "--plan", "a.py")
    assert result.exit_code == 0, result.output
    assert "ad-hoc check against HEAD" in result.output and "unplanned (1)" in result.output


def test_check_without_task_or_plan_exits_2(seeded, run_ygs):
    result = run_ygs("check")
    assert result.exit_code == 2 and "no active task" in result.stderr


def test_repo_without_commits_uses_the_empty_tree(repo, run_ygs):
    start(run_ygs, "a.py")
    repo.write("a.py", "1\n")
    data = json.loads(run_ygs("check", "--json").output)
    assert data["base"] == "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
    assert data["planned"] == ["a.py"]


@pytest.mark.parametrize("args", [("check", "--plan", "a.py"), ("checkpoint",), ("task", "status"),
                                  ("task", "start", "--plan", "a.py"), ("deviation", "x")])
def test_outside_a_git_repository_exits_2(tmp_path, run_ygs, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    result = run_ygs(*args)
    assert result.exit_code == 2
    assert "not a git repository" in result.stderr and "Traceback" not in result.output


def test_corrupt_state_is_a_clean_error_and_task_start_recovers(seeded, run_ygs):
    state.ensure_state_dir(seeded.path)
    (state.state_dir(seeded.path) / state.TASK_FILE).write_text("{oops")
    result = run_ygs("check")
    assert result.exit_code == 2
    assert "corrupt" in result.stderr and "ygs task start" in result.stderr and "Traceback" not in result.stderr
    assert run_ygs("task", "start", "--plan", "a.py").exit_code == 0
    assert run_ygs("check").exit_code == 0


def test_deviation_appends_to_task_file_and_state(seeded, run_ygs):
    task_path = seeded.write("docs/tasks/T-002.md",
                             "# T-002: x\n\n## Planned files\n\n- `a.py`\n\n## Deviation log\n")
    seeded.commit("task")
    assert run_ygs("task", "start", str(task_path)).exit_code == 0
    result = run_ygs("deviation", "Design said X, did Y because Z")
    assert result.exit_code == 0, result.output
    text = task_path.read_text()
    assert text.endswith(f"## Deviation log\n\n- {state.today()}: Design said X, did Y because Z\n")
    assert state.load_task(seeded.path).deviations[0]["text"] == "Design said X, did Y because Z"
    assert run_ygs("check").exit_code == 0  # editing the task file itself is never unplanned


def test_deviation_without_active_task_exits_2(seeded, run_ygs):
    result = run_ygs("deviation", "anything")
    assert result.exit_code == 2 and "no active task" in result.stderr


def test_expand_records_in_the_task_file(seeded, run_ygs):
    task_path: Path = seeded.write("T-3.md", "# T-3: x\n\n## Planned files\n\n- a.py\n")
    run_ygs("task", "start", "T-3.md")
    assert run_ygs("task", "expand", "c.py", "--reason", "Ana approved: shared helper").exit_code == 0
    assert "Scope expanded (approved) to `c.py`: Ana approved: shared helper" in task_path.read_text()


def test_logging_a_deviation_after_a_green_checkpoint_keeps_it_green(seeded, run_ygs):
    set_tests(seeded, 0)
    seeded.write("T-4.md", "# T-4: x\n\n## Planned files\n\n- a.py\n\n## Deviation log\n")
    seeded.commit("task")
    run_ygs("task", "start", "T-4.md")
    seeded.write("a.py", "done\n")
    assert run_ygs("checkpoint").exit_code == 0
    assert run_ygs("deviation", "Design said X, did Y because Z").exit_code == 0
    data = json.loads(run_ygs("check", "--json").output)
    assert "T-4.md" in data["planned"] and data["since_checkpoint"] == []
    assert run_ygs("task", "done").exit_code == 0


def test_a_hostile_file_name_reaches_the_terminal_escaped(seeded, run_ygs):
    start(run_ygs)
    hostile = "x\x1b]0;pwned\x07\u202e.py"
    seeded.write(hostile, "changed\n")
    result = run_ygs("check")
    assert result.exit_code == 0, result.output
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in result.output
    assert "x\\x1b]0;pwned\\x07\\u202e.py" in result.output
    assert hostile in json.loads(run_ygs("check", "--json").output)["unplanned"]  # JSON keeps the real name
