"""Install and remove the guard hooks: Claude Code's `.claude/settings.json` and git's pre-commit.

Claude Code: our hooks are merged into the project's settings next to whatever the user has; an entry
is ours when its command string is exactly one ygs wrote (recorded in the manifest, plus the default
strings). Re-installing is a no-op; uninstalling removes only those entries (and a group or event list
only when removing ours left it empty).

git: the pre-commit script carries a marker line. A hook without the marker is the user's (or another
tool's): we refuse to touch it unless --force, which moves it aside and chains it (ours runs it first,
with the same arguments, and stops when it fails); uninstall puts it back.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ygs import git
from ygs.errors import YgsError
from ygs.fs import atomic_write

SETTINGS = Path(".claude") / "settings.json"
EDIT_MATCHER = "Edit|Write|MultiEdit|NotebookEdit"
HOOK_TIMEOUT_S = 30
DEFAULT_PREFIX = "ygs"
MARKER = "# ygs-managed pre-commit hook"
CHAINED_SUFFIX = ".pre-ygs"


def claude_commands(prefix: str = DEFAULT_PREFIX) -> dict[str, str]:
    """Claude Code event -> our hook command."""
    prefix = prefix.strip() or DEFAULT_PREFIX
    return {"PreToolUse": f"{prefix} guard pre-tool", "Stop": f"{prefix} guard stop"}


@dataclass
class HookOutcome:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


# --- Claude Code ---------------------------------------------------------------------------------


def install_claude(root: Path, prefix: str = DEFAULT_PREFIX, dry_run: bool = False) -> tuple[HookOutcome, dict]:
    """Merge our PreToolUse and Stop hooks into .claude/settings.json; (outcome, manifest record)."""
    path = root / SETTINGS
    settings = _read_settings(path)
    hooks = _hooks_table(settings, path)
    outcome = HookOutcome()
    for event, command in claude_commands(prefix).items():
        groups = _event_list(hooks, event, path)
        if any(_has_command(group, command) for group in groups):
            outcome.unchanged.append(f"{event}: {command}")
            continue
        groups.append(_group(event, command))
        outcome.added.append(f"{event}: {command}")
    if outcome.added and not dry_run:
        _write_settings(path, settings)
    record = {"settings": SETTINGS.as_posix(), "commands": claude_commands(prefix)}
    return outcome, record


def uninstall_claude(root: Path, record: dict | None, dry_run: bool = False) -> HookOutcome:
    """Remove the hook entries whose command is exactly ours; leave everything else as it was."""
    path = root / SETTINGS
    outcome = HookOutcome()
    if not path.is_file():
        return outcome
    ours = set(claude_commands().values()) | set((record or {}).get("commands", {}).values())
    settings = _read_settings(path)
    hooks = settings.get("hooks")
    if not isinstance(hooks, dict):
        return outcome
    for event in list(hooks):
        _remove_from_event(hooks, event, ours, outcome)
    if not hooks and outcome.removed:
        del settings["hooks"]
    if outcome.removed and not dry_run:
        _write_settings(path, settings)
    return outcome


def _remove_from_event(hooks: dict, event: str, ours: set[str], outcome: HookOutcome) -> None:
    groups = hooks[event]
    if not isinstance(groups, list):
        return
    kept_groups = []
    for group in groups:
        entries = group.get("hooks") if isinstance(group, dict) else None
        if not isinstance(entries, list):
            kept_groups.append(group)
            continue
        kept = [h for h in entries if not (isinstance(h, dict) and h.get("command") in ours)]
        outcome.removed += [f"{event}: {h['command']}" for h in entries if h not in kept]
        if kept or len(kept) == len(entries):
            kept_groups.append({**group, "hooks": kept})
    if kept_groups or not groups:
        hooks[event] = kept_groups
    else:
        del hooks[event]


def _group(event: str, command: str) -> dict[str, Any]:
    entry = {"type": "command", "command": command, "timeout": HOOK_TIMEOUT_S}
    return {"matcher": EDIT_MATCHER, "hooks": [entry]} if event == "PreToolUse" else {"hooks": [entry]}


def _has_command(group: Any, command: str) -> bool:
    entries = group.get("hooks") if isinstance(group, dict) else None
    return isinstance(entries, list) and any(isinstance(h, dict) and h.get("command") == command for h in entries)


def _read_settings(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise YgsError(f"{path} is not valid JSON ({exc}); fix it, then run the install again "
                       "(nothing was changed)") from None
    if not isinstance(data, dict):
        raise YgsError(f"{path} must hold a JSON object; nothing was changed")
    return data


def _hooks_table(settings: dict[str, Any], path: Path) -> dict[str, Any]:
    hooks = settings.setdefault("hooks", {})
    if not isinstance(hooks, dict):
        raise YgsError(f"{path}: \"hooks\" must be an object; nothing was changed")
    return hooks


def _event_list(hooks: dict[str, Any], event: str, path: Path) -> list[Any]:
    groups = hooks.setdefault(event, [])
    if not isinstance(groups, list):
        raise YgsError(f"{path}: \"hooks.{event}\" must be a list; nothing was changed")
    return groups


def _write_settings(path: Path, settings: dict[str, Any]) -> None:
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o644
    atomic_write(path, (json.dumps(settings, indent=2, ensure_ascii=False) + "\n").encode("utf-8"), mode=mode)


# --- git pre-commit ------------------------------------------------------------------------------


def pre_commit_script(prefix: str = DEFAULT_PREFIX) -> str:
    program = (prefix.strip() or DEFAULT_PREFIX).split()[0]
    return f"""#!/bin/sh
{MARKER}: `ygs install --git-hooks` wrote it, `ygs uninstall` removes it.
# Blocks a commit while the active ygs task is at STOP (unplanned files) or a checkpoint is due.
hook_dir=$(dirname "$0")
if [ -x "$hook_dir/pre-commit{CHAINED_SUFFIX}" ]; then
  "$hook_dir/pre-commit{CHAINED_SUFFIX}" "$@" || exit $?
