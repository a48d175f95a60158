"""`ygs review`: change set -> analyzers -> findings -> filter -> verdict.

The policy comes from the trusted side (ygs/review/trust.py), never from the change under review. The gate
fails closed: an analyzer that should have run and failed, timed out, or scanned none of the changed files
it applies to, no analyzer at all, or a changed file no analyzer reads makes the verdict `error`, never `pass`;
a file no analyzer could parse blocks (ygs/review/coverage.py).
"""

from __future__ import annotations

import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from ygs import diff, git, proc
from ygs.config import Config
from ygs.errors import YgsError
from ygs.globs import first_match
from ygs.resources import data_dir
from ygs.review import analyzers, coverage, findings, flows, linehash, policy, progress, trust
from ygs.review.model import FAIL_LEVELS, FILTERS, AnalyzerResult, Anchor, Finding, ReviewResult, ScanContext


@dataclass(frozen=True)
class Selection:
    base_sha: str
    base: dict[str, str]
    head: dict[str, str]
    head_mode: str  # a commit sha, diff.INDEX or diff.WORKTREE


def review(root: Path, config: Config | None = None, *, base_ref: str | None = None, head: str = "HEAD",
           policy: str = trust.BASE, fail_level: str | None = None, filter: str | None = None,
           plan: tuple[str, ...] | None = None, no_llm: bool = False, use_cache: bool = True) -> ReviewResult:
    """Review the change from base to head (a ref, diff.INDEX or diff.WORKTREE) and compute the verdict.

    config None: the policy is the trusted side's (`policy` = base) or the head's (`policy` = head), see
    trust.resolve; a Config is used as given (ygs ship, tests) and recorded as such in the evidence.
    fail_level and filter, when given, are the caller's (the human's command line) and win over the policy.
    """
    started = time.monotonic()
    selection = select(root, base_ref, head)
    resolved = trust.given(config) if config else trust.resolve(root, selection.base_sha, selection.head_mode, policy)
    config = resolved.config
    fail_level = _check_choice("fail level", fail_level or config.review.fail_level, FAIL_LEVELS)
    filter = _check_choice("filter", filter or config.review.filter, FILTERS)
    changeset = diff.collect(root, selection.base_sha, selection.head_mode, include_untracked=True)
    resolved = resolved.adding(trust.attribute_changes(changeset))
    scan = _scan(changeset, config, filter, plan, no_llm, use_cache, resolved)
    result = ReviewResult(verdict="pass", base=selection.base, head=selection.head, run_id=_run_id(),
                          fail_level=fail_level, filter=filter, findings=scan.findings, config=config,
                          anchor=scan.anchor)
    result.errors = coverage_errors(config, scan) + analyzer_errors(scan.results)
    result.notices = resolved.notices() + _notices(scan.results) + coverage.notices(scan.coverage)
    result.evidence = {**evidence(changeset, scan, time.monotonic() - started), "policy": resolved.evidence()}
    result.verdict = result.recompute()
    return result


@dataclass
class Scan:
    """What the analyzers saw and said about one change set."""

    reviewed: list[str]  # read by at least one analyzer that ran
    uncovered: list[str]  # to be reviewed, but no configured analyzer reads them
    skipped: list[dict[str, str]]
    results: list[AnalyzerResult]
    findings: list[Finding]
    suppressed: list[dict]
    coverage: list[dict]  # files an analyzer could not (fully) parse, and what that meant (ygs/review/coverage.py)
    anchor: Anchor | None = None  # where the change-level findings are shown (SARIF)


