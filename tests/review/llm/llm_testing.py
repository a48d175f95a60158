"""Shared data and helpers for the LLM pass tests."""

from __future__ import annotations

import json
from typing import Any

FAST = """\
[tool.ygs.review]
analyzers = ["secrets"]

[tool.ygs.llm]
base_delay_s = 0.001
max_delay_s = 0.01
"""

APP = """\
import os


def read(name):
    return open(name).read()
"""

# app.py on the feature branch: lines 7-9 are added
CHANGED = APP + """

def run(cmd):
    return os.system("sh -c " + cmd)
"""
RUN_LINE = 9
RUN_TEXT = '    return os.system("sh -c " + cmd)'


def finding(**overrides: Any) -> dict[str, Any]:
    # ygs: ignore[bandit-B105] "pass" is the review pass, not a password
    base = {"path": "app.py", "line": RUN_LINE, "end_line": RUN_LINE, "severity": "MUST", "pass": 1,
            "category": "security", "quote": RUN_TEXT, "message": "Shell command built from input.",
            "fix": "Use subprocess.run with a list of arguments."}
    return {**base, **overrides}


def review(run_ygs, *args: str) -> tuple[int, dict]:
    result = run_ygs("review", "--format", "json", *args)
    assert result.stdout.startswith("{"), result.stdout + result.stderr
    return result.exit_code, json.loads(result.stdout)


def llm_evidence(report: dict) -> dict:
    return report["evidence"]["analyzers"]["llm"]


def llm_findings(report: dict) -> list[dict]:
    return [f for f in report["findings"] if "llm" in f["sources"]]


def per_call_budget(diff_tokens: int) -> int:
    """max_input_tokens leaving `diff_tokens` for the diff (the test projects render the default skills)."""
    from ygs.config import Config
    from ygs.review.llm import prompt

    return prompt.fixed_tokens(prompt.system_blocks(Config())) + diff_tokens
