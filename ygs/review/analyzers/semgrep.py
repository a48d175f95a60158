"""Semgrep with ygs's own rules (gates/rules/<lang>/*.yaml) over the changed files.

Targets are passed explicitly, never discovered: semgrep then applies none of its ignore machinery (its
built-in default ignores skip `tests/`, `build/`, `vendor/` …, and a `.semgrepignore` in the change could
hide files from the gate). What is skipped is decided by the gate's config, not here. Semgrep's own
`nosemgrep` comments are disabled too: ygs matches them itself (ygs/review/foreign.py), so each is reported.

The targets normally fit one process; a very large change is split into batches that stay well under the
operating system's command-line limit (semgrep has no target-list file option).

A rule that runs past semgrep's per-file budget (`[tool.ygs.review] semgrep_timeout_s`) makes semgrep give up
on the file: on a large file on a busy machine that is the load's doing, not the file's. Those files are
scanned once more, alone, with a longer budget (`semgrep_retry_timeout_s`), within the analyzer's deadline;
only a file semgrep gives up on again, or that the deadline cuts off, stays unparsed, and an unparsed file
is never a pass (ygs/review/coverage.py).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from ygs.globs import first_match
from ygs.review.analyzers import summaries
from ygs.review.analyzers.tool import (Completed, ToolError, ToolTimeout, batches, last_line, run_analyzer,
                                      run_process)
from ygs.review.languages import language_of
from ygs.review.model import AnalyzerResult, Partial, RawFinding, ScanContext

NAME = "semgrep"
LANGUAGES = frozenset({"python", "javascript", "typescript", "go", "java"})  # what gates/rules/ covers
INSTALL_HINT = "semgrep not found: pip install semgrep"
FLAGS = (
    "--json", "--quiet", "--metrics=off", "--disable-version-check", "--disable-nosem", "--no-git-ignore",
    "--no-rewrite-rule-ids", "--max-target-bytes=0",
)
# errors[].type values that mean "this file was not (fully) parsed or analyzed"
PARSE_ERRORS = frozenset({"Lexical error", "Syntax error", "Other syntax error", "AST builder error", "PartialParsing"})
PARTIAL = "PartialParsing"  # parsed, except the lines in the error's spans
GAVE_UP = frozenset({"Timeout", "OutOfMemory", "StackOverflow"})
GAVE_UP_REASON = "semgrep gave up on this file"
_CWE = re.compile(r"CWE-\d+")
# Whole lines of valid TypeScript semgrep's grammar does not know (1.185) that are erased at compile time: an
# unparsed region made only of them holds no code, so it never blocks (it is reported as reduced coverage).
_TS_NAME = r"[A-Za-z_$][\w$]*"
TYPE_ONLY = {
    "typescript": (
        # export type * from './x';  export type * as ns from './x';
        re.compile(rf"^\s*export\s+type\s+\*(?:\s+as\s+{_TS_NAME})?\s+from\s+(['\"])[^'\"\n]*\1\s*;?\s*$"),
        # interface I<in out T> {   (variance annotations; the body lines are parsed as usual)
        re.compile(rf"^\s*(?:export\s+)?(?:declare\s+)?interface\s+{_TS_NAME}\s*<[^;{{}}()=]*\b(?:in|out)\b"
                   rf"[^;{{}}()=]*>\s*(?:extends\s+[^;{{}}()=]+)?\{{\s*\}}?\s*;?\s*$"),
    ),
}


def applies_to(path: str) -> bool:
    return language_of(path) in LANGUAGES


def parses(path: str) -> bool:
    """Whether this analyzer parses path as code (ygs/review/coverage.py)."""
    return applies_to(path)


def run(ctx: ScanContext) -> AnalyzerResult:
    return run_analyzer(NAME, ctx, applies_to, scan_targets)


def scan_targets(ctx: ScanContext, targets: list[str], result: AnalyzerResult, deadline: float) -> None:
    if not targets:
        return
    rules_dir = (ctx.gates_dir / "rules").resolve()
    rules = all_rules(rules_dir)
    result.rules_run = len(rules)
    exe = find_executable()
    if exe is None:
        raise ToolError(INSTALL_HINT)
    wanted = set(targets)
    scanned: set[str] = set()
    sourced: set[str] = set()  # files where request or command-line data enters
    with tempfile.TemporaryDirectory(prefix="ygs-semgrep-") as tmp:
        presence = _write_rules(Path(tmp) / "presence.yaml", summaries.presence_rules(rules))
        for batch in batches(targets):
            output = _scan(exe, [rules_dir, *presence], batch, ctx, deadline, result)
            scanned.update(p for p in map(normalize_path, output.get("paths", {}).get("scanned", [])) if p in wanted)
            found, marks = _findings(output.get("results", []), wanted)
            result.findings.extend(found)
            sourced.update(path for _, path in marks)
            _gaps(output.get("errors", []), wanted, result, ctx)
        sourced.update(retry_gave_up(exe, [rules_dir, *presence], ctx, result, deadline))
        # test code is not followed into helpers: its many small views make the passes costly, for flows nobody deploys
        followed = sorted(p for p in sourced if not first_match(p, ctx.config.review.test_paths))
        _follow_helpers(exe, rules, followed, Path(tmp), ctx, deadline, result)
    result.files_scanned = len(scanned)


def budget(ctx: ScanContext, retry: bool) -> list[str]:
    """semgrep's per-file budget: seconds per rule, and how many rules may time out before it gives up the file."""
    review = ctx.config.review
    seconds = review.semgrep_retry_timeout_s if retry else review.semgrep_timeout_s
    return ["--timeout", str(seconds), "--timeout-threshold", str(review.semgrep_timeout_threshold)]


