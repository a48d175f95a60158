"""Which findings can be inline comments: those whose lines are inside the diff hunks of the new side.

GitHub accepts a review comment only on a line its pull request diff shows (added or context, RIGHT
side). The hunks come from the same git diff the review used. When the checkout is not the PR head
(actions/checkout's default merge commit), files that differ between the two are not placed: their line
numbers may not match what GitHub shows.
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
    reason: str = ""  # why nothing can be placed, when so

    def position(self, finding: Finding) -> dict[str, Any] | None:
        """The review-comment position (`line`/`side`, plus `start_*` for a range), or None."""
        if not finding.path or finding.line < 1:
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


def plan(root: Path, result: ReviewResult, pr_head: str) -> Placement:
    """The diff lines findings may be placed on, for a review of a commit (not the index or work tree)."""
    head = str(result.head.get("sha") or "")
    if result.head.get("ref") in ("index", "worktree") or not head:
        return Placement(reason="the review was of the index or work tree, not a commit of the pull request")
    try:
        changes = diff.collect(root, str(result.base.get("sha") or git.EMPTY_TREE), head, include_untracked=False)
    except YgsError as exc:
        return Placement(reason=f"could not read the diff: {exc.message}")
    differ = _differing_paths(root, head, pr_head)
    if differ is None:
        return Placement(reason=f"the pull request head {pr_head[:12]} is not in the local clone "
                                f"(check out with fetch-depth: 0)")
    hunks = {c.path: tuple(h.new_lines for h in c.hunks) for c in changes.files
             if c.status != "deleted" and c.path not in differ}
    return Placement(hunks=hunks)


def _differing_paths(root: Path, head: str, pr_head: str) -> set[str] | None:
    """Paths whose content differs between the reviewed commit and the PR head; None if it is not here."""
    if head == pr_head:
        return set()
    proc = git.run("diff", "--name-only", "-z", "--no-renames", head, pr_head, "--", cwd=root, check=False)
    if proc.returncode != 0:
        return None
    return {os.fsdecode(p) for p in proc.stdout.split(b"\0") if p}
