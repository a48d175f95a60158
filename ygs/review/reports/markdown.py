"""`--format markdown`: a PR comment. Blocking findings first; evidence in a collapsed section."""

from __future__ import annotations

from ygs.output import printable
from ygs.review.model import Finding, ReviewResult
from ygs.review.reports import location, policy_line

ICON = {"pass": "✅", "fail": "❌", "error": "⚠️"}
TITLE = {"pass": "passed", "fail": "blocked", "error": "could not complete"}


def render(result: ReviewResult, findings: list[Finding] | None = None, note: str = "", omitted: int = 0) -> str:
    """The whole report; `findings` narrows the table (e.g. to those not placed inline on a PR), `note` is a
    paragraph under the counts, `omitted` says how many findings were left out to fit a size limit."""
    shown = result.findings if findings is None else findings
    parts = [headline(result), ""]
    parts += [f"> **{_text(notice)}**" for notice in result.notices]
    parts += [f"> **Error:** {_text(error)}" for error in result.errors]
    if result.notices or result.errors:
        parts.append("")
    parts += [counts_line(result), ""]
    if policy_line(result):
        parts += [_text(policy_line(result)), ""]
    if note:
        parts += [note, ""]
    for pass_, title in ((1, "Pass 1 — blocks merge"), (2, "Pass 2 — advises")):
        rows = [f for f in shown if f.pass_ == pass_]
        if rows:
            parts += [f"### {title}", "", *table(rows), ""]
    if omitted:
        parts += [f"… and {omitted} more finding(s) not listed here (size limit); the JSON and SARIF reports "
                  f"list every finding.", ""]
    parts += evidence_section(result)
    return utf8("\n".join(parts).rstrip() + "\n")


def render_within(limit: int, result: ReviewResult, findings: list[Finding] | None = None, note: str = "") -> str:
    """`render`, with as many table rows as fit in `limit` UTF-8 bytes (GitHub caps comments, check-run
    summaries and step summaries); whatever is left out is counted, never silently dropped."""
    shown = list(result.findings if findings is None else findings)
    text = render(result, shown, note)
    if _size(text) <= limit:
        return text
    low, high = 0, len(shown) - 1  # the most rows that fit, by bisection
    while low < high:
        mid = (low + high + 1) // 2
        if _size(render(result, shown[:mid], note, len(shown) - mid)) <= limit:
            low = mid
        else:
            high = mid - 1
    text = render(result, shown[:low], note, len(shown) - low)
    return text if _size(text) <= limit else _cut(text, limit)


def utf8(text: str) -> str:
    """Text that encodes as UTF-8: a non-UTF-8 path (kept with surrogateescape) shows `?` for its odd bytes
    instead of crashing whatever writes or sends the report."""
    return text.encode("utf-8", "replace").decode("utf-8")


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _cut(text: str, limit: int) -> str:
    tail = "\n\n… (truncated to fit GitHub's size limit)\n"
    return text.encode("utf-8")[: max(0, limit - _size(tail))].decode("utf-8", "ignore") + tail


def headline(result: ReviewResult) -> str:
    blocking = len(result.blocking)
    detail = f" — {blocking} finding(s) at {result.fail_level} or above" if result.verdict == "fail" else ""
    return f"## {ICON[result.verdict]} ygs review {TITLE[result.verdict]}{detail}"


def counts_line(result: ReviewResult) -> str:
    c, base = result.counts(), result.base
    return (f"Pass 1: **{c['pass1_MUST']}** MUST, {c['pass1_SHOULD']} SHOULD, {c['pass1_MAY']} MAY · "
            f"Pass 2: {c['pass2_MUST']} MUST, {c['pass2_SHOULD']} SHOULD, {c['pass2_MAY']} MAY · "
            f"base {_code(base.get('ref') or base.get('sha', '')[:12])} ({_text(base.get('how', ''))})")


def table(findings: list[Finding]) -> list[str]:
    rows = ["| Severity | Where | Rule | Finding | Fix |", "|---|---|---|---|---|"]
    for f in findings:
        cwe = f" ({f.cwe})" if f.cwe else ""
        rows.append(f"| {f.severity.value} | {_code(location(f.path, f.line))} | {_code(f.rule_id)}{_cell(cwe)} | "
                    f"{_cell(f.message)} | {_cell(f.fix)} |")
    return rows


def evidence_section(result: ReviewResult) -> list[str]:
    ev = result.evidence
    totals = ev.get("totals", {})
    lines = ["<details><summary>Evidence</summary>", "",
             "| Analyzer | Status | Version | Rules | Files scanned | Findings | Time |", "|---|---|---|---|---|---|---|"]
    for name, a in ev.get("analyzers", {}).items():
        status = _cell(a["status"]) + (f": {_cell(a['reason'])}" if a.get("reason") else "")
        lines.append(f"| {_cell(name)} | {status} | {_cell(a.get('version', ''))} | {a.get('rules_run', 0)} | "
                     f"{a.get('files_scanned', 0)}/{a.get('files_applicable', 0)} | {a.get('findings', 0)} | "
                     f"{a.get('duration_s', 0):.2f}s |")
    lines += ["", f"{totals.get('files_changed', 0)} files changed (+{totals.get('lines_added', 0)} "
              f"−{totals.get('lines_deleted', 0)}), {totals.get('files_reviewed', 0)} reviewed, "
              f"{totals.get('lines_reviewed', 0)} added lines reviewed, "
              f"{totals.get('findings_suppressed', 0)} suppressed, {totals.get('paths_skipped', 0)} skipped."]
    skipped = ev.get("skipped", [])
    if skipped:
        lines += ["", "Not reviewed:", *[f"- {_code(s['path'])} — {_text(s['reason'])}" for s in skipped[:50]]]
        if len(skipped) > 50:
            lines.append(f"- … and {len(skipped) - 50} more")
    lines += ["", f"run `{result.run_id}`", "", "</details>"]
    return lines


def _text(text: str) -> str:
    """Plain text in Markdown: no control or bidi characters (shown as escapes), no raw HTML (a message must not
    open a tag or hide text in a comment)."""
    return printable(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell(text: str) -> str:
    """A table cell: a line break in a message reads as a space; any other control character as an escape."""
    return _text(text.replace("\r\n", " ").replace("\n", " ")).replace("|", "\\|")


def _code(text: str) -> str:
    """An inline code span that survives backticks and pipes in the text; control characters as escapes."""
    text = printable(text).replace("|", "\\|")
    fence = "``" if "`" in text else "`"
    pad = " " if "`" in text else ""
    return f"{fence}{pad}{text}{pad}{fence}"
