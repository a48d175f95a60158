"""A change that creates a proven flow into an old sink line blocks, though the sink line is not new.

Taint findings sit at the sink, and the `added` filter judges findings by their lines: without the base-side
comparison (ygs/review/flows.py) an agent could feed request data into an existing query, or delete the
sanitizer in front of it, and the gate would see nothing new.
"""

from __future__ import annotations

from reviewing import review

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




def must(report: dict) -> list[tuple[str, int, str]]:
    return [(f["rule_id"], f["line"], f["message"]) for f in report["findings"] if f["severity"] == "MUST"]


def start(repo, content: str) -> None:
    repo.write("pyproject.toml", SEMGREP)
    repo.write("app.py", content)
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")


def test_request_data_fed_into_an_old_sink_line_blocks(repo, run_ygs):
    start(repo, APP)
    repo.write("app.py", APP.replace('name = "admin"', 'name = request.args["name"]'))
    repo.commit("look users up by name")
    code, report = review(run_ygs)
    assert code == 1
    [(rule, line, message)] = must(report)
    assert rule == "python-sql-injection" and line == 14  # the old sink line
    assert "the flow into this line is new in this change" in message


def test_deleting_the_sanitizer_in_front_of_an_old_sink_blocks(repo, run_ygs):
    start(repo, APP)
    repo.write("app.py", APP.replace("    host = shlex.quote(host)\n", ""))
    repo.commit("simplify ping")
    code, report = review(run_ygs)
    assert code == 1
    assert [(r, "new in this change" in m) for r, _, m in must(report)] == [("python-command-injection", True)]


def test_an_old_flow_in_an_edited_file_stays_old(repo, run_ygs):
    vulnerable = APP.replace('name = "admin"', 'name = request.args["name"]')
    start(repo, vulnerable)
    repo.write("app.py", vulnerable.replace('"/ping"', '"/ping/v2"'))
    repo.commit("rename the ping route")
    code, report = review(run_ygs)
    assert code == 0, must(report)
