"""Content a change hides from the gate: `.gitattributes` that declares source binary, a stray NUL byte, tokens in
vendored / generated / oversized / binary files. Every attack must block; clean changes must still pass.

The trusted config lists only the analyzers each attack is about (semgrep is not the point here, and slow).
"""

from __future__ import annotations

import json

import pytest

from reviewing import review

TOKEN = "ghp_FixtureKGpOyQNcdOyZbkBFTFoOxtzHq8STZ"  # fake, GitHub-token shaped
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
FAST = '[tool.ygs.review]\nanalyzers = ["secrets", "hygiene"]\n'




def rules(report: dict, path: str) -> set[str]:
    return {f["rule_id"] for f in report["findings"] if f["path"] == path}


def skipped(report: dict) -> dict[str, dict]:
    return {entry["path"]: entry for entry in report["evidence"]["skipped"]}


def start(repo, config: str = FAST, files: dict[str, str | bytes] | None = None):
    repo.write("pyproject.toml", config)
    repo.write("app.py", "import os\n\n\ndef ok():\n    return 1\n")
    for path, content in (files or {}).items():
        repo.write(path, content)
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    return repo


# --- .gitattributes and NUL bytes: text is decided by content -----------------------------------------------


@pytest.mark.parametrize("attributes", ["* -diff\n", "*.py binary\n"])
def test_gitattributes_declaring_source_binary_does_not_hide_it(repo, run_ygs, attributes):
    start(repo)
    repo.write(".gitattributes", attributes)
    repo.write("app.py", f'import os\n\nGITHUB = "{TOKEN}"\n\n\ndef ok():\n    breakpoint()\n    return 1\n')
    repo.commit("hide app.py")
    code, report = review(run_ygs)
    assert code == 1, report
    assert {"secret-github-token", "hygiene-breakpoint"} <= rules(report, "app.py")
    lines = {f["rule_id"]: f["line"] for f in report["findings"] if f["path"] == "app.py"}
    assert lines["secret-github-token"] == 3 and lines["hygiene-breakpoint"] == 7
    assert "app.py" not in skipped(report)
    assert report["evidence"]["totals"]["files_reviewed"] == 2  # .gitattributes and app.py


def test_gitattributes_binary_source_is_read_by_every_analyzer(repo, run_ygs):
    config = '[tool.ygs.review]\nanalyzers = ["secrets", "hygiene", "bandit"]\nfail_level = "SHOULD"\n'
    start(repo, config)
    repo.write(".gitattributes", "*.py binary\n")
    repo.write("app.py", "import sqlite3\n\n\ndef find(db, name):\n"
                         "    return db.execute(\"SELECT * FROM users WHERE name = '%s'\" % name)\n")
    repo.commit("sql")
    code, report = review(run_ygs)
    assert code == 1 and "bandit-B608" in rules(report, "app.py"), report["findings"]


def test_a_stray_nul_byte_does_not_make_source_binary(repo, run_ygs):
    start(repo)
    repo.write("app.py", f'import os\n# \x00\nGITHUB = "{TOKEN}"\n\n\ndef ok():\n    return 1\n'.encode())
    repo.commit("nul")
    code, report = review(run_ygs)
    assert code == 1
    hit = [f for f in report["findings"] if f["rule_id"] == "secret-github-token"]
    assert hit and hit[0]["path"] == "app.py" and hit[0]["line"] == 3
    assert "app.py" not in skipped(report)


def test_an_analyzer_that_cannot_read_a_nul_byte_says_so(repo, run_ygs):
    start(repo, '[tool.ygs.review]\nanalyzers = ["secrets", "hygiene", "bandit"]\n')
    repo.write("app.py", b"import os\n# \x00\n\n\ndef ok():\n    return 2\n")
    repo.commit("nul, nothing else")
    code, report = review(run_ygs)
    assert code == 1
    unparsed = [f for f in report["findings"] if f["rule_id"] == "review-unparsed"]
    assert unparsed and unparsed[0]["path"] == "app.py" and "bandit" in unparsed[0]["message"]


def test_text_replacing_a_binary_is_reviewed_as_text(repo, run_ygs):
    start(repo, files={"logo.png": PNG})
    repo.git("rm", "-q", "logo.png")
    repo.write("logo.png", f"not an image any more\ntoken = {TOKEN}\n")
    repo.commit("png -> text")
    code, report = review(run_ygs)
    assert code == 1
    hit = [f for f in report["findings"] if f["path"] == "logo.png" and f["rule_id"] == "secret-github-token"]
    assert hit and hit[0]["line"] == 2


# --- skipped files still go through the secrets detector ----------------------------------------------------


def test_token_in_package_lock_blocks(repo, run_ygs):
    start(repo)
    repo.write("web/package-lock.json", json.dumps({"name": "web", "token": TOKEN}, indent=2) + "\n")
    repo.commit("lock file")
    code, report = review(run_ygs)
    assert code == 1
    hit = [f for f in report["findings"] if f["path"] == "web/package-lock.json"]
    assert hit and hit[0]["rule_id"] == "secret-github-token" and hit[0]["severity"] == "MUST"
    assert hit[0]["line"] == 3 and TOKEN not in json.dumps(report)
    entry = skipped(report)["web/package-lock.json"]
    assert "vendored or generated" in entry["reason"] and entry["secrets"] == "scanned"
    assert report["evidence"]["analyzers"]["secrets"]["skipped_paths_scanned"] == ["web/package-lock.json"]