def retry_gave_up(exe: str, configs: list[Path], ctx: ScanContext, result: AnalyzerResult,
                  deadline: float) -> set[str]:
    """Scan the files semgrep gave up on once more, alone, with the retry's longer budget. The retry's word
    replaces the first run's for them (its findings include those of the rules that had finished); a file it
    gives up on again, or that the analyzer's deadline cuts off, stays unparsed, and its reason says so.
    Returns the retried files where request data enters (see summaries.presence_rules)."""
    again = {path for path, reason in result.unparsed if reason.startswith(GAVE_UP_REASON)}
    if not again:
        return set()
    seconds = ctx.config.review.semgrep_retry_timeout_s
    outputs = []
    try:
        for batch in batches(sorted(again)):
            outputs.append(_scan(exe, configs, batch, ctx, deadline, result, retry=True))
    except ToolTimeout:
        note = f"; the retry with {seconds} s per rule was cut off by the analyzer's deadline"
        result.unparsed[:] = [(p, r + note if p in again else r) for p, r in result.unparsed]
        return set()
    result.unparsed[:] = [(p, r) for p, r in result.unparsed if p not in again]
    result.findings[:] = [f for f in result.findings if f.path not in again]
    kept = len(result.unparsed)
    sourced: set[str] = set()
    for output in outputs:
        found, marks = _findings(output.get("results", []), again)
        result.findings.extend(found)
        sourced.update(path for _, path in marks)
        _gaps(output.get("errors", []), again, result, ctx)
    note = f"; again when retried with {seconds} s per rule"
    result.unparsed[kept:] = [(p, r + note if r.startswith(GAVE_UP_REASON) else r) for p, r in result.unparsed[kept:]]
    result.extra["retried"] = sorted(again)  # evidence: the files given a second, longer run
    return sourced


