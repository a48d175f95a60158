"""Analyzer registry: name -> module. Each module has NAME, applies_to(path) and run(ctx) (see model.Analyzer).

Adding an analyzer = one new module here + one entry below.
"""

from __future__ import annotations

import importlib
from types import ModuleType

MODULES: dict[str, str] = {
    "semgrep": "ygs.review.analyzers.semgrep",
    "bandit": "ygs.review.analyzers.bandit",
    "secrets": "ygs.review.analyzers.secrets",
    "hygiene": "ygs.review.analyzers.hygiene",
    "size": "ygs.review.analyzers.size",
    "functions": "ygs.review.analyzers.functions",
}


def get(name: str) -> ModuleType:
    return importlib.import_module(MODULES[name])
