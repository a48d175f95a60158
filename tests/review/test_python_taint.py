"""Python injection rules block on proof (request data reaching a sink) and only advise on shape (issue 11)."""

from __future__ import annotations

import pytest

from reviewing import review

SEMGREP_ONLY = '[tool.ygs.review]\nanalyzers = ["semgrep"]\n'

# shapes that blocked real merged commits before issue 11, none of them a flow from request data
PICKLABILITY_TEST = (
    "import pickle\n\n\n"
    "def test_error_is_picklable():\n"
    "    err = ValueError('boom')\n"
    "    assert str(pickle.loads(pickle.dumps(err))) == 'boom'\n"
)
CLIENT_OPTION = (  # an HTTP client implementing its own verify=False option (httpx _config.py)
    "import ssl\n\n\n"
    "def create_ssl_context(verify=True):\n"
    "    ctx = ssl.create_default_context()\n"
    "    if verify is False:\n"
    "        ctx.check_hostname = False\n"
    "        ctx.verify_mode = ssl.CERT_NONE\n"
    "    return ctx\n"
)
HELPER_SQL = (  # a query built from a parameter whose origin this file does not show
    "def by_name(cursor, name):\n"
    "    return cursor.execute(\"SELECT * FROM users WHERE name = '%s'\" % name)\n"
)
MARKUP_LITERAL = "from markupsafe import Markup\n\nBOLD = Markup('<b>bold</b>')\n"
# the real problem: request data reaches the SQL text through a variable
FLASK_SQL = (
    "import sqlite3\n\n"
    "from flask import Flask, request\n\n"
    "app = Flask(__name__)\n\n\n"
    "@app.route('/search')\n"
    "def search():\n"
    "    name = request.args['name']\n"
    "    query = f\"SELECT * FROM users WHERE name = '{name}'\"\n"
    "    return str(sqlite3.connect('app.db').execute(query).fetchall())\n"
)


@pytest.fixture
def feature(repo):
    repo.write("pyproject.toml", SEMGREP_ONLY)
    repo.write("app.py", "def ok():\n    return 1\n")
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    return repo




def test_blocks_on_proven_flow_and_only_advises_on_shapes(feature, run_ygs):
    feature.write("app/views.py", FLASK_SQL)
    feature.write("tests/test_errors.py", PICKLABILITY_TEST)
    feature.write("client/_config.py", CLIENT_OPTION)
    feature.write("app/db.py", HELPER_SQL)
    feature.write("app/ui.py", MARKUP_LITERAL)
    feature.commit("a proven flow and four shapes")
    code, report = review(run_ygs)
    assert code == 1
    blocking = [f for f in report["findings"] if f["severity"] == "MUST"]
    assert [(f["path"], f["line"], f["cwe"]) for f in blocking] == [("app/views.py", 12, "CWE-89")], blocking
    assert "python-sql-injection" in blocking[0]["rule_ids"]
    advised = {(f["path"], f["rule_id"]) for f in report["findings"] if f["severity"] != "MUST"}
    assert ("app/db.py", "python-sql-injection-unproven") in advised
    assert ("client/_config.py", "python-tls-verify-disabled-conditional") in advised
    assert not [f for f in report["findings"] if f["path"] in ("tests/test_errors.py", "app/ui.py")]
