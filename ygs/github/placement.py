"""Where findings can be shown on the pull request: inline comments and check-run annotations.

Both attach to the PR head, so a finding is shown at its lines as they are at the PR head (`at_head`, the
one rule for both). When the checkout is not the PR head (actions/checkout's default merge commit), a
file that differs between the two is mapped line by line through `git diff -U0 <reviewed> <PR head>`:
lines outside the changed hunks move by the hunks' offsets; a finding on a line the PR head does not have
(the base branch changed it, or the file differs in a way lines cannot follow: binary, deleted) is neither
commented on nor annotated, and is listed in the summaries instead.

GitHub accepts a review comment only on a line its pull request diff shows (added or context, RIGHT
side): the hunks come from the git diff the review used, and for a mapped file from the diff GitHub shows
(the merge-base of base and PR head to the PR head).
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ygs import diff, git
from ygs.errors import YgsError
from ygs.review.model import Finding, ReviewResult

Moves = tuple[tuple[int, int, int, int], ...]  # -U0 hunks (old start, old count, new start, new count)
_HUNK = re.compile(rb"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


@dataclass(frozen=True)
class Placement:
    hunks: dict[str, tuple[range, ...]] = field(default_factory=dict)  # path -> PR-head lines GitHub's diff shows
    reason: str = ""  # why nothing can be placed inline, when so
    moves: dict[str, Moves | None] | None = None  # differing path -> how its lines move; None inside: cannot
    # follow them; None: the reviewed commit's relation to the PR head is unknown. A path absent: identical.
    why_not_at_head: str = ""  # why some findings cannot be shown at the PR head, for the summaries

    def at_head(self, finding: Finding) -> Finding | None:
        """The finding with its lines as they are at the PR head, or None when they cannot be shown there (the one
        rule for inline comments and check-run annotations)."""
        if not finding.path or self.moves is None:
            return None
        if finding.path not in self.moves:
            return finding
        moves = self.moves[finding.path]
        line = _moved(finding.line, moves) if moves is not None and finding.line >= 1 else None
        end = _moved(max(finding.end_line, finding.line), moves) if line is not None else None
        if line is None or end is None:
            return None
        return dataclasses.replace(finding, line=line, end_line=end)

    def position(self, finding: Finding) -> dict[str, Any] | None:
        """The review-comment position at the PR head (`line`/`side`, plus `start_*` for a range), or None."""
        mapped = self.at_head(finding)
        if mapped is None or mapped.line < 1:
            return None
        for lines in self.hunks.get(mapped.path, ()):
            if mapped.line in lines:
                return _position(mapped, lines)
        return None


def _moved(line: int, moves: Moves) -> int | None:
    """`line` of the reviewed file at the PR head, through -U0 hunks; None when the PR head does not have it."""
    shift = 0
    for old_start, old_count, new_start, new_count in moves:
        if old_count and old_start <= line < old_start + old_count:
            return None  # a changed line
        after_old = old_start + old_count if old_count else old_start + 1  # the first old line after the hunk
        if line < after_old:
            break
        shift = (new_start + new_count if new_count else new_start + 1) - after_old
    return line + shift


def _position(finding: Finding, lines: range) -> dict[str, Any]:
    end = finding.end_line if finding.end_line > finding.line and finding.end_line in lines else finding.line
    if end == finding.line:
        return {"line": end, "side": "RIGHT"}
    return {"start_line": finding.line, "start_side": "RIGHT", "line": end, "side": "RIGHT"}


def not_at_head(where: Placement, findings: list[Finding]) -> str:
    """A note for a summary naming the findings with a file that cannot be shown at the PR head, or ""."""
    left = sum(1 for f in findings if f.path and where.at_head(f) is None)
    if not left:
        return ""
    return (f"{left} finding(s) are neither annotated nor commented on inline: {where.why_not_at_head}; "
            f"they are listed here.")


def plan(root: Path, result: ReviewResult, pr_head: str) -> Placement:
    """Where this review's findings go at the PR head, for a review of a commit (not the index or work tree)."""
    head = str(result.head.get("sha") or "")
    if result.head.get("ref") in ("index", "worktree") or not head:
        why = "the review was of the index or work tree, not a commit of the pull request"
        return Placement(reason=why, why_not_at_head=why)
    differ = _differing_paths(root, head, pr_head)
    if differ is None:
        why = f"the pull request head {pr_head[:12]} is not in the local clone (check out with fetch-depth: 0)"
        return Placement(reason=why, why_not_at_head=why)
    base = str(result.base.get("sha") or git.EMPTY_TREE)
    wanted = sorted({f.path for f in result.findings if f.path in differ})
    moves = {path: _moves(root, head, pr_head, path) for path in wanted}
    why = (f"their lines are not in the pull request head {pr_head[:12]}, which is not the reviewed commit "
           f"{head[:12]} (check out the head: `ref: ${{{{ github.event.pull_request.head.sha }}}}`)")
    try:
        changes = diff.collect(root, base, head, include_untracked=False)
        hunks = {c.path: tuple(h.new_lines for h in c.hunks) for c in changes.files
                 if c.status != "deleted" and c.path not in differ}
        hunks.update(_pr_hunks(root, base, pr_head, [p for p in wanted if moves[p] is not None]))
    except YgsError as exc:
        return Placement(reason=f"could not read the diff: {exc.message}", moves=moves, why_not_at_head=why)
    return Placement(hunks=hunks, moves=moves, why_not_at_head=why)


def _moves(root: Path, head: str, pr_head: str, path: str) -> Moves | None:
    """How the lines of `path` move from the reviewed commit to the PR head; None when they cannot be followed."""
    proc = git.run("diff", "-U0", "--no-color", "--no-ext-diff", "--no-textconv", "--no-renames", head, pr_head,
                   "--", f":(literal){path}", cwd=root, check=False)
    if proc.returncode != 0 or re.search(rb"^Binary files |^deleted file mode", proc.stdout, re.MULTILINE):
        return None
    return tuple(_hunks(proc.stdout))


def _pr_hunks(root: Path, base: str, pr_head: str, paths: list[str]) -> dict[str, tuple[range, ...]]:
    """The PR-head lines GitHub's pull request diff (merge-base to PR head, 3 lines of context) shows."""
    if not paths:
        return {}
    fork = git.run("merge-base", base, pr_head, cwd=root, check=False)
    if fork.returncode != 0:
        return {}
    start = os.fsdecode(fork.stdout).strip()
    out = {}
    for path in paths:
        proc = git.run("diff", "-U3", "--no-color", "--no-ext-diff", "--no-textconv", "--no-renames", start,
                       pr_head, "--", f":(literal){path}", cwd=root)
        out[path] = tuple(range(new_start, new_start + new_count) for _, _, new_start, new_count in _hunks(proc.stdout))
    return out


def _hunks(patch: bytes) -> list[tuple[int, int, int, int]]:
    return [(int(a), int(b) if b else 1, int(c), int(d) if d else 1)
            for a, b, c, d in _HUNK.findall(patch)]


def _differing_paths(root: Path, head: str, pr_head: str) -> set[str] | None:
    """Paths whose content differs between the reviewed commit and the PR head; None if it is not here."""
    if head == pr_head:
        return set()
    proc = git.run("diff", "--name-only", "-z", "--no-renames", head, pr_head, "--", cwd=root, check=False)
    if proc.returncode != 0:
        return None
    return {os.fsdecode(p) for p in proc.stdout.split(b"\0") if p}
