"""What changed in the work tree since a base, as {path: blob sha now} — the guard's one question to git.

    git diff --raw BASE          committed + staged + unstaged changes of tracked files (git's stat cache:
                                 nothing is hashed unless it changed)
    git ls-files -o              untracked-but-not-ignored files
    git hash-object --stdin-paths  the content of just the files git did not hash yet (same clean filters
                                 as `git add`; no objects are written)

The cost is that of `git status` plus hashing the changed files only, whatever the size of the index.
Every path gets the blob sha git would store for it, so two snapshots compare exactly: a green checkpoint
records its map, and "files changed since the checkpoint" is the set of paths whose sha differs between the
two maps — no second diff, and a file edited and edited back counts as unchanged.

A checkpoint also records the work tree as a git tree (`worktree_tree`): a copy of the real index (git's stat
cache keeps it cheap) gets `git add -A` under GIT_INDEX_FILE, then `git write-tree`; the user's index is never
touched. Paths under `.ygs/` are ygs's own state and never count as changes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ygs import git
from ygs.errors import YgsError

DELETED = "0" * 40
NULL = "0" * 40
DIRTY_SUBMODULE = "submodule-with-changes"
UNTRACKED_REPO = "untracked-repository"
OWN_DIR = ".ygs"
GITLINK = "160000"


@dataclass(frozen=True)
class Repo:
    root: Path
    index: Path  # the real index file (may not exist yet in a fresh repository)


def locate(cwd: str | os.PathLike[str] = ".") -> Repo | None:
    """The repository containing cwd (one git call), or None outside a work tree."""
    try:
        proc = git.run("rev-parse", "--show-toplevel", "--git-path", "index", cwd=cwd, check=False)
    except (OSError, ValueError):
        return None
    lines = os.fsdecode(proc.stdout).splitlines()
    if proc.returncode != 0 or len(lines) != 2:
        return None
    return Repo(root=Path(lines[0]), index=Path(cwd, lines[1]).absolute())


def require(cwd: str | os.PathLike[str] = ".") -> Repo:
    repo = locate(cwd)
    if repo is None:
        raise YgsError(f"not a git repository: {Path(cwd).resolve()} (run ygs inside a git work tree)")
    return repo


def head(root: Path) -> str | None:
    return git.head_or_none(root)


def is_own(path: str) -> bool:
    return path == OWN_DIR or path.startswith(OWN_DIR + "/")


@dataclass(frozen=True)
class _Entry:
    old_mode: str
    new_mode: str
    old_sha: str
    new_sha: str
    deleted: bool


def changes(repo: Repo, base: str) -> dict[str, str]:
    """{path: blob sha now} for every path whose content differs from base (DELETED for a deletion)."""
    entries = _tracked(repo.root, base)
    untracked = _untracked(repo.root)
    wanted = [p for p, e in entries.items() if e.new_sha == NULL and not e.deleted and e.new_mode != GITLINK]
    hashes = hash_paths(repo.root, [*wanted, *(p for p in untracked if not p.endswith("/"))])
    result: dict[str, str] = {}
    for path, entry in entries.items():
        sha = _tracked_sha(path, entry, hashes)
        if sha != entry.old_sha or entry.old_mode != entry.new_mode:  # staged, then edited back to base
            result[path] = sha
    for path in untracked:
        _merge_untracked(result, entries, path, hashes)
    return {p: sha for p, sha in result.items() if not is_own(p)}


def _tracked_sha(path: str, entry: _Entry, hashes: dict[str, str]) -> str:
    if entry.deleted:
        return DELETED
    if entry.new_sha != NULL:
        return entry.new_sha
    return DIRTY_SUBMODULE if entry.new_mode == GITLINK else hashes[path]


def _merge_untracked(result: dict[str, str], entries: dict[str, _Entry], path: str, hashes: dict[str, str]) -> None:
    """An untracked file is new — or, when the index dropped a path the base has (`git rm --cached`), it
    is back: then it changed only if its content differs from the base's."""
    if path.endswith("/"):
        result[path.rstrip("/")] = UNTRACKED_REPO  # an embedded repository git will not look into
        return
    sha = hashes[path]
    entry = entries.get(path)
    if entry is not None and entry.deleted and entry.old_sha == sha:
        result.pop(path, None)
    else:
        result[path] = sha


