"""The semgrep analyzer against real semgrep and ygs's own rules (one scan shared by most tests)."""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path

import pytest
from scan_context import make_context

from ygs.resources import data_dir
from ygs.review.analyzers import semgrep, tool
from ygs.review.model import AnalyzerResult

# one worker runs every test of this module: its module-scoped scan or review runs once (pyproject addopts)
pytestmark = pytest.mark.xdist_group("semgrep_scan")

SQL = 'def find(cursor, name):\n    cursor.execute("SELECT * FROM t WHERE name = \'%s\'" % name)\n'
FILES = {
    "app/db.py": SQL,
    # semgrep's default ignores skip tests/ and node_modules/; the gate must still scan them
    "tests/test_db.py": SQL,
    "node_modules/pkg/index.js": "el.innerHTML = location.hash;\n",
    # a nosemgrep comment must not hide the finding: suppression is the gate's job
    "app/quiet.py": "import pickle\n\n\ndef load(b):\n    return pickle.loads(b)  # nosemgrep\n",
    # a path semgrep could mistake for an option
    "-rf.py": "import yaml\nyaml.load(data)\n",
    "app/broken.py": "import os\nos.system(cmd)\n<<<<<<< HEAD\n",
    "README.md": "os.system(cmd)\n",
}
EXTRA = {  # in the tree but not changed: never reported
    "app/untouched.py": SQL,
    ".semgrepignore": "*\n",
}



@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> AnalyzerResult:
    os.environ.setdefault("SEMGREP_ENABLE_VERSION_CHECK", "0")
    return semgrep.run(make_context(tmp_path_factory.mktemp("tree"), FILES, EXTRA))


def hits(result: AnalyzerResult) -> set[tuple[str, str, int]]:
    return {(f.rule_id, f.path, f.line) for f in result.findings}


def test_scan_reports_our_rule_ids_on_tree_relative_paths(scanned: AnalyzerResult) -> None:
    assert scanned.status == "ok", scanned.reason
    assert ("python-sql-injection-unproven", "app/db.py", 2) in hits(scanned)
    assert all("." not in f.rule_id and f.source == "semgrep" for f in scanned.findings)
    db = next(f for f in scanned.findings if f.path == "app/db.py")
    assert db.cwe == "CWE-89" and db.message and "requires login" not in db.message


def test_default_ignores_and_semgrepignore_do_not_hide_changed_files(scanned: AnalyzerResult) -> None:
    assert ("python-sql-injection-unproven", "tests/test_db.py", 2) in hits(scanned)
    assert ("js-xss-inner-html", "node_modules/pkg/index.js", 1) in hits(scanned)
    assert ("python-yaml-unsafe-load", "-rf.py", 2) in hits(scanned)


def test_nosemgrep_does_not_suppress(scanned: AnalyzerResult) -> None:
    assert ("python-unsafe-deserialization-unproven", "app/quiet.py", 5) in hits(scanned)


def test_only_changed_applicable_files_are_scanned(scanned: AnalyzerResult) -> None:
    assert not [f for f in scanned.findings if f.path in ("app/untouched.py", "README.md")]
    assert scanned.files_applicable == 6  # README.md is not a semgrep language
    assert scanned.files_scanned == 6


def test_evidence_names_version_and_rule_count(scanned: AnalyzerResult) -> None:
    assert scanned.version[0].isdigit()
    assert scanned.rules_run == len(semgrep.rule_ids(data_dir("gates") / "rules")) >= 40


def test_partly_parsed_file_is_reported_with_the_lines_semgrep_skipped(scanned: AnalyzerResult) -> None:
    """semgrep recovers from the conflict marker on line 3: the rest of the file is still analyzed."""
    assert not scanned.unparsed
    assert [(p.path, p.lines, p.runtime) for p in scanned.partial] == [("app/broken.py", ((3, 3),), True)]
    assert scanned.partial[0].reason == "semgrep could not parse line 3 (`<<<<<<<` was unexpected)"
    assert [f.line for f in scanned.findings if f.path == "app/broken.py"] == [2]  # os.system(cmd)


