"""Reporters: one module per output format, each `render(result) -> str`. They only render; the verdict and
the findings were decided upstream."""

from __future__ import annotations

import importlib
from typing import Callable

from ygs.review.model import ReviewResult

MODULES: dict[str, str] = {
    "text": "ygs.review.reports.text",
    "json": "ygs.review.reports.json_report",
    "sarif": "ygs.review.reports.sarif",
    "markdown": "ygs.review.reports.markdown",
    "github": "ygs.review.reports.github",
}


def renderer(fmt: str) -> Callable[[ReviewResult], str]:
    return importlib.import_module(MODULES[fmt]).render


def location(path: str, line: int) -> str:
    return f"{path}:{line}" if path else "(the change as a whole)"


def policy_line(result: ReviewResult) -> str:
    """Where the effective policy came from, for every format: `policy: base 1a2b3c4d5e6f (pyproject.toml)`."""
    policy = result.evidence.get("policy")
    if not policy:
        return ""
    if policy["source"].startswith("defaults"):
        return f"policy: {policy['source']}"
    return f"policy: {policy['source']} ({', '.join(policy.get('files', [])) or 'no ygs config: the defaults'})"
