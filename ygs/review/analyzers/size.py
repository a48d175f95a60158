"""Size and scope of the change as a whole: the size tier, unplanned files (with --plan), and source that
changed without any test changing with it."""

from __future__ import annotations

from ygs.globs import first_match
from ygs.review.languages import SOURCE_LANGUAGES, is_test_path, language_of
from ygs.review.model import AnalyzerResult, RawFinding, ScanContext

NAME = "size"
READS_CONTENT = False  # judges the change's shape, not what the files say: it covers no file for the gate


def applies_to(path: str) -> bool:
    return True


def run(ctx: ScanContext) -> AnalyzerResult:
    changes = [c for c in ctx.changeset.files if not first_match(c.path, ctx.config.review.skip)]
    result = AnalyzerResult(name=NAME, version="builtin", rules_run=4, files_applicable=len(changes),
                            files_scanned=len(changes))
    result.findings += _tier(ctx, changes)
    result.findings += _unplanned(ctx, changes)
    result.findings += _untested(changes)
    return result


def _tier(ctx: ScanContext, changes: list) -> list[RawFinding]:
    lines = sum(c.lines_added + c.lines_deleted for c in changes)
    tier = ctx.config.sizing.tier(len(changes), lines)
    if tier not in ("L", "XL"):
        return []
    advice = "must be split into smaller changes" if tier == "XL" else "consider splitting it"
    return [RawFinding(rule_id=f"size-tier-{tier.lower()}", path="", line=0, source=NAME,
                       message=f"change is size {tier} ({len(changes)} files, {lines} changed lines): {advice}")]


def _unplanned(ctx: ScanContext, changes: list) -> list[RawFinding]:
    if ctx.plan is None:
        return []
    return [
        RawFinding(rule_id="scope-unplanned-file", path=c.path, line=1, source=NAME, whole_file=True,
                   message=f"{c.path} is not in the plan ({', '.join(ctx.plan) or 'empty plan'})")
        for c in changes
        if c.status != "deleted" and not c.path.startswith(".ygs/") and not first_match(c.path, ctx.plan, True)
    ]


def _untested(changes: list) -> list[RawFinding]:
    live = [c for c in changes if c.status != "deleted" and c.kind == "file" and not c.binary]
    sources = [c.path for c in live if language_of(c.path) in SOURCE_LANGUAGES and not is_test_path(c.path)]
    if not sources or any(is_test_path(c.path) for c in changes):
        return []
    shown = ", ".join(sources[:5]) + (f" and {len(sources) - 5} more" if len(sources) > 5 else "")
    return [RawFinding(rule_id="review-no-tests-changed", path="", line=0, source=NAME,
                       message=f"source changed ({shown}) but no test changed with it")]
