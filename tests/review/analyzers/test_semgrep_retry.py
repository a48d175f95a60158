"""A file semgrep gives up on (a rule ran past its per-file budget) is scanned once more, alone, with a longer
budget; only what semgrep gives up on again stays unparsed (and an unparsed file is never a pass)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from scan_context import make_context

from ygs.config import from_texts
from ygs.errors import YgsError
from ygs.review.analyzers import semgrep
from ygs.review.model import AnalyzerResult

# semgrep's taint engine is super-linear in the length of a `+` chain matched by a label that `requires` another
# one (the shape of every "built from request data" source): 40 terms take it 0.4 s, 80 about 4 s, so 90 are far
# over a 1 s budget on any machine
SLOW_RULE = """rules:
  - id: js-built-query
    mode: taint
    languages: [javascript]
    severity: ERROR
    message: request data built into a query
    metadata: {cwe: "CWE-89"}
    pattern-sources:
      - label: REQUEST
        pattern: req.query
      - label: BUILT
        requires: REQUEST
        pattern: $X + $Y
    pattern-sinks:
      - requires: BUILT
        patterns:
          - pattern: db.query($Q)
          - focus-metavariable: $Q
"""
TERMS = " + ".join(f"req.query.a{i}" for i in range(90))
FILES = {
    "slow.js": f"app.get('/', (req, res) => {{\n  const q = {TERMS};\n  db.query(q);\n}});\n",
    "fast.js": "app.get('/', (req, res) => {\n  db.query('SELECT ' + req.query.id);\n});\n",
}


def scan(tmp_path: Path, **review: object) -> AnalyzerResult:
    gates = tmp_path / "gates"
    (gates / "rules").mkdir(parents=True)
    (gates / "rules" / "slow.yaml").write_text(SLOW_RULE, encoding="utf-8")
    ctx = make_context(tmp_path / "tree", FILES, semgrep_timeout_s=1, **review)
    return semgrep.run(dataclasses.replace(ctx, gates_dir=gates))


def test_a_file_semgrep_gave_up_on_is_analysed_by_the_retry(tmp_path: Path) -> None:
    result = scan(tmp_path, semgrep_retry_timeout_s=0)  # 0: no per-rule limit, only the analyzer's deadline
    assert result.status == "ok", result.reason
    assert result.extra["retried"] == ["slow.js"]  # only the file that gave up is scanned again
    assert result.unparsed == []
    # the retry's finding on the slow file, and the first run's on the fast one, each once
    assert sorted((f.rule_id, f.path, f.line) for f in result.findings) == [
        ("js-built-query", "fast.js", 2), ("js-built-query", "slow.js", 3)]


def test_a_file_the_retry_gives_up_on_again_stays_unparsed(tmp_path: Path) -> None:
    result = scan(tmp_path, semgrep_retry_timeout_s=1)
    assert result.status == "ok", result.reason
    assert result.unparsed == [("slow.js", "semgrep gave up on this file (Timeout, rule js-built-query); "
                                           "again when retried with 1 s per rule")]
    assert "slow.js" not in result.parser_gaps  # giving up is no parser gap: the file blocks (coverage.py)
    assert [(f.path, f.line) for f in result.findings] == [("fast.js", 2)]


def test_budgets_are_config_with_semgreps_defaults_and_no_negative_values(tmp_path: Path) -> None:
    review = from_texts(tmp_path, {}, None).review
    assert (review.semgrep_timeout_s, review.semgrep_timeout_threshold, review.semgrep_retry_timeout_s) == (5, 3, 30)
    set_ = from_texts(tmp_path, {"pyproject.toml": "[tool.ygs.review]\nsemgrep_retry_timeout_s = 120\n"}, None)
    assert set_.review.semgrep_retry_timeout_s == 120
    with pytest.raises(YgsError, match="semgrep_timeout_s = -1 is below the minimum 0"):
        from_texts(tmp_path, {"pyproject.toml": "[tool.ygs.review]\nsemgrep_timeout_s = -1\n"}, None)
