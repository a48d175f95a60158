"""A ScanContext over files written to a temp tree, for analyzer tests that need no git change set."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ygs.config import Config, ReviewConfig
from ygs.resources import data_dir
from ygs.review.model import ScanContext


def make_context(tree: Path, files: dict[str, str], extra: dict[str, str] | None = None,
                 **review: object) -> ScanContext:
    """Write files (the changed ones) and extra (present but unchanged) under tree; review = ReviewConfig fields."""
    for rel, text in {**files, **(extra or {})}.items():
        (tree / rel).parent.mkdir(parents=True, exist_ok=True)
        (tree / rel).write_text(text, encoding="utf-8")
    config = dataclasses.replace(Config(), review=dataclasses.replace(ReviewConfig(), **review))
    return ScanContext(tree=tree, files=tuple(files), config=config, gates_dir=data_dir("gates"), changeset=None)
