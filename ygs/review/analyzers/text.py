"""Text scanning shared by the analyzers that read file contents themselves (secrets, hygiene): the file
loop with its evidence, string/comment lexing, and line bounds that stay cheap on huge one-line files."""

from __future__ import annotations

import bisect
import re
import time
from collections.abc import Callable

from ygs.review.languages import language_of
from ygs.review.model import AnalyzerResult, RawFinding, ScanContext

MAX_LINE = 4000  # hits on longer lines (minified bundles, data blobs) are generated code, not leftovers

# String literals and comments of the languages whose code is told apart from text (leftmost match wins, so a
# `#` inside a string is no comment). Unterminated blocks run to the end of the text.
_LEXERS: dict[str, re.Pattern[str]] = {
    "python": re.compile(
        r'(?P<string>"""[\s\S]*?(?:"""|\Z)|' r"'''[\s\S]*?(?:'''|\Z)|"
        r'"(?:\\.|[^"\\\n])*"|' r"'(?:\\.|[^'\\\n])*')"
        r"|(?P<comment>#[^\n]*)"
    ),
    "c": re.compile(
        r"(?P<comment>/\*[\s\S]*?(?:\*/|\Z)|//[^\n]*)"
        r'|(?P<string>"(?:\\.|[^"\\\n])*"|' r"'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)"
    ),
}
_LEXER_OF = {"python": "python", **dict.fromkeys(
    ("javascript", "typescript", "go", "java", "c", "cpp", "csharp", "kotlin", "swift", "rust", "php"), "c")}


def scan_files(ctx: ScanContext, result: AnalyzerResult, scan_text: Callable[[str, str], list[RawFinding]]) -> None:
    """Run scan_text over every file in ctx.files, filling the result's findings and evidence."""
    started = time.monotonic()
    result.files_applicable = len(ctx.files)
    for path in ctx.files:
        try:
            text = (ctx.tree / path).read_bytes().decode("utf-8", "replace")
        except OSError as exc:
            result.unparsed.append((path, f"unreadable: {exc.strerror or exc}"))
            continue
        result.findings.extend(scan_text(path, text))
        result.files_scanned += 1
    result.duration_s = time.monotonic() - started


def lexer_for(path: str) -> re.Pattern[str] | None:
    """The string-and-comment lexer of the path's language (Python, C-like), or None."""
    return _LEXERS.get(_LEXER_OF.get(language_of(path) or "", ""))


def long_line(text: str, position: int) -> bool:
    """Is the line holding `position` longer than MAX_LINE (minified or generated)? Bounded searches only."""
    start = text.rfind("\n", max(0, position - MAX_LINE), position)
    if start < 0 and position > MAX_LINE:
        return True
    start += 1
    return text.find("\n", position, start + MAX_LINE + 1) < 0 and start + MAX_LINE < len(text)


def line_start(text: str, position: int, window: int) -> int:
    """Where the line holding `position` starts, looking back at most `window` characters (no quadratic cost on
    huge one-line files)."""
    floor = max(0, position - window)
    return max(floor, text.rfind("\n", floor, position) + 1)


class Tokens:
    """The string literals and comments of a text: is an offset in code, a string or a comment?"""

    def __init__(self, lexer: re.Pattern[str], text: str) -> None:
        self._spans = [(m.start(), m.end(), m.lastgroup or "") for m in lexer.finditer(text)]
        self._starts = [start for start, _, _ in self._spans]

    def kind_at(self, offset: int) -> str:
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self._spans[index][1]:
            return self._spans[index][2]
        return "code"
