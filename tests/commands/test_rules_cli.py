"""`ygs rules list` and `ygs rules test` through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ygs.review import analyzers

POLICY = """\
schema = 1

[rules.python-demo-eval]
severity = "MUST"
pass = 1
category = "injection"
cwe = "CWE-95"
title = "demo eval"
fix = "do not"
"""
RULE = """\
rules:
  - id: python-demo-eval
    languages: [python]
    severity: ERROR
    message: eval
    metadata: {cwe: "CWE-95", category: injection}
    pattern: eval($X)
"""


def gates(root: Path, fixture: str) -> Path:
    files = {"policy.toml": POLICY, "rules/python/demo.yaml": RULE, "tests/python/python-demo-eval.py": fixture}
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def semgrep_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analyzers, "MODULES", {"semgrep": analyzers.MODULES["semgrep"]})


def test_list_shows_every_policy_rule_with_its_analyzer(run_ygs) -> None:
    result = run_ygs("rules", "list", "--json")
    assert result.exit_code == 0
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert rows["python-sql-injection"] == {
        "id": "python-sql-injection", "severity": "MUST", "pass": 1, "category": "injection", "cwe": "CWE-89",
        "title": rows["python-sql-injection"]["title"], "analyzer": "semgrep",
    }
    assert rows["bandit-B602"]["analyzer"] == "bandit" and rows["js-weak-hash"]["severity"] == "SHOULD"
    text = run_ygs("rules", "list")
    assert text.exit_code == 0 and "python-sql-injection" in text.stdout and "CWE-89" in text.stdout


def test_test_passes_on_good_fixtures(tmp_path: Path, run_ygs, semgrep_only: None) -> None:
    fixture = "# ruleid: python-demo-eval\neval(x)\n# ok: python-demo-eval\nprint(x)\n"
    result = run_ygs("rules", "test", "--gates-dir", str(gates(tmp_path, fixture)))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith("s)") and "1 rules: 1 passed, 0 failed" in result.stdout


def test_test_fails_with_the_failing_line(tmp_path: Path, run_ygs, semgrep_only: None) -> None:
    fixture = "# ruleid: python-demo-eval\nprint(x)\n# ok: python-demo-eval\neval(x)\n"
    result = run_ygs("rules", "test", "--gates-dir", str(gates(tmp_path, fixture)))
    assert result.exit_code == 1
    assert "FAIL python-demo-eval (semgrep)" in result.stdout
    assert "python/python-demo-eval.py:2: expected python-demo-eval on line 2, not reported" in result.stdout
    assert "python/python-demo-eval.py:4: python-demo-eval reported on line 4, expected not to be" in result.stdout


def test_test_json_for_selected_rules(tmp_path: Path, run_ygs, semgrep_only: None) -> None:
    fixture = "# ruleid: python-demo-eval\neval(x)\n"
    result = run_ygs("rules", "test", "--json", "--gates-dir", str(gates(tmp_path, fixture)), "python-demo-eval")
    assert result.exit_code == 1
    [rule] = json.loads(result.stdout)["rules"]
    assert rule["rule_id"] == "python-demo-eval" and rule["positives"] == {"passed": 1, "failed": 0}
    assert rule["problems"] == ["no negative fixture (`ok:` line or files/<rule-id>/good/)"]


def test_unknown_rule_id_is_a_usage_error(run_ygs) -> None:
    result = run_ygs("rules", "test", "no-such-rule")
    assert result.exit_code == 2
    assert result.stderr.strip() == "ygs: error: unknown rule id 'no-such-rule' (see `ygs rules list`)"


def test_unreadable_rules_are_an_error_without_traceback(tmp_path: Path, run_ygs) -> None:
    root = gates(tmp_path, "x = 1\n")
    (root / "rules/python/demo.yaml").write_text("rules: [[[", encoding="utf-8")
    for command in (("rules", "test"), ("rules", "list")):
        result = run_ygs(*command, "--gates-dir", str(root))
        assert result.exit_code == 2
        assert result.stderr.startswith("ygs: error: cannot read semgrep rules") and "Traceback" not in result.output
