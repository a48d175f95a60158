"""Existing suppressions carry over (issue 11, item 5): `# nosec` (bandit) and `nosemgrep` (semgrep) markers a
project already has are honoured for the matching analyzer and rule and reported as suppressed; a marker the
change adds cannot silence a blocking finding. Real temp repos, real bandit and semgrep. Severities the tests
rely on are pinned in the project's policy."""

from __future__ import annotations

from ygs.review import gate
from ygs.review.reports import renderer

from reviewing import review

PINNED = ('\n[tool.ygs.review.severity]\nbandit-B307 = "MUST"\nbandit-B602 = "SHOULD"\nbandit-B501 = "MUST"\n'
          'js-swallowed-exception = "MUST"\npython-swallowed-exception = "MUST"\ngo-swallowed-error = "MUST"\n')


def policy(analyzers: str, extra: str = "") -> str:
    return f"[tool.ygs.review]\nanalyzers = [{analyzers}]\n{extra}" + PINNED




def start(repo, analyzers: str, files: dict[str, str], extra: str = ""):
    repo.write("pyproject.toml", policy(analyzers, extra))
    for path, text in files.items():
        repo.write(path, text)
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    return repo


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if needle in line)


def at(report: dict, path: str, line: int, rule_id: str) -> list[dict]:
    return [f for f in report["findings"] if f["path"] == path and f["line"] == line and rule_id in f["rule_ids"]]


# Each case: a function whose eval line carries the marker (or the line above / the statement's last line).
NOSEC_CASES = {  # name -> (body, honoured)
    "bare": ("    return eval(expr)  # nosec\n", True),
    "one_id": ("    return eval(expr)  # nosec B307\n", True),
    "id_list": ("    return eval(expr)  # nosec B602, B307\n", True),
    "colon_spaces": ("    return eval(expr)  # nosec: B602 B307 trusted admin input\n", True),
    "above": ("    # nosec B307\n    return eval(expr)\n", True),
    "statement_end": ("    return eval(\n        expr)  # nosec B307\n", True),
    "other_id": ("    return eval(expr)  # nosec B602\n", False),
    "test_name_only": ("    return eval(expr)  # nosec blacklist_calls\n", False),
    "nosemgrep_is_not_bandits": ("    return eval(expr)  # nosemgrep\n", False),
    "none": ("    return eval(expr)\n", False),
}
NOSEC_FILE = "".join(f"def {name}(expr):\n{body}\n\n" for name, (body, _) in NOSEC_CASES.items())


def test_existing_nosec_markers_carry_over_for_the_ids_they_name(repo, run_ygs):
    start(repo, '"bandit"', {"app.py": NOSEC_FILE}, 'filter = "file"\n')
    repo.write("app.py", NOSEC_FILE + "VERSION = 2\n")
    repo.commit("an unrelated line")
    code, report = review(run_ygs)
    assert code == 1
    suppressed = {s["line"]: s for s in report["evidence"]["suppressions"]}
    for name, (_, honoured) in NOSEC_CASES.items():
        line = line_of(NOSEC_FILE, f"def {name}(") + 1 + (name == "above")
        assert bool(at(report, "app.py", line, "bandit-B307")) is not honoured, name
        assert (line in suppressed) is honoured, name
    assert report["evidence"]["totals"]["findings_suppressed"] == sum(h for _, h in NOSEC_CASES.values())
    record = suppressed[line_of(NOSEC_FILE, "def one_id(") + 1]
    assert record["rule_ids"] == ["bandit-B307"] and record["marker"] == "# nosec B307"
    assert "on the base side" in record["reason"]


JS_FILE = """export function bare(s) {
  try { s.close(); } catch (e) {} // nosemgrep
}
export function named(s) {
  try { s.close(); } catch (e) {} // nosemgrep: js-swallowed-exception
}
export function dotted(s) {
  // nosemgrep: gates.rules.js.js-swallowed-exception
  try { s.close(); } catch (e) {}
}
export function block(s) {
  try { s.close(); } catch (e) {} /* nosemgrep */
}
export function otherRule(s) {
  try { s.close(); } catch (e) {} // nosemgrep: js-eval
}
export function none(s) {
  try { s.close(); } catch (e) {}
}
"""
PY_FILE = """def bare(h):
    try:
        h.close()
    except Exception:  # nosemgrep
        pass


def named(h):
    try:
        h.close()
    except Exception:  # nosemgrep: python-swallowed-exception
        pass


def none(h):
    try:
        h.close()
    except Exception:
        pass
"""
GO_FILE = """package main

func bare(f func() error) {
	err := f()
	if err != nil { // nosemgrep
	}
}

func none(f func() error) {
	err := f()
	if err != nil {
	}
}
"""


def test_existing_nosemgrep_markers_carry_over_in_every_language(repo, run_ygs):
    files = {"src/close.js": JS_FILE, "app/close.py": PY_FILE, "cmd/close.go": GO_FILE}
    start(repo, '"semgrep"', files, 'filter = "file"\n')
    for path, text in files.items():
        repo.write(path, text + "\n")
    repo.commit("a trailing line in each")
    code, report = review(run_ygs)
    assert code == 1
    suppressed = {(s["path"], s["line"]) for s in report["evidence"]["suppressions"]}
    cases = [("src/close.js", JS_FILE, "js-swallowed-exception", name, honoured) for name, honoured in
             (("bare", True), ("named", True), ("dotted", True), ("block", True), ("otherRule", False),
              ("none", False))]
    cases += [("app/close.py", PY_FILE, "python-swallowed-exception", name, honoured) for name, honoured in
              (("bare", True), ("named", True), ("none", False))]
    cases += [("cmd/close.go", GO_FILE, "go-swallowed-error", name, honoured) for name, honoured in
              (("bare", True), ("none", False))]
    for path, text, rule_id, name, honoured in cases:
        first = line_of(text, f" {name}(")
        hits = [f for f in report["findings"] if f["path"] == path and rule_id in f["rule_ids"]
                and first < f["line"] <= first + 3]
        kept = {(p, line) for p, line in suppressed if p == path and first < line <= first + 3}
        assert (bool(hits), bool(kept)) == (not honoured, honoured), (path, name, hits, kept)


