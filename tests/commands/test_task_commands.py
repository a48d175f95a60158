"""`ygs task start | status | expand | done` on real temp git repositories."""

from __future__ import annotations

import json
import sys

import pytest

from ygs.guard import state

TASK = "# T-001: Add login\n\n- **ID:** T-001\n\n## Planned files\n\n- `src/app.py`\n- `src/handlers/*.py`\n"


def set_tests(repo, exit_code: int) -> None:
    command = f'"{sys.executable}" -c "import sys; sys.exit({exit_code})"'
    repo.write(".ygs/config.toml", f"test_command = {json.dumps(command)}\n")


@pytest.fixture
def seeded(repo):
    repo.write("src/app.py", "app = 1\n")
    repo.write("docs/tasks/T-001.md", TASK)
    repo.commit("seed")
    return repo


def test_start_from_task_file_records_base_and_plan(seeded, run_ygs):
    result = run_ygs("task", "start", "docs/tasks/T-001.md")
    assert result.exit_code == 0, result.output
    assert "started task T-001: Add login" in result.output
    task = state.load_task(seeded.path)
    assert task.base == seeded.git("rev-parse", "HEAD")
    assert task.plan == ["src/app.py", "src/handlers/*.py"] and task.file == "docs/tasks/T-001.md"
    assert [e["event"] for e in state.ledger(seeded.path)] == ["task_start"]


def test_start_with_plan_and_title(seeded, run_ygs):
    assert run_ygs("task", "start", "--plan", "a.py, src/b/*.py", "--title", "Fix it").exit_code == 0
    task = state.load_task(seeded.path)
    assert (task.title, task.plan, task.file) == ("Fix it", ["a.py", "src/b/*.py"], None)


def test_start_needs_exactly_one_of_file_or_plan(seeded, run_ygs):
    assert run_ygs("task", "start").exit_code == 2
    assert run_ygs("task", "start", "docs/tasks/T-001.md", "--plan", "a.py").exit_code == 2


def test_start_task_file_without_planned_files_names_file_and_section(seeded, run_ygs):
    seeded.write("docs/tasks/T-009.md", "# T-009: x\n\n## Description\n")
    result = run_ygs("task", "start", "docs/tasks/T-009.md")
    assert result.exit_code == 2
    assert "T-009.md" in result.stderr and "## Planned files" in result.stderr


def test_start_refuses_a_second_task_unless_forced(seeded, run_ygs):
    run_ygs("task", "start", "docs/tasks/T-001.md")
    other = run_ygs("task", "start", "--plan", "x.py")
    assert other.exit_code == 2 and "T-001" in other.stderr and "ygs task done" in other.stderr
    assert run_ygs("task", "start", "--plan", "x.py", "--force").exit_code == 0
    assert state.load_task(seeded.path).plan == ["x.py"]


def test_restarting_the_same_file_refreshes_the_plan_and_keeps_the_base(seeded, run_ygs):
    run_ygs("task", "start", "docs/tasks/T-001.md")
    before = state.load_task(seeded.path)
    seeded.commit("moves HEAD")
    seeded.write("docs/tasks/T-001.md", TASK + "- `src/extra.py`\n")
    result = run_ygs("task", "start", "docs/tasks/T-001.md")
    assert "refreshed the plan" in result.output
    after = state.load_task(seeded.path)
    assert (after.key, after.base) == (before.key, before.base)
    assert "src/extra.py" in after.plan


def test_start_on_a_dirty_tree_says_what_already_counts(seeded, run_ygs):
    seeded.write("leftover.py", "1\n")
    result = run_ygs("task", "start", "--plan", "a.py")
    assert "already differ from the base" in result.output and "leftover.py" in result.output


