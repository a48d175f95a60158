"""`ygs guard pre-tool | stop`: Claude Code hook payloads piped into the real CLI, on real temp repos.

Claude Code's contract: exit 0 and JSON on stdout. PreToolUse denies with
hookSpecificOutput.permissionDecision = "deny" (+ permissionDecisionReason, shown to Claude); allowing
means printing no decision at all. Stop blocks with top-level decision = "block" + reason.
"""

from __future__ import annotations

import json
import sys

import pytest

from ygs.guard import state
from ygs.guard import verdict as guard
from ygs.config import GuardConfig


def payload(repo, path: str, tool: str = "Write", **extra) -> str:
    key = "notebook_path" if tool == "NotebookEdit" else "file_path"
    target = path if path.startswith("/") else str(repo.path / path)
    return json.dumps({"session_id": "s1", "transcript_path": "/tmp/t.jsonl", "cwd": str(repo.path),
                       "permission_mode": "default", "hook_event_name": "PreToolUse", "tool_name": tool,
                       "tool_input": {key: target, "content": "x"}, "tool_use_id": "toolu_1", **extra})


def stop_payload(repo, active: bool = False) -> str:
    return json.dumps({"session_id": "s1", "transcript_path": "/tmp/t.jsonl", "cwd": str(repo.path),
                       "hook_event_name": "Stop", "stop_hook_active": active})


def pre_tool(run_ygs, text: str):
    result = run_ygs("guard", "pre-tool", input=text)
    assert result.exit_code == 0  # a hook never fails the agent's session
    return json.loads(result.stdout) if result.stdout.strip() else None, result


def assert_denied(decision) -> str:
    out = decision["hookSpecificOutput"]
    assert out["hookEventName"] == "PreToolUse" and out["permissionDecision"] == "deny"
    return out["permissionDecisionReason"]


def set_tests(repo, exit_code: int) -> None:
    command = f'"{sys.executable}" -c "import sys; sys.exit({exit_code})"'
    repo.write(".ygs/config.toml", f"test_command = {json.dumps(command)}\n")


@pytest.fixture
def tasked(repo, run_ygs):
    repo.write("a.py", "a\n")
    repo.write("b.py", "b\n")
    repo.commit("seed")
    assert run_ygs("task", "start", "--plan", "a.py,b.py", "--title", "demo").exit_code == 0
    return repo


def test_third_unplanned_file_is_denied_in_claude_code_format(tasked, run_ygs):
    for name in ("a.py", "b.py", "x.py", "y.py"):
        tasked.write(name, "changed\n")
    decision, _ = pre_tool(run_ygs, payload(tasked, "z.py"))
    reason = assert_denied(decision)
    assert "STOP" in reason and "x.py, y.py, z.py" in reason
    assert "ask the human" in reason and "ygs task expand x.py y.py z.py --reason" in reason
    assert not (tasked.path / "z.py").exists()


def test_planned_and_already_changed_files_are_allowed(tasked, run_ygs):
    for name in ("x.py", "y.py", "w.py"):  # already at STOP through another route (e.g. a shell command)
        tasked.write(name, "1\n")
    for name, tool in (("a.py", "Edit"), ("b.py", "MultiEdit"), ("x.py", "Write")):
        decision, result = pre_tool(run_ygs, payload(tasked, name, tool))
        assert decision is None and result.stdout == ""


def test_second_unplanned_file_is_still_allowed(tasked, run_ygs):
    tasked.write("x.py", "1\n")
    decision, _ = pre_tool(run_ygs, payload(tasked, "y.py"))
    assert decision is None


def test_notebook_path_and_paths_outside_the_repo_count_as_unplanned(tasked, run_ygs, tmp_path):
    tasked.write("x.py", "1\n")
    tasked.write("y.py", "1\n")
    outside = tmp_path / "elsewhere" / "notes.txt"
    decision, _ = pre_tool(run_ygs, payload(tasked, str(outside)))
    assert "notes.txt" in assert_denied(decision)
    decision, _ = pre_tool(run_ygs, payload(tasked, "nb/analysis.ipynb", "NotebookEdit"))
    assert "nb/analysis.ipynb" in assert_denied(decision)


def test_relative_path_resolved_against_payload_cwd(tasked, run_ygs):
    tasked.write("x.py", "1\n")
    tasked.write("y.py", "1\n")
    text = json.dumps({"cwd": str(tasked.path), "tool_name": "Write", "tool_input": {"file_path": "sub/new.py"}})
    decision, _ = pre_tool(run_ygs, text)
    assert "sub/new.py" in assert_denied(decision)


