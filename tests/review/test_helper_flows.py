"""Request data handed to a same-file helper that holds the sink blocks (ygs/review/analyzers/summaries.py).

Semgrep's open-source taint engine does not follow data into a called function, so without the helper stages
an agent could dodge every injection rule by moving the query into `def find_user(name)`.

semgrep is slow to start: the scenarios share two reviews, one change that must block and one that must pass, each
scenario in files of its own (the call rules are scoped to their helper's file), judged by its own paths.
"""

from __future__ import annotations

import pytest

from reviewing import review

# one worker runs every test of this module: its module-scoped scan or review runs once (pyproject addopts)
pytestmark = pytest.mark.xdist_group("helper_flows")

SEMGREP = '[tool.ygs.review]\nanalyzers = ["semgrep"]\n'
PY_APP = '''import sqlite3

from flask import Flask, request

app = Flask(__name__)


def find_user(db, username, limit=10):
    query = "SELECT id FROM users WHERE name = '" + username + "' LIMIT %d" % limit
    return db.execute(query).fetchall()


@app.post("/login")
def login():
    db = sqlite3.connect("app.db")
    return {"rows": find_user(db, USERNAME)}
'''
JS_APP = '''const express = require("express");
const db = require("./db");

const app = express();

function findUser(username, done) {
  const sql = "SELECT id FROM users WHERE name = '" + username + "'";
  db.query(sql, done);
}

const byId = (id, done) => db.query("SELECT * FROM users WHERE id = " + id, done);

app.post("/login", (req, res) => {
  findUser(USERNAME, (err, user) => res.json(user));
});
'''


KWARGS_APP = '''import subprocess

from flask import Flask, request

app = Flask(__name__)


class Runner:
    def run(self, cmd, *, shell_args=""):
        return subprocess.run("sh -c '" + cmd + shell_args + "'", shell=True)


@app.get("/a")
def a():
    Runner().run("ls", shell_args=ARG)
    return {"ok": True}


@app.get("/b")
def b():
    runner = Runner()
    runner.run(CMD)
    return {"ok": True}
'''
LIB = '''import sqlite3


def find_user(db, username):
    return db.execute("SELECT id FROM users WHERE name = '" + username + "'").fetchall()


def lookup(path, username):
    return find_user(sqlite3.connect(path), username)
'''
VIEW = '''from flask import Flask, request

from safe_store import find_user

app = Flask(__name__)


def count(db, table):
    return db.execute("SELECT count(*) FROM " + table).fetchone()


@app.get("/u")
def user():
    return {"user": find_user(None, request.args["name"]), "count": count(None, "users")}
'''
ADMIN = PY_APP.replace("USERNAME", '"admin"')
FROM_FORM = PY_APP.replace("USERNAME", 'request.form["username"]')
NEVER_REACHES = ADMIN.replace('"admin")}', '"admin", limit=int(request.args["limit"]))}')
SANITIZED = PY_APP.replace('" + username + "', '" + str(int(username)) + "').replace("USERNAME", 'request.form["id"]')
DIRECT = 'db.execute("SELECT 1 FROM t WHERE n = \'" + request.args["n"] + "\'")'
# path -> (base content, or None: the file is new; the change's content)
BLOCKING = {
    # request data handed to the helper
    "call/app.py": (ADMIN, FROM_FORM),
    # keyword arguments and methods
    "kwargs/app.py": (KWARGS_APP.replace("ARG", '""').replace("CMD", '"ls"'),
                      KWARGS_APP.replace("ARG", 'request.args["x"]').replace("CMD", 'request.args["cmd"]')),
    # the call line is old; the change makes the helper a sink: the flow is new (ygs/review/flows.py)
    "moved/app.py": (FROM_FORM.replace(
        '"SELECT id FROM users WHERE name = \'" + username + "\' LIMIT %d" % limit',
        '"SELECT id FROM users WHERE name = ? LIMIT 10"').replace(
        "db.execute(query)", "db.execute(query, (username,))"), FROM_FORM),
    # JavaScript: a function and an arrow function
    "js/app.js": (JS_APP.replace("USERNAME", '"admin"'), JS_APP.replace(
        "findUser(USERNAME", "findUser(req.body.username").replace(
        "});\n", "});\napp.get(\"/u/:id\", (req, res) => byId(req.params.id, (e, u) => res.json(u)));\n", 1)),
    # documented scope: helper passes skip `test_paths` (a direct flow there still blocks)
    "tests/test_app.py": ("", FROM_FORM + f"\n\n@app.get(\"/direct\")\ndef direct():\n    {DIRECT}\n    return {{}}\n"),
}
PASSING = {
    # data for a parameter that never reaches the sink
    "param/app.py": (ADMIN, NEVER_REACHES),
    # a helper that sanitizes its parameter
    "sanitized/app.py": (ADMIN, SANITIZED),
    # library code: helpers whose callers pass only their own parameters, no source in the file
    "lib.py": ("", LIB),
    # store.py's find_user is a SQL helper; view.py calls a find_user imported from elsewhere, and has a helper
    # of its own for the same rule: only view.py's own helpers are sinks in view.py
    "store.py": (None, ADMIN),
    "view.py": (None, VIEW),
}