fi
if ! command -v {program} >/dev/null 2>&1; then
  echo "ygs pre-commit: '{program}' is not on PATH; the ygs guard did not run (pip install ygs)" >&2
  exit 0
fi
exec {prefix.strip() or DEFAULT_PREFIX} guard pre-commit
"""


def hooks_dir(root: Path) -> Path:
    """Where git looks for hooks (respects core.hooksPath and worktrees)."""
    rel = os.fsdecode(git.run("rev-parse", "--git-path", "hooks", cwd=root).stdout).strip()
    return (root / rel).resolve()


def install_git(root: Path, force: bool = False, prefix: str = DEFAULT_PREFIX,
                dry_run: bool = False) -> tuple[HookOutcome, dict]:
    path = hooks_dir(root) / "pre-commit"
    chained = path.with_name(path.name + CHAINED_SUFFIX)
    content = pre_commit_script(prefix)
    outcome = HookOutcome()
    record = {"path": _display(root, path), "chained": None}
    foreign = path.exists() and not _is_ours(path)
    if foreign and not force:
        raise YgsError(f"{path} exists and was not written by ygs; nothing was changed. Re-run with --force to "
                       f"chain it (it is moved to {chained.name} and still runs first), or call "
                       "`ygs guard pre-commit` from your hook manager yourself")
    if foreign and chained.exists():
        raise YgsError(f"{chained} already exists; move it away first (nothing was changed)")
    same = path.exists() and not foreign and path.read_text(encoding="utf-8", errors="replace") == content
    (outcome.unchanged if same else outcome.added).append(_display(root, path))
    if not same and not dry_run:
        _write_hook(path, chained if foreign else None, content)
    if foreign or chained.exists():
        record["chained"] = _display(root, chained)
        outcome.notes.append(f"your previous hook runs first: {_display(root, chained)}")
    return outcome, record


def _write_hook(path: Path, chain_to: Path | None, content: str) -> None:
    if chain_to is not None:
        os.replace(path, chain_to)
    atomic_write(path, content.encode("utf-8"), mode=0o755)


def uninstall_git(root: Path, dry_run: bool = False) -> HookOutcome:
    outcome = HookOutcome()
    try:
        path = hooks_dir(root) / "pre-commit"
    except YgsError:
        return outcome
    if not path.exists():
        return outcome
    if not _is_ours(path):
        outcome.notes.append(f"left {_display(root, path)}: not written by ygs")
        return outcome
    chained = path.with_name(path.name + CHAINED_SUFFIX)
    outcome.removed.append(_display(root, path))
    if dry_run:
        return outcome
    path.unlink()
    if chained.exists():
        os.replace(chained, path)
        outcome.notes.append(f"restored your previous hook to {_display(root, path)}")
    return outcome


def _is_ours(path: Path) -> bool:
    try:
        return MARKER in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def _display(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
