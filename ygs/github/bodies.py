"""What ygs writes on a pull request, and the hidden markers that let a re-run find it again.

- the summary comment starts with `<!-- ygs-review -->`;
- every inline comment starts with `<!-- ygs-fp:<fingerprint> sources:<analyzers> -->`; a comment kept
  because someone replied to it, after its finding went away, also carries `<!-- ygs-fixed -->`; an
  outdated comment whose finding is shown again elsewhere carries `<!-- ygs-superseded -->`.

Markers sit at the very start of the body, so a quote in someone else's comment never matches; and a
comment counts as ygs's only when the identity ygs runs as wrote it (see comments.py), so a marker someone
else types into their own comment is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ygs.output import printable
from ygs.review.model import Finding, ReviewResult
from ygs.review.reports import markdown

SUMMARY_MARKER = "<!-- ygs-review -->"
FIXED_MARKER = "<!-- ygs-fixed -->"
SUPERSEDED_MARKER = "<!-- ygs-superseded -->"
COMMENT_LIMIT = 65536 - 1024  # GitHub: 65,536 characters per comment body
_FP = re.compile(r"\A<!-- ygs-fp:([0-9a-zA-Z_-]+)(?: sources:([\w.,-]*))? -->")


@dataclass(frozen=True)
class Marker:
    fingerprint: str
    sources: tuple[str, ...]
    fixed: bool
    superseded: bool = False


def marker_of(body: str | None) -> Marker | None:
    """The ygs marker at the start of an inline comment body, or None for anyone else's comment."""
    match = _FP.match(body or "")
    if match is None:
        return None
    sources = tuple(s for s in (match.group(2) or "").split(",") if s)
    return Marker(match.group(1), sources, FIXED_MARKER in (body or ""), SUPERSEDED_MARKER in (body or ""))


def is_summary(body: str | None) -> bool:
    return (body or "").startswith(SUMMARY_MARKER)


def inline(finding: Finding) -> str:
    """The body of the inline comment for a finding (deterministic: a re-run compares bodies)."""
    cwe = f" ({finding.cwe})" if finding.cwe else ""
    role = "Pass 1 — blocks merge" if finding.pass_ == 1 else "Pass 2 — advises"
    lines = [_marker(finding), f"**{finding.severity.value}** · {role} · `{_plain(finding.rule_id)}`{cwe}", "",
             _plain(finding.message)]
    if finding.fix:
        lines += ["", f"**Fix:** {_plain(finding.fix)}"]
    lines += _suggestion(finding)
    lines += ["", f"<sub>ygs review · {', '.join(finding.sources)}</sub>"]
    return markdown.utf8("\n".join(lines))[:COMMENT_LIMIT]


def _suggestion(finding: Finding) -> list[str]:
    """A ```suggestion block the author can commit, for a one-line comment whose rule knows the fix. Not for
    text with control or bidi characters (the block must hold the code as it is, and must not hide any)."""
    fix = finding.suggestion
    if fix is None or finding.end_line != finding.line or printable(fix.new) != fix.new:
        return []
    fence = "`" * max(3, max((len(run) for run in re.findall(r"`+", fix.new)), default=0) + 1)
    return ["", f"{fence}suggestion", fix.new, fence]


def fixed(body: str) -> str:
    """A comment whose finding is gone but which has replies: kept, marked fixed, original collapsed."""
    first, _, rest = body.partition("\n")
    return (f"{first}{FIXED_MARKER}\n✅ **Fixed** — ygs no longer reports this finding.\n\n"
            f"<details><summary>Original finding</summary>\n\n{rest.strip()}\n\n</details>")


def superseded(body: str) -> str:
    """An outdated comment (the code under it changed) whose finding ygs still reports: kept for its thread,
    marked superseded, original collapsed; the finding is shown on its current line or in the summary."""
    first, _, rest = body.partition("\n")
    return (f"{first}{SUPERSEDED_MARKER}\n↪️ **Superseded** — the code under this comment changed, but ygs still "
            f"reports this finding: it is shown on its current line, or listed in the summary comment.\n\n"
            f"<details><summary>Original finding</summary>\n\n{rest.strip()}\n\n</details>")


def summary(result: ReviewResult, rest: list[Finding], inline_count: int, note: str) -> str:
    """The one summary comment: verdict, counts, evidence, and the findings not placed inline."""
    parts = [f"Reviewed `{str(result.head.get('sha', ''))[:12]}`."]
    if inline_count:
        parts.append(f"{inline_count} finding(s) are inline comments on the diff; "
                     f"{'the rest are' if rest else 'none are'} listed here.")
    if note:
        parts.append(note)
    text = markdown.render_within(COMMENT_LIMIT - len(SUMMARY_MARKER) - 1, result, rest, " ".join(parts))
    return f"{SUMMARY_MARKER}\n{text}"


def _marker(finding: Finding) -> str:
    sources = ",".join(s for s in finding.sources if re.fullmatch(r"[\w.-]+", s))
    return f"<!-- ygs-fp:{finding.fingerprint} sources:{sources} -->"


def _plain(text: str) -> str:
    """Analyzer text (possibly model-written) as Markdown that cannot open HTML or hide a marker, with control and
    bidi characters shown as escapes."""
    return printable(text, keep="\r\n").replace("<", "&lt;").replace(">", "&gt;")
