"""Enough history for the review, whatever the checkout depth.

`actions/checkout` fetches one commit by default (`fetch-depth: 1`): the base commit and the merge-base are
not in the clone. Before the review, ygs fetches the base commit (and the PR head) by sha from `origin`
(checkout leaves the job's token in the clone's git config), then deepens the history step by step until
git finds the merge-base, and as a last step unshallows. Only when fetching fails is it exit 2, naming the
workflow change that fixes it.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from ygs import git
from ygs.errors import YgsError

DEEPEN = (50, 250, 1000)  # commits per step; then --unshallow
FETCH_TIMEOUT_S = 300
SHA = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
FIX = ("check out the full history instead: actions/checkout with `fetch-depth: 0` "
       "(or run `git fetch --unshallow origin` before ygs)")


def ensure(root: Path, base_sha: str, head: str = "HEAD", also: tuple[str, ...] = ()) -> str:
    """Make `base_sha` and its merge-base with `head` present in the clone at `root`. Returns what was
    fetched (for the log; "" when nothing was needed). `also`: more commits the remote has (the PR head), fetched
    alongside so the publisher can compare them. YgsError (exit 2) when the history cannot be completed."""
    shallow = is_shallow(root)
    if has(root, base_sha) and (merge_base(root, base_sha, head) or not shallow):
        return ""  # present, or a full clone whose histories are unrelated (the review reports that itself)
    extra = [sha for sha in also if SHA.fullmatch(sha) and sha != base_sha]
    done = []
    missing = [sha for sha in [base_sha, *extra] if not has(root, sha)]
    if missing:
        _fetch(root, ["--depth=1"] if shallow else [], [base_sha] if base_sha in missing else [],
               [sha for sha in missing if sha != base_sha], f"the base commit {base_sha[:12]}")
        done.append(f"fetched {sum(has(root, sha) for sha in missing)} commit(s) by sha")
    for step in (*DEEPEN, 0):
        if merge_base(root, base_sha, head) or not is_shallow(root):
            break
        _fetch(root, [f"--deepen={step}"] if step else ["--unshallow"], [base_sha],
               [sha for sha in extra if has(root, sha)],
               f"the history down to the merge-base of {base_sha[:12]} and {head}")
        done.append(f"deepened by {step}" if step else "unshallowed")
    if not merge_base(root, base_sha, head) and is_shallow(root):  # pragma: no cover - --unshallow succeeded
        raise YgsError(f"the checkout is shallow and has no merge-base of {base_sha[:12]} and {head}; {FIX}")
    return ", ".join(done)


def is_shallow(root: Path) -> bool:
    return git.out("rev-parse", "--is-shallow-repository", cwd=root) == "true"


def has(root: Path, sha: str) -> bool:
    return git.run("cat-file", "-e", f"{sha}^{{commit}}", cwd=root, check=False).returncode == 0


def merge_base(root: Path, base: str, head: str) -> str:
    proc = git.run("merge-base", base, head, cwd=root, check=False)
    return os.fsdecode(proc.stdout).strip() if proc.returncode == 0 else ""


def _fetch(root: Path, options: list[str], required: list[str], optional: list[str], what: str) -> None:
    """`git fetch origin <shas>`; when that fails, again with the `required` ones alone (the others are a bonus,
    e.g. a PR head the remote no longer has): YgsError when those cannot be fetched."""
    env = {**git.git_env(), "GIT_TERMINAL_PROMPT": "0"}  # a missing credential fails, never waits for a prompt
    for shas in [required + optional, required] if optional else [required]:
        if not shas:
            return
        args = ["fetch", "--no-tags", "--no-recurse-submodules", "--quiet", *options, "origin", *shas]
        try:
            proc = git.run(*args, cwd=root, check=False, env=env, timeout=FETCH_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            raise YgsError(f"the checkout is shallow and fetching {what} timed out after {FETCH_TIMEOUT_S}s; "
                           f"{FIX}") from None
        if proc.returncode == 0:
            return
    lines = os.fsdecode(proc.stderr).strip().splitlines()
    errors = [line for line in lines if line.startswith(("fatal:", "error:"))]
    reason = (errors or lines or [f"exit {proc.returncode}"])[0]
    raise YgsError(f"the checkout is shallow and `git {' '.join(args[:-len(shas)])} <sha>` could not fetch {what} "
                   f"({reason}); {FIX}")