def test_the_scenarios_are_what_they_say():
    assert 'limit=int(request.args["limit"])' in NEVER_REACHES
    assert "str(int(username))" in SANITIZED
    assert "? LIMIT 10" in BLOCKING["moved/app.py"][0] and "(username,)" in BLOCKING["moved/app.py"][0]
    assert "byId(req.params.id" in BLOCKING["js/app.js"][1]
    assert DIRECT in BLOCKING["tests/test_app.py"][1]


def must(report: dict, path: str | None = None) -> list[tuple[str, int, str]]:
    return [(f["rule_id"], f["line"], f["message"]) for f in report["findings"]
            if f["severity"] == "MUST" and path in (None, f["path"])]


def reviewed(repo, ygs, files: dict[str, tuple[str | None, str]]) -> tuple[int, dict]:
    """A base commit with each file's base content, a feature branch with the change's, and its review."""
    repo.write("pyproject.toml", SEMGREP)
    for path, (base, _) in files.items():
        if base is not None:
            repo.write(path, base)
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    for path, (_, new) in files.items():
        repo.write(path, new)
    repo.commit("feature")
    return review(ygs(repo.path))


@pytest.fixture(scope="module")
def blocking(new_repo, ygs_in) -> dict:
    code, report = reviewed(new_repo(), ygs_in, BLOCKING)
    assert code == 1, report
    assert {f["path"] for f in report["findings"] if f["severity"] == "MUST"} <= set(BLOCKING), must(report)
    return report


@pytest.fixture(scope="module")
def passing(new_repo, ygs_in) -> dict:
    code, report = reviewed(new_repo(), ygs_in, PASSING)
    assert must(report) == []
    assert code == 0
    return report


def test_request_data_reaching_a_helpers_query_blocks_at_the_call(blocking):
    [(rule, line, message)] = must(blocking, "call/app.py")
    assert (rule, line) == ("python-sql-injection", 16)
    assert "through find_user() (parameter `username`, sink at line 10)" in message


@pytest.mark.parametrize("path", ["param/app.py", "sanitized/app.py"], ids=["parameter never reaches the sink",
                                                                            "helper sanitizes its parameter"])
def test_safe_variants_of_a_helper_call_pass(passing, path):
    assert must(passing, path) == []


def test_keyword_arguments_and_methods_are_followed(blocking):
    assert sorted((r, line) for r, line, _ in must(blocking, "kwargs/app.py")) == [
        ("python-command-injection", 15), ("python-command-injection", 22)]


def test_moving_an_old_calls_sink_into_the_helper_blocks(blocking):
    """The call line is old; the change makes the helper a sink: the flow is new (ygs/review/flows.py)."""
    [(rule, line, message)] = must(blocking, "moved/app.py")
    assert (rule, line) == ("python-sql-injection", 16)
    assert "new in this change" in message


def test_javascript_helpers_function_and_arrow_are_followed(blocking):
    found = must(blocking, "js/app.js")
    assert sorted((r, line) for r, line, _ in found) == [("js-sql-injection", 14), ("js-sql-injection", 16)]
    assert any("through findUser() (parameter `username`, sink at line 8)" in m for _, _, m in found)


def test_library_code_without_request_data_is_not_followed(passing):
    """Helpers whose callers pass only their own parameters: no source in the file, nothing to report."""
    assert must(passing, "lib.py") == []


def test_a_same_named_function_in_another_file_is_another_function(passing):
    """store.py's find_user is a SQL helper; view.py calls a find_user imported from elsewhere, and has a
    helper of its own for the same rule: only view.py's own helpers are sinks in view.py."""
    assert must(passing, "store.py") == [] and must(passing, "view.py") == []


def test_test_code_is_not_followed_into_helpers(blocking):
    """Documented scope: helper passes skip `test_paths` (a direct flow there still blocks)."""
    assert [(rule, line) for rule, line, _ in must(blocking, "tests/test_app.py")] == [("python-sql-injection", 21)]
