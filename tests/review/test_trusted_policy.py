"""The review policy comes from the trusted side: a change cannot switch off, shrink or dodge the gate that
judges it by editing ygs's config (issue 10, items 1-3). Real temp repos, the real CLI, builtin analyzers only."""

from __future__ import annotations

import pytest

from reviewing import review

POLICY = '[tool.ygs.review]\nanalyzers = ["secrets", "hygiene"]\n'
APP = "def ok():\n    return 1\n"
DEBUG = "def ok():\n    breakpoint()\n    return 1\n"  # hygiene-breakpoint: MUST on line 2




def policy_findings(report: dict) -> list[dict]:
    return [f for f in report["findings"] if f["rule_id"] == "gate-policy-changed"]


@pytest.fixture
def project(repo):
    """main: a project whose policy runs the builtin analyzers; then a feature branch."""
    repo.write("pyproject.toml", POLICY)
    repo.write("app.py", APP)
    repo.write("tests/test_app.py", "def test_ok():\n    assert True\n")
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    return repo


ATTACKS = [
    ("pyproject.toml", POLICY + 'fail_level = "never"\n', 3, 'review.fail_level: "MUST" → "never"'),
    ("pyproject.toml", '[tool.ygs.review]\nanalyzers = []\n', 2, 'review.analyzers: ["secrets", "hygiene"] → []'),
    ("pyproject.toml", POLICY + 'exclude = ["**"]\n', 3, 'review.exclude: [] → ["**"]'),
    ("pyproject.toml", POLICY + 'skip = ["**/*.py"]\n', 3, "review.skip: ["),
    ("pyproject.toml", POLICY + '\n[tool.ygs.review.severity]\nhygiene-breakpoint = "off"\n', 5,
     'review.severity.hygiene-breakpoint: "MUST" (default) → "off"'),
    ("pyproject.toml", POLICY + '\n[tool.ygs.review.severity]\nhygiene-breakpoint = "MAY"\n', 5,
     'review.severity.hygiene-breakpoint: "MUST" (default) → "MAY"'),
    ("pyproject.toml", POLICY + 'filter = "nofilter"\nfail_level = "never"\n', 4, "review.fail_level"),
    ("pyproject.toml", '[tool.ygs]\nreview.analyzers = ["secrets", "hygiene"]\nreview.fail_level = "never"\n', 3,
     'review.fail_level: "MUST" → "never"'),
    (".ygs/config.toml", '[review]\nfail_level = "never"\n', 2, 'review.fail_level: "MUST" → "never"'),
    (".ygs/config.toml", '[review]\nanalyzers = ["size"]\n', 2, 'review.analyzers: ["secrets", "hygiene"] → ["size"'),
    (".ygs/config.toml", "[llm]\nenabled = false\n", 2, "llm.enabled: unset → false"),
]


@pytest.mark.parametrize("path,text,line,change", ATTACKS, ids=[a[3].split(":")[0] + "@" + a[0] for a in ATTACKS])
def test_a_change_that_loosens_its_own_policy_is_blocked_and_still_reviewed(project, run_ygs, path, text, line,
                                                                           change):
    project.write(path, text)
    project.write("app.py", DEBUG)
    project.commit("loosen the gate and add a breakpoint")
    code, report = review(run_ygs)
    assert code == 1 and report["verdict"] == "fail"
    found = [f for f in policy_findings(report) if change in f["message"]]
    assert found and found[0]["severity"] == "MUST" and found[0]["pass"] == 1, policy_findings(report)
    assert (found[0]["path"], found[0]["line"]) == (path, line)
    assert "loosens the gate" in found[0]["message"]
    # the base policy is the one in effect: the breakpoint the change tried to hide is still found
    assert any(f["rule_id"] == "hygiene-breakpoint" and f["line"] == 2 for f in report["findings"])
    policy = report["evidence"]["policy"]
    assert policy["mode"] == "base" and policy["source"] == f"base {report['base']['sha'][:12]}"
    assert policy["effective"]["review"]["analyzers"] == ["secrets", "hygiene"]


def test_llm_required_turned_off_blocks(repo, run_ygs):
    repo.write("pyproject.toml", POLICY + "\n[tool.ygs.llm]\nrequired = true\n")
    repo.write("app.py", APP)
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    repo.write("pyproject.toml", POLICY + "\n[tool.ygs.llm]\nrequired = false\n")
    repo.commit("llm optional")
    code, report = review(run_ygs)
    assert code == 1
    [found] = policy_findings(report)
    assert found["message"] == "policy change: llm.required: true → false (loosens the gate)"
    assert (found["path"], found["line"], found["snippet"]) == ("pyproject.toml", 5, "required = false")


