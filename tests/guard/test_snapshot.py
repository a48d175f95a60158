"""`ygs.guard.snapshot.changes` against git's own answer on a messy work tree (real repository, no mocks)."""

from __future__ import annotations

import os
import subprocess

import pytest

from ygs import git
from ygs.guard import snapshot
from ygs.git import no_git_env


def reference(repo, base: str) -> dict[str, str]:
    """What `git add -A` into a throwaway index, then `git diff --cached --raw base`, says."""
    index = repo.path.parent / "reference-index"
    env = {**no_git_env(), "GIT_INDEX_FILE": str(index)}
    subprocess.run(["git", "read-tree", "HEAD"], cwd=repo.path, env=env, check=True)
    subprocess.run(["git", "add", "-A"], cwd=repo.path, env=env, check=True, capture_output=True)
    out = subprocess.run(["git", "diff", "--cached", "--raw", "-z", "--no-abbrev", "--no-renames", base],
                         cwd=repo.path, env=env, check=True, capture_output=True).stdout.split(b"\0")
    index.unlink()
    result = {}
    for meta, path in zip(out[0::2], out[1::2]):
        fields = meta.decode().split()
        name = os.fsdecode(path)
        if not name.startswith(".ygs/"):
            result[name] = snapshot.DELETED if fields[4] == "D" else fields[3]
    return result


@pytest.fixture
def messy(repo):
    for name in ("keep.py", "edit.py", "gone.py", "staged.py", "back.py", "uncached.py", "mode.sh"):
        repo.write(name, f"{name}\n")
    repo.write("crlf.txt", "one\ntwo\n")
    base = repo.commit("base")
    repo.write("committed.py", "later\n")
    repo.commit("after base")
    repo.write("edit.py", "edited\n")  # unstaged
    repo.path.joinpath("gone.py").unlink()  # deleted
    repo.write("staged.py", "staged\n")
    repo.git("add", "staged.py")
    repo.write("staged.py", "staged then edited\n")
    repo.write("back.py", "staged change\n")
    repo.git("add", "back.py")
    repo.write("back.py", "back.py\n")  # staged, then edited back to the base content
    repo.git("rm", "-q", "--cached", "uncached.py")  # untracked again, same content as the base
    repo.path.joinpath("mode.sh").chmod(0o755)
    repo.write("new dir/with space.py", "new\n")
    repo.write("ünïcode.py", "u\n")
    repo.write(".gitignore", "*.log\n")
    repo.write("debug.log", "ignored\n")
    repo.write(".ygs/state/x.json", "{}\n")
    os.symlink("keep.py", repo.path / "link.py")
    return repo, base


def test_changes_match_git_add_all(messy):
    repo, base = messy
    found = snapshot.changes(snapshot.require(repo.path), base)
    expected = reference(repo, base)
    expected.pop("mode.sh")  # a mode-only change: same blob, kept by ygs as changed
    assert {k: v for k, v in found.items() if k != "mode.sh"} == expected
    assert "mode.sh" in found and "back.py" not in found and "uncached.py" not in found
    assert "debug.log" not in found and not any(p.startswith(".ygs") for p in found)


def test_changes_from_the_empty_tree_in_a_new_repository(repo):
    repo.write("a.py", "1\n")
    found = snapshot.changes(snapshot.require(repo.path), git.EMPTY_TREE)
    assert found == {"a.py": repo.git("hash-object", "a.py")}


def test_unknown_base_is_a_clear_error(repo):
    repo.write("a.py", "1\n")
    repo.commit()
    with pytest.raises(Exception, match="ygs task start"):
        snapshot.changes(snapshot.require(repo.path), "1" * 40)


def test_worktree_tree_leaves_the_real_index_alone(messy):
    repo, _ = messy
    before = repo.git("diff", "--cached", "--name-status")
    tree = snapshot.worktree_tree(snapshot.require(repo.path))
    assert repo.git("diff", "--cached", "--name-status") == before
    assert "edited" in repo.git("show", f"{tree}:edit.py")
