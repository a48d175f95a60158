"""Size and scope of the change as a whole: the size tier, unplanned files (with --plan), and source that
changed without any test changing with it.

Both pieces of advice are about what the change does to behaviour, not about how many diff lines it has:

- the size tier counts the files the change adds or edits (not those it only deletes) and its added lines, with
  `[tool.ygs.sizing] deleted_lines_per_line` (default 4) deleted lines counting as one; a change that only
  deletes gets no tier;
- `review-no-tests-changed` fires only when behavioural source changed (see `behaviour_changed`): not for
  comments, docstrings, type annotations, a version string, documentation, CI or build configuration.
"""

from __future__ import annotations

import ast
import re
from pathlib import PurePosixPath

from ygs.diff import has_content
from ygs.globs import first_match
from ygs.review.languages import SOURCE_LANGUAGES, is_test_path, language_of
from ygs.review.model import AnalyzerResult, RawFinding, ScanContext

NAME = "size"
READS_CONTENT = False  # judges the change's shape, not what the files say: it covers no file for the gate
_TOOLING_DIRS = frozenset({".github", ".circleci", ".gitlab", ".buildkite", "docs"})  # not `doc/`: Go packages
_TOOLING_NAMES = frozenset({"setup.py", "noxfile.py", "conftest.py", "gulpfile.js", "gruntfile.js"})
_TOOLING_SUFFIXES = (".d.ts", ".config.js", ".config.cjs", ".config.mjs", ".config.ts", ".config.mts")
# normalized lines (ygs.diff.content_key) that change no behaviour: comments, a version string, type-only
# declarations of TypeScript
_HASH_COMMENTS = frozenset({"python", "ruby", "php"})
_COMMENT = re.compile(r"^(?://|/\*|\*)")
_HASH_COMMENT = re.compile(r"^#")
_INERT_LINE = re.compile(
    r"^(?:export )?(?:const |var |let )?_*(?i:version)\w*(?::\w+)?=[\"'`]v?\d[\w.+-]*[\"'`][,;]?$"
    r"|^(?:export )?(?:declare )?(?:type \w+(?:<[^=]*>)?=|interface \w+)|^import type\b|^export type\{"
)
_TYPING_MODULES = frozenset({"typing", "typing_extensions", "__future__"})


def applies_to(path: str) -> bool:
    return True


def run(ctx: ScanContext) -> AnalyzerResult:
    changes = [c for c in ctx.changeset.files if not first_match(c.path, ctx.config.review.skip)]
    result = AnalyzerResult(name=NAME, version="builtin", rules_run=4, files_applicable=len(changes),
                            files_scanned=len(changes))
    result.findings += _tier(ctx, changes)
    result.findings += _unplanned(ctx, changes)
    result.findings += _untested(ctx, changes)
    return result


def _tier(ctx: ScanContext, changes: list) -> list[RawFinding]:
    edited = [c for c in changes if c.status != "deleted"]
    added = sum(c.lines_added for c in changes)
    if not added:
        return []  # deletions, pure renames, mode changes: nothing new to review
    lines = added + sum(c.lines_deleted for c in changes) // ctx.config.sizing.deleted_lines_per_line
    tier = ctx.config.sizing.tier(len(edited), lines)
    if tier not in ("L", "XL"):
        return []
    advice = "must be split into smaller changes" if tier == "XL" else "consider splitting it"
    return [RawFinding(rule_id=f"size-tier-{tier.lower()}", path="", line=0, source=NAME,
                       message=f"change is size {tier} ({len(edited)} files, {lines} changed lines, deleted lines "
                               f"counted 1 in {ctx.config.sizing.deleted_lines_per_line}): {advice}")]


def _unplanned(ctx: ScanContext, changes: list) -> list[RawFinding]:
    if ctx.plan is None:
        return []
    return [
        RawFinding(rule_id="scope-unplanned-file", path=c.path, line=1, source=NAME, whole_file=True,
                   message=f"{c.path} is not in the plan ({', '.join(ctx.plan) or 'empty plan'})")
        for c in changes
        if c.status != "deleted" and not c.path.startswith(".ygs/") and not first_match(c.path, ctx.plan, True)
    ]


