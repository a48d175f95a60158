"""Functions longer than `[tool.ygs.code] max_function_lines`: code lines from signature to end, not counting
blank lines, comment-only lines or (Python) the docstring — documentation never pushes a function over.

Python is measured exactly with `ast`; brace languages (JS/TS, Go, Java) with a brace-matching heuristic,
which is good enough for an advisory (Pass 2) rule.

Advice about the change, not about the file's history: a function is reported when the change creates it over
the limit or grows it past the limit. A function that was already too long on the base side (a function of the
same name in the same file, a renamed file's old path included) is reported again only when the change grows it
by more than `[tool.ygs.code] max_function_growth` lines (default 5): a bug fix of a few lines in an old
600-line function (a mocha `describe` block, a legacy view) is not the moment to demand a refactor; a change
that keeps piling code into it is.
"""

from __future__ import annotations

import ast
import re

from ygs.config import CodeConfig
from ygs.review.analyzers import pysyntax
from ygs.review.languages import language_of
from ygs.review.model import AnalyzerResult, RawFinding, ScanContext

NAME = "functions"
RULE = "function-too-long"
BRACE_LANGUAGES = ("javascript", "typescript", "go", "java")
_CONTROL = r"(?:if|for|while|switch|catch|with|return|else|do|try|synchronized)"
_STARTS = {
    "javascript": re.compile(
        rf"^\s*(?:export\s+)?(?:default\s+)?(?:async\s+)?(?:function\b\s*\*?\s*(?P<a>[\w$]*)\s*\(.*"
        rf"|(?:static\s+|public\s+|private\s+|protected\s+|get\s+|set\s+)*(?!{_CONTROL}\b)(?P<b>[\w$]+)\s*\(.*\)\s*"
        rf"(?::\s*[^={{]+)?|(?:const|let|var)\s+(?P<c>[\w$]+)\s*=\s*(?:async\s*)?(?:\(.*\)|[\w$]+)\s*(?::[^=]+)?=>\s*)"
        r"\{\s*$"
    ),
    "go": re.compile(r"^\s*func\b\s*(?:\([^)]*\)\s*)?(?P<a>\w+)?.*\{\s*$"),
    "java": re.compile(
        rf"^\s*(?:(?:public|private|protected|static|final|synchronized|abstract|default)\s+)*"
        rf"(?!{_CONTROL}\b|new\b)\w[\w<>\[\],.?\s]*\s+(?!{_CONTROL}\b)(?P<a>\w+)\s*\([^;]*\)\s*(?:throws\s+[\w.,\s]+)?\{{\s*$"
    ),
}
_STARTS["typescript"] = _STARTS["javascript"]
_COMMENTS = ("#", "//", "/*", "*")
_STRINGS = re.compile(r"\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'|`(?:\\.|[^`\\])*`")


def applies_to(path: str) -> bool:
    return language_of(path) in ("python", *BRACE_LANGUAGES)


def parses(path: str) -> bool:
    """Whether this analyzer parses path as code (ygs/review/coverage.py): Python with `ast`; the brace
    languages are only matched line by line, which proves nothing about the file."""
    return language_of(path) == "python"


def run(ctx: ScanContext) -> AnalyzerResult:
    files = [f for f in ctx.files if applies_to(f)]
    limit = ctx.config.code.max_function_lines
    result = AnalyzerResult(name=NAME, version="builtin", rules_run=1, files_applicable=len(files))
    too_long: dict[str, list[Measured]] = {}
    for path in files:
        measured = _measure(path, ctx.lines_of(path), result)
        result.files_scanned += 1
        if any(length > limit for *_, length in measured):
            too_long[path] = measured
    base = ctx.changeset.base_lines(list(too_long)) if ctx.changeset is not None and too_long else {}
    for path, measured in too_long.items():
        before = _lengths_by_name(_measure(path, base[path], None)) if path in base else {}
        result.findings += [
            RawFinding(rule_id=RULE, path=path, line=start, end_line=end, source=NAME, message=message)
            for name, start, end, length in measured
            if length > limit and (message := _advice(name, length, before.get(name, []), ctx.config.code))
        ]
    return result


Measured = tuple[str, int, int, int]  # name, first line, last line, lines of code


def _measure(path: str, lines: list[str], result: AnalyzerResult | None) -> list[Measured]:
    """Every function of the file with its length; a file that does not parse has none (and, when result is given,
    is reported unparsed there)."""
    if language_of(path) == "python":
        spans = _python_functions(lines, path, result or AnalyzerResult(name=NAME))
    else:
        spans = _brace_functions(lines, _STARTS[language_of(path)])
    return [(name, start, end, _length(lines, start, end, skip)) for name, start, end, skip in spans]


def _lengths_by_name(measured: list[Measured]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for name, _, _, length in measured:
        out.setdefault(name, []).append(length)
    return out


def _advice(name: str, length: int, before: list[int], code: CodeConfig) -> str | None:
    """The message for a function `length` lines long, or None when the change did not make it too long: a
    same-named function of the base side was already over the limit and the change grew it by at most
    max_function_growth lines. Each base function answers for one function of the new side."""
    limit = code.max_function_lines
    old = [b for b in before if b > limit and length - b <= code.max_function_growth]
    if old:
        before.remove(min(old, key=lambda b: abs(length - b)))
        return None
    was = max((b for b in before if b <= length), default=None)
    if was is None:
        return f"function `{name}` is {length} lines of code long (limit {limit})"
    return f"function `{name}` grew from {was} to {length} lines of code (limit {limit})"


def _length(lines: list[str], start: int, end: int, skip: range) -> int:
    return sum(
        1
        for number in range(start, end + 1)
        if number not in skip and (code := lines[number - 1].strip()) and not code.startswith(_COMMENTS)
    )


Span = tuple[str, int, int, range]  # name, first line, last line, lines not to count (the docstring)


def _python_functions(lines: list[str], path: str, result: AnalyzerResult) -> list[Span]:
    try:
        tree = ast.parse("\n".join(lines))
    except (SyntaxError, ValueError) as exc:
        syntax = pysyntax.needs("\n".join(lines))
        if syntax.needs:  # valid code for a newer Python: a gap of this interpreter, not a broken file
            result.parser_gaps.add(path)
            result.unparsed.append((path, f"functions: Python {syntax.version} syntax not parsed (ygs runs on "
                                          f"Python {pysyntax.running()})"))
        else:
            result.unparsed.append((path, f"Python syntax error: {getattr(exc, 'msg', exc)}"))
        return []
    return [
        (node.name, node.lineno, node.end_lineno or node.lineno, _docstring(node))
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    ]


def _docstring(node: ast.FunctionDef | ast.AsyncFunctionDef) -> range:
    first = node.body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
        return range(first.lineno, (first.end_lineno or first.lineno) + 1)
    return range(0)


def _brace_functions(lines: list[str], start_re: re.Pattern[str]) -> list[Span]:
    spans = []
    for index, line in enumerate(lines):
        match = start_re.match(line)
        if not match:
            continue
        name = next((g for g in match.groups() if g), "anonymous")
        end = _matching_brace(lines, index)
        if end is not None:
            spans.append((name, index + 1, end + 1, range(0)))
    return spans


def _matching_brace(lines: list[str], start: int) -> int | None:
    depth = 0
    for index in range(start, len(lines)):
        code = _STRINGS.sub('""', lines[index]).split("//", 1)[0]
        depth += code.count("{") - code.count("}")
        if depth <= 0 and index > start or depth == 0 and "}" in code:
            return index
    return None
