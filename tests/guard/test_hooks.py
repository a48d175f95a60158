"""`ygs install --hooks / --git-hooks` and `ygs uninstall`: settings.json merge, the git pre-commit hook,
and a real `git commit` blocked by it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ygs.guard import hooks
from ygs.git import no_git_env

USER_SETTINGS = {
    "permissions": {"allow": ["Bash(npm test)"]},
    "hooks": {
        "PreToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": "./my-bash-check.sh"}]},
                       {"matcher": "Edit|Write", "hooks": [{"type": "command", "command": "prettier --check"}]}],
        "PostToolUse": [{"matcher": "Edit", "hooks": [{"type": "command", "command": "ruff format"}]}],
    },
}


def settings(repo) -> dict:
    return json.loads((repo.path / ".claude/settings.json").read_text())


def commands(data: dict, event: str) -> list[str]:
    return [h["command"] for group in data.get("hooks", {}).get(event, []) for h in group["hooks"]]


def test_claude_hooks_merge_keeps_user_hooks_is_idempotent_and_uninstall_removes_only_ours(repo, run_ygs):
    repo.write(".claude/settings.json", json.dumps(USER_SETTINGS, indent=2))
    result = run_ygs("install", "--agent", "claude", "--hooks")
    assert result.exit_code == 0, result.output
    assert "ygs guard pre-tool" in result.output and "on PATH" in result.output
    data = settings(repo)
    assert data["permissions"] == USER_SETTINGS["permissions"]
    assert commands(data, "PreToolUse") == ["./my-bash-check.sh", "prettier --check", "ygs guard pre-tool"]
    assert commands(data, "PostToolUse") == ["ruff format"]
    assert commands(data, "Stop") == ["ygs guard stop"]
    ours = data["hooks"]["PreToolUse"][-1]
    assert ours["matcher"] == "Edit|Write|MultiEdit|NotebookEdit" and ours["hooks"][0]["type"] == "command"
    assert "matcher" not in data["hooks"]["Stop"][0]
    manifest = json.loads((repo.path / ".ygs/manifest.json").read_text())
    assert manifest["hooks"]["claude"]["commands"]["PreToolUse"] == "ygs guard pre-tool"

    again = run_ygs("install", "--agent", "claude", "--hooks")
    assert "already installed" in again.output
    assert settings(repo) == data

    assert run_ygs("uninstall").exit_code == 0
    assert settings(repo) == USER_SETTINGS


def test_claude_hooks_into_fresh_settings_and_uninstall_leaves_no_hooks_table(repo, run_ygs):
    assert run_ygs("install", "--agent", "claude", "--hooks").exit_code == 0
    assert set(settings(repo)["hooks"]) == {"PreToolUse", "Stop"}
    assert run_ygs("uninstall", "--agent", "claude").exit_code == 0
    assert settings(repo) == {}


def test_a_user_entry_sharing_our_group_survives(repo, run_ygs):
    run_ygs("install", "--agent", "claude", "--hooks")
    data = settings(repo)
    data["hooks"]["Stop"][0]["hooks"].append({"type": "command", "command": "say done"})
    (repo.path / ".claude/settings.json").write_text(json.dumps(data))
    run_ygs("uninstall")
    assert commands(settings(repo), "Stop") == ["say done"]


def test_hooks_command_override(repo, run_ygs):
    assert run_ygs("install", "--agent", "claude", "--hooks", "--hooks-command", "uvx ygs").exit_code == 0
    assert commands(settings(repo), "PreToolUse") == ["uvx ygs guard pre-tool"]
    run_ygs("uninstall")
    assert settings(repo) == {}


def test_invalid_settings_json_is_left_untouched(repo, run_ygs):
    repo.write(".claude/settings.json", "{ not json")
    result = run_ygs("install", "--agent", "claude", "--hooks")
    assert result.exit_code == 2 and "not valid JSON" in result.stderr
    assert (repo.path / ".claude/settings.json").read_text() == "{ not json"
    assert not (repo.path / ".claude/skills").exists()  # refused before writing anything


@pytest.mark.parametrize("args,message", [
    (("install", "--agent", "codex", "--hooks"), "--agent claude"),
    (("install", "--agent", "claude", "--hooks", "--scope", "user"), "--scope project"),
    (("install",), "--agent is required"),
])
def test_hook_flag_errors(repo, run_ygs, args, message):
    result = run_ygs(*args)
    assert result.exit_code == 2 and message in result.stderr


# --- git pre-commit ---------------------------------------------------------------------------------


def hook_path(repo) -> Path:
    return repo.path / ".git/hooks/pre-commit"


def test_git_hook_install_is_idempotent_and_uninstall_removes_it(repo, run_ygs):
    result = run_ygs("install", "--git-hooks")
    assert result.exit_code == 0, result.output
    path = hook_path(repo)
    assert hooks.MARKER in path.read_text() and os.access(path, os.X_OK)
    assert "already installed" in run_ygs("install", "--git-hooks").output
    manifest = json.loads((repo.path / ".ygs/manifest.json").read_text())
    assert manifest["hooks"]["git"]["path"] == ".git/hooks/pre-commit"
    assert run_ygs("uninstall").exit_code == 0
    assert not path.exists()


def test_foreign_git_hook_is_refused_then_chained_with_force_and_restored(repo, run_ygs):
    foreign = "#!/bin/sh\necho foreign-hook-ran\n"
    repo.write(".git/hooks/pre-commit", foreign).chmod(0o755)
    refused = run_ygs("install", "--git-hooks")
    assert refused.exit_code == 2 and "not written by ygs" in refused.stderr and "--force" in refused.stderr
    assert hook_path(repo).read_text() == foreign

    assert run_ygs("install", "--git-hooks", "--force").exit_code == 0
    chained = repo.path / ".git/hooks/pre-commit.pre-ygs"
    assert chained.read_text() == foreign and hooks.MARKER in hook_path(repo).read_text()

    assert run_ygs("uninstall").exit_code == 0
    assert hook_path(repo).read_text() == foreign and not chained.exists()


def test_uninstall_never_removes_a_foreign_git_hook(repo, run_ygs):
    repo.write(".git/hooks/pre-commit", "#!/bin/sh\nexit 0\n")
    run_ygs("install", "--agent", "claude")
    run_ygs("uninstall")
    assert hook_path(repo).read_text() == "#!/bin/sh\nexit 0\n"


def test_git_hook_respects_core_hooks_path(repo, run_ygs):
    repo.git("config", "core.hooksPath", "githooks")
    assert run_ygs("install", "--git-hooks").exit_code == 0
    assert hooks.MARKER in (repo.path / "githooks/pre-commit").read_text()
    assert not hook_path(repo).exists()


def test_git_hooks_outside_a_repository(tmp_path, run_ygs, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_ygs("install", "--git-hooks")
    assert result.exit_code == 2 and "not a git repository" in result.stderr


def _commit(repo, message: str) -> subprocess.CompletedProcess[str]:
    venv_bin = Path(sys.executable).parent
    env = {**no_git_env(), "PATH": f"{venv_bin}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(["git", "commit", "-q", "-m", message], cwd=repo.path, env=env,
                          capture_output=True, text=True)


@pytest.mark.skipif(os.name == "nt", reason="shell hook")
def test_real_git_commit_is_blocked_at_stop_and_allowed_after_expand(repo, run_ygs):
    if not (Path(sys.executable).parent / "ygs").exists():
        pytest.skip("ygs console script not installed next to the interpreter")
    repo.write("a.py", "a\n")
    repo.commit("seed")
    assert run_ygs("install", "--git-hooks").exit_code == 0
    assert run_ygs("task", "start", "--plan", "a.py").exit_code == 0
    for name in ("a.py", "x.py", "y.py", "z.py"):
        repo.write(name, "changed\n")
    repo.git("add", "-A")
    blocked = _commit(repo, "too much")
    assert blocked.returncode != 0, blocked.stdout + blocked.stderr
    assert "STOP" in blocked.stderr and "commit blocked" in blocked.stderr and "x.py, y.py, z.py" in blocked.stderr
    assert repo.git("rev-list", "--count", "HEAD") == "1"

    run_ygs("task", "expand", "x.py", "y.py", "z.py", "--reason", "approved")
    allowed = _commit(repo, "approved scope")
    assert allowed.returncode == 0, allowed.stderr
    assert repo.git("rev-list", "--count", "HEAD") == "2"


@pytest.mark.skipif(os.name == "nt", reason="shell hook")
def test_real_git_commit_without_a_task_is_never_blocked(repo, run_ygs):
    if not (Path(sys.executable).parent / "ygs").exists():
        pytest.skip("ygs console script not installed next to the interpreter")
    run_ygs("install", "--git-hooks")
    for name in ("a.py", "b.py", "c.py", "d.py", "e.py", "f.py"):
        repo.write(name, "1\n")
    repo.git("add", "-A")
    result = _commit(repo, "no task")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_upgrade_keeps_the_hooks_record(repo, run_ygs):
    assert run_ygs("install", "--agent", "claude", "--hooks", "--git-hooks").exit_code == 0
    assert run_ygs("upgrade").exit_code == 0
    manifest = json.loads((repo.path / ".ygs/manifest.json").read_text())
    assert set(manifest["hooks"]) == {"claude", "git"} and manifest["installs"][0]["agent"] == "claude"
    assert commands(settings(repo), "Stop") == ["ygs guard stop"]
    assert run_ygs("uninstall").exit_code == 0
    assert not (repo.path / ".ygs/manifest.json").exists() and not hook_path(repo).exists()


@pytest.mark.skipif(os.name == "nt", reason="shell hook")
@pytest.mark.parametrize("commit", [["commit", "-a", "-m", "all"], ["commit", "-m", "some", "--", "x.py", "y.py"],
                                    ["commit", "--amend", "-a", "-m", "amend"]])
def test_real_git_commit_forms_with_their_own_index_are_guarded(repo, run_ygs, commit):
    """`commit -a`, `commit <path>`, `commit --amend` commit an index of their own (GIT_INDEX_FILE): the guard
    reads it and still says STOP, never "guard skipped"."""
    if not (Path(sys.executable).parent / "ygs").exists():
        pytest.skip("ygs console script not installed next to the interpreter")
    for name in ("a.py", "x.py", "y.py", "z.py"):
        repo.write(name, "seed\n")
    repo.commit("seed")
    assert run_ygs("install", "--git-hooks").exit_code == 0
    assert run_ygs("task", "start", "--plan", "a.py").exit_code == 0
    for name in ("a.py", "x.py", "y.py", "z.py"):
        repo.write(name, "changed\n")  # in the work tree only: .git/index is untouched
    venv_bin = Path(sys.executable).parent
    env = {**no_git_env(), "PATH": f"{venv_bin}{os.pathsep}{os.environ.get('PATH', '')}"}
    blocked = subprocess.run(["git", *commit], cwd=repo.path, env=env, capture_output=True, text=True)
    assert blocked.returncode != 0, blocked.stdout + blocked.stderr
    assert "STOP" in blocked.stderr and "commit blocked" in blocked.stderr and "guard skipped" not in blocked.stderr
    assert repo.git("rev-list", "--count", "HEAD") == "1"


def test_git_env_keeps_the_index_being_committed_and_scrubs_the_rest(repo, monkeypatch):
    from ygs import git
    from ygs.guard import snapshot

    (repo.path / "sub").mkdir()
    monkeypatch.chdir(repo.path / "sub")
    monkeypatch.delenv("GIT_INDEX_FILE", raising=False)
    assert "GIT_INDEX_FILE" not in git.git_env()  # outside hooks: nothing changes
    monkeypatch.setenv("GIT_DIR", "/nowhere")
    monkeypatch.setenv("GIT_WORK_TREE", "/nowhere")
    monkeypatch.setenv("GIT_INDEX_FILE", ".git/next-index-42.lock")  # relative: to the top level, as git reads it
    env = git.git_env()
    assert env["GIT_INDEX_FILE"] == str(repo.path / ".git/next-index-42.lock")
    assert "GIT_DIR" not in env and "GIT_WORK_TREE" not in env
    assert snapshot.locate(".").index == repo.path / ".git/next-index-42.lock"
    assert "GIT_INDEX_FILE" not in no_git_env()  # the project's tests never see it
