"""Context the maintainers would give (issue 11, item 2): in test code, and on an empty catch whose comment
explains it, TLS / deserialization / empty-catch / debug rules advise instead of blocking. Real temp repos, the
real CLI, real semgrep and bandit. Severities the tests rely on are pinned in the project's policy, so a change
of a rule's default does not change what these tests prove."""

from __future__ import annotations

import pytest

from reviewing import review

PINNED = ('\n[tool.ygs.review.severity]\nbandit-B501 = "MUST"\nbandit-B301 = "MUST"\nbandit-B307 = "MUST"\n'
          'bandit-B110 = "MUST"\npython-swallowed-exception = "MUST"\njs-swallowed-exception = "MUST"\n'
          'js-tls-verify-disabled = "MUST"\n')


def policy(analyzers: str, extra: str = "") -> str:
    return f"[tool.ygs.review]\nanalyzers = [{analyzers}]\n{extra}" + PINNED




def project(repo, analyzers: str, extra: str = ""):
    repo.write("pyproject.toml", policy(analyzers, extra))
    repo.write("README.md", "demo\n")
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    return repo


def on(report: dict, path: str, rule_id: str) -> list[dict]:
    return [f for f in report["findings"] if f["path"] == path and rule_id in f["rule_ids"]]


TLS_PY = "import requests\n\n\ndef fetch(url):\n    return requests.get(url, verify=False)\n"
PICKLE_PY = "import pickle\n\n\ndef roundtrip(err):\n    return pickle.loads(pickle.dumps(err))\n"
DEBUG_PY = "def test_it():\n    breakpoint()\n    assert True\n"
EVAL_PY = "def run(expr):\n    return eval(expr)\n"

# (test path, application path, source, rule that must advise in tests and block elsewhere)
CASES = [
    ("tests/test_client.py", "app/client.py", TLS_PY, "bandit-B501"),
    ("tests/test_errors.py", "app/errors.py", PICKLE_PY, "bandit-B301"),
    ("pkg/conftest.py", "pkg/handlers.py", DEBUG_PY, "hygiene-breakpoint"),
    ("test/server.test.ts", "src/client.ts",
     "import https from 'https';\n\nexport const agent = new https.Agent({ rejectUnauthorized: false });\n",
     "js-tls-verify-disabled"),
    ("src/__tests__/cleanup.js", "src/cleanup.js",
     "export function cleanup(fs, p) {\n  try {\n    fs.unlinkSync(p);\n  } catch (e) {}\n}\n",
     "js-swallowed-exception"),
]


def test_rules_of_these_categories_advise_in_test_code_and_block_elsewhere(repo, run_ygs):
    project(repo, '"semgrep", "bandit", "hygiene"')
    for test_path, _, source, _ in CASES:
        repo.write(test_path, source)
    repo.commit("test code")
    code, report = review(run_ygs)
    assert code == 0, [f for f in report["findings"] if f["severity"] == "MUST"]
    for test_path, _, _, rule_id in CASES:
        hits = on(report, test_path, rule_id)
        assert hits and all(f["severity"] == "SHOULD" and f["pass"] == 2 for f in hits), (rule_id, hits)
        assert "(in test code: advises)" in hits[0]["message"]

    for _, app_path, source, _ in CASES:
        repo.write(app_path, source)
    repo.commit("the same in application code")
    code, report = review(run_ygs)
    assert code == 1
    for _, app_path, _, rule_id in CASES:
        hits = on(report, app_path, rule_id)
        assert hits and hits[0]["severity"] == "MUST" and "advises" not in hits[0]["message"], (rule_id, hits)


def test_other_categories_still_block_in_test_code(repo, run_ygs):
    project(repo, '"bandit"')
    repo.write("tests/test_calc.py", EVAL_PY)
    repo.commit("eval in a test")
    code, report = review(run_ygs)
    assert code == 1 and on(report, "tests/test_calc.py", "bandit-B307")[0]["severity"] == "MUST"


def test_test_paths_is_configurable_and_empty_turns_it_off(repo, run_ygs):
    project(repo, '"bandit"', 'test_paths = ["qa/**"]\n')
    repo.write("qa/check_tls.py", TLS_PY)
    repo.write("tests/test_client.py", TLS_PY)
    repo.commit("tls in both")
    code, report = review(run_ygs)
    assert on(report, "qa/check_tls.py", "bandit-B501")[0]["severity"] == "SHOULD"
    assert code == 1 and on(report, "tests/test_client.py", "bandit-B501")[0]["severity"] == "MUST"


