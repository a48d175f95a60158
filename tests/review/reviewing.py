"""Shared by the review tests: run `ygs review --no-llm --format json` and read its report."""

from __future__ import annotations

import json


def review(run_ygs, *args: str) -> tuple[int, dict]:
    """(exit code, the JSON report) of `ygs review --no-llm --format json [args]` in the current directory."""
    result = run_ygs("review", "--no-llm", "--format", "json", *args)
    assert result.stdout.startswith("{"), result.stdout + result.stderr
    return result.exit_code, json.loads(result.stdout)
