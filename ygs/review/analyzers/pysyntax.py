"""Python syntax newer than the interpreter that runs ygs: which version a file needs, and a newer interpreter
on PATH that can run bandit on it.

`needs(text)` tells a file written for a newer Python (`type X = int`, `def f[T](x: T)`, `f"{d["k"]}"`, …)
from a broken one without another interpreter: it compiles the text here and, at each syntax error, rewrites
the newer construct on that line into its older equivalent (same line count) and compiles again. The file
needs the newer version only when every error was such a construct and the rewritten text compiles: text that
is broken in every version stays broken (`type X =` is not an alias, it is an error).
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ygs.review.analyzers.tool import ToolError, ToolTimeout, run_process

RUNNING = sys.version_info[:2]
NEWER_MINORS = 8  # python3.(N+1) … python3.(N+8) are looked up on PATH, no further
PROBE_TIMEOUT_S = 10.0
MAX_REWRITES = 200  # newer constructs rewritten per file before giving up (a file of nothing but aliases)

# `python -c` puts the working directory (the change under review) first on sys.path: a `bandit/` package in
# the change would run instead of bandit. Every interpreter ygs starts drops it before importing anything.
SAFE_PATH = "import sys; sys.path[:] = [p for p in sys.path if p]; "
RUN_BANDIT = SAFE_PATH + "from bandit.cli.main import main; sys.exit(main())"
_PROBE = SAFE_PATH + "import importlib.util as u; print(*sys.version_info[:2], u.find_spec('bandit') is not None)"


@dataclass(frozen=True)
class Syntax:
    """What the running interpreter makes of a file."""

    needs: tuple[int, int] | None  # the newer Python version whose syntax explains every error
    error: str  # the first syntax error here ("line 3: invalid syntax"), "" when it compiles

    @property
    def version(self) -> str:
        return f"{self.needs[0]}.{self.needs[1]}" if self.needs else ""


def running() -> str:
    return f"{RUNNING[0]}.{RUNNING[1]}"


def needs(text: str) -> Syntax:
    """Whether text compiles here, and if not, whether newer syntax alone explains it."""
    return _needs(text)


@lru_cache(maxsize=64)  # bandit and the functions analyzer ask about the same files
def _needs(text: str) -> Syntax:
    lines = text.split("\n")
    needed = RUNNING
    first = ""
    for _ in range(MAX_REWRITES):
        try:
            compile("\n".join(lines), "<change>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
        except SyntaxError as exc:
            first = first or (f"line {exc.lineno}: {exc.msg}" if exc.lineno else str(exc.msg))
            rewritten = _downgrade(lines, exc.lineno)
            if rewritten is None:
                return Syntax(None, first)
            version, lines = rewritten
            needed = max(needed, version)
            continue
        except ValueError as exc:  # a NUL byte (3.11 and older): not Python in any version
            return Syntax(None, first or str(exc))
        return Syntax(needed if needed > RUNNING else None, first)
    return Syntax(None, first)


def _downgrade(lines: list[str], lineno: int | None) -> tuple[tuple[int, int], list[str]] | None:
    if not lineno or lineno > len(lines):
        return None
    line = lines[lineno - 1]
    for version, rewrite in _REWRITES:
        if version <= RUNNING:
            continue
        new = rewrite(line)
        if new is not None and new != line:
            return version, [*lines[: lineno - 1], new, *lines[lineno:]]
    return None


_TYPE_ALIAS = re.compile(r"^(\s*)type\s+([A-Za-z_]\w*)\s*(?:\[.*\])?\s*=(?!=)(.*)$")  # PEP 695
_GENERIC = re.compile(r"^(\s*(?:async\s+)?def\s+[A-Za-z_]\w*|\s*class\s+[A-Za-z_]\w*)\s*\[")  # PEP 695
_F_START = re.compile(r"(?<![\w'\"])(?:[rR][fF]|[fF][rR]?)(['\"])(?!\1\1)")  # PEP 701 (one-line f-strings)
_EXCEPT_LIST = re.compile(r"^(\s*except\*?\s+)(?!\()([^:#()]+,[^:#()]+?)\s*:")  # PEP 758 (no `as`)


def _type_alias(line: str) -> str | None:
    match = _TYPE_ALIAS.match(line)
    return f"{match.group(1)}{match.group(2)} ={match.group(3)}" if match else None


def _generic(line: str) -> str | None:
    match = _GENERIC.match(line)
    if not match:
        return None
    end = _closing(line, match.end() - 1, "[", "]")
    return None if end is None else match.group(1) + line[end + 1:]


def _fstrings(line: str) -> str | None:
    out, pos = [], 0
    for match in _F_START.finditer(line):
        if match.start() < pos:
            continue
        end = _fstring_end(line, match.end(), match.group(1))
        if end is None:
            return None
        out += [line[pos:match.start()], '""']
        pos = end + 1
    return "".join(out) + line[pos:] if out else None


def _except_list(line: str) -> str | None:
    match = _EXCEPT_LIST.match(line)
    return f"{match.group(1)}({match.group(2)}):{line[match.end():]}" if match else None


_REWRITES: tuple[tuple[tuple[int, int], Callable[[str], str | None]], ...] = (
    ((3, 12), _type_alias), ((3, 12), _generic), ((3, 12), _fstrings), ((3, 14), _except_list),
)


def _closing(text: str, start: int, opening: str, closing: str) -> int | None:
    depth = 0
    for index in range(start, len(text)):
        depth += (text[index] == opening) - (text[index] == closing)
        if depth == 0:
            return index
    return None


def _fstring_end(line: str, index: int, quote: str) -> int | None:
    """The index of the quote closing the f-string whose body starts at index (3.12 rules: any quote inside
    a replacement field)."""
    depth = 0
    while index < len(line):
        char = line[index]
        if char == "\\":
            index += 2
            continue
        if depth == 0 and char == quote:
            return index
        if char == "{" and depth == 0 and line.startswith("{{", index):
            index += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}" and depth:
            depth -= 1
        elif depth and char in "'\"":
            close = line.find(char, index + 1)
            if close < 0:
                return None
            index = close
        index += 1
    return None


@dataclass(frozen=True)
class Interpreter:
    path: str
    version: tuple[int, int]

    def bandit(self) -> list[str]:
        return [self.path, "-c", RUN_BANDIT]

    @property
    def name(self) -> str:
        return f"Python {self.version[0]}.{self.version[1]} ({self.path})"


def newer_with_bandit() -> Interpreter | None:
    """The newest `python3.N` on PATH newer than this interpreter that can import bandit (probed once per PATH)."""
    return _newer_with_bandit(os.environ.get("PATH", ""))


@lru_cache(maxsize=4)
def _newer_with_bandit(path_env: str) -> Interpreter | None:
    for minor in range(RUNNING[1] + NEWER_MINORS, RUNNING[1], -1):
        exe = shutil.which(f"python3.{minor}", path=path_env)
        if exe and _probe(exe) == f"3 {minor} True":
            return Interpreter(exe, (3, minor))
    return None


def _probe(exe: str) -> str:
    try:
        done = run_process([exe, "-c", _PROBE], cwd=Path(exe).parent, env=dict(os.environ), timeout=PROBE_TIMEOUT_S)
    except (ToolError, ToolTimeout):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""
