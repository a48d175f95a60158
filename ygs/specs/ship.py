"""`ygs ship`: the pre-merge ceremony as checks, each with its evidence.

The change is the work tree against the base (the merge-base with the default branch, as `ygs review`
picks it), so an uncommitted version bump or changelog entry counts. Checks: tests pass; the diff carries
no debug code, secret files or build artifacts (the review's hygiene rules); when source changed, the
version was bumped and the changelog updated; the `ygs review` verdict is pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any, Callable

from ygs import diff
from ygs.guard import testrun
from ygs.config import Config
from ygs.errors import YgsError
from ygs.review import gate
from ygs.review.languages import SOURCE_LANGUAGES, is_test_path, language_of
from ygs.review.model import ReviewResult
from ygs.specs import versioning

PASS, FAIL, SKIP = "pass", "fail", "skip"
CHANGELOG_NAMES = frozenset({"changelog.md", "changelog", "changes.md", "history.md", "changelog.rst"})
MAX_LISTED = 10


@dataclass
class Check:
    name: str
    status: str  # pass | fail | skip
    summary: str
    details: list[str] = field(default_factory=list)
    hint: str = ""
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "status": self.status, "summary": self.summary, "details": self.details,
                "hint": self.hint, "evidence": self.evidence}


@dataclass(frozen=True)
class Change:
    """What every check looks at."""

    root: Path
    config: Config
    base_ref: str | None
    base: dict[str, str]  # {"ref", "sha", "how"}
    changeset: diff.ChangeSet

    @cached_property
    def review(self) -> ReviewResult | YgsError:
        """One review run serves the hygiene and review checks: the same line filter, suppressions and policy.
        The hygiene analyzer always runs here, even if a project left it out of its review analyzers."""
        analyzers = tuple(dict.fromkeys((*self.config.review.analyzers, "hygiene")))
        config = replace(self.config, review=replace(self.config.review, analyzers=analyzers))
        try:
            return gate.review(self.root, config, base_ref=self.base_ref, head=diff.WORKTREE, no_llm=True)
        except YgsError as exc:
            return exc

    @property
    def source_files(self) -> list[str]:
        """Changed source files (by language), tests excluded."""
        return [f.path for f in self.changeset.files
                if language_of(f.path) in SOURCE_LANGUAGES and not is_test_path(f.path)]


@dataclass
class ShipResult:
    base: dict[str, str]
    checks: list[Check]

    @property
    def ok(self) -> bool:
        return all(check.status != FAIL for check in self.checks)

    @property
    def failed(self) -> list[str]:
        return [check.name for check in self.checks if check.status == FAIL]

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "base": self.base, "failed": self.failed,
                "checks": [check.to_json() for check in self.checks]}


def ship(root: Path, config: Config, base_ref: str | None = None) -> ShipResult:
    selection = gate.select(root, base_ref, diff.WORKTREE)
    changeset = diff.collect(root, selection.base_sha, diff.WORKTREE, include_untracked=True)
    change = Change(root, config, base_ref, selection.base, changeset)
    return ShipResult(selection.base, [run(change) for run in CHECKS])


def check_tests(change: Change) -> Check:
    try:
        command = testrun.detect(change.root, change.config)
    except YgsError as exc:
        return Check("tests", FAIL, "no test command", hint=exc.message)
    result = testrun.run(change.root, command)
    evidence = {"command": testrun.describe(command), "exit_code": result.exit_code,
                "duration_s": round(result.duration, 2)}
    if result.passed:
        return Check("tests", PASS, f"`{testrun.describe(command)}` passed in {result.duration:.1f}s",
                     evidence=evidence)
    return Check("tests", FAIL, f"`{testrun.describe(command)}` failed (exit {result.exit_code})",
                 details=result.tail.splitlines()[-MAX_LISTED:], evidence=evidence,
                 hint="fix the failing tests at their cause; do not skip or delete them")


def check_hygiene(change: Change) -> Check:
    result = change.review
    ran = {} if isinstance(result, YgsError) else result.evidence["analyzers"].get("hygiene", {})
    if isinstance(result, YgsError) or ran.get("status") in ("failed", "timed_out"):
        reason = result.message if isinstance(result, YgsError) else ran.get("reason", "")
        return Check("hygiene", FAIL, "could not scan the diff", details=[reason])
    blocking = [f for f in result.blocking if "hygiene" in f.sources]
    files = len(change.changeset.files)
    evidence = {"files": files, "findings": ran.get("findings", 0), "blocking": len(blocking)}
    if not blocking:
        return Check("hygiene", PASS, f"no debug code, secret files or build artifacts in {files} changed file(s)",
                     evidence=evidence)
    return Check("hygiene", FAIL, f"{len(blocking)} leftover(s) in the diff",
                 details=[f"{f.path}:{f.line}: [{f.rule_id}] {f.message}" for f in blocking[:MAX_LISTED]],
                 hint="remove debug calls, .env and key files, build output and conflict markers from the change",
                 evidence=evidence)


def check_version(change: Change) -> Check:
    sources = change.source_files
    if not sources:
        return Check("version", SKIP, "no source files changed: no version bump needed")
    found = versioning.changes(versioning.revision_reader(change.root, change.base["sha"]),
                               versioning.working_tree_reader(change.root))
    if not found:
        return Check("version", SKIP, "no version in pyproject.toml, package.json, Cargo.toml or VERSION")
    suggestion = versioning.suggest(versioning.commits(change.root, change.base["sha"]))
    evidence = {"files": {c.file: {"base": c.old, "new": c.new} for c in found}, "suggested": suggestion.level,
                "source_files": len(sources)}
    stale = [c for c in found if not c.bumped]
    if stale:
        return _unbumped(stale, suggestion, evidence)
    return _bumped(found, suggestion, evidence)


def _unbumped(stale: list[versioning.VersionChange], suggestion: versioning.Suggestion,
              evidence: dict[str, Any]) -> Check:
    first = stale[0]
    proposal = versioning.bump(first.old or first.new, suggestion.level)
    verb = "went backwards" if first.backwards else "was not bumped"
    return Check("version", FAIL, f"source changed but the version {verb}: {first.old} -> {first.new} "
                 f"({', '.join(c.file for c in stale)})",
                 details=[f"suggested: {proposal} ({suggestion.level}: {suggestion.reason})"],
                 hint="bump the version (semver: patch for fixes, minor for features, major for breaking "
                      "changes); when unsure between two levels, take the higher and say why",
                 evidence={**evidence, "proposal": proposal})


def _bumped(found: list[versioning.VersionChange], suggestion: versioning.Suggestion,
            evidence: dict[str, Any]) -> Check:
    first = found[0]
    details = []
    if first.level and versioning.LEVELS.index(first.level) < versioning.LEVELS.index(suggestion.level):
        details.append(f"note: this is a {first.level} bump; the commits suggest {suggestion.level} "
                       f"({suggestion.reason})")
    return Check("version", PASS, f"bumped {first.old or '(new)'} -> {first.new} ({first.file})",
                 details=details, evidence=evidence)


def check_changelog(change: Change) -> Check:
    if not change.source_files:
        return Check("changelog", SKIP, "no source files changed: no changelog entry needed")
    changed = [f.path for f in change.changeset.files
               if PurePosixPath(f.path).name.lower() in CHANGELOG_NAMES and f.status != "deleted"]
    if changed:
        return Check("changelog", PASS, f"{', '.join(changed)} updated", evidence={"files": changed})
    exists = any(p.name.lower() in CHANGELOG_NAMES for p in change.root.iterdir() if p.is_file())
    return Check("changelog", FAIL, "CHANGELOG.md was not updated" if exists else "there is no CHANGELOG.md",
                 hint="add an entry under the new version (or Unreleased): Added / Changed / Fixed / Removed / "
                      "Security, one line per change, written for users")


def check_review(change: Change) -> Check:
    result = change.review
    if isinstance(result, YgsError):
        return Check("review", FAIL, "the review could not run", details=[result.message])
    evidence = {"verdict": result.verdict, "findings": len(result.findings), "blocking": len(result.blocking),
                "run_id": result.run_id}
    if result.verdict == "pass":
        return Check("review", PASS, f"`ygs review` passed ({len(result.findings)} non-blocking finding(s))",
                     evidence=evidence)
    details = result.errors + [f"{f.path}:{f.line}: [{f.rule_id}] {f.message}" for f in result.blocking]
    return Check("review", FAIL, f"`ygs review` verdict is {result.verdict}", details=details[:MAX_LISTED],
                 hint="run `ygs review` for the full report and fix every blocking finding", evidence=evidence)


CHECKS: tuple[Callable[[Change], Check], ...] = (check_tests, check_hygiene, check_version, check_changelog,
                                                  check_review)
