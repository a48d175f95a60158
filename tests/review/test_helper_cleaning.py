"""A same-file helper that refuses unsafe input before building its result cleans that argument.

Semgrep takes a call's result to carry every argument's taint. Without the returns pass, `subst(template,
mime_type)` stayed tainted by `mime_type` even when subst() returns None for an unsafe one, so the fixed
version of CPython's mailcap (CVE-2015-20107) still blocked. One review of several files, one scenario each.
"""

from __future__ import annotations

import subprocess

import pytest
from click.testing import CliRunner
from reviewing import review

from ygs.cli import main
from ygs.git import no_git_env

SEMGREP = '[tool.ygs.review]\nanalyzers = ["semgrep"]\n'

CHECKED = '''import os
import re
import sys

_find_unsafe = re.compile(r"[^\\w@+=:,./-]").search


def subst(field, mime_type, filename):
    if _find_unsafe(mime_type):
        return None
    return field.replace("%t", mime_type).replace("%s", filename)


def open_with(handlers, mime_type, filename):
    if _find_unsafe(filename):
        return None
    handler = handlers.get(mime_type)
    command = None if handler is None else subst(handler["view"], mime_type, filename)
    return None if command is None else os.system(command)


if __name__ == "__main__":
    open_with({"image/png": {"view": "display %s"}}, sys.argv[1], sys.argv[2])
'''
# the same program before the fix: subst() builds the command from whatever it is given
UNCHECKED = CHECKED.replace('''    if _find_unsafe(mime_type):
        return None
''', "").replace('''    if _find_unsafe(filename):
        return None
''', "")

# direct flows (the main scan): request data through a validating builder, and through one that is not
BUILDERS = '''import subprocess

from flask import Flask, request

app = Flask(__name__)


def checked(name):
    if name not in ("main", "dev"):
        raise ValueError(name)
    return "git log " + name


def unchecked(name):
    return "git log " + name


@app.get("/a")
def a():
    return subprocess.run(checked(request.args["ref"]), shell=True).stdout


@app.get("/b")
def b():
    return subprocess.run(unchecked(request.args["ref"]), shell=True).stdout
'''
# attack: two functions named `build`, one cleaning, one not; the call cannot tell which runs
TWICE = '''import os

from flask import Flask, request

app = Flask(__name__)


class Safe:
    def build(self, name):
        return "ls"


class Unsafe:
    def build(self, name):
        return "ls " + name


def pick():
    return Unsafe()


@app.get("/c")
def c():
    return str(os.system(pick().build(request.args["dir"])))
'''
# a lookup key picks a value, it does not become it; an HTTP client's get() is no lookup
LOOKUPS = '''import os

import requests
from flask import Flask, request

app = Flask(__name__)


@app.get("/d")
def d():
    commands = {"date": "date", "up": "uptime"}
    return str(os.system(commands.get(request.args["cmd"], "true")))


@app.get("/e")
def e():
    return str(os.system(requests.get(request.args["url"]).text))
'''


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """One review of all the scenarios: (exit code, the (path, line) of every MUST finding)."""
    path = tmp_path_factory.mktemp("cleaning")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(path)
        mp.setenv("SEMGREP_ENABLE_VERSION_CHECK", "0")
        mp.delenv("ANTHROPIC_API_KEY", raising=False)
        mp.delenv("GITHUB_ACTIONS", raising=False)
        def git(*args: str) -> None:
            subprocess.run(["git", *args], cwd=path, check=True, capture_output=True, env=no_git_env())

        git("init", "-q", "-b", "main")
        git("config", "user.email", "dev@example.com")
        git("config", "user.name", "Dev")
        (path / "pyproject.toml").write_text(SEMGREP, encoding="utf-8")
        git("add", "-A")
        git("commit", "-q", "-m", "base")
        git("checkout", "-q", "-b", "feature")
        for name, text in {"checked.py": CHECKED, "unchecked.py": UNCHECKED, "builders.py": BUILDERS,
                           "twice.py": TWICE, "lookups.py": LOOKUPS}.items():
            (path / name).write_text(text, encoding="utf-8")
        git("add", "-A")
        git("commit", "-q", "-m", "feature")
        code, result = review(lambda *args: CliRunner().invoke(main, list(args), catch_exceptions=False))
    return code, {(f["path"], f["line"]) for f in result["findings"] if f["severity"] == "MUST"}


def test_a_helper_that_refuses_unsafe_input_cleans_it(report):
    _, blocked = report
    assert not {line for path, line in blocked if path == "checked.py"}


def test_the_same_program_without_the_checks_still_blocks_through_the_helper(report):
    _, blocked = report
    assert ("unchecked.py", 19) in blocked  # the call of open_with() with sys.argv


def test_a_validating_builder_cleans_a_direct_flow_and_a_plain_one_does_not(report):
    code, blocked = report
    assert code == 1
    assert {line for path, line in blocked if path == "builders.py"} == {25}


def test_a_name_defined_twice_is_never_taken_for_a_cleaning_helper(report):
    _, blocked = report
    assert ("twice.py", 24) in blocked


def test_a_lookup_key_does_not_flow_but_a_fetched_url_does(report):
    _, blocked = report
    assert {line for path, line in blocked if path == "lookups.py"} == {17}