def test_a_marker_the_change_adds_cannot_silence_a_blocking_finding(repo, run_ygs):
    start(repo, '"semgrep", "bandit"', {
        "app.py": "def run(expr):\n    return expr\n",
        "old.py": "def run(expr):\n    return str(expr)  # nosec\n",
        "src/stop.js": "export function stop(s) {\n  // nosemgrep\n  s.close();\n}\n",
    })
    repo.write("app.py", "def run(expr):\n    return eval(expr)  # nosec\n")  # added with the marker
    repo.write("old.py", "def run(expr):\n    return eval(expr)  # nosec\n")  # an old marker, a new line
    repo.write("src/stop.js", "export function stop(s) {\n  // nosemgrep\n  try { s.close(); } catch (e) {}\n}\n")
    repo.commit("dodge the gate")
    code, report = review(run_ygs)
    assert code == 1 and report["evidence"]["suppressions"] == []
    added = at(report, "app.py", 2, "bandit-B307")
    assert added and added[0]["severity"] == "MUST"
    assert ("`# nosec` added by this change is not honoured for blocking findings; use "
            "`# ygs: ignore[bandit-B307] reason`") in next(f["message"] for f in added if "nosec" in f["message"])
    rewritten = at(report, "old.py", 2, "bandit-B307")  # the line with the old marker is new
    assert rewritten and "`# nosec` added by this change is not honoured" in rewritten[0]["message"]
    below = at(report, "src/stop.js", 3, "js-swallowed-exception")
    assert below and below[0]["severity"] == "MUST"
    assert "`// nosemgrep` over code this change rewrote is not honoured" in below[0]["message"]
    assert "`// ygs: ignore[js-swallowed-exception] reason`" in below[0]["message"]


def test_a_marker_the_change_adds_silences_advice(repo, run_ygs):
    start(repo, '"bandit"', {"app.py": "X = 1\n"})
    repo.write("app.py", "import subprocess\n\n\ndef run(cmd):\n    return subprocess.call(cmd, shell=True)  # nosec B602\n")
    repo.write("tests/test_tls.py", "import requests\n\n\ndef test_local():\n"
               "    requests.get('https://localhost:8443', verify=False)  # nosec B501\n")
    repo.commit("advisory findings with new markers")
    code, report = review(run_ygs)
    assert code == 0 and not [f for f in report["findings"] if f["rule_id"] in ("bandit-B602", "bandit-B501")]
    records = {s["rule_ids"][0]: s for s in report["evidence"]["suppressions"]}
    assert set(records) == {"bandit-B602", "bandit-B501"}  # B501 advises in test code, so its new marker counts
    assert "added by this change" in records["bandit-B602"]["reason"]


def test_honour_foreign_suppressions_false_ignores_every_marker(repo, run_ygs):
    text = "def run(expr):\n    return eval(expr)  # nosec\n"
    start(repo, '"bandit"', {"app.py": text}, 'filter = "file"\nhonour_foreign_suppressions = false\n')
    repo.write("app.py", text + "VERSION = 2\n")
    repo.commit("an unrelated line")
    code, report = review(run_ygs)
    assert code == 1 and at(report, "app.py", 2, "bandit-B307")[0]["severity"] == "MUST"
    assert report["evidence"]["suppressions"] == [] and report["evidence"]["totals"]["findings_suppressed"] == 0


def test_turning_foreign_suppressions_on_in_the_change_is_a_blocking_policy_change(repo, run_ygs):
    start(repo, '"bandit", "secrets"', {"app.py": "X = 1\n"}, "honour_foreign_suppressions = false\n")
    repo.write("pyproject.toml", policy('"bandit", "secrets"'))
    repo.commit("honour markers again")
    code, report = review(run_ygs)
    changed = [f for f in report["findings"] if f["rule_id"] == "gate-policy-changed"]
    assert code == 1 and changed and changed[0]["severity"] == "MUST"
    assert "review.honour_foreign_suppressions: false → true (loosens the gate)" in changed[0]["message"]


def test_every_report_format_counts_and_lists_carried_over_suppressions(repo, run_ygs):
    text = "def run(expr):\n    return eval(expr)  # nosec B307\n"
    start(repo, '"bandit"', {"app.py": text}, 'filter = "file"\n')
    repo.write("app.py", text + "VERSION = 2\n")
    repo.commit("an unrelated line")
    result = gate.review(repo.path, no_llm=True)
    assert result.verdict == "pass" and result.evidence["totals"]["findings_suppressed"] == 1
    assert "1 suppressed" in renderer("text")(result) and "1 suppressed" in renderer("markdown")(result)
    for fmt in ("json", "sarif"):
        rendered = renderer(fmt)(result)
        assert '"marker": "# nosec B307"' in rendered and '"bandit-B307"' in rendered, fmt
