"""A blocking semgrep finding on a line the change did not add still counts when the change created it.

Taint findings are reported at their sink, and semgrep's open-source JSON carries no data-flow trace, so the
`added` line filter alone would miss a change that feeds new request data into an old sink line, or moves a
sink next to a new source. For each blocking semgrep finding the line filter left out, in a file the change
edited, the base side of that file, and of every file the change deletes lines from (moved code comes from
there), is scanned with the same rules: a finding the base side did not have (same rule, same normalized
text where it starts) was created by this change and is kept. A base scan that fails or
times out keeps every such finding: what the gate could not compare never reads as old.
"""

from __future__ import annotations

import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from ygs.review import findings
from ygs.review.analyzers import semgrep
from ygs.review.analyzers.tool import ToolError, ToolTimeout
from ygs.review.model import AnalyzerResult, RawFinding, ScanContext

NOTE = "the flow into this line is new in this change"


def created(ctx: ScanContext, candidates: list[RawFinding]) -> list[RawFinding]:
    """The candidates (semgrep findings on lines the change did not add) the base side does not have."""
    if not candidates:
        return []
    paths = sorted({raw.path for raw in candidates})
    sources = [f.path for f in ctx.changeset.files if f.status != "deleted" and f.lines_deleted]
    base = ctx.changeset.base_lines(sorted({*paths, *sources}))
    try:
        seen = _base_findings(ctx, base)
    except (ToolError, ToolTimeout, OSError):
        seen = Counter()  # nothing compared: every candidate stays
    new_text = {path: ctx.lines_of(path) for path in paths}
    out = []
    for raw in candidates:
        key = (raw.rule_id, _start(new_text[raw.path], raw))
        if seen[key]:
            seen[key] -= 1
            continue
        out.append(replace(raw, message=f"{raw.message} ({NOTE})"))
    return out


def _base_findings(ctx: ScanContext, base: dict[str, list[str]]) -> Counter[tuple[str, str]]:
    """(rule, normalized start text) of every semgrep finding on the base side of the given files."""
    with tempfile.TemporaryDirectory(prefix="ygs-base-", ignore_cleanup_errors=True) as tmp:
        tree = Path(tmp)
        for path, lines in base.items():
            target = tree / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files = tuple(base)
        base_ctx = replace(ctx, tree=tree, files=files)
        result = AnalyzerResult(name=semgrep.NAME)
        deadline = time.monotonic() + ctx.config.review.analyzer_timeout_s
        semgrep.scan_targets(base_ctx, list(files), result, deadline)
        return Counter((raw.rule_id, _start(base[raw.path], raw)) for raw in result.findings)


def _start(lines: list[str], raw: RawFinding) -> str:
    """The normalized text a finding starts with, so `} catch {}` that gained ` finally {` still starts the same."""
    return findings.covered_key(raw, raw.line, lines[raw.line - 1] if 0 < raw.line <= len(lines) else "")