def test_skipped_text_files_keep_the_line_filter(repo, run_ygs):
    """A token already in a vendored file, on a line the change does not touch, is not this change's finding."""
    start(repo, files={"vendor/lib.js": f'var a = 1;\nvar token = "{TOKEN}";\n'})
    repo.write("vendor/lib.js", f'var a = 2;\nvar token = "{TOKEN}";\n')
    repo.commit("bump vendored lib")
    code, report = review(run_ygs)
    assert code == 0, report["findings"]
    assert skipped(report)["vendor/lib.js"]["secrets"] == "scanned"


def test_excluded_paths_are_still_scanned_for_secrets(repo, run_ygs):
    start(repo, FAST + 'exclude = ["legacy/**"]\n')
    repo.write("legacy/settings.py", f'GITHUB = "{TOKEN}"\n')
    repo.commit("excluded")
    code, report = review(run_ygs)
    assert code == 1 and rules(report, "legacy/settings.py") == {"secret-github-token"}
    assert "excluded by config" in skipped(report)["legacy/settings.py"]["reason"]


def test_token_in_a_file_over_max_file_lines_blocks(repo, run_ygs):
    start(repo, FAST + "max_file_lines = 1000\n")
    repo.write("data.py", "x = 1\n" * 1200 + f'GITHUB = "{TOKEN}"\n' + "y = 2\n" * 10)
    repo.commit("big file")
    code, report = review(run_ygs)
    assert code == 1
    hit = [f for f in report["findings"] if f["path"] == "data.py"]
    assert hit and hit[0]["rule_id"] == "secret-github-token" and hit[0]["line"] == 1201
    assert "too large" in skipped(report)["data.py"]["reason"]


def test_large_text_files_are_streamed_with_exact_lines(repo, run_ygs):
    """A generated bundle of 3 MiB, scanned in 1 MiB steps: tokens across a step boundary, just after one and at
    the very end are found once each, on their own line."""
    lines = ["x" * 99 + "\n"] * 31458  # 100 bytes a line
    # line -> column: 1 MiB and 2 MiB fall at columns 76 and 52 of lines 10486 and 20972
    wanted = {10486: 60, 10490: 0, 20972: 30, 31458: 10}
    for number, column in wanted.items():
        lines[number - 1] = (" " * column + f'"{TOKEN}",').ljust(99) + "\n"
    start(repo)
    repo.write("dist/bundle.js", "".join(lines))
    repo.commit("bundle")
    code, report = review(run_ygs)
    assert code == 1
    found = sorted(f["line"] for f in report["findings"] if f["path"] == "dist/bundle.js")
    assert found == sorted(wanted)


def test_token_inside_a_binary_blocks_and_names_the_byte(repo, run_ygs):
    start(repo)
    repo.write("assets/logo.png", PNG + b"\x00\xff" * 50 + TOKEN.encode() + b"\x00\xfe" * 50)
    repo.write("assets/icon.ico", b"\x00\x00\x01\x00\xff" + TOKEN.replace("Fixture", "Fixturf").encode("utf-16-le"))
    repo.commit("images")
    code, report = review(run_ygs)
    assert code == 1
    by_path = {f["path"]: f for f in report["findings"] if f["rule_id"] == "secret-github-token"}
    assert set(by_path) == {"assets/logo.png", "assets/icon.ico"}
    assert f"byte {len(PNG) + 100}" in by_path["assets/logo.png"]["message"]
    assert skipped(report)["assets/logo.png"] == {"path": "assets/logo.png", "reason": "binary", "secrets": "scanned"}


def test_a_binary_over_large_binary_kb_is_listed_as_not_scanned(repo, run_ygs):
    start(repo, FAST + "large_binary_kb = 1\n")
    repo.write("assets/big.png", PNG + b"\x00\xff" * 1024 + TOKEN.encode())
    repo.commit("big image")
    code, report = review(run_ygs)
    assert "secret-github-token" not in rules(report, "assets/big.png")
    assert "hygiene-large-binary" in rules(report, "assets/big.png")
    entry = skipped(report)["assets/big.png"]
    assert entry["secrets"] == "not scanned: larger than large_binary_kb = 1 KiB"
    assert "not scanned for secrets" in entry["reason"]
    not_scanned = report["evidence"]["analyzers"]["secrets"]["skipped_paths_not_scanned"]
    assert [e["path"] for e in not_scanned] == ["assets/big.png"]
    text = run_ygs("review", "--no-llm")
    assert "assets/big.png" in text.output and "not scanned for secrets" in text.output


def test_clean_vendored_generated_and_binary_changes_pass(repo, run_ygs):
    start(repo)
    repo.write("vendor/lib.js", "var a = 1;\n")
    repo.write("web/package-lock.json", json.dumps({"name": "web", "lockfileVersion": 3}) + "\n")
    repo.write("assets/logo.png", PNG + b"\x00\xff" * 100)
    repo.write("pb/msg_pb2.py", "X = 1\n")
    repo.commit("clean")
    code, report = review(run_ygs)
    assert code == 0, report["findings"]
    assert {e["secrets"] for e in report["evidence"]["skipped"]} == {"scanned"}
    assert len(report["evidence"]["skipped"]) == 4