def _scan(changeset: diff.ChangeSet, config: Config, line_filter: str, plan: tuple[str, ...] | None,
          no_llm: bool, use_cache: bool, resolved: trust.Resolved) -> Scan:
    rules = policy.load(data_dir("gates"), config.review.severity)
    scannable, skipped = partition(changeset, config)
    # Removed on every way out, Ctrl-C and SIGTERM included (see proc.signals_raise); the analyzers are
    # stopped first (run_analyzers), so nothing writes into it while it goes.
    with tempfile.TemporaryDirectory(prefix="ygs-review-", ignore_cleanup_errors=True) as tmp:
        tree = Path(tmp)
        changeset.materialize(tree, scannable)
        scannable, too_large = _drop_oversized(tree, scannable, config.review.max_file_lines)
        unread = skipped + too_large
        ctx = ScanContext(tree=tree, files=tuple(scannable), config=config, gates_dir=data_dir("gates"),
                          changeset=changeset, plan=plan, secrets_only=_secrets_only(changeset, unread))
        results = run_analyzers(ctx, config.review.analyzers)
        if not no_llm:
            results.append(_llm_pass(ctx, results, use_cache))
        kept, suppressed = findings.build(ctx, results, rules, line_filter,
                                          created=lambda left_out: flows.created(ctx, left_out))
        gaps = coverage.report(results, kept)
        kept = findings.ordered(kept + resolved.findings(rules, findings.secrets(results)))
        anchor = _anchor(changeset, scannable)
        kept, anchor = linehash.add(tree, kept, anchor)
    reviewed = [path for path in scannable if _readers(path, results)]
    uncovered = [path for path in scannable if not _covering(path, config.review.analyzers)]
    return Scan(reviewed, uncovered, _mark_secret_scans(unread, ctx.secrets_only, results), results, kept,
                suppressed, gaps, anchor)


def _anchor(changeset: diff.ChangeSet, scannable: list[str]) -> Anchor | None:
    """Where a finding about the change as a whole is shown (SARIF needs a place; GitHub shows a pull request
    only what is on its changed lines): the first added line of the first changed file that has one (the first
    with new content, when there is one), else line 1 of the first file the change leaves in place, else of the
    first file it touches."""
    files = sorted(changeset.files, key=lambda f: f.path)
    readable = set(scannable)
    for change in files:
        if change.path in readable and change.added_lines:
            return Anchor(change.path, min(change.new_lines or change.added_lines))
    kept = [f for f in files if f.status != "deleted"] or files
    return Anchor(kept[0].path, 1) if kept else None


def _covering(path: str, names: tuple[str, ...] | list[str]) -> list[str]:
    """The analyzers among names that read path's content (size judges the change's shape only)."""
    modules = [analyzers.get(name) for name in names if name in analyzers.MODULES]
    return [m.NAME for m in modules if getattr(m, "READS_CONTENT", True) and m.applies_to(path)]


def _readers(path: str, results: list[AnalyzerResult]) -> list[str]:
    """The analyzers that ran and read path (not those that could not parse it)."""
    ran = [r.name for r in results if r.status == "ok" and path not in {p for p, _ in r.unparsed}]
    return _covering(path, ran)


def coverage_errors(config: Config, scan: Scan) -> list[str]:
    """Nothing to run, or changed files nothing reads: an error, never a pass."""
    names = config.review.analyzers
    if not names:
        return ["no analyzers to run: [tool.ygs.review] analyzers = [] reviews nothing"]
    if not scan.uncovered:
        return []
    shown = ", ".join(scan.uncovered[:5]) + (f" and {len(scan.uncovered) - 5} more" if len(scan.uncovered) > 5 else "")
    return [f"no analyzer in [tool.ygs.review] analyzers ({', '.join(names)}) reads {len(scan.uncovered)} "
            f"changed file(s): {shown}"]


def _notices(results: list[AnalyzerResult]) -> list[str]:
    """What every output must say prominently: an optional pass that could not complete."""
    return [f"LLM pass not executed: {r.reason}" for r in results if r.name == "llm" and r.status in ("failed", "timed_out")]


def _llm_pass(ctx: ScanContext, results: list[AnalyzerResult], use_cache: bool) -> AnalyzerResult:
    """The judgment pass (issue 5): it sees the deterministic findings as already known."""
    from ygs.review import llm

    watcher = progress.current()
    watcher.started(llm.NAME, len(ctx.files))
    started = time.monotonic()
    try:
        result = llm.run(ctx, results, use_cache=use_cache)
    except proc.Interrupted as exc:
        exc.stopped = watcher.running
        raise
    except Exception as exc:  # noqa: BLE001 - an LLM failure is evidence, never a crash or a silent pass
        result = AnalyzerResult(name="llm", status="failed", reason=f"{type(exc).__name__}: {exc}",
                                required=ctx.config.llm.required)
    result.duration_s = result.duration_s or time.monotonic() - started
    watcher.finished(result)
    return result


