"""Request data handed to a same-file helper that holds the sink blocks (ygs/review/analyzers/summaries.py).

Semgrep's open-source taint engine does not follow data into a called function, so without the helper stages
an agent could dodge every injection rule by moving the query into `def find_user(name)`.
"""

from __future__ import annotations

from reviewing import review

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


def must(report: dict) -> list[tuple[str, int, str]]:
    return [(f["rule_id"], f["line"], f["message"]) for f in report["findings"] if f["severity"] == "MUST"]


def change(repo, path: str, base: str, new: str) -> None:
    repo.write("pyproject.toml", SEMGREP)
    repo.write(path, base)
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    repo.write(path, new)
    repo.commit("feature")


def test_request_data_reaching_a_helpers_query_blocks_at_the_call(repo, run_ygs):
    change(repo, "app.py", PY_APP.replace("USERNAME", '"admin"'),
           PY_APP.replace("USERNAME", 'request.form["username"]'))
    code, report = review(run_ygs)
    assert code == 1
    [(rule, line, message)] = must(report)
    assert (rule, line) == ("python-sql-injection", 16)
    assert "through find_user() (parameter `username`, sink at line 10)" in message


def test_data_for_a_parameter_that_never_reaches_the_sink_passes(repo, run_ygs):
    safe = PY_APP.replace("USERNAME", '"admin"').replace(
        '"admin")}', '"admin", limit=int(request.args["limit"]))}')
    assert 'limit=int(request.args["limit"])' in safe
    change(repo, "app.py", PY_APP.replace("USERNAME", '"admin"'), safe)
    code, report = review(run_ygs)
    assert code == 0, must(report)


def test_a_helper_that_sanitizes_its_parameter_passes(repo, run_ygs):
    sanitized = PY_APP.replace('" + username + "', '" + str(int(username)) + "').replace(
        "USERNAME", 'request.form["id"]')
    assert "str(int(username))" in sanitized
    change(repo, "app.py", PY_APP.replace("USERNAME", '"admin"'), sanitized)
    code, report = review(run_ygs)
    assert code == 0, must(report)


def test_keyword_arguments_and_methods_are_followed(repo, run_ygs):
    app = '''import subprocess

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
    change(repo, "app.py", app.replace("ARG", '""').replace("CMD", '"ls"'),
           app.replace("ARG", 'request.args["x"]').replace("CMD", 'request.args["cmd"]'))
    code, report = review(run_ygs)
    assert code == 1
    assert sorted((r, line) for r, line, _ in must(report)) == [
        ("python-command-injection", 15), ("python-command-injection", 22)]


def test_moving_an_old_calls_sink_into_the_helper_blocks(repo, run_ygs):
    """The call line is old; the change makes the helper a sink: the flow is new (ygs/review/flows.py)."""
    base = PY_APP.replace("USERNAME", 'request.form["username"]').replace(
        '"SELECT id FROM users WHERE name = \'" + username + "\' LIMIT %d" % limit',
        '"SELECT id FROM users WHERE name = ? LIMIT 10"').replace(
        "db.execute(query)", "db.execute(query, (username,))")
    change(repo, "app.py", base, PY_APP.replace("USERNAME", 'request.form["username"]'))
    code, report = review(run_ygs)
    assert code == 1
    [(rule, line, message)] = must(report)
    assert (rule, line) == ("python-sql-injection", 16)
    assert "new in this change" in message


def test_javascript_helpers_function_and_arrow_are_followed(repo, run_ygs):
    new = JS_APP.replace("findUser(USERNAME", "findUser(req.body.username").replace(
        "});\n", "});\napp.get(\"/u/:id\", (req, res) => byId(req.params.id, (e, u) => res.json(u)));\n", 1)
    change(repo, "app.js", JS_APP.replace("USERNAME", '"admin"'), new)
    code, report = review(run_ygs)
    assert code == 1
    found = sorted((r, line) for r, line, _ in must(report))
    assert found == [("js-sql-injection", 14), ("js-sql-injection", 16)]
    assert any("through findUser() (parameter `username`, sink at line 8)" in m for _, _, m in must(report))


def test_library_code_without_request_data_is_not_followed(repo, run_ygs):
    """Helpers whose callers pass only their own parameters: no source in the file, nothing to report."""
    lib = '''import sqlite3


def find_user(db, username):
    return db.execute("SELECT id FROM users WHERE name = '" + username + "'").fetchall()


def lookup(path, username):
    return find_user(sqlite3.connect(path), username)
'''
    change(repo, "lib.py", "", lib)
    code, report = review(run_ygs)
    assert must(report) == []
    assert code == 0


def test_a_same_named_function_in_another_file_is_another_function(repo, run_ygs):
    """store.py's find_user is a SQL helper; view.py calls a find_user imported from elsewhere, and has a
    helper of its own for the same rule: only view.py's own helpers are sinks in view.py."""
    store = PY_APP.replace("USERNAME", '"admin"')
    view = '''from flask import Flask, request

from safe_store import find_user

app = Flask(__name__)


def count(db, table):
    return db.execute("SELECT count(*) FROM " + table).fetchone()


@app.get("/u")
def user():
    return {"user": find_user(None, request.args["name"]), "count": count(None, "users")}
'''
    repo.write("pyproject.toml", SEMGREP)
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    repo.write("store.py", store)
    repo.write("view.py", view)
    repo.commit("feature")
    code, report = review(run_ygs)
    assert must(report) == []
    assert code == 0


def test_test_code_is_not_followed_into_helpers(repo, run_ygs):
    """Documented scope: helper passes skip `test_paths` (a direct flow there still blocks)."""
    app = PY_APP.replace("USERNAME", 'request.form["username"]')
    direct = 'db.execute("SELECT 1 FROM t WHERE n = \'" + request.args["n"] + "\'")'
    view = f"\n\n@app.get(\"/direct\")\ndef direct():\n    {direct}\n    return {{}}\n"
    change(repo, "tests/test_app.py", "", app + view)
    code, report = review(run_ygs)
    assert [(rule, line) for rule, line, _ in must(report)] == [("python-sql-injection", 21)]
