"""Parser gaps are not verdicts (issue 11): a file one code analyzer cannot parse but another parsed is reviewed
with reduced coverage (a notice, evidence.coverage), a partial parse blocks only where it overlaps added lines,
and a file nobody parsed still blocks. Real semgrep 1.185 and real bandit (on Python 3.11 here).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from ygs.review import coverage
from ygs.review.model import AnalyzerResult

from reviewing import review

SEMGREP = '[tool.ygs.review]\nanalyzers = ["semgrep"]\n'
PYTHON = '[tool.ygs.review]\nanalyzers = ["semgrep", "bandit", "functions"]\n'
BANDIT = '[tool.ygs.review]\nanalyzers = ["bandit"]\n'
# valid TypeScript that semgrep 1.185 parses only partly: it skips line 1 (`type`, a statement with code after
# it) and line 2 (`out T`, type-only)
TS = "export type * from './x'; export const b = 2;\ninterface I<in out T> {\n  v: T;\n}\nexport const a = 1;\n"
# valid Python 3.12 that bandit and ast on Python 3.11 cannot parse (semgrep can)
PY312 = ('type Pair = tuple[int, int]\n\n\ndef first[T](items: list[T]) -> T:\n    return items[0]\n\n\n'
         'def label(d: dict[str, str]) -> str:\n    return f"{d["name"]}!"\n')




def start(repo, config: str, files: dict[str, str]):
    repo.write("pyproject.toml", config)
    for path, content in files.items():
        repo.write(path, content)
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    return repo


def covered(report: dict) -> dict[str, dict]:
    return {entry["path"]: entry for entry in report["evidence"]["coverage"]}


def unparsed(report: dict) -> list[dict]:
    return [f for f in report["findings"] if f["rule_id"] == "review-unparsed"]


@pytest.fixture
def no_newer_python(monkeypatch: pytest.MonkeyPatch) -> None:
    """PATH without python3.N newer than this one: bandit has only the running interpreter."""
    newer = [f"python3.{minor}" for minor in range(sys.version_info[1] + 1, sys.version_info[1] + 9)]
    kept = [d for d in os.environ["PATH"].split(os.pathsep) if not any((Path(d) / n).exists() for n in newer)]
    monkeypatch.setenv("PATH", os.pathsep.join(kept))


def test_ts_partial_parse_outside_the_added_lines_passes_with_a_notice(repo, run_ygs, review_once):
    start(repo, SEMGREP, {"src/a.ts": TS})
    repo.write("src/a.ts", TS.replace("a = 1", "a = 2"))
    repo.commit("touch another line")
    code, report = review(run_ygs)
    assert code == 0, report["findings"]
    entry = covered(report)["src/a.ts"]
    assert entry["outcome"] == "reduced coverage"
    assert [(g["analyzer"], g["lines"]) for g in entry["not_parsed"]] == [("semgrep", [[1, 1]]), ("semgrep", [[2, 2]])]
    assert [n for n in report["notices"] if n.startswith("reduced coverage: src/a.ts: semgrep could not parse line 1")]
    assert report["evidence"]["totals"]["files_reduced_coverage"] == 1
    text = run_ygs("review", "--no-llm")
    assert text.exit_code == 0 and "reduced coverage: src/a.ts" in text.stdout


UNPARSABLE = "export type * from './y'; export const c = 3;"


@pytest.fixture(scope="module")
def unparsable_added_lines(new_repo, ygs_in) -> tuple[int, dict]:
    """One review (semgrep is slow to start) of two added lines semgrep cannot parse: in src/a.ts a plain one,
    in src/b.ts one with a bare `// nosemgrep` marker."""
    repo = start(new_repo(), SEMGREP, {"src/a.ts": TS, "src/b.ts": TS})
    repo.write("src/a.ts", TS + UNPARSABLE + "\n")
    repo.write("src/b.ts", TS + UNPARSABLE + " // nosemgrep\n")
    repo.commit("add a line semgrep cannot parse; and one with a bare nosemgrep marker")
    return review(ygs_in(repo.path))


@pytest.mark.xdist_group("coverage_unparsable")  # one worker: the shared review runs once
def test_ts_partial_parse_of_an_added_line_blocks(unparsable_added_lines):
    code, report = unparsable_added_lines
    assert code == 1
    hits = [f for f in unparsed(report) if f["path"] == "src/a.ts"]
    assert [(f["path"], f["line"], f["severity"]) for f in hits] == [("src/a.ts", 6, "MUST")]
    assert "semgrep could not parse" in hits[0]["message"]
    assert covered(report)["src/a.ts"]["outcome"] == "partly reviewed"
    assert not [n for n in report["notices"] if "reduced coverage" in n]


def test_ts_type_only_syntax_semgrep_cannot_parse_never_blocks(repo, run_ygs):
    """got's `export type * from` and `<in out T>`: valid TypeScript, erased at compile time, no code to hide."""
    start(repo, SEMGREP, {"src/a.ts": "export const a = 1;\n"})
    repo.write("src/a.ts", "export type * from './types.js';\ninterface Box<in out T> {\n  v: T;\n}\n"
                           "export const a = 1;\n")
    repo.commit("type-only re-export")
    code, report = review(run_ygs)
    assert code == 0, report["findings"]
    [gap] = covered(report)["src/a.ts"]["not_parsed"]
    assert gap["lines"] == [[1, 2]] and gap["reason"].endswith("type-only syntax, no runtime code")
    assert [n for n in report["notices"] if n.startswith("reduced coverage: src/a.ts")]


