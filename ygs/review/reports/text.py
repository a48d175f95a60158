"""`--format text` (default): for people, via rich. Colour only on a TTY and never under NO_COLOR."""

from __future__ import annotations

import io
import os
import re
import sys

from rich.console import Console
from rich.markup import escape as _markup

from ygs.output import printable
from ygs.review.model import Finding, ReviewResult
from ygs.review.reports import location, policy_line

VERDICT = {"pass": "[bold green]PASS[/]", "fail": "[bold red]BLOCKED[/]", "error": "[bold yellow]ERROR[/]"}
SEVERITY_STYLE = {"MUST": "bold red", "SHOULD": "yellow", "MAY": "cyan"}


def render(result: ReviewResult, color: bool | None = None) -> str:
    if color is None:
        color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=120, highlight=False, soft_wrap=True,
                      color_system="standard" if color else None)
    _header(console, result)
    for pass_, title in ((1, "Pass 1 — blocks merge"), (2, "Pass 2 — advises")):
        rows = [f for f in result.findings if f.pass_ == pass_]
        if rows:
            console.print(f"\n[bold]{title}[/] ({len(rows)})")
            for finding in rows:
                _finding(console, finding)
    _evidence(console, result)
    return _NO_WORKFLOW_COMMAND.sub(r"\1\\::", buffer.getvalue())


# A CI runner reads `::command::` at the start of a log line (after blanks) as a workflow command.
_NO_WORKFLOW_COMMAND = re.compile(r"(?m)^([ \t]*)::")


def escape(text: str, *, keep: str = "") -> str:
    """Text from the change (a path, a message, a snippet), safe for the terminal and for rich markup."""
    return _markup(printable(text, keep=keep))


def _header(console: Console, result: ReviewResult) -> None:
    blocking = f" — {len(result.blocking)} blocking at {result.fail_level}" if result.verdict == "fail" else ""
    console.print(f"ygs review: {VERDICT[result.verdict]}{blocking}")
    base = result.base
    console.print(f"base {escape(base.get('ref') or '-')} @ {base.get('sha', '')[:12]} "
                  f"({escape(base.get('how', ''))}); head {escape(result.head.get('ref', ''))}")
    if policy_line(result):
        console.print(escape(policy_line(result)))
    for notice in result.notices:
        console.print(f"[bold yellow]! {escape(notice)}[/]")
    for error in result.errors:
        console.print(f"[bold yellow]error: {escape(error)}[/]")
    if not result.findings and result.verdict == "pass":
        console.print("no findings on the selected lines")


def _finding(console: Console, f: Finding) -> None:
    rule = escape(f.rule_id + (f" {f.cwe}" if f.cwe else ""))
    sources = escape(", ".join(f.sources))
    console.print(f"  [{SEVERITY_STYLE[f.severity.value]}]{f.severity.value:<6}[/] "
                  f"{escape(location(f.path, f.line))}  {rule}  [dim]({sources})[/]")
    console.print(f"         {escape(f.message)}")
    if f.snippet:
        snippet = escape(f.snippet, keep="\t")  # a tab is indentation in code
        console.print(f"         [dim]> {snippet}[/]")
    if f.fix:
        console.print(f"         fix: {escape(f.fix)}")


def _evidence(console: Console, result: ReviewResult) -> None:
    ev = result.evidence
    console.print("\n[bold]Evidence[/]")
    for name, a in ev.get("analyzers", {}).items():
        reason = f" — {a['reason']}" if a.get("reason") else ""
        console.print(f"  {escape(name):<10} {escape(a['status']):<9} {escape(a.get('version', '') or '-'):<10} "
                      f"rules {a.get('rules_run', 0):<4} files {a.get('files_scanned', 0)}/{a.get('files_applicable', 0)}"
                      f"  {a.get('duration_s', 0):.2f}s{escape(reason)}")
    t = ev.get("totals", {})
    console.print(f"  {t.get('files_changed', 0)} files changed (+{t.get('lines_added', 0)} −{t.get('lines_deleted', 0)}), "
                  f"{t.get('files_reviewed', 0)} reviewed, {t.get('lines_reviewed', 0)} added lines reviewed, "
                  f"{t.get('findings_suppressed', 0)} suppressed, {t.get('paths_skipped', 0)} skipped")
    for skipped in ev.get("skipped", [])[:20]:
        console.print(f"  [dim]not reviewed: {escape(skipped['path'])} — {escape(skipped['reason'])}[/]")
    console.print(f"  run {result.run_id}")