def _tracked(root: Path, base: str) -> dict[str, _Entry]:
    proc = git.run("diff", "--raw", "-z", "--no-abbrev", "--no-renames", "--no-color", "--no-ext-diff",
                   "--ignore-submodules=none", base, "--", cwd=root, check=False)
    if proc.returncode != 0:
        raise _diff_error(base, proc.stderr)
    parts = proc.stdout.split(b"\0")
    entries: dict[str, _Entry] = {}
    for meta, raw_path in zip(parts[0::2], parts[1::2]):
        fields = meta.decode("ascii").lstrip(":").split()
        if len(fields) >= 5:
            entries[os.fsdecode(raw_path)] = _Entry(*fields[:4], deleted=fields[4].startswith("D"))
    return entries


def _untracked(root: Path) -> list[str]:
    out = git.run("ls-files", "--others", "--exclude-standard", "-z", cwd=root).stdout
    return [os.fsdecode(p) for p in out.split(b"\0") if p]


def hash_paths(root: Path, paths: list[str]) -> dict[str, str]:
    """{path: the blob sha `git add` would store}; symlinks and odd names are hashed here, the rest by git."""
    local = {p for p in paths if "\n" in p or os.path.islink(root / p)}
    by_git = [p for p in paths if p not in local]
    hashes = {p: _blob_sha(_raw_content(root / p)) for p in local}
    if by_git:
        request = b"".join(os.fsencode(p) + b"\n" for p in by_git)
        proc = git.run("hash-object", "--stdin-paths", cwd=root, input=request, check=False)
        shas = os.fsdecode(proc.stdout).split()
        if proc.returncode != 0 or len(shas) != len(by_git):
            raise _hash_error(proc.stderr)
        hashes.update(zip(by_git, shas))
    return hashes


def _raw_content(path: Path) -> bytes:
    try:
        return os.fsencode(os.readlink(path)) if path.is_symlink() else path.read_bytes()
    except OSError as exc:
        raise YgsError(f"cannot read {path}: {exc.strerror or exc}") from None


def _blob_sha(data: bytes) -> str:
    import hashlib  # rare path (symlinks, odd names): keep it off the hooks' import time

    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()  # git object id


def _diff_error(base: str, stderr: bytes) -> YgsError:
    message = os.fsdecode(stderr).strip().splitlines()
    first = message[0] if message else "git diff failed"
    return YgsError(f"cannot compare the work tree with base {base[:12]}: {first} (if history was rewritten, "
                    "run `ygs task start` again to take a new base)")


def _hash_error(stderr: bytes) -> YgsError:
    message = os.fsdecode(stderr).strip().splitlines()
    return YgsError(f"cannot read changed files: {message[0] if message else 'git hash-object failed'} "
                    "(a file changing while ygs looks at it: retry)")


def numstat(root: Path, base: str, paths: dict[str, str]) -> dict[str, tuple[int, int]]:
    """{path: (lines added, lines deleted)} for the changed paths; binary files count (0, 0)."""
    proc = git.run("diff", "--numstat", "-z", "--no-renames", "--no-color", "--no-ext-diff", base, "--",
                   cwd=root, check=False)
    stats: dict[str, tuple[int, int]] = {}
    for record in proc.stdout.split(b"\0"):
        fields = record.split(b"\t", 2)
        if len(fields) == 3:
            stats[os.fsdecode(fields[2])] = tuple(int(f) if f.isdigit() else 0 for f in fields[:2])  # type: ignore[assignment]
    for path in paths:
        if path not in stats:
            stats[path] = (_count_lines(root / path), 0)
    return stats


def _count_lines(path: Path) -> int:
    try:
        data = path.read_bytes() if path.is_file() and not path.is_symlink() else b""
    except OSError:
        return 0
    return 0 if b"\0" in data[:8000] else len(data.splitlines())


def worktree_tree(repo: Repo) -> str:
    """The work tree as a git tree object (what a checkpoint tested), via a throwaway index."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="ygs-index-") as tmp:
        index = Path(tmp) / "index"
        if repo.index.is_file():
            shutil.copyfile(repo.index, index)
        env = {**git.no_git_env(), "GIT_INDEX_FILE": str(index)}
        git.run("add", "-A", cwd=repo.root, env=env)
        return os.fsdecode(git.run("write-tree", cwd=repo.root, env=env).stdout).strip()
