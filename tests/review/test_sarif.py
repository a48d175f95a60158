"""`ygs review --format sarif` as GitHub code scanning uses it, from a real review (real git, semgrep, bandit):
the official SARIF 2.1.0 schema, and one test per rule of docs/review.md ("SARIF")."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import jsonschema
import pytest
from click.testing import CliRunner
from repos import Repo

from ygs.cli import main
from ygs.resources import data_dir
from ygs.review import policy
from ygs.review.linehash import line_hashes
from ygs.review.model import Anchor, Finding, ReviewResult, Severity
from ygs.review.reports import sarif

SCHEMA_FILE = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"  # oasis-tcs/sarif-spec e058381
APP = "import flask\nimport pickle\n\n\ndef ok():\n    return 1\n"
# request data into pickle after a non-BMP and a non-ASCII character: the columns must count UTF-16 code units
VULN_LINE = '    note = "\U0001F600é"; return pickle.loads(flask.request.data)'
CHANGED_APP = APP + "\n\ndef debug():\n    breakpoint()\n\n\ndef load():\n" + VULN_LINE + "\n"
FINAL_APP = "# a new first line: every finding below moves down one line\n" + CHANGED_APP


def _ygs(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory):
    """A real review with a line finding, a file-level finding and a change-level finding; and the review of the
    same change one commit earlier, before a line was added above them all."""
    root = tmp_path_factory.mktemp("sarif") / "repo"
    root.mkdir()
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        for name, value in (("SEMGREP_ENABLE_VERSION_CHECK", "0"), ("NO_COLOR", "1")):
            mp.setenv(name, value)
        for name in ("ANTHROPIC_API_KEY", "GITHUB_ACTIONS"):
            mp.delenv(name, raising=False)
        repo = Repo(root)
        repo.write("app.py", APP)
        repo.write("tests/test_app.py", "def test_ok():\n    assert True\n")
        repo.commit("base")
        repo.git("checkout", "-q", "-b", "feature")
        repo.write("app.py", CHANGED_APP)  # line findings: breakpoint() (debug), pickle of request data (security)
        repo.write("lib dir/helper.py", "def helper():\n    breakpoint()\n")  # a path a URI must encode
        repo.write("config/.env", "API_URL=https://example.com\n")  # a file-level finding
        repo.commit("no test changed with the source: a change-level finding")
        earlier = _ygs("review", "--no-llm", "--format", "sarif")
        repo.write("app.py", FINAL_APP)
        repo.commit("shift every line of app.py")
        code, out, err = _ygs("review", "--no-llm", "--format", "sarif")
        yield repo, code, json.loads(out), json.loads(earlier[1]), err


def _results(document: dict, rule_id: str) -> list[dict]:
    return [r for r in document["runs"][0]["results"] if r["ruleId"] == rule_id]


def _rules(document: dict) -> dict[str, dict]:
    return {r["id"]: r for r in document["runs"][0]["tool"]["driver"]["rules"]}


def _region(result: dict) -> dict:
    return result["locations"][0]["physicalLocation"]["region"]


def _uri(result: dict) -> str:
    return result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]


def test_sarif_of_a_review_validates_against_the_official_schema(reviewed):
    _, code, document, _, err = reviewed
    assert code == 1, err
    assert hashlib.sha256(SCHEMA_FILE.read_bytes()).hexdigest() == SCHEMA_SHA256  # the vendored file, unchanged
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]
    assert errors == []
    ids = {r["ruleId"] for r in document["runs"][0]["results"]}
    assert {"hygiene-breakpoint", "python-unsafe-deserialization", "hygiene-env-file", "review-no-tests-changed"} <= ids
    bad = json.loads(json.dumps(document))
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] = 0
    assert not validator.is_valid(bad)  # the validator does reject what code scanning rejects


def test_every_result_has_a_location(reviewed):
    repo, _, document, earlier, _ = reviewed
    results = document["runs"][0]["results"]
    assert results and all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in results)
    [line] = _results(document, "python-unsafe-deserialization")
    assert _uri(line) == "app.py" and _region(line)["startLine"] == FINAL_APP.splitlines().index(VULN_LINE) + 1
    [whole_file] = _results(document, "hygiene-env-file")
    assert _uri(whole_file) == "config/.env" and _region(whole_file) == {"startLine": 1, "endLine": 1}
    # about the change as a whole: shown on the first new line of the first changed file
    [change], [before] = _results(document, "review-no-tests-changed"), _results(earlier, "review-no-tests-changed")
    assert (_uri(change), _region(change)) == ("app.py", {"startLine": 1})  # FINAL_APP's new first line
    first_content = CHANGED_APP.splitlines().index("def debug():") + 1  # the added blank lines before it are not
    assert (_uri(before), _region(before)) == ("app.py", {"startLine": first_content})
    assert change["properties"]["scope"] == "change" and "change as a whole" in change["message"]["text"]
    assert (repo.path / _uri(change)).is_file()


def test_columns_where_ygs_knows_them(reviewed):
    _, _, document, _, _ = reviewed
    assert document["runs"][0]["columnKind"] == "utf16CodeUnits"
    [hit] = _results(document, "python-unsafe-deserialization")
    region = _region(hit)
    units = VULN_LINE.encode("utf-16-le")
    covered = units[(region["startColumn"] - 1) * 2:(region["endColumn"] - 1) * 2].decode("utf-16-le")
    assert covered and covered in "pickle.loads(flask.request.data)" and "request" in covered
    for result in _results(document, "hygiene-breakpoint") + _results(document, "hygiene-env-file"):
        assert "startColumn" not in _region(result) and "endColumn" not in _region(result)  # not known: not made up


def test_automation_details_is_a_stable_category_never_a_run_id(reviewed, repo, run_ygs):
    _, _, document, earlier, _ = reviewed
    run, rerun = document["runs"][0], earlier["runs"][0]
    assert run["automationDetails"] == rerun["automationDetails"] == {"id": "ygs/"}
    assert run["properties"]["run_id"] != rerun["properties"]["run_id"]  # the run id lives elsewhere
    repo.write("README.md", "hello\n")
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "docs")
    repo.write("README.md", "hello, world\n")
    repo.commit("docs")
    result = run_ygs("review", "--no-llm", "--format", "sarif", "--sarif-category", "backend/api")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["runs"][0]["automationDetails"] == {"id": "ygs/backend/api/"}
    for bad, message in (("a b", "invalid --sarif-category 'a b'"), ("x" * 101, "at most 100 characters")):
        result = run_ygs("review", "--no-llm", "--format", "sarif", "--sarif-category", bad)
        assert result.exit_code == 2 and message in result.stderr and result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1
    result = run_ygs("review", "--no-llm", "--format", "json", "--sarif-category", "backend")
    assert result.exit_code == 2 and "--sarif-category applies to --format sarif only" in result.stdout + result.stderr


def test_paths_are_relative_to_the_srcroot_base(reviewed):
    repo, _, document, _, _ = reviewed
    run = document["runs"][0]
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base == repo.path.resolve().as_uri() + "/"
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location["uriBaseId"] == "%SRCROOT%" and not urlparse(location["uri"]).scheme
        assert not location["uri"].startswith("/")
        assert Path(unquote(urlparse(urljoin(base, location["uri"])).path)).is_file()
    assert "lib%20dir/helper.py" in {_uri(r) for r in _results(document, "hygiene-breakpoint")}


def test_security_severity_only_on_security_rules(reviewed):
    _, _, document, _, _ = reviewed
    rules = _rules(document)
    debug = rules["hygiene-breakpoint"]["properties"]  # a MUST with a CWE (489), but no security weakness
    assert "security-severity" not in debug and "security" not in debug["tags"]
    assert "external/cwe/cwe-489" in debug["tags"]
    assert rules["hygiene-breakpoint"]["defaultConfiguration"]["level"] == "error"  # still an error, not security
    pickle = rules["python-unsafe-deserialization"]["properties"]
    assert pickle["security-severity"] == "9.0" and "security" in pickle["tags"]  # request data into pickle: RCE
    assert rules["hygiene-env-file"]["properties"]["security-severity"] == "8.0"
    assert "security-severity" not in rules["review-no-tests-changed"]["properties"]
    # every rule ygs ships: a score exactly when the rule is about security and names a weakness
    for rule in policy.load(data_dir("gates")).rules.values():
        score = sarif.security_severity(rule.severity, rule.category, rule.cwe)
        if rule.category in ("debug", "error-handling", "maintainability", "size", "scope", "testing", "review"):
            assert score is None, rule.id
        elif rule.cwe:
            assert score and 0.1 <= float(score) <= 10.0, rule.id


def test_partial_fingerprints_hold_githubs_line_hash_and_ygs_own(reviewed):
    repo, _, document, earlier, _ = reviewed
    for result in document["runs"][0]["results"]:
        prints = result["partialFingerprints"]
        path, line = _uri(result), _region(result)["startLine"]
        expected = line_hashes((repo.path / unquote(path)).read_bytes(), [line])[line]
        assert prints["primaryLocationLineHash"] == expected and len(prints["ygsFingerprint/v1"]) >= 16
    # one line further down, the same finding keeps both fingerprints: code scanning sees the same alert
    rule = "python-unsafe-deserialization"
    [now], [before] = _results(document, rule), _results(earlier, rule)
    assert _region(now)["startLine"] == _region(before)["startLine"] + 1
    assert now["partialFingerprints"] == before["partialFingerprints"]


def test_line_hash_is_githubs_algorithm():
    """Vectors from github/codeql-action src/fingerprints.test.ts (the upload action's own)."""
    vectors = {
        "": ["c129715d7a2bc9a3:1"],
        " a\nb\n  \t\tc\n d": ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"],
        " hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n": [
            "e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
            "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"],
        "Lorem ipsum dolor sit amet.\n" * 10: [
            "a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4",
            "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1",
            "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1"],
        "x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n": [
            "e54938cc54b302f1:1", "bb609acbe9138d60:1", "1131fd5871777f34:1", "5c482a0f8b35ea28:1",
            "54517377da7028d2:1", "2c644846cb18d53e:1", "f1b89f20de0d133:1", "c129715d7a2bc9a3:1"],
    }
    for text, expected in vectors.items():
        lines = range(1, len(expected) + 1)
        assert [line_hashes(text.encode(), lines)[n] for n in lines] == expected
        assert [line_hashes(text.encode(), [n])[n] for n in lines] == expected  # one line alone: the same


def _finding(index: int, severity: Severity, message: str = "") -> Finding:
    return Finding(rule_id=f"rule-{severity.value.lower()}", severity=severity,
                   pass_=1 if severity is Severity.MUST else 2, category="maintainability", cwe=None,
                   path=f"src/f{index % 50}.py", line=index + 1,
                   end_line=index + 1, message=message or f"finding {index}", fix="", sources=("test",),
                   fingerprint=f"{index:024x}", rule_ids=(f"rule-{severity.value.lower()}",))


def _review(findings: list[Finding]) -> ReviewResult:
    return ReviewResult(verdict="fail", base={"sha": "a" * 40}, head={"sha": "b" * 40}, run_id="r", fail_level="MUST",
                        filter="added", findings=findings, anchor=Anchor("src/f0.py", 1))


def test_results_are_capped_at_25000_keeping_must_findings():
    # the least severe first in the input: the cap must still keep every MUST
    findings = [_finding(i, Severity.MAY) for i in range(30)] + [_finding(30 + i, Severity.MUST) for i in range(25_000)]
    document = json.loads(sarif.render(_review(findings)))
    run = document["runs"][0]
    assert len(run["results"]) == 25_000 and {r["level"] for r in run["results"]} == {"error"}
    [notice] = [n for n in run["invocations"][0]["toolExecutionNotifications"] if "capped" in n["message"]["text"]]
    assert notice["level"] == "warning" and "25,000 of 25,030" in notice["message"]["text"]
    assert "30 MAY" in notice["message"]["text"]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["rule-must"]  # no descriptor for a dropped rule
    small = json.loads(sarif.render(_review(findings[:40])))["runs"][0]
    assert not [n for n in small["invocations"][0]["toolExecutionNotifications"] if "capped" in n["message"]["text"]]


def test_file_is_capped_at_10_mb_gzipped_keeping_must_findings():
    noise = [base64.b64encode(os.urandom(2400)).decode() for _ in range(5_000)]  # does not compress
    findings = [_finding(i, Severity.SHOULD, noise[i]) for i in range(4_000)]
    findings += [_finding(4_000 + i, Severity.MUST, noise[4_000 + i]) for i in range(1_000)]
    text = sarif.render(_review(findings))
    assert len(gzip.compress(text.encode())) <= 10_000_000
    run = json.loads(text)["runs"][0]
    levels = [r["level"] for r in run["results"]]
    assert 1_000 < len(levels) < 5_000 and levels.count("error") == 1_000
    notes = [n["message"]["text"] for n in run["invocations"][0]["toolExecutionNotifications"]]
    assert any("capped" in n and "10 MB gzipped" in n and "SHOULD" in n for n in notes)
