"""Shared rendering helpers for commands: JSON for machines, plain lines for people, and `printable` for any
text that came from the change under review (paths, messages, snippets) before it reaches a terminal, a CI log
or a Markdown page."""

from __future__ import annotations

import functools
import json
import re
from typing import Any

import click

# What a file name, a message or a snippet must not carry into a terminal or a log: C0 controls (ESC, BEL, CR,
# newline, …), DEL, C1 controls (0x9b is a one-byte CSI), Unicode line/paragraph separators, bidirectional
# overrides, embeddings, isolates and marks ("Trojan Source", CVE-2021-42574), and surrogates (the undecodable
# bytes of a non-UTF-8 path, held by surrogateescape).
_UNSAFE = ("\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
           "\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff")
_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def printable(text: str, *, keep: str = "") -> str:
    """`text` with every control, bidi and undecodable character shown as a visible escape (`\\x1b`, `\\n`,
    `\\u202e`, `\\xe9` for an undecodable byte), so it can neither move the cursor, retitle the terminal, fake a
    line of output nor reorder what a reviewer reads. `keep` names the whitespace the caller lets through:
    `"\\t"` for code snippets, `"\\r\\n"` where the format escapes line breaks itself (workflow commands)."""
    return _pattern(keep).sub(_escape, text)


@functools.lru_cache(maxsize=None)
def _pattern(keep: str) -> re.Pattern[str]:
    unsafe = _UNSAFE
    for char in keep:
        if char not in _SHORT:
            raise ValueError(f"printable() keeps only tab, CR and LF, not {char!r}")
        unsafe = unsafe.replace(char, "")
    return re.compile(f"[{unsafe}]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _SHORT:
        return _SHORT[char]
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the original byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    """A plain aligned text table (no colour, safe for pipes and logs)."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip() for row in [header, *rows]]
    return "\n".join(lines)
