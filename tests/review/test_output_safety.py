"""Outputs that cannot be hijacked: a change cannot drive the reader's terminal or CI log through a file name or
a line of code, cannot leak a `.env` value through a snippet, and `--format json` is a JSON document on every
exit, an error included."""

from __future__ import annotations

import json

import pytest

FAST = '[tool.ygs.review]\nanalyzers = ["hygiene", "secrets"]\n'
# clears the screen, retitles the terminal, rings the bell, reverses the text, and forges a line of its own
HOSTILE_NAME = "a\x1b[2J\x1b]0;pwned\x07\u202eyp.\r\nPASS b.py"
HOSTILE_ENV = ".env.\u2066prod\x1b[31m"  # an environment file whose name is quoted in the finding's message
HOSTILE_LINE = "    breakpoint()  # \x1b]0;pwned\x07 \u202e\u2067 \x9b2J\n"
RAW = ("\x1b", "\x07", "\r", "\x9b", "\u202e", "\u2066", "\u2067")
SECRET = "supersecretvalue123"
TEXT_FORMATS = ("text", "markdown", "github")


@pytest.fixture
def project(repo):
    """A repository on a feature branch whose base commit reviews with hygiene and secrets only."""
    repo.write("pyproject.toml", FAST)
    repo.write("app.py", "def ok():\n    return 1\n")
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    return repo


def report(run_ygs, tmp_path, monkeypatch, fmt: str) -> tuple[int, str]:
    """The report as a reader sees it: stdout, plus the step summary for --format github."""
    summary = tmp_path / f"summary-{fmt}.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run_ygs("review", "--no-llm", "--format", fmt)
    extra = summary.read_text(encoding="utf-8") if summary.exists() else ""
    return result.exit_code, result.stdout + extra


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_control_and_bidi_characters_in_paths_messages_and_snippets_are_escaped(
        project, run_ygs, tmp_path, monkeypatch, fmt):
    project.write(HOSTILE_NAME, "def f():\n" + HOSTILE_LINE)
    project.write(HOSTILE_ENV, "MODE=prod\n")
    project.commit("hostile names")
    code, out = report(run_ygs, tmp_path, monkeypatch, fmt)
    assert code == 1, out
    assert not [char for char in RAW if char in out], fmt
    assert "a\\x1b[2J\\x1b]0;pwned\\x07\\u202eyp.\\r\\nPASS b.py" in out  # the path, escaped
    assert ".env.\\u2066prod\\x1b[31m" in out  # the path inside the message
    assert not [line for line in out.split("\n") if line.startswith("PASS b.py")]  # no forged line
    if fmt == "text":  # the snippet
        assert "breakpoint()  # \\x1b]0;pwned\\x07 \\u202e\\u2067 \\x9b2J" in out


def test_github_workflow_commands_cannot_be_ended_or_started_by_a_file_name(project, run_ygs, tmp_path,
                                                                            monkeypatch):
    name = "x,title=ok::%0A::notice ::add-mask::\n::stop-commands::t.py"
    project.write(name, "breakpoint()\n")
    project.commit("command injection")
    code, out = report(run_ygs, tmp_path, monkeypatch, "github")
    annotations = [line for line in out.split("\n") if line.startswith("::")]
    assert code == 1 and len(annotations) == 1, out
    assert annotations[0].startswith("::error file=x%2Ctitle=ok%3A%3A%250A%3A%3Anotice %3A%3Aadd-mask%3A%3A"
                                     "\\n%3A%3Astop-commands%3A%3At.py,line=1,")


def test_a_clean_change_with_an_odd_name_still_passes(project, run_ygs, tmp_path, monkeypatch):
    project.write(HOSTILE_NAME, "def f():\n    return 2\n")
    project.commit("clean")
    for fmt in (*TEXT_FORMATS, "json"):
        code, out = report(run_ygs, tmp_path, monkeypatch, fmt)
        assert code == 0 and not [char for char in RAW if char in out], (fmt, out)


