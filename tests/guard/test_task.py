"""The task file format (docs/dev/contracts.md), plan globs, the deviation log, and the state files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ygs.guard import plan, state
from ygs.guard import task as taskfile
from ygs.errors import YgsError

TASK = """\
# T-007: Rate-limit the login endpoint

- **ID:** T-007
- **Size:** S
- **Wave:** 1
- **Depends on:** none
- **Estimate (hours):** 2 / 4 / 8

## Planned files

_<Every file this task will create or change; globs allowed.>_

- `src/app.py`
- `src/handlers/*.py`     (globs allowed)
- docs/limits.md — the user docs
1. `tests/**/test_login*.py`

```markdown
## Not a heading inside a fence
```

## Description

Throttle logins.

## Deviation log

_<Filled by `ygs deviation`.>_
"""


def _write(tmp_path: Path, text: str, name: str = "T-007.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_parse_reads_id_title_and_planned_files(tmp_path):
    parsed = taskfile.parse(_write(tmp_path, TASK), tmp_path)
    assert parsed.id == "T-007"
    assert parsed.title == "Rate-limit the login endpoint"
    assert parsed.planned == ("src/app.py", "src/handlers/*.py", "docs/limits.md", "tests/**/test_login*.py")


def test_missing_planned_section_names_file_and_section(tmp_path):
    path = _write(tmp_path, "# T-1: x\n\n## Description\n\n- `a.py`\n")
    with pytest.raises(YgsError) as err:
        taskfile.parse(path, tmp_path)
    assert str(path) in err.value.message and "## Planned files" in err.value.message


def test_empty_planned_section_is_an_error(tmp_path):
    path = _write(tmp_path, "# T-1: x\n\n## Planned files\n\n_<list them>_\n\n## Description\n")
    with pytest.raises(YgsError, match="lists no files"):
        taskfile.parse(path, tmp_path)


def test_title_without_id_falls_back_to_the_heading(tmp_path):
    parsed = taskfile.parse(_write(tmp_path, "# Fix the thing\n\n## Planned files\n\n- a.py\n", "fix.md"), tmp_path)
    assert parsed.id is None and parsed.title == "Fix the thing"


@pytest.mark.parametrize("pattern,path,expected", [
    ("src/app.py", "src/app.py", True),
    ("src/app.py", "src/app.pyc", False),
    ("src/handlers/*.py", "src/handlers/login.py", True),
    ("src/handlers/*.py", "src/handlers/deep/login.py", False),  # * stays inside one directory
    ("src/**/*.py", "src/a/b/c.py", True),
    ("src/**/*.py", "src/c.py", True),  # ** matches zero directories too
    ("tests/**", "tests/x/y.txt", True),
    ("docs/", "docs/a/b.md", True),  # a trailing slash covers everything under a directory
    ("docs/", "docsx/a.md", False),
    ("./src/app.py", "src/app.py", True),
    ("file?.txt", "file1.txt", True),
    ("a+b(c).py", "a+b(c).py", True),  # regex metacharacters are literal
    ("/abs/outside.txt", "/abs/outside.txt", True),  # outside the repo: exact absolute path only
    ("/abs/*.txt", "/abs/outside.txt", False),
])
def test_plan_globs(pattern, path, expected):
    assert plan.matcher([pattern])(path) is expected


def test_normalize_pattern(tmp_path):
    assert plan.normalize_pattern(tmp_path, "./src\\app.py") == "src/app.py"
    assert plan.normalize_pattern(tmp_path, str(tmp_path / "src" / "x.py")) == "src/x.py"
    outside = tmp_path.parent / "elsewhere.py"
    assert plan.normalize_pattern(tmp_path, str(outside)) == outside.resolve().as_posix()


def test_deviation_appends_inside_the_section(tmp_path):
    path = _write(tmp_path, TASK.replace("## Deviation log", "## Deviation log\n\n- 2026-01-01: first") +
                  "\n## Notes\n\nlater\n")
    taskfile.append_deviation(path, "- 2026-01-02: second")
    text = path.read_text()
    assert "- 2026-01-01: first\n- 2026-01-02: second\n\n_<Filled" not in text  # placeholder kept in place
    assert text.endswith("- 2026-01-02: second\n\n## Notes\n\nlater\n")


def test_deviation_after_placeholder_paragraph(tmp_path):
    path = _write(tmp_path, TASK)
    taskfile.append_deviation(path, "- 2026-01-02: did Y")
    assert path.read_text().endswith("_<Filled by `ygs deviation`.>_\n\n- 2026-01-02: did Y\n")


def test_deviation_creates_missing_section(tmp_path):
    path = _write(tmp_path, "# T-1: x\n\n## Planned files\n\n- a.py\n\n")
    taskfile.append_deviation(path, "- 2026-01-02: did Y")
    assert path.read_text().endswith("- a.py\n\n## Deviation log\n\n- 2026-01-02: did Y\n")


def test_deviation_keeps_crlf(tmp_path):
    path = tmp_path / "crlf.md"
    path.write_bytes(b"# T-1: x\r\n\r\n## Planned files\r\n\r\n- a.py\r\n\r\n## Deviation log\r\n")
    taskfile.append_deviation(path, "- 2026-01-02: did Y")
    assert path.read_bytes().endswith(b"## Deviation log\r\n\r\n- 2026-01-02: did Y\r\n")


def test_corrupt_state_is_a_clear_error(tmp_path):
    directory = state.ensure_state_dir(tmp_path)
    (directory / state.TASK_FILE).write_text("{not json")
    with pytest.raises(YgsError, match="ygs task start"):
        state.load_task(tmp_path)
    (directory / state.TASK_FILE).write_text(json.dumps({"schema": 1, "key": "k"}))
    with pytest.raises(YgsError, match="corrupt"):
        state.load_task(tmp_path)


def test_state_round_trip_and_ledger_skips_torn_lines(tmp_path):
    task = state.ActiveTask(state.new_key(), "t", ["a.py"], "0" * 40, state.now(), id="T-1", file="T-1.md")
    state.save_task(tmp_path, task)
    assert state.load_task(tmp_path) == task
    assert task.patterns() == ["a.py", "T-1.md"]  # the task file itself is always in scope
    state.append_ledger(tmp_path, {"event": "x"})
    with open(state.state_dir(tmp_path) / state.LEDGER_FILE, "a") as handle:
        handle.write('{"event": "torn')
    assert [e["event"] for e in state.ledger(tmp_path)] == ["x"]
    assert (state.state_dir(tmp_path) / ".gitignore").read_text().strip().endswith("*")