def test_python_312_syntax_bandit_cannot_parse_is_reviewed_by_semgrep(repo, run_ygs, no_newer_python):
    start(repo, PYTHON, {"app.py": "x = 1\n"})
    repo.write("app.py", PY312)
    repo.commit("3.12 syntax")
    code, report = review(run_ygs)
    assert code == 0, report["findings"]
    entry = covered(report)["app.py"]
    assert entry["outcome"] == "reduced coverage" and entry["parsed_by"] == ["semgrep"]
    reasons = {g["analyzer"]: g["reason"] for g in entry["not_parsed"]}
    assert reasons["bandit"].startswith("bandit: Python 3.12 syntax not parsed")
    assert reasons["functions"].startswith("functions: Python 3.12 syntax not parsed")
    assert [n for n in report["notices"] if "app.py: bandit: Python 3.12 syntax not parsed" in n]
    # semgrep still reviews the file: a real problem in it blocks
    repo.write("app.py", PY312 + "\n\nimport os\nfrom flask import request\n\n\ndef ping():\n"
                              "    return os.system(\"ping -c 1 \" + request.args[\"host\"])\n")
    repo.commit("and a real problem")
    code, report = review(run_ygs)
    assert code == 1
    assert {f["rule_id"] for f in report["findings"] if f["severity"] == "MUST"} == {"python-command-injection"}
    assert covered(report)["app.py"]["outcome"] == "reduced coverage"


def test_python_312_syntax_blocks_when_no_analyzer_parses_it(repo, run_ygs, no_newer_python):
    start(repo, BANDIT, {"app.py": "x = 1\n"})
    repo.write("app.py", PY312)
    repo.commit("3.12 syntax, bandit alone")
    code, report = review(run_ygs)
    assert code == 1
    hits = unparsed(report)
    assert len(hits) == 1 and hits[0]["path"] == "app.py" and "Python 3.12 syntax not parsed" in hits[0]["message"]
    assert covered(report)["app.py"]["outcome"] == "not reviewed"
    assert not report["notices"]


def test_broken_python_blocks_although_semgrep_recovers_from_it(repo, run_ygs):
    """semgrep reports no error on `def broken(:` (it recovers silently): its parse proves nothing."""
    start(repo, PYTHON, {"app.py": "x = 1\n"})
    repo.write("app.py", "import os\n\n\ndef broken(:\n    os.system(cmd)\n")
    repo.commit("broken")
    code, report = review(run_ygs)
    assert code == 1
    hits = unparsed(report)
    assert hits and hits[0]["path"] == "app.py" and "bandit: syntax error (line 4: invalid syntax)" in hits[0]["message"]
    assert covered(report)["app.py"]["outcome"] == "not reviewed"


def _newer_python() -> str | None:
    """A real interpreter newer than this one (PATH, then pyenv's versions), or None."""
    minors = range(sys.version_info[1] + 8, sys.version_info[1], -1)
    found = [shutil.which(f"python3.{m}") for m in minors]
    found += [str(p) for m in minors for p in Path.home().glob(f".pyenv/versions/3.{m}*/bin/python3.{m}")]
    for exe in filter(None, found):
        if os.system(f"'{exe}' -c 'pass' >/dev/null 2>&1") == 0:
            return exe
    return None


