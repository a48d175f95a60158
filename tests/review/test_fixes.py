"""Mechanical fixes: a rule's `fix-regex` becomes a one-line suggestion, and `ygs review --fix` applies it to
the work tree only where the line still reads as reviewed."""

from __future__ import annotations

import json
import os

from reviewing import review

CONFIG = '[tool.ygs.review]\nanalyzers = ["semgrep", "secrets"]\n'
TOKEN = "ghp_" + "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7c"
APP = f'''import requests
import yaml


def load(path, data):
    settings = yaml.load(open(path))
    legacy = yaml.load(data, Loader=yaml.Loader)
    return settings, legacy


def fetch(url):
    first = requests.get(url, verify=False, timeout=5)
    second = requests.get(
        url,
        verify=False,
    )
    third = requests.get(url, verify=False, headers={{"Authorization": "token {TOKEN}"}})
    return first, second, third
'''


def committed(repo) -> None:
    repo.write("pyproject.toml", CONFIG)
    repo.commit("base")
    repo.write("app.py", APP)
    os.chmod(repo.path / "app.py", 0o755)
    repo.commit("feature")


def suggestions(report: dict) -> dict[tuple[str, int], str | None]:
    return {(f["rule_id"], f["line"]): (f["suggestion"] or {}).get("text") for f in report["findings"]
            if f["rule_id"].startswith(("python-yaml", "python-tls"))}


def test_one_line_fixes_are_suggested_and_nothing_else(repo, run_ygs):
    committed(repo)
    _, report = review(run_ygs, "--base", "HEAD~1")
    assert suggestions(report) == {
        ("python-yaml-unsafe-load", 6): "    settings = yaml.safe_load(open(path))",
        ("python-yaml-unsafe-load", 7): None,  # a Loader argument is for a person to judge
        ("python-tls-verify-disabled", 12): "    first = requests.get(url, timeout=5)",
        ("python-tls-verify-disabled", 13): None,  # spans lines
        ("python-tls-verify-disabled", 17): None,  # the line holds a secret: a suggestion would repeat it
    }
    assert TOKEN not in json.dumps(report)


def test_fix_rewrites_the_work_tree_and_the_findings_are_gone(repo, run_ygs):
    committed(repo)
    result = run_ygs("review", "--no-llm", "--base", "HEAD~1", "--format", "json", "--fix")
    assert result.exit_code == 1  # the review's verdict, before the fixes
    assert "fixed 2 findings in app.py" in result.stderr
    text = (repo.path / "app.py").read_text()
    assert "yaml.safe_load(open(path))" in text and "requests.get(url, timeout=5)" in text
    assert "yaml.load(data, Loader=yaml.Loader)" in text and text.count("verify=False") == 2
    assert os.stat(repo.path / "app.py").st_mode & 0o777 == 0o755
    _, again = review(run_ygs, "--base", "HEAD~1", "--worktree")
    assert set(suggestions(again)) == {("python-yaml-unsafe-load", 7), ("python-tls-verify-disabled", 13),
                                       ("python-tls-verify-disabled", 17)}


def test_fix_leaves_a_line_that_changed_since_the_review(repo, run_ygs):
    committed(repo)
    edited = APP.replace("yaml.load(open(path))", "yaml.load(open(path))  # edited after the commit")
    repo.write("app.py", edited)
    result = run_ygs("review", "--no-llm", "--base", "HEAD~1", "--head", "HEAD", "--format", "json", "--fix")
    assert "not fixed, the line changed since the review: app.py:6" in result.stderr
    assert "fixed 1 finding in app.py" in result.stderr
    text = (repo.path / "app.py").read_text()
    assert "yaml.load(open(path))  # edited after the commit" in text
    assert "requests.get(url, timeout=5)" in text
