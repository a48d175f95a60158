"""Path globs with `**`, the same on every Python version: `*` stays inside one path segment, `**` spans
segments. Unanchored (skip/exclude lists), a pattern without a slash matches the file name anywhere, as in
.gitignore; anchored (planned files), every pattern is relative to the repository root."""

from __future__ import annotations

import re
from functools import lru_cache


_TOKENS = re.compile(r"\*\*/|\*\*|\*|\?|[^*?]+")
_TRANSLATE = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}


@lru_cache(maxsize=1024)
def compile_glob(pattern: str, anchored: bool = False) -> re.Pattern[str]:
    pattern = pattern.strip().removeprefix("./").lstrip("/")
    if not anchored and "/" not in pattern.rstrip("/"):
        pattern = "**/" + pattern
    if pattern.endswith("/"):
        pattern += "**"
    parts = (_TRANSLATE.get(token) or re.escape(token) for token in _TOKENS.findall(pattern))
    return re.compile("".join(parts) + r"\Z")


def matches(path: str, pattern: str, anchored: bool = False) -> bool:
    return compile_glob(pattern, anchored).match(path) is not None


def first_match(path: str, patterns: tuple[str, ...] | list[str], anchored: bool = False) -> str | None:
    return next((p for p in patterns if matches(path, p, anchored)), None)