def test_max_file_lines_below_the_minimum_is_a_config_error(project, run_ygs):
    project.write("pyproject.toml", POLICY + "max_file_lines = 1\n")
    project.commit("skip every file as too large")
    result = run_ygs("review", "--no-llm")
    assert result.exit_code == 2
    assert "tool.ygs.review.max_file_lines = 1 is below the minimum 1000" in result.stderr
    assert "pyproject.toml at " in result.stderr


def test_a_clean_change_passes_without_a_policy_finding(project, run_ygs):
    project.write("app.py", APP + "\n\ndef two():\n    return 2\n")
    project.commit("clean")
    code, report = review(run_ygs)
    assert code == 0 and report["verdict"] == "pass" and not policy_findings(report)
    policy = report["evidence"]["policy"]
    assert policy["files"] == ["pyproject.toml"] and policy["changes"] == []
    assert report["evidence"]["totals"]["files_reviewed"] == 1
    line = f"policy: base {report['base']['sha'][:12]} (pyproject.toml)"
    for fmt in ("text", "markdown", "github", "sarif"):
        out = run_ygs("review", "--no-llm", "--format", fmt)
        assert out.exit_code == 0 and line in out.stdout, fmt


def test_a_change_that_only_tightens_passes_with_a_notice(project, run_ygs):
    project.write("pyproject.toml", POLICY + 'filter = "diff_context"\nmax_file_lines = 30000\n'
                                             '\n[tool.ygs.llm]\nrequired = true\n')
    project.commit("stricter")
    code, report = review(run_ygs)
    assert code == 0 and report["verdict"] == "pass"
    found = {f["message"] for f in policy_findings(report)}
    assert found == {
        'policy change: review.filter: "added" → "diff_context" (tightens the gate)',
        "policy change: review.max_file_lines: 20000 → 30000 (tightens the gate)",
        "policy change: llm.required: false → true (tightens the gate)",
    }
    assert {f["severity"] for f in policy_findings(report)} == {"MAY"}


def test_the_finding_cannot_be_suppressed_or_filtered_away(repo, run_ygs):
    repo.write("pyproject.toml", POLICY + '\n[tool.ygs.review.severity]\nreview-no-tests-changed = "MUST"\n')
    repo.write("app.py", APP)
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    # deleting a line adds none: the finding sits on no added line, and a suppression marker does not help
    repo.write("pyproject.toml", POLICY + "\n# ygs: ignore[gate-policy-changed] approved by the agent\n"
                                          "[tool.ygs.review.severity]\n")
    repo.commit("relax a rule")
    code, report = review(run_ygs)
    assert code == 1
    [found] = policy_findings(report)
    assert found["severity"] == "MUST" and "review.severity.review-no-tests-changed" in found["message"]
    assert (found["path"], found["line"]) == ("pyproject.toml", 5)  # the table's header
    assert report["evidence"]["suppressions"] == []


def test_policy_head_uses_the_heads_policy_and_says_so_everywhere(project, run_ygs):
    project.write("pyproject.toml", POLICY + 'fail_level = "never"\n')
    project.write("app.py", DEBUG)
    project.commit("loosen")
    code, report = review(run_ygs, "--policy", "head")
    assert code == 0 and report["verdict"] == "pass"
    head = report["head"]["sha"][:12]
    policy = report["evidence"]["policy"]
    assert policy["mode"] == "head" and policy["source"] == f"head {head} (--policy head)"
    assert policy["trusted"] == f"base {report['base']['sha'][:12]}"
    assert policy["effective"]["review"]["fail_level"] == "never"
    assert any("--policy head" in n for n in report["notices"])
    [found] = policy_findings(report)
    assert found["severity"] == "MAY" and "accepted by --policy head" in found["message"]
    text = run_ygs("review", "--no-llm", "--policy", "head")
    assert text.exit_code == 0
    assert f"policy: head {head} (--policy head) (pyproject.toml)" in text.stdout
    assert "policy taken from the change under review (--policy head" in text.stdout
    for fmt in ("markdown", "github", "sarif"):
        assert "--policy head" in run_ygs("review", "--no-llm", "--policy", "head", "--format", fmt).stdout, fmt


