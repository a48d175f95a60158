"""`ygs review --staged` as a pre-commit hook judges what is being committed, in every form of `git commit`.

`commit -a`, `commit <path>`, `commit --only <path>` and `commit --amend -a` commit an index git builds for the
occasion (GIT_INDEX_FILE, not .git/index). Each test drives a real `git commit` through a real hook: a plain
shell hook, and the pre-commit framework running the hooks of this repository's .pre-commit-hooks.yaml.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from ygs.git import no_git_env

TOKEN = "ghp_FixtureKGpOyQNcdOyZbkBFTFoOxtzHq8STZ"  # fake, GitHub-token shaped
CONFIG = '[tool.ygs.review]\nanalyzers = ["secrets", "hygiene"]\n'
CLEAN = "def ok():\n    return 2\n"
DIRTY = f'GITHUB = "{TOKEN}"\n\n\ndef ok():\n    breakpoint()\n    return 2\n'
VENV_BIN = Path(sys.executable).parent
HOOKS_YAML = Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml"

# form -> (git commands run before the commit, the commit's arguments); app.py is changed in the work tree only
FORMS = {
    "add-then-commit": ([["add", "app.py"]], ["commit", "-m", "change"]),
    "commit-a": ([], ["commit", "-a", "-m", "change"]),
    "commit-path": ([], ["commit", "-m", "change", "--", "app.py"]),
    "commit-only-path": ([], ["commit", "--only", "-m", "change", "--", "app.py"]),
    "commit-amend-a": ([], ["commit", "--amend", "-a", "-m", "change"]),
}

pytestmark = [
    pytest.mark.skipif(os.name == "nt", reason="shell hooks"),
    pytest.mark.skipif(not (VENV_BIN / "ygs").exists(), reason="ygs console script not next to the interpreter"),
]


def git_env(tmp_path: Path) -> dict[str, str]:
    return {**no_git_env(), "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
            "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "SEMGREP_ENABLE_VERSION_CHECK": "0",
            "NO_COLOR": "1"}


def git(repo, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo.path, env=git_env(tmp_path), capture_output=True, text=True)


def seed(repo) -> str:
    repo.write("pyproject.toml", CONFIG)
    repo.write("app.py", "def ok():\n    return 1\n")
    repo.write("other.py", "X = 1\n")
    return repo.commit("base")


def shell_hook(repo) -> None:
    hook = repo.write(".git/hooks/pre-commit", "#!/bin/sh\nexec ygs review --staged --no-llm\n")
    hook.chmod(0o755)


def framework_hook(repo, tmp_path: Path) -> None:
    """A .pre-commit-config.yaml with this repository's hooks, as `repo: local` / `language: system` (the same
    id and entry; `language: python` would pip-install ygs into a fresh environment for every test)."""
    hooks = [{**hook, "language": "system"} for hook in yaml.safe_load(HOOKS_YAML.read_text())]
    config = {"repos": [{"repo": "local", "hooks": hooks}]}
    repo.write(".pre-commit-config.yaml", yaml.safe_dump(config, sort_keys=False))
    repo.commit("pre-commit config")
    proc = subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo.path, env=git_env(tmp_path),
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def attempt(repo, tmp_path: Path, form: str, content: str) -> subprocess.CompletedProcess[str]:
    """Change app.py in the work tree only (.git/index keeps the old content), then commit in `form`."""
    before, commit = FORMS[form]
    repo.write("app.py", content)
    for args in before:
        assert git(repo, tmp_path, *args).returncode == 0
    return git(repo, tmp_path, *commit)


@pytest.mark.parametrize("form", FORMS)
def test_hook_blocks_what_is_committed_in_every_form(repo, tmp_path, form):
    seed(repo)
    shell_hook(repo)
    head = repo.git("rev-parse", "HEAD")
    blocked = attempt(repo, tmp_path, form, DIRTY)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "secret-github-token" in output and "hygiene-breakpoint" in output and TOKEN not in output
    assert repo.git("rev-parse", "HEAD") == head  # nothing committed


@pytest.mark.parametrize("form", FORMS)
def test_hook_passes_clean_content_in_every_form(repo, tmp_path, form):
    seed(repo)
    shell_hook(repo)
    head = repo.git("rev-parse", "HEAD")
    done = attempt(repo, tmp_path, form, CLEAN)
    assert done.returncode == 0, done.stdout + done.stderr
    assert repo.git("rev-parse", "HEAD") != head and repo.git("show", "HEAD:app.py") == CLEAN.strip()


@pytest.mark.parametrize("form", ["commit-path", "commit-only-path"])
def test_hook_judges_the_commit_not_what_else_is_staged(repo, tmp_path, form):
    """`git commit <path>` leaves the rest of .git/index out of the commit: a token staged elsewhere is not in
    it, so it does not block this commit (it will block the commit that carries it)."""
    seed(repo)
    shell_hook(repo)
    repo.write("other.py", DIRTY)
    repo.git("add", "other.py")
    done = attempt(repo, tmp_path, form, CLEAN)
    assert done.returncode == 0, done.stdout + done.stderr
    assert repo.git("show", "HEAD:other.py") == "X = 1"
    blocked = git(repo, tmp_path, "commit", "-m", "the staged rest")
    assert blocked.returncode != 0 and "secret-github-token" in blocked.stdout + blocked.stderr


@pytest.mark.parametrize("form", ["commit-a", "commit-path", "commit-amend-a"])
def test_pre_commit_framework_hooks_block_what_is_committed(repo, tmp_path, form):
    seed(repo)
    framework_hook(repo, tmp_path)
    head = repo.git("rev-parse", "HEAD")
    blocked = attempt(repo, tmp_path, form, DIRTY)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "ygs review" in output and "secret-github-token" in output
    assert repo.git("rev-parse", "HEAD") == head

    repo.git("checkout", "--", "app.py")
    done = attempt(repo, tmp_path, form, CLEAN)
    assert done.returncode == 0, done.stdout + done.stderr
    assert repo.git("show", "HEAD:app.py") == CLEAN.strip()
