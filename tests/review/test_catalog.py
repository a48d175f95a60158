"""docs/rules.md's catalog is what `ygs rules list --markdown` generates from the shipped policy and rules."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_docs_catalog_is_generated_from_the_shipped_rules(run_ygs, tmp_path):
    result = run_ygs("rules", "list", "--markdown", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- catalog:start[^>]*-->\n(.*)<!-- catalog:end -->", docs, re.S)
    assert block, "docs/rules.md lost its catalog markers"
    assert block.group(1) == result.stdout, "docs/rules.md is stale: paste `ygs rules list --markdown` between the markers"


def test_catalog_lists_every_semgrep_rule_with_its_kind(run_ygs, tmp_path):
    out = run_ygs("rules", "list", "--markdown", cwd=tmp_path).stdout
    assert "### Python (" in out and "### Bandit (" in out
    row = next(line for line in out.splitlines() if line.startswith("| `python-sql-injection`"))
    assert "| MUST | 1 | CWE-89 | taint |" in row
