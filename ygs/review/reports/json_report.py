"""`--format json`: the `ygs.review/v1` document.

ASCII-escaped, so a non-UTF-8 path (held as surrogate escapes) survives as `\\udcXX` and round-trips."""

from __future__ import annotations

import json

from ygs.review.model import ReviewResult


def render(result: ReviewResult) -> str:
    return json.dumps(result.to_json(), indent=2, ensure_ascii=True) + "\n"