def _check_choice(what: str, value: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise YgsError(f"invalid {what} {value!r}; valid: {', '.join(choices)}")
    return value


def select(root: Path, base_ref: str | None, head: str) -> Selection:
    """Resolve head and base; the base is the merge-base with head, as a pull request sees it."""
    head_sha = git.head_or_none(root)
    if head in (diff.INDEX, diff.WORKTREE):
        head_info = {"ref": head.lower(), "sha": head_sha or ""}
        tip = head_sha
        mode = head
    else:
        tip = git.resolve(head, root)
        head_info = {"ref": head, "sha": tip}
        mode = tip
    if tip is None:  # no commits yet: everything staged / in the work tree is new
        return Selection(git.EMPTY_TREE, {"ref": "", "sha": git.EMPTY_TREE, "how": "empty tree (no commits yet)"},
                         head_info, mode)
    ref = base_ref or default_branch(root)
    base_tip = git.resolve(ref, root)
    proc = git.run("merge-base", base_tip, tip, cwd=root, check=False)
    if proc.returncode != 0:
        raise YgsError(f"{ref} and {head} have no common ancestor; pass --base REF")
    sha = proc.stdout.decode().strip()
    how = f"merge-base of {head} and {ref}" + ("" if base_ref else " (default branch)")
    return Selection(sha, {"ref": ref, "sha": sha, "how": how}, head_info, mode)


def default_branch(root: Path) -> str:
    """origin/HEAD's branch, else main, else master (local or on origin)."""
    proc = git.run("symbolic-ref", "-q", "--short", "refs/remotes/origin/HEAD", cwd=root, check=False)
    if proc.returncode == 0 and proc.stdout.strip():
        return proc.stdout.decode().strip()
    for ref in ("main", "master", "origin/main", "origin/master"):
        if git.run("rev-parse", "--verify", "-q", f"{ref}^{{commit}}", cwd=root, check=False).returncode == 0:
            return ref
    raise YgsError("no default branch found (origin/HEAD, main, master); pass --base REF")


def partition(changeset: diff.ChangeSet, config: Config) -> tuple[list[str], list[dict[str, str]]]:
    """Files to scan, and the ones skipped with the reason (listed in the evidence, never silent)."""
    scannable: list[str] = []
    skipped: list[dict[str, str]] = []
    for change in changeset.files:
        if change.status == "deleted":
            continue
        reason = _skip_reason(change, config)
        if reason:
            skipped.append({"path": change.path, "reason": reason})
        else:
            scannable.append(change.path)
    return scannable, skipped


def _skip_reason(change: diff.FileChange, config: Config) -> str:
    glob = first_match(change.path, config.review.exclude)
    if glob:
        return f"excluded by config ({glob})"
    glob = first_match(change.path, config.review.skip)
    if glob:
        return f"vendored or generated ({glob})"
    if change.kind == "submodule":
        return "submodule (its content lives in another repository)"
    if change.kind == "symlink":
        return "symlink (no content to scan)"
    if change.binary:
        return "binary"
    return ""


def _secrets_only(changeset: diff.ChangeSet, unread: list[dict[str, str]]) -> tuple[str, ...]:
    """Skipped paths the secrets detector still reads: every regular file (a token in package-lock.json, in a
    file over max_file_lines or inside a binary blocks like any other); symlinks and submodules hold none."""
    return tuple(s["path"] for s in unread if changeset.get(s["path"]).kind == "file")  # type: ignore[union-attr]


def _mark_secret_scans(unread: list[dict[str, str]], secrets_only: tuple[str, ...],
                       results: list[AnalyzerResult]) -> list[dict[str, str]]:
    """Each skipped file's entry says whether the secrets detector scanned it; the reason says when it did not."""
    result = next((r for r in results if r.name == "secrets"), None)
    missed = {} if result is None else {**dict(result.unparsed), **{
        e["path"]: e["reason"] for e in result.extra.get("skipped_paths_not_scanned", [])}}
    for entry in unread:
        if entry["path"] not in secrets_only:
            continue
        ran = result is not None and result.status in ("ok", "skipped")
        why = missed.get(entry["path"]) if ran else "the secrets analyzer did not run"
        entry["secrets"] = "scanned" if why is None else f"not scanned: {why}"
        if why is not None:
            entry["reason"] += f"; not scanned for secrets ({why})"
    return unread


def _drop_oversized(tree: Path, files: list[str], limit: int) -> tuple[list[str], list[dict[str, str]]]:
    kept, skipped = [], []
    for path in files:
        with open(tree / path, "rb") as handle:
            count = sum(1 for _ in handle)
        if count > limit:
            skipped.append({"path": path, "reason": f"too large ({count} lines > max_file_lines {limit})"})
        else:
            kept.append(path)
    return kept, skipped


def run_analyzers(ctx: ScanContext, names: tuple[str, ...]) -> list[AnalyzerResult]:
    """Every configured analyzer, concurrently. A crash is the analyzer's failure, never the gate's pass.

    Each runs in a daemon thread, so a thread waiting on a hung tool never keeps the process alive; when
    the main thread is interrupted (Ctrl-C, SIGTERM), every tool's process group is stopped before the
    interruption goes on, and it names the analyzers that were still running."""
    unknown = [n for n in names if n not in analyzers.MODULES]
    if unknown:
        raise YgsError(f"unknown analyzer {unknown[0]!r} in [tool.ygs.review] analyzers; "
                       f"valid: {', '.join(analyzers.MODULES)}")
    watcher = progress.current()
    watcher.begin(len(ctx.files))
    results: dict[str, AnalyzerResult] = {}
    threads = [threading.Thread(target=lambda n=name: results.update({n: _run_one(n, ctx)}), daemon=True,
                                name=f"ygs-{name}") for name in names]
    with proc.children_stopped_on_error():
        try:
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        except proc.Interrupted as exc:
            exc.stopped = watcher.running  # before the tools are stopped, which ends their analyzers
            raise
    lost = AnalyzerResult(name="", status="failed", reason="the analyzer ended without a result")
    return [results.get(name) or replace(lost, name=name) for name in names]


def _run_one(name: str, ctx: ScanContext) -> AnalyzerResult:
    watcher = progress.current()
    started = time.monotonic()
    try:
        module = analyzers.get(name)
        watcher.started(name, sum(map(module.applies_to, ctx.files)))
        result = module.run(ctx)
    except Exception as exc:  # noqa: BLE001 - a broken analyzer must turn into evidence, not a crash
        result = AnalyzerResult(name=name, status="failed", reason=f"{type(exc).__name__}: {exc}")
    result.duration_s = result.duration_s or time.monotonic() - started
    if result.status == "ok" and result.files_applicable == 0 and not result.findings:
        result.status, result.reason = "skipped", "no changed files it applies to"
    if result.status == "timed_out":
        watcher.note(f"{name} passed its {ctx.config.review.analyzer_timeout_s} s timeout; stopped it")
    watcher.finished(result)
    return result


def analyzer_errors(results: list[AnalyzerResult]) -> list[str]:
    errors = []
    for r in results:
        if not r.required:
            continue
        if r.status in ("failed", "timed_out"):
            errors.append(f"analyzer {r.name} {r.status.replace('_', ' ')}: {r.reason}")
        elif r.status == "ok" and r.files_applicable and not (r.files_scanned or r.unparsed):
            errors.append(f"analyzer {r.name} scanned none of the {r.files_applicable} changed files it applies to")
    return errors


def evidence(changeset: diff.ChangeSet, scan: Scan, duration: float) -> dict:
    reviewed = set(scan.reviewed)
    files = changeset.files
    totals = {
        "files_changed": len(files),
        "files_deleted": sum(f.status == "deleted" for f in files),
        "files_reviewed": len(reviewed),  # read by at least one analyzer that ran
        "files_not_covered": len(scan.uncovered),
        "lines_added": changeset.lines_added,
        "lines_deleted": changeset.lines_deleted,
        "lines_reviewed": sum(f.lines_added for f in files if f.path in reviewed),
        "files_reduced_coverage": sum(e["outcome"] == coverage.REDUCED for e in scan.coverage),
        "findings_suppressed": len(scan.suppressed),
        "paths_skipped": len(scan.skipped),
        "duration_s": round(duration, 3),
    }
    return {"analyzers": {r.name: r.evidence() for r in scan.results}, "totals": totals,
            "skipped": scan.skipped, "suppressions": scan.suppressed, "coverage": scan.coverage}


def _run_id() -> str:
    return f"{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"