def test_type_only_typescript_lines_are_told_apart(tmp_path: Path) -> None:
    """Only whole lines of type-level syntax count: code after `export type * from` on the same line is code."""
    files = {"a.ts": "export type * from './x';\ninterface I<in out T> {\n  v: T;\n}\n"
                     "export type * from './y'; eval(location.hash);\n"}
    result = semgrep.run(make_context(tmp_path, files))
    assert [(p.lines, p.runtime) for p in result.partial] == [(((5, 5),), True), (((1, 2),), False)]
    assert result.partial[1].reason.endswith("type-only syntax, no runtime code")
    assert [f.line for f in result.findings] == [5]  # semgrep recovered: the eval is still found


def test_line_spans_merge_and_read() -> None:
    assert semgrep.merge_spans([(7, 9), (2, 2), (3, 4), (8, 12)]) == ((2, 4), (7, 12))
    assert semgrep.describe_lines(((2, 2),)) == "line 2"
    assert semgrep.describe_lines(((2, 4), (7, 7))) == "lines 2-4, 7"


def test_no_applicable_files_runs_nothing_and_is_ok(tmp_path: Path) -> None:
    result = semgrep.run(make_context(tmp_path, {"notes.md": "# hi\n"}))
    assert (result.status, result.files_applicable, result.files_scanned) == ("ok", 0, 0)


def test_missing_semgrep_fails_with_install_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setattr(sys, "executable", str(empty / "python"))
    result = semgrep.run(make_context(tmp_path / "tree", {"a.py": SQL}))
    assert result.status == "failed"
    assert result.reason == "semgrep not found: pip install semgrep"


def test_broken_rule_fails_the_run(tmp_path: Path) -> None:
    rules = tmp_path / "gates" / "rules"
    rules.mkdir(parents=True)
    (rules / "bad.yaml").write_text(
        "rules:\n  - id: python-bad\n    languages: [python]\n    severity: ERROR\n    message: x\n"
        "    pattern: os.system((\n", encoding="utf-8")
    ctx = dataclasses.replace(make_context(tmp_path / "tree", {"a.py": SQL}), gates_dir=tmp_path / "gates")
    result = semgrep.run(ctx)
    assert result.status == "failed"
    assert result.reason.startswith("semgrep: ") and "python-bad" in result.reason


@pytest.mark.parametrize(
    ("content", "reason"),
    [("rules: [[[", "cannot read semgrep rules"), ("just: text\n", "not a semgrep rules file")],
)
def test_unreadable_rules_file_fails_without_running(tmp_path: Path, content: str, reason: str) -> None:
    rules = tmp_path / "gates" / "rules"
    rules.mkdir(parents=True)
    (rules / "bad.yaml").write_text(content, encoding="utf-8")
    ctx = dataclasses.replace(make_context(tmp_path / "tree", {"a.py": SQL}), gates_dir=tmp_path / "gates")
    result = semgrep.run(ctx)
    assert result.status == "failed" and reason in result.reason


def test_missing_rules_dir_fails(tmp_path: Path) -> None:
    ctx = dataclasses.replace(make_context(tmp_path / "tree", {"a.py": SQL}), gates_dir=tmp_path / "nowhere")
    result = semgrep.run(ctx)
    assert result.status == "failed" and "rules directory not found" in result.reason


def test_exhausted_time_budget_is_timed_out(tmp_path: Path) -> None:
    result = semgrep.run(make_context(tmp_path, {"a.py": SQL}, analyzer_timeout_s=0))
    assert result.status == "timed_out" and "within 0 s" in result.reason


def test_batches_stay_under_the_argument_limit() -> None:
    targets = [f"dir/file_{i:05d}.py" for i in range(10_000)]
    batches = tool.batches(targets, limit=100_000)
    assert [t for batch in batches for t in batch] == targets
    assert all(sum(len(t) + 1 for t in batch) <= 100_000 for batch in batches)
    assert len(batches) == 2