def test_nothing_under_ygs_is_for_the_agent_to_edit_during_a_task(tasked, run_ygs):
    for protected in (".ygs/config.toml", ".ygs/state/task.json", ".ygs/state/ledger.jsonl", ".ygs/state/lock",
                      ".ygs/conventions.md", ".ygs/skills/x/SKILL.md", ".ygs/anything", ".ygs"):
        reason = assert_denied(pre_tool(run_ygs, payload(tasked, protected))[0])
        assert "Ask the human" in reason and ".ygs/" in reason
    (tasked.path / "link").symlink_to(".ygs")  # a detour through a symlink is the same file
    assert_denied(pre_tool(run_ygs, payload(tasked, "link/config.toml"))[0])


def test_checkpoint_due_denies_a_new_file_but_allows_fixing_the_changed_ones(tasked, run_ygs):
    set_tests(tasked, 1)
    run_ygs("task", "expand", "*.py", "--reason", "all python files are in scope for this test")
    for i in range(5):
        tasked.write(f"f{i}.py", "1\n")
    decision, _ = pre_tool(run_ygs, payload(tasked, "f5.py"))
    reason = assert_denied(decision)
    assert "CHECKPOINT DUE" in reason and "ygs checkpoint" in reason
    assert pre_tool(run_ygs, payload(tasked, "f0.py"))[0] is None  # fixing is allowed

    assert run_ygs("checkpoint").exit_code == 1  # red, but the current state has been tested
    assert pre_tool(run_ygs, payload(tasked, "f5.py"))[0] is None
    tasked.write("f5.py", "1\n")
    assert_denied(pre_tool(run_ygs, payload(tasked, "f6.py"))[0])  # untested again

    set_tests(tasked, 0)
    assert run_ygs("checkpoint").exit_code == 0
    assert pre_tool(run_ygs, payload(tasked, "f6.py"))[0] is None


def test_no_active_task_allows_and_notes_once(repo, run_ygs):
    repo.write("a.py", "1\n")
    repo.commit("seed")
    first, _ = pre_tool(run_ygs, payload(repo, "anything.py"))
    assert set(first) == {"systemMessage"} and "no active task" in first["systemMessage"]
    second, result = pre_tool(run_ygs, payload(repo, "other.py"))
    assert second is None and result.stdout == ""


def test_outside_a_git_repository_allows_silently(tmp_path, run_ygs, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = json.dumps({"cwd": str(tmp_path), "tool_name": "Write", "tool_input": {"file_path": str(tmp_path / "a")}})
    result = run_ygs("guard", "pre-tool", input=text)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.parametrize("text", ["", "not json", "[1, 2]", '{"tool_input": "nope"}'])
def test_malformed_hook_input_allows_and_warns(tasked, run_ygs, text):
    result = run_ygs("guard", "pre-tool", input=text)
    assert result.exit_code == 0 and "Traceback" not in result.output
    if text.startswith("{"):
        assert result.stdout == ""  # valid JSON without a file path: nothing to judge
    else:
        assert result.stdout == "" and "not a JSON object" in result.stderr


def test_corrupt_state_allows_with_a_visible_warning(tasked, run_ygs):
    (state.state_dir(tasked.path) / state.TASK_FILE).write_text("{broken")
    decision, result = pre_tool(run_ygs, payload(tasked, "x.py"))
    assert "corrupt" in decision["systemMessage"] and "hookSpecificOutput" not in decision
    assert "corrupt" in result.stderr


def test_stop_blocks_while_tests_are_stale_or_red_and_allows_after_green(tasked, run_ygs):
    assert run_ygs("guard", "stop", input=stop_payload(tasked)).stdout == ""  # nothing changed yet
    tasked.write("a.py", "changed\n")
    blocked = json.loads(run_ygs("guard", "stop", input=stop_payload(tasked)).stdout)
    assert blocked["decision"] == "block" and "ygs checkpoint" in blocked["reason"] and "a.py" in blocked["reason"]

    set_tests(tasked, 1)
    run_ygs("checkpoint")
    red = json.loads(run_ygs("guard", "stop", input=stop_payload(tasked)).stdout)
    assert red["decision"] == "block"

    set_tests(tasked, 0)
    assert run_ygs("checkpoint").exit_code == 0
    result = run_ygs("guard", "stop", input=stop_payload(tasked))
    assert (result.exit_code, result.stdout) == (0, "")


def test_stop_hook_active_never_loops(tasked, run_ygs):
    tasked.write("a.py", "changed\n")
    result = run_ygs("guard", "stop", input=stop_payload(tasked, active=True))
    data = json.loads(result.stdout)
    assert "decision" not in data and "not passed" in data["systemMessage"]


def test_stop_without_task_allows(repo, run_ygs):
    result = run_ygs("guard", "stop", input=stop_payload(repo))
    assert (result.exit_code, result.stdout) == (0, "")


def test_edit_denial_rules_directly():
    scope = guard.Scope("0" * 40, ("a.py",))
    verdict = guard.evaluate(scope, {"x.py": "1" * 40}, GuardConfig(unplanned_files_stop=2), [])
    assert guard.edit_denial(verdict, "a.py") is None
    assert guard.edit_denial(verdict, "x.py") is None
    assert "STOP" in guard.edit_denial(verdict, "y.py")