def test_bandit_runs_under_a_newer_python_on_path(repo, run_ygs, tmp_path, monkeypatch):
    exe = _newer_python()
    if exe is None:
        pytest.skip("no Python newer than this one on this machine")
    minor = exe.rsplit("python3.", 1)[1]
    site = next(p for p in sys.path if p.endswith("site-packages"))  # bandit and its dependencies are pure Python
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    wrapper = bin_dir / f"python3.{minor}"
    wrapper.write_text(f"#!/bin/sh\nPYTHONPATH='{site}' exec '{exe}' \"$@\"\n")
    wrapper.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    start(repo, BANDIT, {"app.py": "x = 1\n"})
    repo.write("app.py", PY312 + "\n\ndef run(code):\n    exec(code)\n")
    repo.commit("3.12 syntax with exec")
    code, report = review(run_ygs, "--fail-level", "SHOULD")  # exec() of unknown origin advises (B102 is shape)
    assert code == 1
    assert {f["rule_id"] for f in report["findings"]} == {"bandit-B102"}
    newer = report["evidence"]["analyzers"]["bandit"]["newer_python"]
    assert newer["files"] == ["app.py"] and f"Python 3.{minor}" in newer["interpreter"]
    assert not report["evidence"]["coverage"]


def test_a_bandit_package_in_the_change_does_not_run_in_bandits_place(repo, run_ygs, tmp_path):
    marker = tmp_path / "hijacked"
    fake = ("import json, pathlib\n"
            f"pathlib.Path({str(marker)!r}).write_text('ran')\n"
            "print(json.dumps({'results': [], 'errors': [], 'metrics': {}}))\n")
    start(repo, BANDIT, {"app.py": "x = 1\n"})
    repo.write("bandit/__init__.py", "")
    repo.write("bandit/__main__.py", fake)
    repo.write("bandit/cli/__init__.py", "")
    repo.write("bandit/cli/main.py", "def main():\n" + "".join(f"    {line}\n" for line in fake.splitlines()))
    repo.write("app.py", "def run(code):\n    exec(code)\n")
    repo.commit("a bandit package")
    code, report = review(run_ygs, "--fail-level", "SHOULD")  # exec() of unknown origin advises: B102 is shape
    assert code == 1 and not marker.exists()
    assert [f["path"] for f in report["findings"] if f["rule_id"] == "bandit-B102"] == ["app.py"]


def _result(name: str, **fields) -> AnalyzerResult:
    return AnalyzerResult(name=name, **fields)


def test_semgrep_grammar_gap_on_python_bandit_parsed_is_reduced_coverage():
    semgrep = _result("semgrep", unparsed=[("m.py", "semgrep could not parse this file: syntax error at line 3")],
                      parser_gaps={"m.py"})
    [entry] = coverage.report([semgrep, _result("bandit")], [])
    assert entry["outcome"] == "reduced coverage" and entry["parsed_by"] == ["bandit"]
    assert not coverage.unreviewed([semgrep, _result("bandit")])


def test_semgrep_giving_up_blocks_even_when_bandit_parsed():
    semgrep = _result("semgrep", unparsed=[("m.py", "semgrep gave up on this file (Timeout, rule x)")])
    [raw] = coverage.unreviewed([semgrep, _result("bandit")])
    assert raw.path == "m.py" and raw.whole_file and "gave up" in raw.message


def test_a_text_analyzer_that_cannot_read_a_file_blocks():
    secrets = _result("secrets", unparsed=[("m.py", "unreadable: Permission denied")])
    [raw] = coverage.unreviewed([secrets, _result("semgrep"), _result("bandit")])
    assert raw.source == "secrets" and raw.whole_file


def test_the_brace_language_heuristic_is_no_parse():
    """functions matches JS lines with a regex: it cannot stand in for semgrep on a file semgrep could not read."""
    semgrep = _result("semgrep", unparsed=[("a.ts", "semgrep could not parse this file: syntax error")],
                      parser_gaps={"a.ts"})
    [raw] = coverage.unreviewed([semgrep, _result("functions")])
    assert raw.path == "a.ts" and raw.whole_file


@pytest.mark.xdist_group("coverage_unparsable")  # one worker: the shared review runs once
def test_a_nosemgrep_marker_cannot_silence_an_unparsed_added_line(unparsable_added_lines):
    code, report = unparsable_added_lines
    assert code == 1
    assert sorted((f["path"], f["line"]) for f in unparsed(report)) == [("src/a.ts", 6), ("src/b.ts", 6)]
    assert report["evidence"]["suppressions"] == []