def test_status_with_and_without_task(seeded, run_ygs):
    assert "no active task" in run_ygs("task", "status").output
    assert json.loads(run_ygs("task", "status", "--json").output) == {"active": False}
    run_ygs("task", "start", "docs/tasks/T-001.md")
    seeded.write("src/handlers/login.py", "x\n")
    for name in ("u1.py", "u2.py", "u3.py"):
        seeded.write(name, "x\n")
    result = run_ygs("task", "status")
    assert result.exit_code == 0  # status informs; it never fails
    assert "STOP" in result.output and "task file: docs/tasks/T-001.md" in result.output
    data = json.loads(run_ygs("task", "status", "--json").output)
    assert data["active"] and data["planned"] == ["src/handlers/login.py"]


def test_done_refuses_until_tests_are_green_then_records_completion(seeded, run_ygs):
    run_ygs("task", "start", "docs/tasks/T-001.md")
    seeded.write("src/app.py", "app = 2\n")
    refused = run_ygs("task", "done")
    assert refused.exit_code == 1
    assert "src/app.py" in refused.stderr and "ygs checkpoint" in refused.stderr
    set_tests(seeded, 1)
    assert run_ygs("checkpoint").exit_code == 1
    assert run_ygs("task", "done").exit_code == 1  # red is not green
    set_tests(seeded, 0)
    assert run_ygs("checkpoint").exit_code == 0
    done = run_ygs("task", "done")
    assert done.exit_code == 0, done.output
    assert state.load_task(seeded.path) is None
    last = list(state.ledger(seeded.path))[-1]
    assert last["event"] == "task_done" and last["id"] == "T-001" and last["files"] == ["src/app.py"]
    assert last["tests_green"] and not last["forced"]


def test_done_force_finishes_anyway_and_says_so(seeded, run_ygs):
    run_ygs("task", "start", "--plan", "a.py")
    seeded.write("a.py", "1\n")
    assert run_ygs("task", "done", "--force").exit_code == 2  # an override needs a reason
    result = run_ygs("task", "done", "--force", "--reason", "the human accepts untested docs")
    assert result.exit_code == 0 and "forced past: checkpoint_stale" in result.output
    last = list(state.ledger(seeded.path))[-1]
    assert last["forced"] is True and last["overridden"] == ["checkpoint_stale"]
    assert last["reason"] == "the human accepts untested docs"


def test_done_without_changes_needs_no_checkpoint(seeded, run_ygs):
    run_ygs("task", "start", "--plan", "a.py")
    assert run_ygs("task", "done").exit_code == 0


def test_expand_without_task_exits_2(seeded, run_ygs):
    result = run_ygs("task", "expand", "a.py", "--reason", "x")
    assert result.exit_code == 2 and "no active task" in result.stderr


def test_expand_requires_a_reason(seeded, run_ygs):
    run_ygs("task", "start", "--plan", "a.py")
    assert run_ygs("task", "expand", "b.py").exit_code == 2
    assert run_ygs("task", "expand", "b.py", "--reason", "  ").exit_code == 2


# --- `ygs task done` enforces what the implement skill promises (issue 10, item 6) -----------------


def done_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if "is not done:" in line]


def test_done_refuses_three_unapproved_unplanned_files_even_after_a_green_run(seeded, run_ygs):
    run_ygs("task", "start", "docs/tasks/T-001.md")
    set_tests(seeded, 0)
    for name in ("u1.py", "u2.py", "u3.py"):
        seeded.write(name, "x\n")
    assert run_ygs("checkpoint").exit_code == 0
    refused = run_ygs("task", "done")
    assert refused.exit_code == 1
    [line] = done_lines(refused)
    assert "3 file(s) outside the plan were not approved: u1.py, u2.py, u3.py" in line
    assert "ygs task expand u1.py u2.py u3.py" in line
    assert state.load_task(seeded.path) is not None  # still active

    forced = run_ygs("task", "done", "--force", "--reason", "Ana: they are fixtures, keep them")
    assert forced.exit_code == 0 and "forced past: unplanned" in forced.output
    last = list(state.ledger(seeded.path))[-1]
    assert last["event"] == "task_done" and last["forced"] is True and last["overridden"] == ["unplanned"]
    assert last["reason"] == "Ana: they are fixtures, keep them" and last["unplanned"] == ["u1.py", "u2.py", "u3.py"]


