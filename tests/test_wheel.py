"""The built wheel carries skills/, templates/ and gates/ and works outside this repository."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ygs.git import no_git_env

ROOT = Path(__file__).resolve().parent.parent

# one worker runs every test of this module: its module-scoped scan or review runs once (pyproject addopts)
pytestmark = pytest.mark.xdist_group("wheel")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True, capture_output=True, env=no_git_env(),
    )
    return next(out.glob("ygs-*.whl"))


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True, capture_output=True,
    )
    return target


def test_wheel_contains_bundled_data(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "ygs/_data/skills/ygs-implement/SKILL.md" in names
    assert "ygs/_data/templates/prd.md" in names
    assert "ygs/_data/gates/policy.toml" in names
    assert sum(n.endswith("/SKILL.md") for n in names) == 18


def test_installed_wheel_runs_in_an_empty_repo(installed, tmp_path):
    repo = tmp_path / "empty"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=no_git_env())
    env = {**no_git_env(), "PYTHONPATH": str(installed), "YGS_CONFIG_HOME": str(tmp_path / "conf")}

    def ygs(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "ygs", *args], cwd=repo, env=env, capture_output=True, text=True)

    where = subprocess.run([sys.executable, "-c", "import ygs; print(ygs.__file__)"], cwd=repo, env=env,
                           capture_output=True, text=True).stdout
    assert where.startswith(str(installed)), where  # the wheel, not this checkout

    assert ygs("--version").returncode == 0
    result = ygs("install", "--agent", "all")
    assert result.returncode == 0, result.stderr
    assert len(list((repo / ".claude/skills").glob("*/SKILL.md"))) == 18

    edited = repo / ".gemini/commands/ygs/implement.toml"
    edited.write_text(edited.read_text() + "\n# mine\n")
    upgraded = ygs("upgrade")
    assert "kept 1 file(s) you edited" in upgraded.stdout and "# mine" in edited.read_text()

    assert "3 or more unplanned" in ygs("skills", "show", "ygs-implement").stdout.replace("**", "")
    (repo / "pyproject.toml").write_text("[tool.ygs.guard]\nunplanned_files_stop = 4\n")
    assert "4 or more unplanned" in ygs("skills", "show", "ygs-implement").stdout.replace("**", "")

    assert ygs("uninstall").returncode == 0
    left = sorted(p.relative_to(repo).as_posix() for p in repo.rglob("*") if p.is_file() and ".git" not in p.parts)
    assert left == [".gemini/commands/ygs/implement.toml", "pyproject.toml"]