def _untested(ctx: ScanContext, changes: list) -> list[RawFinding]:
    if any(is_test_path(c.path) for c in changes):
        return []
    live = [c for c in changes if c.status != "deleted" and c.kind == "file" and not c.binary]
    candidates = [c for c in live if language_of(c.path) in SOURCE_LANGUAGES and not is_test_path(c.path)
                  and not _tooling(c.path)]
    # the base side of every Python candidate in one `git cat-file --batch`, not one git process per file
    base = ctx.changeset.base_lines([c.path for c in candidates if _parsed(ctx, c) and c.status != "added"])
    sources = [c.path for c in candidates if behaviour_changed(ctx, c, base.get(c.path, []))]
    if not sources:
        return []
    shown = ", ".join(sources[:5]) + (f" and {len(sources) - 5} more" if len(sources) > 5 else "")
    return [RawFinding(rule_id="review-no-tests-changed", path="", line=0, source=NAME,
                       message=f"source changed ({shown}) but no test changed with it")]


def _tooling(path: str) -> bool:
    """Documentation, CI, build and tool configuration written in a programming language."""
    posix = PurePosixPath(path)
    name = posix.name.lower()
    return (bool({p.lower() for p in posix.parts[:-1]} & _TOOLING_DIRS) or name in _TOOLING_NAMES
            or name.endswith(_TOOLING_SUFFIXES))


def behaviour_changed(ctx: ScanContext, change, base: list[str]) -> bool:
    """Whether the change to this source file can change what the program does.

    Python: the syntax trees of both sides differ once docstrings, annotations, `typing` imports, `if
    TYPE_CHECKING:` blocks and version strings are dropped (so comments and formatting never count either).
    Other languages, and a Python side that does not parse: some added or deleted line is code, not a comment, a
    version string or a TypeScript type declaration. base: the file's base-side lines ([] when it is new)."""
    if _parsed(ctx, change):
        old, new = _behaviour("\n".join(base)), _behaviour("\n".join(ctx.lines_of(change.path)))
        if old is not None and new is not None:
            return old != new
    comment = _HASH_COMMENT if language_of(change.path) in _HASH_COMMENTS else _COMMENT
    keys = [k for h in change.hunks for k in (*h.added_keys, *h.deleted_keys)]
    return any(has_content(k) and not comment.match(k) and not _INERT_LINE.match(k) for k in keys)


def _parsed(ctx: ScanContext, change) -> bool:
    """Whether behaviour_changed compares the file's syntax trees (Python that the review materialized)."""
    return language_of(change.path) == "python" and change.path in ctx.files


def _behaviour(text: str) -> str | None:
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return None
    return ast.dump(_Behaviour().visit(tree), include_attributes=False)


class _Behaviour(ast.NodeTransformer):
    """A syntax tree without what cannot change behaviour (see behaviour_changed)."""

    def visit_Module(self, node: ast.Module) -> ast.AST:
        node.body = _without_docstring(node.body)
        return self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        node.body = _without_docstring(node.body)
        return self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        node.body, node.returns = _without_docstring(node.body), None
        if hasattr(node, "type_params"):
            node.type_params = []
        return self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_arg(self, node: ast.arg) -> ast.AST:
        node.annotation = None
        return node

    def visit_AnnAssign(self, node: ast.AnnAssign) -> ast.AST | None:
        if node.value is None:
            return None
        return self.visit(ast.Assign(targets=[node.target], value=node.value))

    def visit_Assign(self, node: ast.Assign) -> ast.AST:
        names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        if names and all("version" in n.lower() for n in names) and isinstance(node.value, ast.Constant) \
                and isinstance(node.value.value, str):
            node.value = ast.Constant(value="")
        return self.generic_visit(node)

    def visit_If(self, node: ast.If) -> ast.AST | None:
        test = node.test
        name = test.id if isinstance(test, ast.Name) else test.attr if isinstance(test, ast.Attribute) else ""
        return None if name == "TYPE_CHECKING" and not node.orelse else self.generic_visit(node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> ast.AST | None:
        return None if node.module in _TYPING_MODULES else node

    def visit_Import(self, node: ast.Import) -> ast.AST | None:
        return None if all(a.name in _TYPING_MODULES for a in node.names) else node

    def visit_TypeAlias(self, node: ast.AST) -> None:  # `type X = …` (Python 3.12)
        return None


def _without_docstring(body: list[ast.stmt]) -> list[ast.stmt]:
    first = body[0] if body else None
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
        return body[1:]
    return body