def test_done_accepts_unplanned_files_the_human_approved(seeded, run_ygs):
    run_ygs("task", "start", "docs/tasks/T-001.md")
    set_tests(seeded, 0)
    seeded.write("u1.py", "x\n")
    assert run_ygs("task", "expand", "u1.py", "--reason", "approved").exit_code == 0
    assert run_ygs("checkpoint").exit_code == 0
    assert run_ygs("task", "done").exit_code == 0


def test_done_refuses_red_tests_and_a_stale_checkpoint_one_line_each(seeded, run_ygs):
    run_ygs("task", "start", "docs/tasks/T-001.md")
    seeded.write("src/app.py", "app = 2\n")
    set_tests(seeded, 1)
    assert run_ygs("checkpoint").exit_code == 1
    red = run_ygs("task", "done")
    assert red.exit_code == 1
    assert [line.split("is not done: ")[1][:40] for line in done_lines(red)] == [
        "the tests failed on the current content "]

    set_tests(seeded, 0)
    assert run_ygs("checkpoint").exit_code == 0
    seeded.write("src/app.py", "app = 3\n")
    seeded.write("extra.py", "x\n")
    stale = run_ygs("task", "done")
    assert stale.exit_code == 1
    lines = done_lines(stale)
    assert len(lines) == 2 and "outside the plan were not approved: extra.py" in lines[0]
    assert "2 file(s) changed since the last green checkpoint (extra.py, src/app.py)" in lines[1]

    forced = run_ygs("task", "done", "--force", "--reason", "the human takes it from here")
    assert forced.exit_code == 0
    assert list(state.ledger(seeded.path))[-1]["overridden"] == ["unplanned", "checkpoint_stale"]


def test_done_reason_and_force_go_together(seeded, run_ygs):
    run_ygs("task", "start", "--plan", "a.py")
    assert "--force needs --reason" in run_ygs("task", "done", "--force", "--reason", " ").stderr
    assert "--reason goes with --force" in run_ygs("task", "done", "--reason", "x").stderr


def test_a_torn_ledger_line_never_swallows_the_next_green_checkpoint(seeded, run_ygs):
    run_ygs("task", "start", "docs/tasks/T-001.md")
    seeded.write("src/app.py", "app = 2\n")
    ledger = state.state_dir(seeded.path) / state.LEDGER_FILE
    with open(ledger, "a") as handle:  # a crash in the middle of writing a record
        handle.write('{"event": "checkpoint", "result": "pa')
    set_tests(seeded, 0)
    checkpoint = run_ygs("checkpoint")
    assert checkpoint.exit_code == 0
    assert "torn" not in checkpoint.stderr  # the append seals the torn line (the record says so)
    done = run_ygs("task", "done")
    assert done.exit_code == 0, done.stderr
    assert "torn" not in done.stderr  # reported once, by the append that ended it
    lines = ledger.read_text().splitlines()
    assert lines[1] == '{"event": "checkpoint", "result": "pa'  # kept as it was, on a line of its own
    records = [json.loads(line) for line in lines[2:]]
    assert [r["event"] for r in records] == ["checkpoint", "task_done"]
    assert records[0]["sealed"]["line"] == 2


def test_reading_a_torn_last_line_warns_and_skips_it(seeded, run_ygs):
    run_ygs("task", "start", "--plan", "a.py")
    with open(state.state_dir(seeded.path) / state.LEDGER_FILE, "a") as handle:
        handle.write('{"event": "task_do')
    result = run_ygs("task", "status")
    assert result.stderr.count("ledger.jsonl line 2 is torn (an interrupted write): skipped") == 1
