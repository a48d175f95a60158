"""`--format github`: workflow-command annotations on stdout and a Markdown step summary
(`$GITHUB_STEP_SUMMARY`), with no API call, so it works on any runner and on fork PRs.

GitHub shows at most 10 annotations of each kind (error, warning, notice) per step and drops the rest
silently, so ygs emits the most severe 10 of each kind and says in the step summary how many were not
annotated; the step summary lists every finding (up to GitHub's 1 MiB cap, then counts the rest).
`ygs review --publish github` reuses these for its fallback when it may not create a check run.
"""

from __future__ import annotations

import os
from pathlib import Path

from ygs.output import printable
from ygs.review.model import Finding, ReviewResult, Severity
from ygs.review.reports import markdown, policy_line

COMMAND = {Severity.MUST: "error", Severity.SHOULD: "warning", Severity.MAY: "notice"}
ANNOTATIONS_PER_KIND = 10  # GitHub: 10 errors, 10 warnings, 10 notices per step
STEP_SUMMARY_LIMIT = 1024 * 1024 - 4096  # GitHub: 1 MiB per step, with room for other steps' lines


def render(result: ReviewResult) -> str:
    write_step_summary(step_summary(result))
    return "\n".join([*annotations(result), status_line(result)]) + "\n"


def annotations(result: ReviewResult) -> list[str]:
    """Errors, then findings most severe first, then notices; at most ANNOTATIONS_PER_KIND of each kind."""
    candidates = [("error", f"::error title=ygs review error::{_data(e)}") for e in result.errors]
    candidates += [(COMMAND[f.severity], annotation(f)) for f in by_severity(result.findings)]
    candidates += [("warning", f"::warning title=ygs review::{_data(n)}") for n in result.notices]
    used = {kind: 0 for kind in COMMAND.values()}
    lines = []
    for kind, line in candidates:
        used[kind] += 1
        if used[kind] <= ANNOTATIONS_PER_KIND:
            lines.append(line)
    return lines


def not_annotated(result: ReviewResult) -> int:
    """How many findings `annotations` leaves out (GitHub would drop them anyway)."""
    kinds = [COMMAND[f.severity] for f in result.findings]
    kinds += ["error"] * len(result.errors) + ["warning"] * len(result.notices)
    return sum(max(0, kinds.count(kind) - ANNOTATIONS_PER_KIND) for kind in COMMAND.values())


def by_severity(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (-f.severity.rank, f.pass_, f.path, f.line))


def annotation(finding: Finding) -> str:
    props = [f"title={_prop(f'{finding.severity.value} {finding.rule_id}')}"]
    if finding.path:
        props = [f"file={_prop(finding.path)}", f"line={max(finding.line, 1)}",
                 f"endLine={max(finding.end_line, finding.line, 1)}", *props]
    text = _data(finding.message) + (f"%0AFix: {_data(finding.fix)}" if finding.fix else "")
    return f"::{COMMAND[finding.severity]} {','.join(props)}::{text}"


def status_line(result: ReviewResult) -> str:
    policy = f"; {policy_line(result)}" if policy_line(result) else ""
    return f"ygs review: {result.verdict} ({len(result.blocking)} blocking, {len(result.findings)} findings){policy}"


def step_summary(result: ReviewResult) -> str:
    """The Markdown report for the step summary: every finding, within GitHub's size limit."""
    hidden = not_annotated(result)
    note = (f"GitHub shows {ANNOTATIONS_PER_KIND} annotations of each kind per step: {hidden} finding(s) are "
            f"not annotated on the diff — every finding is listed below." if hidden else "")
    return markdown.render_within(STEP_SUMMARY_LIMIT, result, note=note)


def write_step_summary(text: str) -> bool:
    """Append to $GITHUB_STEP_SUMMARY when set, once per text (publishing and --format github share it);
    never fails the review."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return False
    path = Path(target)
    try:
        if path.is_file() and text in path.read_text(encoding="utf-8", errors="replace"):
            return True
        with path.open("a", encoding="utf-8") as handle:
            handle.write(text + "\n")
    except OSError:
        return False
    return True


def _data(text: str) -> str:
    """A workflow command's message: control characters as visible escapes (no raw ESC reaches the log), then
    GitHub's own escaping (`%`, CR, LF), so the text can never end the command or start another one; a line
    break in a message stays a line break in the annotation."""
    return printable(text, keep="\r\n").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    """A workflow command's property value (file, title): every control character as a visible escape (a file
    name with a line break shows `\\n`), then `%`, `:` and `,` that would end the property."""
    return _data(printable(text)).replace(":", "%3A").replace(",", "%2C")
