"""GitHub code scanning's `primaryLocationLineHash`: the fingerprint github/codeql-action's upload-sarif computes
for a result's line when the SARIF has none (src/fingerprints.ts), ported exactly so that the value ygs writes is
the one GitHub would compute and alerts keep their identity when lines move.

The hash of line N is a rolling polynomial hash (base 37, modulo 2**64) of the 100 characters (UTF-16 code units)
that start at line N's first character, with spaces and tabs dropped and every line ending (\\r\\n, \\r, \\n) read
as \\n; after the end of the file come one 65535 and then zeros. It is written in lowercase hex without leading
zeros, followed by `:k` where k counts the lines of the file, up to N, with the same hash.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from ygs.review.model import Anchor, Finding

BLOCK = 100
MOD = 37
MASK = (1 << 64) - 1
EOF = 65535
_TAB, _SPACE, _LF, _CR = 9, 32, 10, 13


def line_hashes(data: bytes, lines: Iterable[int]) -> dict[int, str]:
    """{line: "hash:occurrence"} for the wanted 1-based lines of a file's content (decoded as UTF-8, invalid bytes
    replaced, as the action reads it); lines past the end of the file are left out."""
    wanted = set(lines)
    if not wanted:
        return {}
    chars, starts = _normalized(data.decode("utf-8", "replace"), max(wanted))
    chars.extend([0] * BLOCK)
    prefix = [0] * (len(chars) + 1)  # prefix[k]: the hash of chars[:k]
    for k, char in enumerate(chars):
        prefix[k + 1] = (prefix[k] * MOD + char) & MASK
    top = pow(MOD, BLOCK, 1 << 64)
    seen: Counter[int] = Counter()
    out = {}
    for number, start in enumerate(starts, 1):
        value = (prefix[start + BLOCK] - prefix[start] * top) & MASK
        seen[value] += 1
        if number in wanted:
            out[number] = f"{value:x}:{seen[value]}"
    return out


def _normalized(text: str, last: int) -> tuple[list[int], list[int]]:
    """The code units the hash reads (through line last + the 100 after it), and where each line starts in them."""
    units = array("H", text.encode("utf-16-le", "surrogatepass"))
    chars: list[int] = []
    starts: list[int] = []
    line_start, prev_cr = True, False
    for unit in [*units, EOF]:
        if unit in (_SPACE, _TAB) or (prev_cr and unit == _LF):
            prev_cr = False
            continue
        prev_cr = unit == _CR
        if prev_cr:
            unit = _LF
        if len(starts) >= last and len(chars) >= starts[last - 1] + BLOCK:
            break  # enough read: every window up to the last wanted line is whole
        if line_start:
            line_start = False
            starts.append(len(chars))
        line_start = unit == _LF
        chars.append(unit)
    return chars, starts[:last]


def add(tree: Path, findings: list[Finding], anchor: Anchor | None) -> tuple[list[Finding], Anchor | None]:
    """The findings and the anchor with the line hash of their line, for every file of the scanned tree (the
    reviewed new side) they are in; files not in it (streamed by the secrets detector only) keep none, and the
    upload action computes it from its checkout."""
    wanted: dict[str, set[int]] = {}
    for path, line in [(f.path, f.line) for f in findings] + ([(anchor.path, anchor.line)] if anchor else []):
        if path and line >= 1:
            wanted.setdefault(path, set()).add(line)
    hashes = {path: _of_file(tree, path, lines) for path, lines in wanted.items()}

    def of(path: str, line: int) -> str:
        return hashes.get(path, {}).get(line, "")

    out = [replace(f, line_hash=of(f.path, f.line)) for f in findings]
    return out, replace(anchor, line_hash=of(anchor.path, anchor.line)) if anchor else None


def _of_file(tree: Path, path: str, lines: set[int]) -> dict[int, str]:
    target = tree / path
    try:
        if target.is_symlink() or not target.resolve().is_relative_to(tree.resolve()) or not target.is_file():
            return {}
        return line_hashes(target.read_bytes(), lines)
    except (OSError, ValueError):
        return {}
