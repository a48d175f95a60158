"""Issue 10, item 5: the guard's numbers are frozen at `ygs task start`, and the agent cannot edit ygs's own
configuration during a task (PreToolUse denies `.ygs/**` and edits that change a `[tool.ygs*]` table)."""

from __future__ import annotations

import json

import pytest

from ygs.guard import state

MESSAGE = "guard config changed since task start: ignored until a new task"
PYPROJECT = '[project]\nname = "demo"\nversion = "1.0"\n\n[tool.ygs.guard]\nunplanned_files_stop = 3\n'


def hook(run_ygs, repo, path: str, tool: str, **tool_input) -> dict | None:
    text = json.dumps({"cwd": str(repo.path), "hook_event_name": "PreToolUse", "tool_name": tool,
                       "tool_input": {"file_path": str(repo.path / path), **tool_input}})
    result = run_ygs("guard", "pre-tool", input=text)
    assert result.exit_code == 0
    return json.loads(result.stdout) if result.stdout.strip() else None


def denied(decision: dict | None) -> str:
    assert decision is not None and decision["hookSpecificOutput"]["permissionDecision"] == "deny", decision
    return decision["hookSpecificOutput"]["permissionDecisionReason"]


@pytest.fixture
def tasked(repo, run_ygs):
    repo.write("a.py", "a\n")
    repo.write("pyproject.toml", PYPROJECT)
    repo.commit("seed")
    assert run_ygs("task", "start", "--plan", "a.py", "--title", "demo").exit_code == 0
    return repo


def test_task_start_records_the_effective_guard_config(tasked, run_ygs):
    assert state.load_task(tasked.path).guard == {"unplanned_files_stop": 3, "checkpoint_every_files": 5}
    restarted = run_ygs("task", "start", "--plan", "a.py", "--force")
    frozen = "guard limits (frozen for this task): unplanned_files_stop = 3, checkpoint_every_files = 5"
    assert frozen in restarted.output


@pytest.mark.parametrize("where", ["pyproject", "config.toml"])
def test_raising_the_stop_mid_task_changes_nothing_and_says_so(tasked, run_ygs, where):
    for i in range(8):
        tasked.write(f"u{i}.py", "1\n")
    if where == "pyproject":  # the attack from the issue: raise the limit in pyproject.toml by shell
        tasked.write("pyproject.toml", PYPROJECT.replace("= 3", "= 50"))
    else:
        tasked.write(".ygs/config.toml", "[guard]\nunplanned_files_stop = 50\n")
    result = run_ygs("check")
    assert result.exit_code == 3 and "STOP" in result.output
    assert f"note: {MESSAGE}" in result.output
    data = json.loads(run_ygs("check", "--json").output)
    assert data["limits"]["unplanned_files_stop"] == 3 and data["status"] == "stop"
    assert data["guard_config_changed"] is True and data["guard_config_note"] == MESSAGE
    assert MESSAGE in run_ygs("task", "status").output

    reason = denied(hook(run_ygs, tasked, "new.py", "Write", content="x"))
    assert "STOP" in reason and MESSAGE in reason
    commit = run_ygs("guard", "pre-commit")
    assert commit.exit_code == 1 and MESSAGE in commit.stderr


def test_unchanged_config_reports_nothing_and_hooks_note_a_change(tasked, run_ygs):
    data = json.loads(run_ygs("check", "--json").output)
    assert data["guard_config_changed"] is False and data["guard_config_note"] is None
    assert MESSAGE not in run_ygs("check").output
    assert hook(run_ygs, tasked, "a.py", "Write", content="x") is None
    tasked.write(".ygs/config.toml", "[guard]\ncheckpoint_every_files = 9\n")
    allowed = hook(run_ygs, tasked, "a.py", "Write", content="x")
    assert allowed == {"systemMessage": f"ygs guard: {MESSAGE}"}  # allowed, with a note for the human
    stop = run_ygs("guard", "stop", input=json.dumps({"cwd": str(tasked.path), "hook_event_name": "Stop"}))
    assert MESSAGE in stop.stdout


def test_a_new_task_takes_the_new_numbers(tasked, run_ygs):
    tasked.write(".ygs/config.toml", "[guard]\nunplanned_files_stop = 5\n")
    assert run_ygs("task", "start", "--plan", "a.py", "--force").exit_code == 0
    for i in range(4):
        tasked.write(f"u{i}.py", "1\n")
    result = run_ygs("check")
    assert result.exit_code != 3 and MESSAGE not in result.output


