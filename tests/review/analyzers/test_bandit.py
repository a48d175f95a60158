"""The bandit analyzer against real bandit (one scan shared by most tests)."""

from __future__ import annotations

from pathlib import Path

import pytest
from scan_context import make_context

from ygs.review.analyzers import bandit, pysyntax
from ygs.review.model import AnalyzerResult, Severity

# one worker runs every test of this module: its module-scoped scan or review runs once (pyproject addopts)
pytestmark = pytest.mark.xdist_group("bandit_scan")

FILES = {
    "app/run.py": (
        "import subprocess\n"
        "\n"
        "\n"
        "def run(ref):\n"
        "    subprocess.run('git checkout ' + ref, shell=True)\n"  # 5: B602 HIGH
        "    subprocess.run('git status', shell=True)\n"  # 6: B602 LOW (literal): dropped
        "    assert ref\n"  # 7: B101 skipped
        "    return subprocess.run(['git', 'log', ref])\n"  # 8: B603 and B607 skipped
    ),
    "app/server.py": "import pickle\n\n\ndef load(b):\n    return pickle.loads(b)  # nosec\n",  # B301 despite nosec
    "app/shell.py": "import os\n\n\ndef go(cmd):\n    os.system(cmd)  # nosec\n",  # B605 despite nosec
    "app/bind.py": "HOST = '0.0.0.0'\n",  # B104: no policy entry -> fallback severity
    ".tox/x.py": "import marshal\nmarshal.loads(data)\n",  # bandit's default excludes must not apply
    "app/broken.py": "def broken(:\n    pass\n",
    "app/modern.py": "type Pair = tuple[int, int]\n\n\ndef first[T](items: list[T]) -> T:\n    return items[0]\n",
    "app/page.js": "eval(x)\n",
}



@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> AnalyzerResult:
    return bandit.run(make_context(tmp_path_factory.mktemp("tree"), FILES))


def hits(result: AnalyzerResult) -> set[tuple[str, str, int]]:
    return {(f.rule_id, f.path, f.line) for f in result.findings}


def test_findings_use_bandit_test_ids_and_cwe(scanned: AnalyzerResult) -> None:
    assert scanned.status == "ok", scanned.reason
    assert ("bandit-B602", "app/run.py", 5) in hits(scanned)
    finding = next(f for f in scanned.findings if f.rule_id == "bandit-B602")
    assert finding.cwe == "CWE-78" and finding.source == "bandit" and finding.message


def test_literal_shell_commands_and_skipped_tests_are_not_reported(scanned: AnalyzerResult) -> None:
    run_hits = {(rule, line) for rule, path, line in hits(scanned) if path == "app/run.py"}
    assert ("bandit-B602", 6) not in run_hits
    assert not {rule for rule, _ in run_hits} & {f"bandit-{test}" for test in bandit.SKIPPED_TESTS}


def test_nosec_does_not_suppress(scanned: AnalyzerResult) -> None:
    assert ("bandit-B301", "app/server.py", 5) in hits(scanned)
    assert ("bandit-B605", "app/shell.py", 5) in hits(scanned)


def test_bandit_default_excludes_do_not_hide_changed_files(scanned: AnalyzerResult) -> None:
    assert ("bandit-B302", ".tox/x.py", 2) in hits(scanned)


def test_fallback_severity_comes_from_bandit_severity(scanned: AnalyzerResult) -> None:
    bind = next(f for f in scanned.findings if f.rule_id == "bandit-B104")
    assert bind.severity is Severity.MAY  # bandit MEDIUM
    shell = next(f for f in scanned.findings if f.rule_id == "bandit-B602")
    assert shell.severity is Severity.SHOULD  # bandit HIGH


def test_syntax_error_is_unparsed_and_evidence_counts(scanned: AnalyzerResult) -> None:
    reasons = dict(scanned.unparsed)
    assert reasons["app/broken.py"] == "bandit: syntax error (line 1: invalid syntax)"
    assert "app/broken.py" not in scanned.parser_gaps  # broken in every Python: blocks whatever semgrep says
    assert scanned.files_applicable == 7 and scanned.files_scanned == 5 + ("app/modern.py" not in reasons)
    assert scanned.version[0].isdigit() and scanned.rules_run >= 60


def test_newer_python_syntax_is_a_parser_gap_or_scanned_by_a_newer_python(scanned: AnalyzerResult) -> None:
    newer = pysyntax.newer_with_bandit()
    if newer is None:  # this interpreter is all there is: a gap other analyzers cover, named precisely
        assert dict(scanned.unparsed)["app/modern.py"] == (
            f"bandit: Python 3.12 syntax not parsed (bandit runs on Python {pysyntax.running()}; no newer "
            "python3.N with bandit on PATH)")
        assert scanned.parser_gaps == {"app/modern.py"}
    else:
        assert "app/modern.py" not in dict(scanned.unparsed)
        assert scanned.extra["newer_python"] == {"interpreter": newer.name, "files": ["app/modern.py"]}


def test_no_python_files_runs_nothing(tmp_path: Path) -> None:
    result = bandit.run(make_context(tmp_path, {"a.js": "eval(x)\n"}))
    assert (result.status, result.files_applicable, result.findings) == ("ok", 0, [])


def test_missing_bandit_fails_with_install_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(bandit.importlib.util, "find_spec", lambda name, *args: None)
    result = bandit.run(make_context(tmp_path / "tree", {"a.py": "x = 1\n"}))
    assert result.status == "failed" and result.reason == "bandit not found: pip install bandit"


def test_exhausted_time_budget_is_timed_out(tmp_path: Path) -> None:
    result = bandit.run(make_context(tmp_path, {"a.py": "x = 1\n"}, analyzer_timeout_s=0))
    assert result.status == "timed_out"
