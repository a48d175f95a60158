"""What the agent may not edit while a task is active: ygs's own files.

    .ygs/**                    config, manifest, state, skills, conventions: everything under .ygs/
    pyproject.toml             an edit whose new text changes a [tool.ygs*] table (other tables stay free)

The PreToolUse hook computes the file's new text from the tool input (Write: `content`; Edit:
`old_string`/`new_string`/`replace_all`; MultiEdit: `edits`) and compares the parsed `[tool.ygs*]` tables
before and after. When the new text cannot be computed or either side does not parse, it denies only an
edit whose text mentions ygs, and allows the rest.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Iterator

from ygs.guard import plan, snapshot

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PYPROJECT = "pyproject.toml"
ASK = ("Ask the human to make this change; a new task picks it up (ygs task expand / checkpoint / deviation "
       "are the ways the agent changes the task's state).")


def denial(root: Path, key: str, tool_input: dict[str, Any]) -> str | None:
    """Why editing `key` with this tool input is not the agent's to do during a task, or None."""
    if snapshot.is_own(key.casefold()):  # casefold: `.YGS/` is the same directory on macOS and Windows
        return (f"ygs guard denied editing {key}: the files under .ygs/ (ygs's config, state and skills) are not "
                f"for the agent to change during a task. {ASK}")
    config = plan.path_key(root, root / PYPROJECT)
    if key.casefold() == config.casefold() and changes_ygs_tables(root / PYPROJECT, tool_input):
        return (f"ygs guard denied editing {key}: this edit changes a [tool.ygs*] table (the guard's own "
                f"configuration) during a task; edits to other tables are allowed. {ASK}")
    return None


def changes_ygs_tables(path: Path, tool_input: dict[str, Any]) -> bool:
    old = _read(path)
    new = new_text(old, tool_input)
    before = _ygs_tables(old if old is not None else "")
    after = _ygs_tables(new) if new is not None else None
    if before is None or after is None:
        edit = {k: v for k, v in tool_input.items() if k not in ("file_path", "notebook_path")}
        return any("ygs" in text for text in _strings(edit))  # cannot tell: deny when it mentions ygs
    return before != after


def new_text(old: str | None, tool_input: dict[str, Any]) -> str | None:
    """The file's text after the edit, or None when the tool input does not say it exactly."""
    edits = tool_input.get("edits")
    if edits is None and "old_string" in tool_input:
        edits = [tool_input]
    if edits is None:
        content = tool_input.get("content")
        return content if isinstance(content, str) else None
    if not isinstance(edits, list) or old is None:
        return None
    text = old
    for edit in edits:
        text = _apply(text, edit)
        if text is None:
            return None
    return text


def _apply(text: str, edit: Any) -> str | None:
    if not isinstance(edit, dict):
        return None
    old, new = edit.get("old_string"), edit.get("new_string")
    if not isinstance(old, str) or not isinstance(new, str) or not old or old not in text:
        return None
    return text.replace(old, new) if edit.get("replace_all") is True else text.replace(old, new, 1)


def _ygs_tables(text: str) -> dict[str, Any] | None:
    try:
        tool = tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError:
        return None
    if not isinstance(tool, dict):
        return {"tool": tool}
    return {name: value for name, value in tool.items() if name.startswith("ygs")}


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        return "\0"  # unreadable: parses as nothing, so the mention rule decides


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
