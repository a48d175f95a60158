"""Where findings can be shown on the pull request: inline comments and check-run annotations.

Both attach to the PR head, so a finding is shown there only when its file reads the same at the PR head
as in the reviewed commit (`at_head`). When the checkout is not the PR head (actions/checkout's default
merge commit), files that differ between the two are neither commented on nor annotated: their line
numbers may not match what GitHub shows; those findings are listed in the summaries instead.

GitHub accepts a review comment only on a line its pull request diff shows (added or context, RIGHT
side); the hunks come from the same git diff the review used.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ygs import diff, git
from ygs.errors import YgsError
from ygs.review.model import Finding, ReviewResult


@dataclass(frozen=True)
class Placement:
    hunks: dict[str, tuple[range, ...]] = field(default_factory=dict)  # path -> new-side line ranges
    reason: str = ""  # why nothing can be placed inline, when so
    differ: frozenset[str] | None = None  # files that read differently at the PR head; None: unknown
    why_not_at_head: str = ""  # why `differ` is unknown or not empty, for the summaries

    def at_head(self, finding: Finding) -> bool:
        """Whether the finding's file and lines mean the same at the PR head (the one rule for inline
        comments and check-run annotations)."""
        return bool(finding.path) and self.differ is not None and finding.path not in self.differ

    def position(self, finding: Finding) -> dict[str, Any] | None:
        """The review-comment position (`line`/`side`, plus `start_*` for a range), or None."""
        if not self.at_head(finding) or finding.line < 1:
            return None
        for lines in self.hunks.get(finding.path, ()):
            if finding.line in lines:
                return _position(finding, lines)
        return None


def _position(finding: Finding, lines: range) -> dict[str, Any]:
    end = finding.end_line if finding.end_line > finding.line and finding.end_line in lines else finding.line
    if end == finding.line:
        return {"line": end, "side": "RIGHT"}
    return {"start_line": finding.line, "start_side": "RIGHT", "line": end, "side": "RIGHT"}


def not_at_head(where: Placement, findings: list[Finding]) -> str:
    """A note for a summary naming the findings with a file that cannot be shown at the PR head, or ""."""
    left = sum(1 for f in findings if f.path and not where.at_head(f))
    if not left:
        return ""
    return f"{left} finding(s) are not annotated on the pull request: {where.why_not_at_head}; they are listed here."


def plan(root: Path, result: ReviewResult, pr_head: str) -> Placement:
    """The diff lines findings may be placed on, for a review of a commit (not the index or work tree)."""
    head = str(result.head.get("sha") or "")
    if result.head.get("ref") in ("index", "worktree") or not head:
        why = "the review was of the index or work tree, not a commit of the pull request"
        return Placement(reason=why, why_not_at_head=why)
    differ = _differing_paths(root, head, pr_head)
    if differ is None:
        why = f"the pull request head {pr_head[:12]} is not in the local clone (check out with fetch-depth: 0)"
        return Placement(reason=why, why_not_at_head=why)
    why = (f"their files differ between the reviewed commit {head[:12]} and the pull request head {pr_head[:12]} "
           f"(check out the head: `ref: ${{{{ github.event.pull_request.head.sha }}}}`)") if differ else ""
    try:
        changes = diff.collect(root, str(result.base.get("sha") or git.EMPTY_TREE), head, include_untracked=False)
    except YgsError as exc:
        return Placement(reason=f"could not read the diff: {exc.message}", differ=frozenset(differ),
                         why_not_at_head=why)
    hunks = {c.path: tuple(h.new_lines for h in c.hunks) for c in changes.files if c.status != "deleted"}
    return Placement(hunks=hunks, differ=frozenset(differ), why_not_at_head=why)


def _differing_paths(root: Path, head: str, pr_head: str) -> set[str] | None:
    """Paths whose content differs between the reviewed commit and the PR head; None if it is not here."""
    if head == pr_head:
        return set()
    proc = git.run("diff", "--name-only", "-z", "--no-renames", head, pr_head, "--", cwd=root, check=False)
    if proc.returncode != 0:
        return None
    return {os.fsdecode(p) for p in proc.stdout.split(b"\0") if p}