def _scan(exe: str, configs: list[Path], targets: list[str], ctx: ScanContext, deadline: float,
          result: AnalyzerResult, retry: bool = False) -> dict[str, Any]:
    env = {**os.environ, "SEMGREP_ENABLE_VERSION_CHECK": "0", "SEMGREP_SEND_METRICS": "off"}
    cmd = [exe, "scan", *(f"--config={c}" for c in configs), *FLAGS, *budget(ctx, retry), "--", *targets]
    proc = run_process(cmd, cwd=ctx.tree, env=env, timeout=deadline - time.monotonic(), name=NAME)
    output = _parse_json(proc)
    result.version = result.version or str(output.get("version", ""))
    _check(proc, output)
    return output


def _follow_helpers(exe: str, rules: list[dict[str, Any]], sourced: list[str], tmp: Path, ctx: ScanContext,
                    deadline: float, result: AnalyzerResult) -> None:
    """Request data passed to a same-file helper whose parameter reaches a sink, and helpers that clean their
    parameters (analyzers/summaries.py): stage 1 finds both in the files where such data enters, stage 2 the
    calls that feed the helpers."""
    files = [path for path in sourced if summaries.follows(path)]
    config = _write_rules(tmp / "summaries.yaml", [*summaries.summary_rules(rules), *summaries.return_rules(rules),
                                                   *summaries.param_rules(rules)])
    if not files or not config:
        return
    _, hits = _helper_pass(exe, config, files, ctx, deadline, result)
    texts = {path: "\n".join(ctx.lines_of(path)) for path in files}
    clean = summaries.cleaning(rules, hits, texts.__getitem__)
    helpers = [h for k, h in hits if k == summaries.SUFFIX]
    summarize = {(h.rule_id, h.path) for h in helpers} & clean.keys()
    rescan = {(f.rule_id, f.path) for f in result.findings} & clean.keys()
    if summarize or rescan:  # the rule again where a cleaning helper may take back a flow
        config = _write_rules(tmp / "cleaned.yaml", summaries.clean_rules(rules, clean, summarize, rescan))
        found, hits = _helper_pass(exe, config, sorted({path for _, path in summarize | rescan}), ctx, deadline, result)
        helpers = [h for h in helpers if (h.rule_id, h.path) not in summarize]
        helpers += [h for k, h in hits if k == summaries.SUFFIX]
        result.findings[:] = [f for f in result.findings if (f.rule_id, f.path) not in rescan] + found
    if not helpers:
        return
    config = _write_rules(tmp / "helper-calls.yaml", summaries.call_rules(rules, helpers, texts.__getitem__, clean))
    found, _ = _helper_pass(exe, config, sorted({h.path for h in helpers}), ctx, deadline, result)
    result.findings.extend(summaries.name_helpers(found, helpers, texts.__getitem__))


def _helper_pass(exe: str, config: list[Path], files: list[str], ctx: ScanContext, deadline: float,
                 result: AnalyzerResult) -> tuple[list[RawFinding], list[tuple[str, summaries.Helper]]]:
    """One follow-up run over the files: its findings, and its internal hits by kind (see summaries.kind)."""
    found, hits = [], []
    for batch in batches(files):
        output = _scan(exe, config, batch, ctx, deadline, result, retry=True)  # few files: the long budget
        found_here, marks = _findings(output.get("results", []), set(batch))
        found.extend(found_here)
        hits.extend((summaries.kind(str(item["check_id"])), h) for item, path in marks
                    if (h := summaries.helper_from(item, path)))
        _new_gaps(output, batch, result, ctx)
    return found, hits


def _new_gaps(output: dict[str, Any], batch: list[str], result: AnalyzerResult, ctx: ScanContext) -> None:
    """Gaps of a follow-up run, for files the first run did not already report unparsed."""
    known = {path for path, _ in result.unparsed} | {p.path for p in result.partial}
    errors = [e for e in output.get("errors", []) if normalize_path(e.get("path") or "") not in known]
    _gaps(errors, set(batch), result, ctx)


