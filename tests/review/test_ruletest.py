"""The rule fixture harness: discovery, judging, and the real catalog passing its own fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ygs.errors import YgsError
from ygs.review import analyzers, ruletest

RULE = """\
rules:
  - id: python-demo-eval
    languages: [python]
    severity: ERROR
    message: eval of a non-literal
    metadata: {cwe: "CWE-95", category: injection}
    patterns:
      - pattern: eval($X)
      - pattern-not: eval("...")
  - id: python-demo-never
    languages: [python]
    severity: ERROR
    message: never matches
    metadata: {category: injection}
    pattern: this_function_does_not_exist_anywhere(...)
"""
POLICY = """\
schema = 1

[rules.python-demo-eval]
severity = "MUST"
pass = 1
category = "injection"
title = "demo"
fix = "demo"

[rules.demo-changeset]
severity = "SHOULD"
pass = 2
category = "size"
scope = "changeset"
title = "judged on a whole change set"
fix = "split"
"""
FIXTURE = """\
def f(x):
    # ruleid: python-demo-eval
    eval(x)
    # ok: python-demo-eval
    eval("1 + 1")
    # ruleid: python-demo-eval
    print(x)
    # ok: python-demo-eval
    eval(x + "1")
"""


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def demo_gates(root: Path, rule: str = RULE) -> Path:
    return write(root, {"policy.toml": POLICY, "rules/python/demo.yaml": rule,
                        "tests/python/python-demo-eval.py": FIXTURE})


@pytest.fixture
def semgrep_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only semgrep (fast), plus one registered analyzer that does not exist yet."""
    monkeypatch.setattr(analyzers, "MODULES", {"semgrep": analyzers.MODULES["semgrep"],
                                               "future": "ygs.review.analyzers.not_written_yet"})


def test_annotations_apply_to_the_next_non_annotation_line(tmp_path: Path) -> None:
    text = "// ruleid: js-a, js-b\n/* ok: js-c */\nx();\n<!-- ok: js-d -->\n-- ruleid: sql-e\ny();\n"
    write(tmp_path, {"js/a.js": text})
    [fixture] = ruletest.discover(tmp_path)
    got = {(e.rule_id, e.positive, e.line) for e in fixture.expectations}
    assert got == {("js-a", True, 3), ("js-b", True, 3), ("js-c", False, 3), ("js-d", False, 6), ("sql-e", True, 6)}
    assert fixture.tree_path == "js/a.js"


def test_file_fixtures_use_paths_relative_to_bad_and_good(tmp_path: Path) -> None:
    write(tmp_path, {"files/hygiene-env-file/bad/.env": "A=1\n", "files/hygiene-env-file/good/.env.example": "A=\n",
                     "files/other-rule/good/.env": "B=1\n"})
    fixtures = {f.source: f for f in ruletest.discover(tmp_path)}
    bad = fixtures["files/hygiene-env-file/bad/.env"]
    assert bad.tree_path == ".env" and bad.expectations == (ruletest.Expectation("hygiene-env-file", True, None),)
    assert not fixtures["files/other-rule/good/.env"].expectations[0].positive
    trees = ruletest.layers(list(fixtures.values()))
    assert len(trees) == 2 and all(".env" in tree for tree in trees)


@pytest.mark.parametrize(
    ("files", "message"),
    [({"files/some-rule/ugly/x.txt": "x\n"}, "bad/"),
     ({"python/a.py": "x = 1\n# ok: python-a\n"}, "python/a.py: the last annotation has no line after it")],
)
def test_malformed_fixtures_are_errors(tmp_path: Path, files: dict[str, str], message: str) -> None:
    write(tmp_path, files)
    with pytest.raises(YgsError, match=message):
        ruletest.discover(tmp_path)


def test_run_judges_positives_negatives_and_missing_fixtures(tmp_path: Path, semgrep_only: None) -> None:
    result = ruletest.run(demo_gates(tmp_path))
    demo = result.rules["python-demo-eval"]
    assert (demo.positives_passed, demo.positives_failed, demo.negatives_passed, demo.negatives_failed) == (1, 1, 1, 1)
    assert {(f.line, f.positive) for f in demo.failures} == {(7, True), (9, False)}
    assert "expected python-demo-eval on line 7, not reported" in demo.failures[0].message + demo.failures[1].message
    never = result.rules["python-demo-never"]
    assert never.analyzer == "semgrep" and "no entry in gates/policy.toml" in never.problems
    assert any("no positive fixture" in p for p in never.problems)
    assert "no analyzer reported it on any fixture" in never.problems
    assert result.rules["demo-changeset"].ok  # exempt from fixtures
    assert result.exit_code == 1 and not result.errors


def test_unimportable_analyzer_is_skipped_not_a_crash(tmp_path: Path, semgrep_only: None) -> None:
    result = ruletest.run(demo_gates(tmp_path), only=("demo-changeset",))
    assert list(result.rules) == ["demo-changeset"] and result.exit_code == 0
    future = next(a for a in result.analyzers if a.name == "future")
    assert future.status == "skipped" and "not importable" in future.reason
    assert any("analyzer future skipped" in note for note in result.notes)
    data = result.to_json()
    assert data["ok"] is True and data["summary"]["rules"] == 1
    assert {a["name"]: a["status"] for a in data["analyzers"]} == {"semgrep": "ok", "future": "skipped"}


def test_unknown_rule_id_is_rejected_before_running(tmp_path: Path, semgrep_only: None) -> None:
    with pytest.raises(YgsError, match="unknown rule id 'nope'"):
        ruletest.run(demo_gates(tmp_path), only=("nope",))


def test_failed_analyzer_makes_the_run_an_error(tmp_path: Path, semgrep_only: None) -> None:
    broken = RULE.replace('pattern: this_function_does_not_exist_anywhere(...)', 'pattern: "os.system(("')
    result = ruletest.run(demo_gates(tmp_path, broken))
    assert result.exit_code == 2
    assert result.errors and result.errors[0].startswith("analyzer semgrep failed: semgrep: ")


def test_bundled_rules_pass_their_fixtures(run_ygs) -> None:
    """The catalog's honesty check: every rule fires on its positives, stays quiet on its negatives."""
    result = run_ygs("rules", "test", "--json")
    report = json.loads(result.stdout)
    failing = {r["rule_id"]: r["failures"] + r["problems"] for r in report["rules"] if not r["ok"]}
    assert failing == {} and report["errors"] == []
    assert result.exit_code == 0
    assert report["summary"]["positives"]["passed"] == report["summary"]["positives"]["total"] > 0
    assert {a["name"]: a["status"] for a in report["analyzers"]}["semgrep"] == "ok"
