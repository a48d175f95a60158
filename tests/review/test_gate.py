"""The review gate end to end on real temp repos with real semgrep and bandit."""

from __future__ import annotations

import json
import os

import pytest

# request data proven to reach pickle: a MUST (a parameter of unknown origin would only advise)
VULN = "def load():\n    return pickle.loads(flask.request.data)\n"
SAFE_HEADER = "import flask\nimport pickle\n\n\n"


def review_json(run_ygs, *args: str) -> tuple[int, dict]:
    result = run_ygs("review", "--no-llm", "--format", "json", *args)
    assert result.stdout.startswith("{"), result.stdout + result.stderr
    return result.exit_code, json.loads(result.stdout)


def make_base(repo):
    repo.write("app.py", SAFE_HEADER + "def ok():\n    return 1\n")
    repo.write("tests/test_app.py", "def test_ok():\n    assert True\n")
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    return repo


@pytest.fixture
def base(repo):
    return make_base(repo)


@pytest.fixture(scope="module")
def vulnerable(new_repo):
    """The base, then a change that adds VULN: what the format tests render (they leave the repository alone)."""
    repo = make_base(new_repo())
    repo.write("app.py", SAFE_HEADER + VULN)
    repo.commit("vuln")
    return repo


def test_added_vulnerable_line_blocks_with_rule_and_cwe(base, run_ygs):
    base.write("app.py", SAFE_HEADER + "def ok():\n    return 1\n\n\n" + VULN)
    base.commit("add loader")
    code, report = review_json(run_ygs)
    assert code == 1 and report["verdict"] == "fail"
    hit = [f for f in report["findings"] if f["cwe"] == "CWE-502"]
    assert hit and hit[0]["severity"] == "MUST" and hit[0]["pass"] == 1 and hit[0]["line"] == 10
    assert hit[0]["path"] == "app.py" and hit[0]["fix"] and len(hit[0]["fingerprint"]) >= 16
    assert report["base"]["how"].startswith("merge-base of HEAD and main")


def test_untouched_preexisting_vulnerability_is_not_reported(repo, run_ygs):
    repo.write("app.py", SAFE_HEADER + VULN + "\n\ndef ok():\n    return 1\n")
    repo.commit("base with an old problem")
    repo.git("checkout", "-q", "-b", "feature")
    repo.write("app.py", SAFE_HEADER + VULN + "\n\ndef ok():\n    return 2\n")
    repo.write("tests/test_app.py", "def test_ok():\n    assert True\n")
    repo.commit("touch another line")
    code, report = review_json(run_ygs)
    assert code == 0, report["findings"]
    assert not [f for f in report["findings"] if f["cwe"] == "CWE-502"]
    assert report["evidence"]["totals"]["files_reviewed"] == 2


def test_rename_only_and_deletion_only_pass(base, run_ygs):
    base.git("mv", "app.py", "renamed.py")
    base.commit("rename")
    code, report = review_json(run_ygs)
    assert code == 0 and report["verdict"] == "pass"
    base.git("rm", "-q", "renamed.py")
    base.commit("delete")
    code, report = review_json(run_ygs)
    assert code == 0 and report["evidence"]["totals"]["files_deleted"] == 1


def test_empty_diff_passes_with_zero_file_evidence(base, run_ygs):
    code, report = review_json(run_ygs)
    assert code == 0 and report["findings"] == []
    totals = report["evidence"]["totals"]
    assert totals["files_changed"] == 0 and totals["files_reviewed"] == 0
    assert set(report["evidence"]["analyzers"]) >= {"semgrep", "bandit", "secrets", "hygiene"}


def test_analyzer_that_cannot_finish_makes_the_verdict_error(base):
    from ygs.config import Config, ReviewConfig
    from ygs.review import gate

    base.write("app.py", SAFE_HEADER + "def ok():\n    return 2\n")
    base.commit("change")
    # a deadline below the load-time minimum (10 s): only a caller can hand such a config in
    config = Config(root=base.path, review=ReviewConfig(analyzer_timeout_s=0))
    result = gate.review(base.path, config, no_llm=True)
    assert result.verdict == "error" and result.exit_code == 2
    assert any("semgrep" in e for e in result.errors)
    assert result.evidence["policy"]["mode"] == "given"


