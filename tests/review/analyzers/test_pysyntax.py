"""Which Python version a file needs, told without a newer interpreter: newer constructs are rewritten to
their older equivalents until the file compiles; a file broken in every version stays broken."""

from __future__ import annotations

import sys

import pytest

from ygs.review.analyzers import pysyntax

NEWER = [
    ("type alias", "type X = int\n", (3, 12)),
    ("generic alias", "type L[T] = list[T]\nx = 1\n", (3, 12)),
    ("generic function", "def f[T: (int, str)](x: T) -> T:\n    return x\n", (3, 12)),
    ("generic async function", "async def f[T](x: T) -> T:\n    return x\n", (3, 12)),
    ("generic class", "class C[T](Base):\n    pass\n", (3, 12)),
    ("nested quotes in an f-string", 'd = {"k": 1}\ny = f"{d["k"]} and {d["k"]!r:>{10}}"\n', (3, 12)),
    ("all of them", 'type X = int\n\n\ndef f[T](x: T):\n    return f"{x["k"]}"\n', (3, 12)),
    ("except without parentheses", "try:\n    pass\nexcept A, B:\n    pass\n", (3, 14)),
]
BROKEN = [
    ("missing parameter", "def broken(:\n    pass\n"),
    ("alias without a value", "type X =\n"),
    ("a newer construct and a real error", "type X = int\ndef f(:\n    pass\n"),
    ("a NUL byte", "x = 1\n# \x00\n"),
    ("an unclosed f-string", 'y = f"{d["k"]\n'),
]


@pytest.mark.parametrize(("case", "text", "version"), NEWER, ids=[c[0] for c in NEWER])
def test_newer_syntax_names_the_version(case: str, text: str, version: tuple[int, int]) -> None:
    found = pysyntax.needs(text)
    if sys.version_info[:2] >= version:
        assert found == pysyntax.Syntax(None, "")
    else:
        assert found.needs == version and found.error.startswith("line ")


@pytest.mark.parametrize(("case", "text"), BROKEN, ids=[c[0] for c in BROKEN])
def test_broken_code_is_broken_in_every_version(case: str, text: str) -> None:
    found = pysyntax.needs(text)
    assert found.needs is None and found.error


def test_valid_code_and_type_as_a_name_compile_here() -> None:
    assert pysyntax.needs("type = 3\nprint(type)\n") == pysyntax.Syntax(None, "")