def test_restarting_the_same_task_file_keeps_the_frozen_numbers(repo, run_ygs):
    repo.write("T-1.md", "# T-1: x\n\n## Planned files\n\n- a.py\n")
    repo.commit("seed")
    run_ygs("task", "start", "T-1.md")
    repo.write(".ygs/config.toml", "[guard]\nunplanned_files_stop = 50\n")
    assert "refreshed" in run_ygs("task", "start", "T-1.md").output
    assert state.load_task(repo.path).guard["unplanned_files_stop"] == 3


def test_a_task_json_from_an_older_ygs_is_frozen_at_first_use(tasked, run_ygs):
    path = state.state_dir(tasked.path) / state.TASK_FILE
    data = json.loads(path.read_text())
    del data["guard"]
    path.write_text(json.dumps(data))
    tasked.write(".ygs/config.toml", "[guard]\nunplanned_files_stop = 4\n")
    assert MESSAGE not in run_ygs("check").output  # frozen now, with the config of this moment
    assert state.load_task(tasked.path).guard["unplanned_files_stop"] == 4
    tasked.write(".ygs/config.toml", "[guard]\nunplanned_files_stop = 40\n")
    assert MESSAGE in run_ygs("check").output


# --- PreToolUse on pyproject.toml -----------------------------------------------------------------


@pytest.mark.parametrize("tool, tool_input", [
    ("Write", {"content": PYPROJECT.replace("= 3", "= 30")}),
    ("Write", {"content": '[project]\nname = "demo"\n'}),  # dropping the table loosens it too
    ("Edit", {"old_string": "unplanned_files_stop = 3", "new_string": "unplanned_files_stop = 30"}),
    ("Edit", {"old_string": 'version = "1.0"\n',
              "new_string": 'version = "1.0"\n\n[tool.ygs.review]\nfail_level = "never"\n'}),
    ("Edit", {"old_string": "[tool.ygs.guard]\n", "new_string": "[tool.ygs.guard]\ncheckpoint_every_files = 99\n"}),
    ("Edit", {"old_string": "[tool.ygs.guard]", "new_string": "[tool.ygs-guard]"}),
    ("MultiEdit", {"edits": [{"old_string": '"1.0"', "new_string": '"1.1"'},
                             {"old_string": "= 3", "new_string": "= 9", "replace_all": True}]}),
    ("Edit", {"old_string": "[project]", "new_string": "[tool]\nygs.guard.checkpoint_every_files = 50\n\n[project]"}),
    ("Edit", {"old_string": "not in the file [tool.ygs]", "new_string": "x"}),  # new text unknown, mentions ygs
    ("Edit", {"old_string": "unplanned_files_stop = 3", "new_string": "unplanned_files_stop = [[ygs"}),  # unparseable
])
def test_edits_that_change_a_tool_ygs_table_are_denied(tasked, run_ygs, tool, tool_input):
    reason = denied(hook(run_ygs, tasked, "pyproject.toml", tool, **tool_input))
    assert "[tool.ygs*]" in reason and "Ask the human" in reason
    assert "unplanned_files_stop = 3" in (tasked.path / "pyproject.toml").read_text()


@pytest.mark.parametrize("tool, tool_input", [
    ("Edit", {"old_string": 'version = "1.0"', "new_string": 'version = "1.1"'}),
    ("Write", {"content": PYPROJECT + '\n[tool.ruff]\nline-length = 100\n'}),
    ("MultiEdit", {"edits": [{"old_string": '"demo"', "new_string": '"demo2"'}]}),
    ("Edit", {"old_string": "# unparseable, no mention", "new_string": "x"}),
])
def test_edits_of_other_tables_are_allowed(tasked, run_ygs, tool, tool_input):
    assert hook(run_ygs, tasked, "pyproject.toml", tool, **tool_input) is None


def test_pyproject_is_free_to_edit_without_an_active_task(repo, run_ygs):
    repo.write("pyproject.toml", PYPROJECT)
    repo.commit("seed")
    decision = hook(run_ygs, repo, "pyproject.toml", "Edit", old_string="= 3", new_string="= 4")
    assert decision is None or "hookSpecificOutput" not in decision


def test_breaking_the_config_mid_task_does_not_open_the_hooks(tasked, run_ygs):
    tasked.write("u1.py", "1\n")
    tasked.write("u2.py", "1\n")
    tasked.write(".ygs/config.toml", "[guard\nunplanned_files_stop = 50\n")  # invalid TOML, by shell
    reason = denied(hook(run_ygs, tasked, "u3.py", "Write", content="x"))  # before: allowed with a warning
    assert "STOP" in reason and MESSAGE in reason
    commit = run_ygs("guard", "pre-commit")
    assert commit.exit_code == 0 and MESSAGE in commit.stderr  # 2 unplanned files: ok, with the note
    assert run_ygs("check").exit_code == 2  # the command line says the config is broken