def test_suppression_needs_a_reason(base, run_ygs):
    base.write("app.py", SAFE_HEADER + VULN)
    base.commit("unsafe")
    _, report = review_json(run_ygs)
    ids = ",".join(_rule_ids_on_line(report, 6))
    assert ids

    base.write("app.py", SAFE_HEADER + f"def load():\n    return pickle.loads(flask.request.data)  # ygs: ignore[{ids}]\n")
    base.commit("no reason")
    code, report = review_json(run_ygs)
    assert code == 1
    assert "review-suppression-needs-reason" in {f["rule_id"] for f in report["findings"]}

    base.write("app.py", SAFE_HEADER + "def load():\n"
               f"    # ygs: ignore[{ids}] data comes from our own signed cache\n"
               "    return pickle.loads(flask.request.data)\n")
    base.commit("with reason")
    code, report = review_json(run_ygs)
    assert code == 0, report["findings"]
    assert report["evidence"]["totals"]["findings_suppressed"] >= 1
    assert report["evidence"]["suppressions"][0]["reason"] == "data comes from our own signed cache"


def _rule_ids_on_line(report: dict, line: int) -> list[str]:
    return sorted({r for f in report["findings"] if f["line"] == line for r in f["rule_ids"]})


def test_same_line_from_two_analyzers_is_one_finding(base, run_ygs):
    base.write("app.py", SAFE_HEADER + "def run(cmd):\n    import subprocess\n"
               "    return subprocess.call(cmd, shell=True)\n")
    base.commit("shell")
    _, report = review_json(run_ygs)
    on_line = [f for f in report["findings"] if f["line"] == 7 and f["cwe"] == "CWE-78"]
    assert len(on_line) == 1
    assert {"semgrep", "bandit"} <= set(on_line[0]["sources"])


def test_fingerprint_survives_line_shifts(base, run_ygs):
    base.write("app.py", SAFE_HEADER + VULN)
    base.commit("v1")
    _, first = review_json(run_ygs)
    base.write("app.py", SAFE_HEADER + "# a comment\n# another\n\n" + VULN)
    base.commit("v2")
    _, second = review_json(run_ygs)
    fp = lambda r: {f["fingerprint"] for f in r["findings"] if f["cwe"] == "CWE-502"}  # noqa: E731
    assert fp(first) and fp(first) == fp(second)


def test_unparsable_file_blocks_as_not_reviewed(base, run_ygs):
    base.write("broken.py", "def broken(:\n    pass\n")
    base.commit("broken")
    code, report = review_json(run_ygs)
    assert code == 1
    hit = [f for f in report["findings"] if f["rule_id"] == "review-unparsed"]
    assert hit and hit[0]["path"] == "broken.py" and "not reviewed" in hit[0]["message"]


def test_vendored_and_oversized_files_are_skipped_and_listed(base, run_ygs):
    base.git("checkout", "-q", "main")  # the policy comes from the base commit
    base.write("pyproject.toml", "[tool.ygs.review]\nmax_file_lines = 1000\n")
    base.commit("policy")
    base.git("checkout", "-q", "feature")
    base.git("merge", "-q", "--ff-only", "main")
    base.write("vendor/lib.py", "import pickle\n" + VULN)
    base.write("generated_big.py", "x = 1\n" * 1500)
    base.commit("vendor")
    code, report = review_json(run_ygs)
    skipped = {s["path"]: s["reason"] for s in report["evidence"]["skipped"]}
    assert "vendored" in skipped["vendor/lib.py"] and "too large" in skipped["generated_big.py"]
    assert code == 0 and not report["evidence"]["policy"]["changes"]


def test_staged_and_worktree_modes(base, run_ygs):
    base.write("staged.py", "import pickle\n" + VULN)
    base.git("add", "staged.py")
    code, report = review_json(run_ygs, "--staged")
    assert code == 1 and report["head"]["ref"] == "index"
    base.git("reset", "-q")
    code, report = review_json(run_ygs, "--worktree")
    assert code == 1 and any(f["path"] == "staged.py" for f in report["findings"])
    code, _ = review_json(run_ygs)  # HEAD has none of it
    assert code == 0