def test_staged_review_trusts_head_not_the_index(project, run_ygs):
    head = project.git("rev-parse", "HEAD")
    project.write("pyproject.toml", POLICY + 'fail_level = "never"\n')
    project.write("app.py", DEBUG)
    project.git("add", "pyproject.toml", "app.py")
    code, report = review(run_ygs, "--staged")
    assert code == 1
    assert report["evidence"]["policy"]["source"] == f"HEAD {head[:12]}"
    [found] = policy_findings(report)
    assert found["message"].startswith('policy change: review.fail_level: "MUST" → "never"')
    assert any(f["rule_id"] == "hygiene-breakpoint" for f in report["findings"])
    code, report = review(run_ygs, "--worktree")
    assert code == 1 and report["evidence"]["policy"]["source"] == f"HEAD {head[:12]}"


def test_staged_review_in_a_repository_without_commits_uses_the_defaults(repo, run_ygs):
    repo.write("pyproject.toml", '[tool.ygs.review]\nfail_level = "never"\n')
    repo.write("notes.md", "# notes\n")
    repo.git("add", "-A")
    code, report = review(run_ygs, "--staged")
    assert code == 1 and report["evidence"]["policy"]["source"] == "defaults (no commits yet)"
    assert [f["severity"] for f in policy_findings(report)] == ["MUST"]


@pytest.mark.parametrize("line", ["* -diff", "*.py binary", "app.py diff=nothing", "[attr]hide -diff\n*.py hide"])
def test_a_gitattributes_line_that_hides_diffs_is_a_policy_finding(project, run_ygs, line):
    project.write(".gitattributes", "*.sh text eol=lf\n" + line + "\n")
    project.commit("hide")
    code, report = review(run_ygs)
    assert code == 1
    found = policy_findings(report)
    assert found and all(f["severity"] == "MUST" and f["path"] == ".gitattributes" for f in found)
    assert found[-1]["line"] == line.count("\n") + 2 and found[-1]["snippet"] == line.split("\n")[-1]


def test_an_unrelated_gitattributes_line_passes(project, run_ygs):
    project.write(".gitattributes", "*.sh text eol=lf\n")
    project.commit("eol")
    code, report = review(run_ygs)
    assert code == 0 and not policy_findings(report)


def test_no_analyzers_is_an_error_not_a_pass(repo, run_ygs):
    repo.write("pyproject.toml", "[tool.ygs.review]\nanalyzers = []\n")
    repo.write("app.py", APP)
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    repo.write("app.py", DEBUG)
    repo.commit("change")
    code, report = review(run_ygs)
    assert code == 2 and report["verdict"] == "error"
    assert report["errors"] == ["no analyzers to run: [tool.ygs.review] analyzers = [] reviews nothing"]
    assert report["evidence"]["analyzers"] == {} and report["evidence"]["totals"]["files_reviewed"] == 0


def test_a_changed_file_no_analyzer_reads_is_an_error(repo, run_ygs):
    repo.write("pyproject.toml", '[tool.ygs.review]\nanalyzers = ["bandit", "size"]\n')
    repo.write("app.py", APP)
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    repo.write("notes.md", "# notes\n")
    repo.commit("docs")
    code, report = review(run_ygs)
    assert code == 2
    assert report["errors"] == ["no analyzer in [tool.ygs.review] analyzers (bandit, size) reads 1 changed "
                                "file(s): notes.md"]
    assert report["evidence"]["totals"]["files_reviewed"] == 0
    assert report["evidence"]["totals"]["files_not_covered"] == 1


@pytest.mark.parametrize("text,message", [
    ("analyzer_timeout_s = 5\n", "tool.ygs.review.analyzer_timeout_s = 5 is below the minimum 10"),
    ('analyzers = ["secret"]\n', "[tool.ygs.review] analyzers: invalid value 'secret'"),
    ('fail_level = "must"\n', "[tool.ygs.review] fail_level: invalid value 'must'"),
])
def test_a_broken_trusted_policy_is_an_error(repo, run_ygs, text, message):
    repo.write("pyproject.toml", "[tool.ygs.review]\n" + text)
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    repo.write("app.py", APP)
    repo.commit("change")
    result = run_ygs("review", "--no-llm")
    assert result.exit_code == 2 and message in result.stderr, result.stderr


@pytest.mark.parametrize("text,message", [
    ("[tool.ygs.review\n", "pyproject.toml at "),
    ('[tool.ygs.review]\nanalyzers = ["nope"]\n', "invalid value 'nope'"),
    ('[tool.ygs.review.severity]\nhygiene-breakpoint = "never"\n', "use MUST, SHOULD, MAY or off"),
])
def test_errors_in_the_heads_policy_are_still_reported(project, run_ygs, text, message):
    project.write("pyproject.toml", text)
    project.commit("broken config")
    result = run_ygs("review", "--no-llm")
    assert result.exit_code == 2 and message in result.stderr, result.stderr