def test_env_values_are_redacted_in_every_format(project, run_ygs, tmp_path):
    project.write(".env", f"API_KEY={SECRET}\n# local settings\nEMPTY=\n")
    project.write("deploy/.env.production", f"export DB_PASSWORD = '{SECRET}-db'\nTOKEN: {SECRET}\n")
    project.commit("commit the env files")
    for fmt in ("text", "json", "sarif", "markdown", "github"):
        out = tmp_path / f"report.{fmt}"
        result = run_ygs("review", "--no-llm", "--format", fmt, "--output", str(out))
        assert result.exit_code == 1, (fmt, result.stderr)
        assert SECRET not in out.read_text(encoding="utf-8") + result.stdout + result.stderr, fmt
    findings = json.loads((tmp_path / "report.json").read_text())["findings"]
    env = {f["path"]: f for f in findings if f["rule_id"] == "hygiene-env-file"}
    assert env[".env"]["snippet"] == "API_KEY=***"  # the key stays, so a reader knows what to rotate
    assert env["deploy/.env.production"]["snippet"] == "export DB_PASSWORD = ***"
    assert "API_KEY=***" in (tmp_path / "report.text").read_text()


def test_values_outside_env_files_are_left_alone(project, run_ygs):
    project.write("settings.py", "MODE = 'debug'\nbreakpoint()\n")
    project.commit("debug")
    result = run_ygs("review", "--no-llm", "--format", "json")
    snippets = [f["snippet"] for f in json.loads(result.stdout)["findings"]]
    assert result.exit_code == 1 and snippets == ["breakpoint()"]


def error_document(text: str) -> dict:
    document = json.loads(text)
    assert document["schema"] == "ygs.review/v1" and document["verdict"] == "error", document
    assert document["exit_code"] == 2 and document["findings"] == [] and len(document["errors"]) == 1
    return document


@pytest.mark.parametrize("args,message", [
    (["--base", "nosuchref"], "unknown git ref 'nosuchref'"),
    (["--head", "HEAD", "--staged"], "only one of"),
    (["--bogus"], "No such option '--bogus'"),  # click's usage errors too
    (["--fail-level", "sometimes"], "'sometimes' is not one of"),
])
def test_json_is_a_document_on_exit_2(project, run_ygs, tmp_path, args, message):
    result = run_ygs("review", "--no-llm", "--format", "json", *args)
    assert result.exit_code == 2
    assert message in error_document(result.stdout)["errors"][0]
    assert message in result.stderr  # the message people read is still there
    out = tmp_path / "report.json"
    result = run_ygs("review", "--no-llm", f"--output={out}", "--format=json", *args)
    assert result.exit_code == 2 and result.stdout == "" and message in result.stderr
    assert message in error_document(out.read_text())["errors"][0]


def test_json_is_a_document_outside_a_git_repository(tmp_path, run_ygs, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_ygs("review", "--format", "json")
    assert result.exit_code == 2 and "not a git repository" in error_document(result.stdout)["errors"][0]
    assert result.stderr.startswith("ygs: error: not a git repository")


def test_json_is_a_document_on_a_config_error_and_the_error_line_is_escaped(repo, run_ygs):
    repo.write("pyproject.toml", '[tool.ygs.review]\n"\\u001b]0;pwned\\u0007" = 1\n')
    repo.commit("bad config")
    result = run_ygs("review", "--no-llm", "--format", "json")
    assert result.exit_code == 2
    assert "unknown key tool.ygs.review.\x1b]0;pwned\x07" in error_document(result.stdout)["errors"][0]  # JSON escapes it
    assert "\\u001b" in result.stdout and "\x1b" not in result.stdout
    assert "unknown key tool.ygs.review.\\x1b]0;pwned\\x07" in result.stderr and "\x1b" not in result.stderr


def test_other_formats_print_nothing_on_exit_2(project, run_ygs):
    result = run_ygs("review", "--no-llm", "--format", "text", "--base", "nosuchref")
    assert result.exit_code == 2 and result.stdout == "" and "unknown git ref" in result.stderr