def test_plan_reports_unplanned_files(base, run_ygs):
    base.write("app.py", SAFE_HEADER + "def ok():\n    return 3\n")
    base.write("other.py", "x = 1\n")
    base.commit("two files")
    _, report = review_json(run_ygs, "--plan", "app.py,tests/*.py")
    unplanned = [f["path"] for f in report["findings"] if f["rule_id"] == "scope-unplanned-file"]
    assert unplanned == ["other.py"]


def test_odd_changes_do_not_crash(base, run_ygs):
    name = os.fsdecode(b"caf\xe9.py")
    (base.path / name).write_bytes(b"x = 1\n")  # a non-UTF-8 name
    base.write("notes.txt", b"caf\xe9 au lait\n")  # non-UTF-8 content
    base.write("blob.bin", b"\x00\x01\x02" * 100)
    os.symlink("app.py", base.path / "link.py")
    os.chmod(base.path / "app.py", 0o755)
    base.commit("odd")
    code, report = review_json(run_ygs)
    assert code == 0, report
    reasons = {s["reason"] for s in report["evidence"]["skipped"]}
    assert "binary" in reasons and any("symlink" in r for r in reasons)


@pytest.mark.parametrize("args,message", [
    (["--base", "nope"], "unknown git ref"),
    (["--head", "HEAD", "--staged"], "only one of"),
])
def test_bad_arguments_exit_2(base, run_ygs, args, message):
    result = run_ygs("review", "--no-llm", *args)
    assert result.exit_code == 2 and message in result.stderr


def test_outside_a_git_repo_exits_2(tmp_path, run_ygs, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_ygs("review")
    assert result.exit_code == 2 and "not a git repository" in result.stderr


def test_secrets_are_redacted_in_every_format(base, run_ygs, tmp_path, review_once):
    token = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"
    base.write("settings.py", f'GITHUB_TOKEN = "{token}"\n')
    base.commit("oops")
    for fmt in ("text", "json", "sarif", "markdown", "github"):
        out = tmp_path / f"report.{fmt}"
        result = run_ygs("review", "--no-llm", "--format", fmt, "--output", str(out))
        assert result.exit_code == 1, (fmt, result.stderr)
        body = out.read_text()
        assert token not in body, fmt
    assert "ghp_" in (tmp_path / "report.json").read_text()


@pytest.mark.xdist_group("gate_vulnerable")  # one worker: the shared review runs once
def test_sarif_is_valid_for_code_scanning(vulnerable, run_ygs, review_once):
    result = run_ygs("review", "--no-llm", "--format", "sarif", cwd=vulnerable.path)
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    res = [r for r in run["results"] if "CWE-502" in str(rules[r["ruleId"]]["properties"]["tags"]).upper()]
    assert res and res[0]["level"] == "error" and res[0]["partialFingerprints"]
    loc = res[0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "app.py" and loc["region"]["startLine"] == 6
    assert rules[res[0]["ruleId"]]["help"]["text"]


@pytest.mark.xdist_group("gate_vulnerable")  # one worker: the shared review runs once
def test_text_is_plain_without_a_tty_and_names_the_base(vulnerable, run_ygs, review_once):
    result = run_ygs("review", "--no-llm", cwd=vulnerable.path)
    assert result.exit_code == 1
    assert "\x1b[" not in result.stdout
    assert "BLOCKED" in result.stdout and "merge-base of HEAD and main" in result.stdout
    assert "Evidence" in result.stdout


@pytest.mark.xdist_group("gate_vulnerable")  # one worker: the shared review runs once
def test_github_format_writes_annotations_and_step_summary(vulnerable, run_ygs, tmp_path, monkeypatch,
                                                           review_once):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run_ygs("review", "--no-llm", "--format", "github", cwd=vulnerable.path)
    assert result.exit_code == 1
    assert "::error file=app.py,line=6" in result.stdout
    assert "ygs review blocked" in summary.read_text()