def test_an_empty_test_paths_glob_is_a_config_error(repo, run_ygs):
    project(repo, '"bandit"', 'test_paths = ["tests/**", " "]\n')
    result = run_ygs("review", "--no-llm", "--format", "json")
    assert result.exit_code == 2 and "test_paths[1]" in result.stderr


def test_widening_test_paths_in_the_change_is_a_blocking_policy_change(repo, run_ygs):
    project(repo, '"bandit", "secrets"')
    repo.write("pyproject.toml", policy('"bandit", "secrets"', 'test_paths = ["src/**", "tests/**"]\n'))
    repo.write("src/client.py", TLS_PY)
    repo.commit("call my code tests")
    code, report = review(run_ygs)
    changed = [f for f in report["findings"] if f["rule_id"] == "gate-policy-changed"]
    assert code == 1 and changed[0]["severity"] == "MUST" and "review.test_paths" in changed[0]["message"]
    assert on(report, "src/client.py", "bandit-B501")[0]["severity"] == "MUST"  # judged by the trusted policy


PY_CATCH = "def close{n}(handle):\n    try:\n        handle.close()\n    except Exception:{inline}\n{body}\n\n"
EXPLAINED_PY = [
    ("", "        # the handle may already be closed by the server\n        pass\n"),
    ("  # best effort: the socket may be gone", "        pass\n"),
]
UNEXPLAINED_PY = [
    ("", "        pass\n"),
    ("  # noqa: BLE001", "        pass  # pragma: no cover\n"),
    ("", "        # pass\n        pass\n"),
    ("", "        pass  # nosec\n"),
]


def _catches(template: str, cases: list[tuple], **fields) -> tuple[str, list[int]]:
    """One source file with every case, and the line of each case's catch."""
    text, lines = "", []
    for n, case in enumerate(cases):
        block = template.format(n=n, **dict(zip(fields["names"], case)))
        catch = next(i for i, line in enumerate(block.split("\n")) if fields["catch"] in line)
        lines.append(text.count("\n") + catch + 1)
        text += block
    return text, lines


def test_an_empty_except_advises_only_when_a_comment_explains_it(repo, run_ygs):
    project(repo, '"semgrep", "bandit"', "honour_foreign_suppressions = false\n")
    text, lines = _catches(PY_CATCH, EXPLAINED_PY + UNEXPLAINED_PY, names=("inline", "body"), catch="except")
    repo.write("app/io.py", text)
    repo.commit("catches")
    code, report = review(run_ygs)
    assert code == 1
    for index, line in enumerate(lines):
        hits = [f for f in report["findings"] if f["line"] == line and f["category"] == "error-handling"]
        assert {"python-swallowed-exception", "bandit-B110"} <= {r for f in hits for r in f["rule_ids"]}, hits
        explained = index < len(EXPLAINED_PY)
        for hit in hits:
            assert hit["severity"] == ("SHOULD" if explained else "MUST"), (index, hit)
            assert ("(a comment explains the empty catch: advises)" in hit["message"]) is explained


JS_CATCH = "export function stop{n}(server) {{\n  try {{\n    server.close();\n  }} catch (e) {{{body}}}\n}}\n\n"
JS_BODIES = [  # (catch body, explained)
    (" /* already stopped: close() throws when the server never started */ ", True),
    ("\n    // the server may never have started\n  ", True),
    ("", False),
    ("\n    // eslint-disable-line no-empty\n  ", False),
    (" /* ignore */ ", False),
]


def test_an_empty_js_catch_advises_only_when_a_comment_explains_it(repo, run_ygs):
    project(repo, '"semgrep"')
    text, lines = _catches(JS_CATCH, [(body,) for body, _ in JS_BODIES], names=("body",), catch="catch")
    repo.write("src/stop.js", text)
    repo.commit("catches")
    code, report = review(run_ygs)
    assert code == 1
    for line, (_, explained) in zip(lines, JS_BODIES):
        hits = [f for f in on(report, "src/stop.js", "js-swallowed-exception") if f["line"] == line]
        assert hits and hits[0]["severity"] == ("SHOULD" if explained else "MUST"), (line, report["findings"])