def _write_rules(path: Path, rules: list[dict[str, Any]]) -> list[Path]:
    """The rules as a semgrep config file, as the list of configs to add (none when there are no rules)."""
    if not rules:
        return []
    path.write_text(yaml.safe_dump({"rules": rules}, sort_keys=False), encoding="utf-8")
    return [path]


def _check(proc: Completed, output: dict[str, Any]) -> None:
    fatal = _fatal_errors(output.get("errors", []))
    if fatal:
        raise ToolError(f"semgrep: {fatal[0]}")
    if proc.returncode not in (0, 1):
        raise ToolError(f"semgrep exited with {proc.returncode}: {last_line(proc.stderr)}")


def _parse_json(proc: Completed) -> dict[str, Any]:
    try:
        output = json.loads(proc.stdout)
    except json.JSONDecodeError:
        raise ToolError(f"semgrep exited with {proc.returncode} and no JSON output: {last_line(proc.stderr)}") from None
    if not isinstance(output, dict):
        raise ToolError("semgrep printed unexpected JSON output")
    return output


Mark = tuple[dict[str, Any], str]  # a hit of one of ygs's internal rules, and its path


def _findings(results: list[dict[str, Any]], wanted: set[str]) -> tuple[list[RawFinding], list[Mark]]:
    """The findings, and apart the hits of ygs's internal rules (analyzers/summaries.py), with their paths."""
    out, marks = [], []
    for item in results:
        path = normalize_path(item.get("path", ""))
        if path not in wanted:
            continue
        if summaries.internal(str(item["check_id"])):
            marks.append((item, path))
            continue
        extra = item.get("extra", {})  # never extra.lines / extra.fingerprint: "requires login" when logged out
        out.append(
            RawFinding(
                rule_id=summaries.rule_id(str(item["check_id"])),
                path=path,
                line=int(item["start"]["line"]),
                end_line=int(item["end"]["line"]),
                col=_column(item["start"]),
                end_col=_column(item["end"]),
                message=" ".join(str(extra.get("message", "")).split()),
                source=NAME,
                cwe=_cwe(extra.get("metadata", {}).get("cwe")),
                replacement=extra["fix"] if isinstance(extra.get("fix"), str) else None,
            )
        )
    return out, marks


def _column(position: dict[str, Any]) -> int | None:
    col = position.get("col")
    return col if isinstance(col, int) and col > 0 else None


def _gaps(errors: list[dict[str, Any]], wanted: set[str], result: AnalyzerResult, ctx: ScanContext) -> None:
    """Files semgrep did not parse (unparsed; a syntax error is a gap in its grammar, giving up is not) and
    files it parsed except some lines (partial: its error recovery skipped them)."""
    whole: dict[str, str] = {}
    partial: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    for error in errors:
        path = normalize_path(error.get("path") or "")
        kind = error_type(error)
        if path not in wanted or kind not in PARSE_ERRORS | GAVE_UP:
            continue
        spans = _spans(error)
        if kind == PARTIAL and spans:
            partial.setdefault(path, (_detail(error), []))[1].extend(spans)
        elif path not in whole:
            whole[path] = _reason(error, kind)
            if kind in PARSE_ERRORS:
                result.parser_gaps.add(path)
    result.unparsed.extend(whole.items())
    for path, (detail, spans) in partial.items():
        if path not in whole:
            result.partial.extend(_partial(path, detail, spans, ctx))


def _partial(path: str, detail: str, spans: list[tuple[int, int]], ctx: ScanContext) -> list[Partial]:
    """The unparsed regions, those that hold only type-level syntax (TYPE_ONLY) apart: they hold no code."""
    lines = ctx.lines_of(path)
    patterns = TYPE_ONLY.get(language_of(path), ())
    erased = [s for s in spans if all(any(p.match(line) for p in patterns) for line in lines[s[0] - 1:s[1]])]
    code, typed = merge_spans([s for s in spans if s not in erased]), merge_spans(erased)
    out = [Partial(path, f"semgrep could not parse {describe_lines(code)} ({detail})", code)] if code else []
    if typed:
        out.append(Partial(path, f"semgrep could not parse {describe_lines(typed)} ({detail}): type-only syntax, "
                                 "no runtime code", typed, runtime=False))
    return out


