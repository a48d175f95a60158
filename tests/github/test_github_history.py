"""ygs.github.history: a real "remote" repository and real clones over file:// (no network)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from ygs.errors import YgsError
from ygs.git import no_git_env
from ygs.github import history


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=no_git_env(),
                          check=True).stdout.strip()


@pytest.fixture
def origin(repo):
    repo.write("a.txt", "a\n")
    repo.fork_point = repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    for n in range(5):
        repo.write("a.txt", f"a{n}\n")
        repo.head = repo.commit(f"feature {n}")
    repo.git("checkout", "-q", "main")
    repo.write("b.txt", "b\n")
    repo.base = repo.commit("main moves")
    return repo


def clone(origin, tmp_path: Path, *options: str) -> Path:
    target = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", *options, "--branch", "feature", f"file://{origin.path}", str(target)],
                   check=True, env=no_git_env(), capture_output=True)
    return target


def test_when_deepening_is_not_enough_it_unshallows(origin, tmp_path, monkeypatch):
    local = clone(origin, tmp_path, "--depth", "1")
    monkeypatch.setattr(history, "DEEPEN", (1,))
    assert history.ensure(local, origin.base) == "fetched 1 commit(s) by sha, deepened by 1, unshallowed"
    assert history.merge_base(local, origin.base, "HEAD") == origin.fork_point
    assert not history.is_shallow(local)


def test_a_full_clone_missing_the_base_fetches_it_whole(origin, tmp_path):
    origin.git("checkout", "-q", "main")
    origin.git("reset", "-q", "--hard", origin.fork_point)  # the clone is made before main moves on
    local = clone(origin, tmp_path)
    origin.write("b.txt", "b\n")
    base = origin.commit("main moves, after the checkout")
    assert not history.has(local, base)
    assert history.ensure(local, base) == "fetched 1 commit(s) by sha"
    assert history.merge_base(local, base, "HEAD") == origin.fork_point and not history.is_shallow(local)


def test_a_complete_clone_fetches_nothing(origin, tmp_path):
    local = clone(origin, tmp_path)
    git(local, "fetch", "-q", "origin", "main")
    git(local, "remote", "set-url", "origin", f"file://{tmp_path / 'unreachable'}")  # a fetch would fail
    assert history.ensure(local, origin.base) == ""


def test_a_base_the_remote_does_not_have_is_exit_2(origin, tmp_path):
    local = clone(origin, tmp_path, "--depth", "1")
    with pytest.raises(YgsError, match=r"could not fetch the base commit 0{12} \(.+\); check out the full "
                                       r"history instead: actions/checkout with `fetch-depth: 0`") as err:
        history.ensure(local, "0" * 40)
    assert err.value.exit_code == 2


def test_an_extra_commit_the_remote_lacks_does_not_stop_the_base(origin, tmp_path):
    local = clone(origin, tmp_path, "--depth", "1")
    assert history.ensure(local, origin.base, also=("e" * 40,)).startswith("fetched 1 commit(s) by sha")
    assert history.merge_base(local, origin.base, "HEAD") == origin.fork_point


def test_a_missing_extra_commit_alone_is_no_error(origin, tmp_path):
    local = clone(origin, tmp_path)
    git(local, "fetch", "-q", "origin", "main")
    assert history.ensure(local, origin.base, also=("e" * 40,)) == ""  # a full clone with the base: nothing to do
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{origin.path}", str(shallow)], check=True,
                   env=no_git_env(), capture_output=True)  # main: the base is HEAD itself
    assert history.ensure(shallow, origin.base, also=("e" * 40,)) == ""
