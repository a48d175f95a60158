"""Every git call goes through here.

ygs runs inside git hooks and agent hooks, where GIT_DIR / GIT_WORK_TREE … leak in and make git act on the
wrong repository; `no_git_env` scrubs them (the same trap pre-commit documents). One is kept for ygs's own git
calls: GIT_INDEX_FILE. Inside a pre-commit hook it names the index being committed (`commit -a`,
`commit <path>`, `commit --only`, `commit --amend`: a lock file or `next-index-*.lock`, not `.git/index`), and
a gate that read `.git/index` instead would judge something other than the commit.
"""

from __future__ import annotations

import functools
import os
import subprocess
from pathlib import Path

from ygs.errors import YgsError

# Variables that configure how git reaches the outside world, not which repository it acts on.
_KEEP = frozenset(
    {
        "GIT_EXEC_PATH",
        "GIT_SSH",
        "GIT_SSH_COMMAND",
        "GIT_SSL_CAINFO",
        "GIT_SSL_NO_VERIFY",
        "GIT_CONFIG_COUNT",
        "GIT_HTTP_PROXY_AUTHMETHOD",
        "GIT_ALLOW_PROTOCOL",
        "GIT_ASKPASS",
        "GIT_TERMINAL_PROMPT",
    }
)


def no_git_env(env: dict[str, str] | None = None) -> dict[str, str]:
    source = os.environ if env is None else env
    return {
        k: v
        for k, v in source.items()
        if not k.startswith("GIT_") or k in _KEEP or k.startswith(("GIT_CONFIG_KEY_", "GIT_CONFIG_VALUE_"))
    }


def git_env() -> dict[str, str]:
    """The environment of ygs's own git calls: `no_git_env`, plus GIT_INDEX_FILE (absolute) when it is set.

    Outside hooks GIT_INDEX_FILE is normally unset, and nothing changes. Child processes that are not ygs's git
    calls (the project's tests, analyzers) get `no_git_env()` and never see it.
    """
    clean = no_git_env()
    index = os.environ.get("GIT_INDEX_FILE")
    if index:
        clean["GIT_INDEX_FILE"] = index if os.path.isabs(index) else _absolute_index(index, os.getcwd())
    return clean


@functools.lru_cache(maxsize=8)
def _absolute_index(index: str, cwd: str) -> str:
    """git reads a relative GIT_INDEX_FILE from the top level of the work tree (where it runs hooks), not from
    the current directory: let git resolve it (`--git-path index` prints it relative to cwd)."""
    proc = subprocess.run(["git", "rev-parse", "--git-path", "index"], cwd=cwd, capture_output=True,
                          env={**no_git_env(), "GIT_INDEX_FILE": index})
    resolved = os.fsdecode(proc.stdout).strip()
    return os.path.abspath(os.path.join(cwd, resolved if proc.returncode == 0 and resolved else index))


def run(
    *args: str,
    cwd: str | os.PathLike[str],
    check: bool = True,
    input: bytes | None = None,
    env: dict[str, str] | None = None,
    timeout: float | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run `git ARGS` in cwd and return the completed process (stdout/stderr as bytes).

    With check=True a non-zero exit becomes a YgsError carrying git's own first error line. `timeout`
    (seconds, for network calls such as fetch) raises subprocess.TimeoutExpired.
    """
    cmd = ["git", "-c", "core.quotepath=false", *args]
    try:
        proc = subprocess.run(
            cmd,
            cwd=cwd,
            input=input,
            capture_output=True,
            env=env if env is not None else git_env(),
            timeout=timeout,
        )
    except FileNotFoundError:
        raise YgsError("git is not installed or not on PATH") from None
    if check and proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise YgsError(f"git {args[0]} failed: {message[0] if message else f'exit {proc.returncode}'}")
    return proc


def out(*args: str, cwd: str | os.PathLike[str]) -> str:
    """stdout of a git command as text, stripped."""
    return os.fsdecode(run(*args, cwd=cwd).stdout).strip()


def toplevel(cwd: str | os.PathLike[str] = ".") -> Path:
    """The work tree root containing cwd; exit 2 with a clear message outside a repository."""
    proc = run("rev-parse", "--show-toplevel", cwd=cwd, check=False)
    if proc.returncode != 0:
        raise YgsError(f"not a git repository: {Path(cwd).resolve()} (run ygs inside a git work tree)")
    return Path(os.fsdecode(proc.stdout).strip())


def resolve(ref: str, cwd: str | os.PathLike[str]) -> str:
    """The commit sha for ref; exit 2 with git's message when the ref is unknown."""
    proc = run("rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}", cwd=cwd, check=False)
    if proc.returncode != 0:
        raise YgsError(f"unknown git ref {ref!r}: not a commit in this repository")
    return os.fsdecode(proc.stdout).strip()


def head_or_none(cwd: str | os.PathLike[str]) -> str | None:
    """HEAD's sha, or None in a repository with no commits yet."""
    proc = run("rev-parse", "--verify", "--quiet", "HEAD", cwd=cwd, check=False)
    return os.fsdecode(proc.stdout).strip() or None if proc.returncode == 0 else None


EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"


def cat_batch(root: str | os.PathLike[str], specs: list[str]) -> list[tuple[bytes, bytes] | None]:
    """(object type, content) for each object spec (`<sha>`, `<rev>:<path>`), None where git has none, in one
    `git cat-file --batch` process."""
    if not specs:
        return []
    request = "".join(f"{spec}\n" for spec in specs).encode("utf-8", "surrogateescape")
    data = run("cat-file", "--batch", cwd=root, input=request).stdout
    objects: list[tuple[bytes, bytes] | None] = []
    pos = 0
    for _ in specs:
        header_end = data.index(b"\n", pos)
        header = data[pos:header_end].split()
        pos = header_end + 1
        if len(header) != 3 or not header[2].isdigit():  # "<spec> missing" / "ambiguous"
            objects.append(None)
            continue
        size = int(header[2])
        objects.append((header[1], data[pos : pos + size]))
        pos += size + 1
    return objects


def show_files(root: str | os.PathLike[str], rev: str, paths: tuple[str, ...]) -> dict[str, bytes]:
    """The content of each of paths at rev (a commit; "" = the index, as in git's `:path`), for the paths that
    exist there as files."""
    objects = cat_batch(root, [f"{rev}:{path}" for path in paths])
    return {path: obj[1] for path, obj in zip(paths, objects) if obj is not None and obj[0] == b"blob"}
