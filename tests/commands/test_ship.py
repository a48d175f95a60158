"""`ygs ship` on real repositories: the checks fail for the right reasons and pass once fixed."""

from __future__ import annotations

import json

import pytest

PYPROJECT = """\
[project]
name = "demo"
version = "{version}"

[tool.ygs]
test_command = "{test_command}"

[tool.ygs.review]
analyzers = ["secrets", "hygiene"]
"""


@pytest.fixture
def branch(repo):
    """main with a project, then a feature branch with one source commit."""
    repo.write("pyproject.toml", PYPROJECT.format(version="1.2.0", test_command="python -c pass"))
    repo.write("app.py", "def f():\n    return 1\n")
    repo.write("CHANGELOG.md", "# Changelog\n\n## 1.2.0\n\n- First.\n")
    repo.commit("initial")
    repo.git("checkout", "-q", "-b", "feature")
    repo.write("app.py", "def f():\n    return 1\n\n\ndef g():\n    return 2\n")
    repo.commit("feat: add g")
    return repo


def checks(result) -> dict[str, dict]:
    return {c["name"]: c for c in json.loads(result.stdout)["checks"]}


def test_fails_on_unbumped_version_and_missing_changelog_then_passes(branch, run_ygs):
    result = run_ygs("ship")
    assert result.exit_code == 1, result.output
    assert "FAIL  version" in result.stdout and "FAIL  changelog" in result.stdout
    assert "suggested: 1.3.0 (minor:" in result.stdout and '"feat: add g"' in result.stdout
    assert "ship: 2 check(s) failed: version, changelog" in result.stdout

    branch.write("pyproject.toml", PYPROJECT.format(version="1.3.0", test_command="python -c pass"))
    branch.write("CHANGELOG.md", "# Changelog\n\n## 1.3.0\n\n- Added g.\n\n## 1.2.0\n\n- First.\n")
    fixed = run_ygs("ship")
    assert fixed.exit_code == 0, fixed.output
    assert "ship: all checks passed" in fixed.stdout
    assert all(c["status"] == "pass" for c in checks(run_ygs("ship", "--json")).values())


def test_json_lists_every_check_with_evidence(branch, run_ygs):
    result = run_ygs("ship", "--json")
    data = json.loads(result.stdout)
    assert data["ok"] is False and data["failed"] == ["version", "changelog"]
    found = checks(result)
    assert list(found) == ["tests", "hygiene", "version", "changelog", "review"]
    assert found["tests"]["evidence"]["command"] == "python -c pass"
    assert found["version"]["evidence"]["files"] == {"pyproject.toml": {"base": "1.2.0", "new": "1.2.0"}}
    assert found["version"]["evidence"]["proposal"] == "1.3.0"
    assert found["review"]["evidence"]["verdict"] == "pass"


def test_failing_tests_fail_the_ship(branch, run_ygs):
    branch.write("pyproject.toml", PYPROJECT.format(
        version="1.3.0", test_command="python -c 'import sys; print(42); sys.exit(3)'"))
    found = checks(run_ygs("ship", "--json"))
    assert found["tests"]["status"] == "fail"
    assert "exit 3" in found["tests"]["summary"] and "42" in found["tests"]["details"]


def test_debug_code_and_env_files_fail_hygiene(branch, run_ygs):
    branch.write("app.py", "def f():\n    breakpoint()\n    return 1\n")
    branch.write(".env", "TOKEN=abc\n")
    result = run_ygs("ship", "--json")
    found = checks(result)
    assert found["hygiene"]["status"] == "fail"
    details = "\n".join(found["hygiene"]["details"])
    assert "hygiene-breakpoint" in details and ".env" in details
    assert found["review"]["status"] == "fail"


def test_a_reasoned_suppression_satisfies_ship_as_it_satisfies_review(branch, run_ygs):
    branch.write("app.py", "def f():\n    breakpoint()  # ygs: ignore[hygiene-breakpoint] demo of the debugger hook\n"
                 "    return 1\n")
    found = checks(run_ygs("ship", "--json"))
    assert found["hygiene"]["status"] == "pass" and found["review"]["status"] == "pass"


def test_a_breaking_change_suggests_a_major_bump(branch, run_ygs):
    branch.write("app.py", "def g():\n    return 2\n")
    branch.commit("refactor!: remove f")
    found = checks(run_ygs("ship", "--json"))
    assert found["version"]["evidence"]["proposal"] == "2.0.0"
    assert "breaking" in found["version"]["details"][0]


def test_docs_only_change_needs_no_bump(repo, run_ygs):
    repo.write("pyproject.toml", PYPROJECT.format(version="1.2.0", test_command="python -c pass"))
    repo.write("README.md", "# Demo\n")
    repo.commit("initial")
    repo.git("checkout", "-q", "-b", "docs")
    repo.write("README.md", "# Demo\n\nMore words.\n")
    found = checks(run_ygs("ship", "--json"))
    assert found["version"]["status"] == "skip" and found["changelog"]["status"] == "skip"


def test_version_file_and_package_json_count(repo, run_ygs):
    repo.write("pyproject.toml", "[tool.ygs]\ntest_command = \"python -c pass\"\n")
    repo.write("VERSION", "0.4.1\n")
    repo.write("package.json", '{"name": "demo", "version": "0.4.1"}\n')
    repo.write("index.js", "module.exports = 1;\n")
    repo.write("CHANGELOG.md", "# Changelog\n")
    repo.commit("initial")
    repo.git("checkout", "-q", "-b", "fix")
    repo.write("index.js", "module.exports = 2;\n")
    repo.write("VERSION", "0.4.2\n")
    repo.write("CHANGELOG.md", "# Changelog\n\n## 0.4.2\n")
    found = checks(run_ygs("ship", "--json"))
    assert found["version"]["status"] == "fail"
    assert "package.json" in found["version"]["summary"] and "VERSION" not in found["version"]["summary"]


def test_usage_errors(branch, run_ygs, tmp_path, monkeypatch):
    unknown = run_ygs("ship", "--base", "no-such-branch")
    assert unknown.exit_code == 2 and "no-such-branch" in unknown.stderr
    monkeypatch.chdir(tmp_path)
    outside = run_ygs("ship")
    assert outside.exit_code == 2 and "not a git repository" in outside.stderr
