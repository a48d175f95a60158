"""The hygiene analyzer, driven through real temp git repositories (change set -> scan tree -> run)."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest

from ygs import diff, git
from ygs.config import Config, ReviewConfig
from ygs.resources import data_dir
from ygs.review import policy
from ygs.review.analyzers import hygiene
from ygs.review.model import AnalyzerResult, ScanContext, Severity

PEM_KEY = (
    "-----BEGIN RSA PRIVATE KEY-----\n"
    "MIIEogIBAAKCAQEAFixtureOnlyTFoLiMQCxukSW08H6FB5D2MQT9XzW/T+oJ6Pm\n"
    "PSQpSEIlcnoEmx/gwsmr/mYVJ/6WSpC9GYXDcg4BAXl/L0bkXmCCqrsvG1utdWt2\n"
    "-----END RSA PRIVATE KEY-----\n"
)
CERTIFICATE = PEM_KEY.replace("RSA PRIVATE KEY", "CERTIFICATE")


def config(**review: object) -> Config:
    return dataclasses.replace(Config(), review=dataclasses.replace(ReviewConfig(), **review))


def run(repo, tmp_path: Path, base: str = git.EMPTY_TREE, head: str = diff.WORKTREE,
        cfg: Config | None = None) -> AnalyzerResult:
    """Run the analyzer on the change set base -> head, the way the gate does: text files in a scan tree."""
    changeset = diff.collect(repo.path, base, head)
    paths = tuple(change.path for change in changeset.files if change.scannable)
    tree = tmp_path / "tree"
    changeset.materialize(tree, paths)
    ctx = ScanContext(tree=tree, files=paths, config=cfg or Config(), gates_dir=data_dir("gates"),
                      changeset=changeset)
    return hygiene.run(ctx)


def scan(repo, tmp_path: Path, files: dict[str, str | bytes], **kwargs: object) -> AnalyzerResult:
    for rel, content in files.items():
        repo.write(rel, content)
    return run(repo, tmp_path, **kwargs)


def found(result: AnalyzerResult) -> set[tuple[str, str, int]]:
    return {(f.rule_id, f.path, f.line) for f in result.findings}


def rules(result: AnalyzerResult) -> set[str]:
    return {f.rule_id for f in result.findings}


# --- debug leftovers ------------------------------------------------------------------------------------------

DEBUG = [
    ("app/views.py", "def view():\n    breakpoint()\n", {("hygiene-breakpoint", 2)}),
    ("app/views.py", "import pdb\n\ndef view():\n    pdb.set_trace()\n", {("hygiene-pdb", 4)}),
    ("app/views.py", "def view():\n    import pdb; pdb.set_trace()\n", {("hygiene-pdb", 2)}),
    ("app/views.py", "import ipdb\n", {("hygiene-pdb", 1)}),
    ("app/views.py", "from pudb import set_trace\nset_trace()\n", {("hygiene-pdb", 1), ("hygiene-pdb", 2)}),
    ("tests/test_views.py", "def test_view():\n    breakpoint()\n", {("hygiene-breakpoint", 2)}),
    ("web/app.js", "function f(x) {\n  console.log(x);\n  return x;\n}\n", {("hygiene-console-log", 2)}),
    ("web/app.ts", "export const f = (x: number) => {\n  console.debug(x);\n  debugger;\n  return x;\n};\n",
     {("hygiene-console-log", 2), ("hygiene-debugger", 3)}),
    ("web/app.mjs", "if (broken) {\n  debugger\n}\n", {("hygiene-debugger", 2)}),
]


@pytest.mark.parametrize(("path", "text", "expected"), DEBUG)
def test_debug_leftovers_are_reported_on_their_line(repo, tmp_path, path: str, text: str, expected: set) -> None:
    result = scan(repo, tmp_path, {path: text})
    assert {(rule, line) for rule, _, line in found(result)} == expected
    assert all(f.path == path and f.source == "hygiene" and not f.whole_file for f in result.findings)


NOT_DEBUG = [
    ("app/views.py", 'HELP = "call breakpoint() or pdb.set_trace() to stop"\n'),
    ("app/views.py", "# breakpoint()\n# pdb.set_trace()\n"),
    ("app/views.py", 'def f():\n    """Example:\n\n        breakpoint()\n        import ipdb\n    """\n'),
    ("app/views.py", "class Debugger:\n    def breakpoint(self):\n        pass\n\n    def set_trace(self):\n"
                     "        pass\n"),
    ("app/views.py", "gdb.breakpoint()\nself.set_trace()\n_pdb.set_trace(frame)\n"),
    ("app/views.py", "import pdb\n\ndef main(args):\n    if args.pdb:\n        pdb.post_mortem()\n"),
    ("web/app.js", 'console.error("failed");\nconsole.warn("old");\nlogger.console.log(1);\n'),
    ("web/app.js", '// console.log(x)\nconst s = "console.log(x); debugger;";\n/* debugger;\n console.log(1) */\n'),
    ("web/app.js", "const flags = { debugger: true };\nflags.debugger = false;\n"),
    ("web/app.test.js", "test('x', () => { console.log('debug output'); });\n"),
    ("bin/release.js", "console.log('released');\n"),
    ("tools/release.js", "#!/usr/bin/env node\nconsole.log('released');\n"),
    ("app/Main.java", "class Main { void f() { System.out.println(\"debug\"); } }\n"),
    ("web/bundle.js", "var a=1;" * 600 + "console.log(a);debugger;/* TODO */\n"),
]


@pytest.mark.parametrize(("path", "text"), NOT_DEBUG)
def test_debug_words_in_strings_comments_and_scripts_are_not_reported(repo, tmp_path, path: str, text: str) -> None:
    assert not {r for r in rules(scan(repo, tmp_path, {path: text})) if r != "hygiene-todo"}


# --- conflict markers -----------------------------------------------------------------------------------------


def test_conflict_markers_are_reported_on_every_marker_line(repo, tmp_path) -> None:
    text = "a = 1\n<<<<<<< HEAD\nb = 2\n||||||| base\nb = 1\n=======\nb = 3\n>>>>>>> feature\n"
    result = scan(repo, tmp_path, {"app/merge.py": text})
    assert found(result) == {("hygiene-conflict-marker", "app/merge.py", n) for n in (2, 4, 6, 8)}


def test_a_lone_closing_marker_left_after_a_partial_resolution_is_reported(repo, tmp_path) -> None:
    result = scan(repo, tmp_path, {"CHANGELOG.md": "# Changes\n\n- fix\n>>>>>>> 3f2a9c1 (fix login)\n"})
    assert found(result) == {("hygiene-conflict-marker", "CHANGELOG.md", 4)}


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("docs/index.rst", "Release\n=======\n\nText.\n"),
        ("docs/merging.md", "Resolve:\n\n```\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> b\n```\n"),
        ("tests/fixtures/conflict.txt", "<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> b\n"),
        ("notes.txt", "quote:\n>>>>>>>>>> deep\n<<<<<<<<<< also not a marker\n"),
        ("banner.txt", "=======\nBANNER\n=======\n"),
    ],
)
def test_marker_lookalikes_are_not_reported(repo, tmp_path, path: str, text: str) -> None:
    assert "hygiene-conflict-marker" not in rules(scan(repo, tmp_path, {path: text}))


# --- secret files ---------------------------------------------------------------------------------------------

SECRET_FILES = [
    (".env", "DEBUG=1\n", "hygiene-env-file"),
    ("services/api/.env.production", "PORT=80\n", "hygiene-env-file"),
    ("deploy/id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\n", "hygiene-secret-file"),
    ("id_ed25519", "key\n", "hygiene-secret-file"),
    ("certs/server.pem", PEM_KEY, "hygiene-secret-file"),
    ("certs/server.key", PEM_KEY, "hygiene-secret-file"),
    ("android/app/release.jks", b"\xfe\xed\xfe\xed\0\0\0\2", "hygiene-secret-file"),
    ("certs/client.p12", b"0\x82\x0b\0\x02\x01\x03", "hygiene-secret-file"),
    ("vault.kdbx", b"\x03\xd9\xa2\x9a\0", "hygiene-secret-file"),
    (".htpasswd", "admin:$apr1$x$y\n", "hygiene-secret-file"),
    (".git-credentials", "https://u:t@github.com\n", "hygiene-secret-file"),
    (".aws/credentials", "[default]\naws_access_key_id = X\n", "hygiene-secret-file"),
    (".npmrc", "//registry.npmjs.org/:_authToken=npm_Fixture0000\n", "hygiene-secret-file"),
    (".pypirc", "[pypi]\nusername = __token__\npassword = pypi-Fixture\n", "hygiene-secret-file"),
    ("credentials.json", '{"installed": {"client_secret": "GOCSPX-Fixture1234"}}\n', "hygiene-secret-file"),
    ("tests/certs/server.key", PEM_KEY, "hygiene-test-secret-file"),
    ("tests/.env", "DATABASE_URL=sqlite://\n", "hygiene-test-secret-file"),
]


@pytest.mark.parametrize(("path", "content", "rule_id"), SECRET_FILES)
def test_committed_secret_files_are_whole_file_findings(repo, tmp_path, path: str, content: str | bytes,
                                                        rule_id: str) -> None:
    result = scan(repo, tmp_path, {path: content})
    finding = next(f for f in result.findings if f.rule_id.startswith(("hygiene-env", "hygiene-secret",
                                                                       "hygiene-test-secret")))
    assert (finding.rule_id, finding.path, finding.line, finding.whole_file) == (rule_id, path, 1, True)
    assert "committed" in finding.message


@pytest.mark.parametrize(
    ("path", "content"),
    [
        (".env.example", "DATABASE_URL=\n"),
        (".env.sample", "DATABASE_URL=\n"),
        (".env.local.template", "DATABASE_URL=\n"),
        (".envrc", "use flake\n"),
        ("deploy/id_rsa.pub", "ssh-ed25519 AAAA fixture\n"),
        ("certs/ca.pem", CERTIFICATE),
        ("slides/architecture.key", b"PK\x03\x04\0\0keynote"),
        ("android/debug.keystore", b"\xfe\xed\xfe\xed\0"),
        (".npmrc", "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n"),
        (".pypirc", "[pypi]\nusername = __token__\n"),
        ("credentials.json", '{"type": "authorized_user"}\n'),
        ("docs/aws/credentials.md", "Put your keys in ~/.aws/credentials\n"),
    ],
)
def test_lookalike_files_are_not_secret_files(repo, tmp_path, path: str, content: str | bytes) -> None:
    assert not {r for r in rules(scan(repo, tmp_path, {path: content})) if "secret-file" in r or "env-file" in r}


def test_paths_the_project_excludes_are_left_alone(repo, tmp_path) -> None:
    result = scan(repo, tmp_path, {"deploy/local/.env": "DEBUG=1\n", ".env": "DEBUG=1\n"},
                  cfg=config(exclude=("deploy/local/**",)))
    assert found(result) == {("hygiene-env-file", ".env", 1)}


def test_deleting_a_committed_env_file_is_not_reported(repo, tmp_path) -> None:
    repo.write(".env", "DEBUG=1\n")
    repo.write("app.py", "x = 1\n")
    base = repo.commit("base with a committed .env")
    repo.git("rm", "-q", ".env")
    head = repo.commit("remove it")
    assert run(repo, tmp_path, base, head).findings == []


def test_modifying_or_renaming_a_committed_env_file_is_reported(repo, tmp_path) -> None:
    repo.write(".env", "DEBUG=1\nPORT=8080\nHOST=0.0.0.0\n")
    base = repo.commit("base")
    repo.write(".env", "DEBUG=0\nPORT=8080\nHOST=0.0.0.0\n")
    head = repo.commit("modify")
    assert found(run(repo, tmp_path, base, head)) == {("hygiene-env-file", ".env", 1)}
    (repo.path / "config").mkdir()
    repo.git("mv", ".env", "config/.env")
    renamed = repo.commit("rename")
    assert found(run(repo, tmp_path / "again", head, renamed)) == {("hygiene-env-file", "config/.env", 1)}


def test_secret_files_are_judged_from_the_index_too(repo, tmp_path) -> None:
    repo.write("app.py", "x = 1\n")
    base = repo.commit("base")
    repo.write("certs/server.pem", PEM_KEY)
    repo.write("certs/ca.pem", CERTIFICATE)
    repo.git("add", "certs")
    repo.write("certs/server.pem", CERTIFICATE)  # the work tree differs: the staged key is what counts
    assert found(run(repo, tmp_path, base, diff.INDEX)) == {("hygiene-secret-file", "certs/server.pem", 1)}


# --- build artifacts ------------------------------------------------------------------------------------------

ARTIFACTS = [
    "app/__pycache__/views.cpython-311.pyc",
    "app/views.pyc",
    "src/main/Main.class",
    "native/fast.o",
    "native/libfast.so",
    "lib/fast.dylib",
    "bin/fast.dll",
    "pkg.egg-info/PKG-INFO",
    "dist/pkg-1.0-py3-none-any.whl",
    "build/lib/pkg/__init__.py",
    "web/node_modules/left-pad/index.js",
    ".DS_Store",
    "logs/server.log",
    ".coverage",
    "coverage.xml",
    "htmlcov/index.html",
    ".pytest_cache/v/cache/nodeids",
    "target/release/server",
    "target/classes/Main.class",
    "tests/__pycache__/test_x.cpython-311.pyc",
]


@pytest.mark.parametrize("path", ARTIFACTS)
def test_build_artifacts_are_reported_even_when_the_review_skips_their_paths(repo, tmp_path, path: str) -> None:
    content = b"\0compiled" if path.endswith((".pyc", ".class", ".o", ".so", ".dylib", ".dll")) else "generated\n"
    findings = [f for f in scan(repo, tmp_path, {path: content}).findings if f.rule_id == "hygiene-build-artifact"]
    assert [(f.path, f.line, f.whole_file) for f in findings] == [(path, 1, True)]


@pytest.mark.parametrize(
    "path",
    ["vendor/libfast/libfast.so", "third_party/zlib/zlib.dll", "tests/fixtures/Hello.class", "tests/data/app.log",
     "dist/index.js", "build/webpack.config.js", "src/target/mod.rs", "target/README.md", "src/coverage/report.py",
     "src/build_info.py"],
)
def test_source_that_looks_like_output_is_not_an_artifact(repo, tmp_path, path: str) -> None:
    assert "hygiene-build-artifact" not in rules(scan(repo, tmp_path, {path: "source\n"}))


# --- large binaries -------------------------------------------------------------------------------------------


def test_a_large_committed_binary_is_reported(repo, tmp_path) -> None:
    repo.write("README.md", "x\n")
    base = repo.commit("base")
    repo.write("assets/model.bin", b"\0" + os.urandom(1100 * 1024))
    repo.write("assets/icon.png", b"\x89PNG\0" + os.urandom(2048))
    head = repo.commit("add assets")
    result = run(repo, tmp_path, base, head)
    large = [f for f in result.findings if f.rule_id == "hygiene-large-binary"]
    assert [(f.path, f.line, f.whole_file) for f in large] == [("assets/model.bin", 1, True)]
    assert large[0].message == "binary file of 1,100 KiB (limit 1,024 KiB)"


def test_large_binary_limit_comes_from_config_and_reads_the_work_tree(repo, tmp_path) -> None:
    repo.write("assets/small.bin", b"\0" + os.urandom(3 * 1024))  # untracked: sized from the work tree
    repo.write("assets/tiny.bin", b"\0" + os.urandom(512))
    result = run(repo, tmp_path, cfg=config(large_binary_kb=2))
    assert found(result) == {("hygiene-large-binary", "assets/small.bin", 1)}


def test_large_text_files_and_deleted_binaries_are_not_large_binaries(repo, tmp_path) -> None:
    repo.write("assets/old.bin", b"\0" + os.urandom(4096))
    base = repo.commit("base")
    repo.git("rm", "-q", "assets/old.bin")
    repo.write("data/big.csv", "a,b\n" * 2000)
    head = repo.commit("change")
    assert "hygiene-large-binary" not in rules(run(repo, tmp_path, base, head, cfg=config(large_binary_kb=1)))


# --- to-do markers --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "text", "line"),
    [
        ("app/jobs.py", "def run():\n    # TODO: retry on timeout\n    return 1\n", 2),
        ("app/jobs.py", "x = compute()  # FIXME wrong for leap years\n", 1),
        ("web/app.js", "/*\n * HACK: work around the Safari bug\n */\n", 2),
        ("deploy.sh", "#!/bin/sh\n# XXX remove after the migration\nexit 0\n", 2),
        ("db/schema.sql", "-- TODO: index this column\nCREATE TABLE t (id int);\n", 1),
    ],
)
def test_todo_markers_in_comments_are_reported(repo, tmp_path, path: str, text: str, line: int) -> None:
    assert ("hygiene-todo", path, line) in found(scan(repo, tmp_path, {path: text}))


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("app/jobs.py", 'STATUS = ("TODO", "DONE")\n'),
        ("app/jobs.py", "todo_items = []  # the todo list\n"),
        ("web/app.js", "const XXXL = 'size';\n"),
        ("docs/plan.md", "# TODO list\n\n- FIXME: nothing\n"),
        ("deploy.sh", 'echo "TODO: nothing"\n'),
    ],
)
def test_todo_words_outside_comments_are_not_reported(repo, tmp_path, path: str, text: str) -> None:
    assert "hygiene-todo" not in rules(scan(repo, tmp_path, {path: text}))


# --- evidence, policy -------------------------------------------------------------------------------------


def test_evidence_counts_text_files_and_path_findings_cover_binaries(repo, tmp_path) -> None:
    result = scan(repo, tmp_path, {"a.py": "x = 1\n", "b.md": "text\n", "certs/c.p12": b"\0\1\2"})
    assert (result.status, result.files_applicable, result.files_scanned) == ("ok", 2, 2)
    assert result.rules_run == len(hygiene.RULE_IDS) and result.version
    assert found(result) == {("hygiene-secret-file", "certs/c.p12", 1)}


def test_a_context_without_a_change_set_still_scans_text(tmp_path) -> None:
    (tmp_path / "a.py").write_text("breakpoint()\n")
    ctx = ScanContext(tree=tmp_path, files=("a.py",), config=Config(), gates_dir=data_dir("gates"), changeset=None)
    assert found(hygiene.run(ctx)) == {("hygiene-breakpoint", "a.py", 1)}


def test_every_rule_the_analyzer_emits_has_a_policy_entry() -> None:
    rules_by_id = policy.load(data_dir("gates")).rules
    severities = {rule_id: rules_by_id[rule_id].severity for rule_id in hygiene.RULE_IDS}
    assert {r for r, s in severities.items() if s is Severity.MUST} == {
        "hygiene-breakpoint", "hygiene-pdb", "hygiene-debugger", "hygiene-conflict-marker", "hygiene-env-file",
        "hygiene-secret-file"}
    assert severities["hygiene-todo"] is Severity.MAY and rules_by_id["hygiene-todo"].pass_ == 2
    assert all(rules_by_id[r].fix and rules_by_id[r].title for r in hygiene.RULE_IDS)


# --- through the gate -----------------------------------------------------------------------------------------


def test_review_blocks_debugger_calls_and_committed_env_files(repo, run_ygs) -> None:
    repo.write("app.py", "def run():\n    return 1\n")
    repo.write("tests/test_app.py", "def test_run():\n    assert True\n")
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    repo.write("app.py", "def run():\n    breakpoint()\n    return 1\n")
    repo.write(".env", "DEBUG=1\n")
    repo.commit("debris")
    result = run_ygs("review", "--no-llm", "--format", "json")
    assert result.exit_code == 1, result.stdout + result.stderr
    hits = {(f["rule_id"], f["path"], f["line"], f["severity"]) for f in json.loads(result.stdout)["findings"]}
    assert {("hygiene-breakpoint", "app.py", 2, "MUST"), ("hygiene-env-file", ".env", 1, "MUST")} <= hits