def _spans(error: dict[str, Any]) -> list[tuple[int, int]]:
    out = []
    for span in error.get("spans") or []:
        start, end = span.get("start", {}).get("line"), span.get("end", {}).get("line")
        if isinstance(start, int) and start > 0:
            out.append((start, max(start, end if isinstance(end, int) else start)))
    return out


def merge_spans(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Line ranges sorted, overlapping or touching ones joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def describe_lines(spans: tuple[tuple[int, int], ...]) -> str:
    """`line 2`, `lines 2-4`, `lines 2, 7-9`."""
    parts = [str(a) if a == b else f"{a}-{b}" for a, b in spans]
    plural = len(spans) > 1 or spans[0][0] != spans[0][1]
    return ("lines " if plural else "line ") + ", ".join(parts)


def _detail(error: dict[str, Any]) -> str:
    """semgrep's message without its `Syntax error at line path:N:` header."""
    message = str(error.get("message", ""))
    body = message.split("\n", 1)[1] if "\n" in message else message
    return " ".join(body.split())[:200] or "syntax error"


def _reason(error: dict[str, Any], kind: str) -> str:
    if kind in GAVE_UP:
        return f"{GAVE_UP_REASON} ({kind}, rule {error.get('rule_id', '?')})"
    spans = error.get("spans") or [{}]
    line = spans[0].get("start", {}).get("line")
    where = f" at line {line}" if line else ""
    return f"semgrep could not parse this file: syntax error{where}"


def _fatal_errors(errors: list[dict[str, Any]]) -> list[str]:
    """Errors that invalidate the whole run (bad rules, bad config), as one-line messages."""
    return [
        " ".join(str(e.get("message", error_type(e))).split())
        for e in errors
        if e.get("level") == "error" and error_type(e) not in PARSE_ERRORS | GAVE_UP
    ]


def error_type(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    return str(kind[0]) if isinstance(kind, list) and kind else str(kind)


def _cwe(value: Any) -> str | None:
    text = " ".join(value) if isinstance(value, list) else str(value or "")
    match = _CWE.search(text)
    return match.group(0) if match else None


def normalize_path(path: str) -> str:
    """A tool's report path as a tree-relative POSIX path (`./a/b.py` -> `a/b.py`)."""
    return PurePosixPath(path).as_posix() if path else ""


def rule_ids(rules_dir: Path) -> list[str]:
    """Every rule id in the rules directory (*.yaml, *.yml), in file order."""
    return [str(rule.get("id", "")) for rule in all_rules(rules_dir)]


def all_rules(rules_dir: Path) -> list[dict[str, Any]]:
    """Every rule in the rules directory (*.yaml, *.yml), in file order."""
    if not rules_dir.is_dir():
        raise ToolError(f"semgrep rules directory not found: {rules_dir}")
    rules: list[dict[str, Any]] = []
    for path in sorted([*rules_dir.rglob("*.yaml"), *rules_dir.rglob("*.yml")]):
        rules.extend(rules_in(path))
    return rules


def rules_in(path: Path) -> list[dict[str, Any]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ToolError(f"cannot read semgrep rules {path}: {' '.join(str(exc).split())}") from None
    rules = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(rules, list) or not all(isinstance(rule, dict) for rule in rules):
        raise ToolError(f"{path}: not a semgrep rules file (expected a top-level `rules:` list)")
    return rules


def find_executable() -> str | None:
    """The semgrep next to the running interpreter (the venv's bin/) first, then PATH."""
    beside = Path(sys.executable).parent / "semgrep"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("semgrep")


