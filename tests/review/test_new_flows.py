"""A change that creates a proven flow into an old sink line blocks, though the sink line is not new.

Taint findings sit at the sink, and the `added` filter judges findings by their lines: without the base-side
comparison (ygs/review/flows.py) an agent could feed request data into an existing query, or delete the
sanitizer in front of it, and the gate would see nothing new.

semgrep is slow to start: the two blocking changes share one review, each in a file of its own.
"""

from __future__ import annotations

import pytest

from reviewing import review

# one worker runs every test of this module: its module-scoped scan or review runs once (pyproject addopts)
pytestmark = pytest.mark.xdist_group("new_flows")

SEMGREP = '[tool.ygs.review]\nanalyzers = ["semgrep"]\n'
APP = '''import os
import shlex
import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/user")
def user():
    name = "admin"
    db = sqlite3.connect("app.db")
    return str(db.execute("SELECT * FROM users WHERE name = '" + name + "'").fetchall())


@app.route("/ping")
def ping():
    host = request.args["host"]
    host = shlex.quote(host)
    return str(os.system("ping -c 1 " + host))
'''


VULNERABLE = APP.replace('name = "admin"', 'name = request.args["name"]')
# path -> the change to APP
BLOCKING = {
    "users/app.py": VULNERABLE,  # request data fed into the old sink line
    "ping/app.py": APP.replace("    host = shlex.quote(host)\n", ""),  # the sanitizer in front of an old sink deleted
}


def must(report: dict, path: str | None = None) -> list[tuple[str, int, str]]:
    return [(f["rule_id"], f["line"], f["message"]) for f in report["findings"]
            if f["severity"] == "MUST" and path in (None, f["path"])]


def start(repo, files: dict[str, str]) -> None:
    repo.write("pyproject.toml", SEMGREP)
    for path, content in files.items():
        repo.write(path, content)
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")


@pytest.fixture(scope="module")
def blocking(new_repo, ygs_in) -> dict:
    repo = new_repo()
    start(repo, dict.fromkeys(BLOCKING, APP))
    for path, content in BLOCKING.items():
        repo.write(path, content)
    repo.commit("look users up by name; simplify ping")
    code, report = review(ygs_in(repo.path))
    assert code == 1
    assert {f["path"] for f in report["findings"] if f["severity"] == "MUST"} <= set(BLOCKING), must(report)
    return report


def test_request_data_fed_into_an_old_sink_line_blocks(blocking):
    [(rule, line, message)] = must(blocking, "users/app.py")
    assert rule == "python-sql-injection" and line == 14  # the old sink line
    assert "the flow into this line is new in this change" in message


def test_deleting_the_sanitizer_in_front_of_an_old_sink_blocks(blocking):
    assert "shlex.quote" not in BLOCKING["ping/app.py"]
    assert [(r, "new in this change" in m) for r, _, m in must(blocking, "ping/app.py")] == [
        ("python-command-injection", True)]


def test_an_old_flow_in_an_edited_file_stays_old(repo, run_ygs):
    start(repo, {"app.py": VULNERABLE})
    repo.write("app.py", VULNERABLE.replace('"/ping"', '"/ping/v2"'))
    repo.commit("rename the ping route")
    code, report = review(run_ygs)
    assert code == 0, must(report)
