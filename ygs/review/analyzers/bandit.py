"""Bandit on the changed Python files.

Bandit runs under the running interpreter when it is importable (else the `bandit` executable on PATH), on
the changed .py/.pyi files only, with:

- `--ignore-nosec`: ygs matches `# nosec` itself (ygs/review/foreign.py), so each suppression is reported;
- `-x ""`: explicit targets, so bandit's default excluded directories (.tox, .git, *.egg …) don't hide files;
- `-s SKIPPED_TESTS`: checks that are noise for a merge gate (see SKIPPED_TESTS and docs/rules.md).

A file written for a newer Python than the one running bandit (`type X = int`, `def f[T]`, `f"{d["k"]}"`)
is scanned again under the newest `python3.N` on PATH that has bandit; without one it is reported as
"bandit: Python 3.12 syntax not parsed", a gap other analyzers cover (ygs/review/coverage.py).

Rule ids are `bandit-<TEST_ID>`. Tests without a policy entry get a fallback severity from bandit's own.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import sys
import time
import warnings
from importlib import metadata
from typing import Any

from ygs.review.analyzers import pysyntax
from ygs.review.analyzers.semgrep import normalize_path
from ygs.review.analyzers.tool import Completed, ToolError, batches, last_line, run_analyzer, run_process
from ygs.review.languages import language_of
from ygs.review.model import AnalyzerResult, RawFinding, ScanContext, Severity

NAME = "bandit"
INSTALL_HINT = "bandit not found: pip install bandit"

SKIPPED_TESTS: dict[str, str] = {
    "B101": "assert_used: asserts are how tests check things; flagging them is noise",
    "B105": "hardcoded_password_string: keyed on names alone (PASS = 'pass' trips it); the secrets analyzer "
            "owns hard-coded credentials, with key shapes, entropy and placeholder checks",
    "B106": "hardcoded_password_funcarg: as B105; the secrets analyzer owns hard-coded credentials",
    "B107": "hardcoded_password_default: as B105; the secrets analyzer owns hard-coded credentials",
    "B401": "import_telnetlib: the import alone; B312 reports the actual use",
    "B402": "import_ftplib: the import alone; B321 reports the actual use",
    "B403": "import_pickle: the import alone is harmless; B301 reports the actual load",
    "B404": "import_subprocess: the import alone is harmless; the call checks report real risks",
    "B405": "import_xml_etree: the import alone; B313/B314 report the actual parse",
    "B406": "import_xml_sax: the import alone; B317 reports the actual parse",
    "B407": "import_xml_expat: the import alone; B315/B316 report the actual parse",
    "B408": "import_xml_minidom: the import alone; B318 reports the actual parse",
    "B409": "import_xml_pulldom: the import alone; B319 reports the actual parse",
    "B603": "subprocess_without_shell_equals_true: an argument list without a shell is the safe form",
    "B607": "start_process_with_partial_path: running `git` or `npm` by name is how tools work; PATH "
            "hijacking is an environment problem, not something a diff review can judge",
}

# Bandit rates a shell command that is a string literal LOW ("seems safe"): a fixed command cannot be injected.
LITERAL_COMMAND_TESTS = frozenset({"B602", "B605"})

FALLBACK_SEVERITY = {"HIGH": Severity.SHOULD, "MEDIUM": Severity.MAY, "LOW": Severity.MAY}
_TEST_ID = re.compile(r"^B\d{3}$")


def applies_to(path: str) -> bool:
    return language_of(path) == "python"


def run(ctx: ScanContext) -> AnalyzerResult:
    return run_analyzer(NAME, ctx, applies_to, _scan)


def parses(path: str) -> bool:
    """Whether this analyzer parses path as code (ygs/review/coverage.py)."""
    return applies_to(path)


def _scan(ctx: ScanContext, targets: list[str], result: AnalyzerResult, deadline: float) -> None:
    if not targets:
        return
    command = bandit_command()
    if command is None:
        raise ToolError(INSTALL_HINT)
    _run(command, ctx, targets, result, deadline)
    result.version = version()
    result.rules_run = tests_run()
    if result.unparsed:
        _newer_syntax(ctx, result, deadline)


def _run(command: list[str], ctx: ScanContext, targets: list[str], result: AnalyzerResult, deadline: float) -> None:
    wanted = set(targets)
    for batch in batches(targets):
        cmd = [*command, "-f", "json", "-q", "--ignore-nosec", "-x", "", "-s", ",".join(SKIPPED_TESTS), "--", *batch]
        proc = run_process(cmd, cwd=ctx.tree, env=dict(os.environ), timeout=deadline - time.monotonic(), name=NAME)
        output = _parse_json(proc)
        unparsed = _unparsed(output.get("errors", []), wanted)
        result.unparsed.extend(unparsed)
        result.files_scanned += len(_scanned(output.get("metrics", {}), wanted) - {path for path, _ in unparsed})
        result.findings.extend(_findings(output.get("results", []), wanted))


def _newer_syntax(ctx: ScanContext, result: AnalyzerResult, deadline: float) -> None:
    """Files bandit could not parse because they are written for a newer Python: bandit again under the newest
    python3.N on PATH that has it, else each is a parser gap ("bandit: Python 3.12 syntax not parsed").
    A file broken in every version stays unparsed, and blocks (ygs/review/coverage.py)."""
    syntax = {path: pysyntax.needs("\n".join(ctx.lines_of(path))) for path, _ in result.unparsed}
    newer = {path for path, found in syntax.items() if found.needs}
    interpreter = pysyntax.newer_with_bandit() if newer else None
    redo = sorted(p for p in newer if interpreter and syntax[p].needs <= interpreter.version)  # type: ignore[operator]
    if interpreter and redo:
        again = AnalyzerResult(name=NAME)
        _run(interpreter.bandit(), ctx, redo, again, deadline)
        result.unparsed = [u for u in result.unparsed if u[0] not in redo] + again.unparsed
        result.findings += again.findings
        result.files_scanned += again.files_scanned
        result.extra["newer_python"] = {"interpreter": interpreter.name, "files": redo}
    where = f"bandit runs on Python {pysyntax.running()}; no newer python3.N with bandit on PATH"
    if interpreter:
        where = f"bandit runs on Python {pysyntax.running()} and {interpreter.name}"
    reasons = []
    for path, reason in result.unparsed:
        found = syntax.get(path)
        if found and found.needs:
            result.parser_gaps.add(path)
            reason = f"bandit: Python {found.version} syntax not parsed ({where})"
        elif found and found.error:
            reason = f"bandit: syntax error ({found.error})"
        reasons.append((path, reason))
    result.unparsed = reasons


def _parse_json(proc: Completed) -> dict[str, Any]:
    if proc.returncode not in (0, 1):
        raise ToolError(f"bandit exited with {proc.returncode}: {last_line(proc.stderr)}")
    try:
        output = json.loads(proc.stdout)
    except json.JSONDecodeError:
        raise ToolError(f"bandit printed no JSON output: {last_line(proc.stderr)}") from None
    if not isinstance(output, dict):
        raise ToolError("bandit printed unexpected JSON output")
    return output


def _findings(results: list[dict[str, Any]], wanted: set[str]) -> list[RawFinding]:
    out = []
    for item in results:
        path = normalize_path(item.get("filename", ""))
        test_id = str(item.get("test_id", ""))
        if path not in wanted or not _TEST_ID.match(test_id) or _literal_command(test_id, item):
            continue
        line = int(item["line_number"])
        out.append(
            RawFinding(
                rule_id=f"bandit-{test_id}",
                path=path,
                line=line,
                end_line=max([line, *item.get("line_range", [])]),
                message=" ".join(str(item.get("issue_text", "")).split()),
                source=NAME,
                cwe=_cwe(item.get("issue_cwe")),
                severity=FALLBACK_SEVERITY.get(str(item.get("issue_severity", "")).upper(), Severity.MAY),
            )
        )
    return out


def _literal_command(test_id: str, item: dict[str, Any]) -> bool:
    return test_id in LITERAL_COMMAND_TESTS and str(item.get("issue_severity", "")).upper() == "LOW"


def _unparsed(errors: list[dict[str, Any]], wanted: set[str]) -> list[tuple[str, str]]:
    out: dict[str, str] = {}
    for error in errors:
        path = normalize_path(error.get("filename", ""))
        if path in wanted and path not in out:
            out[path] = f"bandit: {error.get('reason', 'could not analyze this file')}"
    return list(out.items())


def _scanned(metrics: dict[str, Any], wanted: set[str]) -> set[str]:
    return {path for path in map(normalize_path, metrics) if path in wanted}


def _cwe(value: Any) -> str | None:
    cwe_id = value.get("id") if isinstance(value, dict) else None
    return f"CWE-{cwe_id}" if cwe_id else None


def bandit_command() -> list[str] | None:
    """bandit under this interpreter when importable, else the `bandit` executable. Never `python -m bandit`:
    that puts the working directory (the change under review) first on sys.path, so a `bandit/` package in
    the change would run in bandit's place (pysyntax.RUN_BANDIT drops it)."""
    if importlib.util.find_spec("bandit") is not None:
        return [sys.executable, "-c", pysyntax.RUN_BANDIT]
    exe = shutil.which("bandit")
    return [exe] if exe else None


def tests_run() -> int:
    """How many bandit tests run (all it has minus SKIPPED_TESTS); 0 when bandit is not importable here."""
    try:
        with warnings.catch_warnings():  # bandit's plugin loader warns about its own dependencies
            warnings.simplefilter("ignore")
            from bandit.core import extension_loader
    except ImportError:
        return 0
    manager = extension_loader.MANAGER
    return len((set(manager.plugins_by_id) | set(manager.blacklist_by_id)) - set(SKIPPED_TESTS))


def version() -> str:
    try:
        return metadata.version("bandit")
    except metadata.PackageNotFoundError:
        return ""
