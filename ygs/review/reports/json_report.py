"""`--format json`: the `ygs.review/v1` document, on every exit: a review that could not even start (a bad ref,
not a git repository, a config error, a usage error) is still a document, with verdict `error`.

ASCII-escaped, so a non-UTF-8 path (held as surrogate escapes) survives as `\\udcXX` and round-trips, and no
control character reaches a terminal raw."""

from __future__ import annotations

import json

from ygs.review.model import ReviewResult


def render(result: ReviewResult) -> str:
    return _document(result, result.exit_code)


def error_document(message: str, exit_code: int) -> str:
    """The document for a review that stopped before it had a result: verdict `error`, the one-line message."""
    result = ReviewResult(verdict="error", base={}, head={}, run_id="", fail_level="", filter="", errors=[message])
    return _document(result, exit_code)


def _document(result: ReviewResult, exit_code: int) -> str:
    data = result.to_json()
    data["exit_code"] = exit_code
    return json.dumps(data, indent=2, ensure_ascii=True) + "\n"
