"""New code, not moved code (issue 11): with the `added` filter, findings and advice are about what the change
writes, not about old code it renames, re-indents, moves or re-imports — and nobody launders new code through it.
"""

from __future__ import annotations

import json

import pytest

from ygs import diff

SWALLOW = "    try:\n        run()\n    except Exception:\n        pass\n"


def review(run_ygs) -> dict:
    result = run_ygs("review", "--no-llm", "--format", "json", "--base", "main")
    assert result.stdout.startswith("{"), result.stdout + result.stderr
    return json.loads(result.stdout)


def rules(report: dict) -> list[tuple[str, str, int]]:
    return sorted((f["rule_id"], f["path"], f["line"]) for f in report["findings"])


@pytest.fixture
def project(repo):
    """A base commit whose config runs only the analyzers named, then a feature branch."""

    def make(analyzers: list[str], files: dict[str, str]):
        repo.write(".ygs/config.toml", f"[review]\nanalyzers = {json.dumps(analyzers)}\n")
        for path, text in files.items():
            repo.write(path, text)
        repo.commit("base")
        repo.git("branch", "-M", "main")
        repo.git("checkout", "-q", "-b", "feature")
        return repo

    return make


def new_lines(repo, path: str) -> list[int]:
    changes = diff.collect(repo.path, repo.git("rev-parse", "main"), repo.git("rev-parse", "HEAD"))
    return sorted(changes.get(path).new_lines)


# --- the filter -----------------------------------------------------------------------------------------------
# semgrep is slow to start: each review below exercises several defects, one file each.

OLD_FINALLY = "function f() {\n  try {\n    run();\n  } catch {}\n  return 1;\n}\n"
MANY = "".join(f"\n\ndef g{i}():\n    return {i}\n" for i in range(12))


def test_old_code_renamed_reindented_moved_or_gaining_finally_does_not_block(project, run_ygs):
    repo = project(["semgrep"], {
        "reindent.py": "def f():\n" + SWALLOW,
        "src/old_name.py": "import os\n\n\ndef f():\n" + SWALLOW + "\n\ndef g(n):\n    return n + 1\n",
        "unpaired.py": "def f():\n" + SWALLOW + MANY,
        "from.py": "def keep():\n    return 1\n\n\ndef f():\n" + SWALLOW,
        "to.py": "def other():\n    return 2\n",
        "within.py": "def f():\n" + SWALLOW + "\n\ndef g():\n    return 1\n",
        "finally.js": OLD_FINALLY,
    })
    # re-indented: wrapped in a new `with` block
    repo.write("reindent.py", "def f(lock):\n    with lock:\n" + SWALLOW.replace("    ", "        "))
    # renamed with edits (git pairs the rename)
    repo.git("mv", "src/old_name.py", "src/new_name.py")
    repo.write("src/new_name.py", repo.path.joinpath("src/new_name.py").read_text().replace("n + 1", "n + 2"))
    # renamed and rewritten below git's similarity threshold: a deletion plus an addition
    repo.git("rm", "-q", "unpaired.py")
    repo.write("paired_by_nobody.py", "def f():\n" + SWALLOW + MANY.replace("return", "return -"))
    # moved to another file, and moved within the file
    repo.write("from.py", "def keep():\n    return 1\n")
    repo.write("to.py", "def other():\n    return 2\n\n\ndef f():\n" + SWALLOW)
    repo.write("within.py", "def g():\n    return 1\n\n\ndef f():\n" + SWALLOW)
    # an old empty catch that only gained a `finally`
    repo.write("finally.js", OLD_FINALLY.replace("catch {}", "catch {} finally {\n    done();\n  }"))
    repo.commit("refactor")
    report = review(run_ygs)
    assert report["verdict"] == "pass" and report["findings"] == [], rules(report)
    assert report["evidence"]["analyzers"]["semgrep"]["findings"] >= 6  # the old code is still there and seen


def test_new_code_next_to_moved_code_and_laundering_attempts_still_block(project, run_ygs):
    repo = project(["semgrep"], {
        "new.py": "def f():\n    run()\n",
        "new_catch.js": "function f() {\n  try {\n    run();\n  } finally {}\n}\n",
        "old.py": "def f():\n" + SWALLOW,
        "a.py": "X = 1\n",
        "b.py": "Y = 1\n",
        "copy.py": "def f():\n" + SWALLOW,
        "commented.js": "function f() {\n  // try { run(); } catch {}\n  return 1;\n}\n",
    })
    repo.write("new.py", "def f():\n" + SWALLOW)  # genuinely new
    repo.write("new_catch.js", "function f() {\n  try {\n    run();\n  } catch {} finally {}\n}\n")  # new catch on an old line
    # delete the old swallowed exception once, paste it twice: one deletion vouches for one line only
    repo.write("old.py", "def f():\n    run()\n")
    repo.write("a.py", "X = 1\n\n\ndef g():\n" + SWALLOW)
    repo.write("b.py", "Y = 1\n\n\ndef h():\n" + SWALLOW)
    # a copy of old code that stays where it was: only a deletion vouches, an unchanged line does not
    repo.write("copy.py", "def f():\n" + SWALLOW + "\n\ndef g():\n" + SWALLOW)
    # uncommented old code is new code
    repo.write("commented.js", "function f() {\n  try { run(); } catch {}\n  return 1;\n}\n")
    repo.commit("spread it")
    report = review(run_ygs)
    found = rules(report)
    assert report["verdict"] == "fail"
    assert ("python-swallowed-exception", "new.py", 4) in found
    assert ("js-swallowed-exception", "new_catch.js", 4) in found
    assert ("python-swallowed-exception", "copy.py", 11) in found
    assert ("js-swallowed-exception", "commented.js", 2) in found
    pasted = [path for rule, path, _ in found if path in ("a.py", "b.py")]
    assert len(pasted) == 1, found


def test_import_path_change_keeps_the_names_old(project):
    repo = project(["semgrep"], {"a.py": "from pkg.old import Thing, other\nimport json as j\n",
                                 "b.js": "import { a, b as c } from './old';\nconst x = require('old-x');\n"})
    repo.write("a.py", "from pkg.new import other, Thing\nimport simplejson as j\nfrom pkg.new import Added\n")
    repo.write("b.js", "import {a, b as c} from './new';\nconst x = require('new-x');\nimport d from './d';\n")
    repo.commit("move modules")
    assert new_lines(repo, "a.py") == [3]
    assert new_lines(repo, "b.js") == [3]


# --- function length ------------------------------------------------------------------------------------------

LONG = "def big(x):\n" + "".join(f"    x = x + {i}\n" for i in range(40)) + "    return x\n"


def test_edit_inside_an_already_long_function_is_not_advice(project, run_ygs):
    repo = project(["functions"], {"a.py": LONG})
    repo.write("a.py", LONG.replace("x + 7\n", "x + 70\n").replace("x + 8\n", "x + 8\n    x = x - 1\n"))
    repo.commit("fix a constant")
    assert not [f for f in review(run_ygs)["findings"] if f["rule_id"] == "function-too-long"]


def test_long_function_grown_by_more_than_the_allowance_is_advice(project, run_ygs):
    repo = project(["functions"], {"a.py": LONG})
    repo.write("a.py", LONG.replace("    return x\n", "".join(f"    x = x * {i}\n" for i in range(8)) +
                                    "    return x\n"))
    repo.commit("grow it")
    found = [f for f in review(run_ygs)["findings"] if f["rule_id"] == "function-too-long"]
    assert len(found) == 1 and "grew from 42 to 50" in found[0]["message"]


def test_new_or_newly_too_long_function_is_advice(project, run_ygs):
    short = "def small(x):\n" + "".join(f"    x = x + {i}\n" for i in range(20)) + "    return x\n"
    repo = project(["functions"], {"a.py": short})
    repo.write("a.py", short.replace("    return x\n", "    x = x + 1\n" * 5 + "    return x\n") + "\n\n" + LONG)
    repo.commit("grow past the limit and add one")
    found = sorted(f["message"] for f in review(run_ygs)["findings"] if f["rule_id"] == "function-too-long")
    assert len(found) == 2 and "`big` is 42 lines" in found[0] and "`small` grew from 22 to 27" in found[1]


def test_old_600_line_mocha_describe_block_edited_is_not_advice(project, run_ygs):
    body = "".join(f"  it('case {i}', () => {{\n    assert.ok({i});\n  }});\n" for i in range(200))
    spec = f"const suite = () => {{\n{body}}};\ndescribe('x', suite);\n"
    repo = project(["functions"], {"test/x.js": spec})
    repo.write("test/x.js", spec.replace("assert.ok(7);", "assert.ok(7 + 0);"))
    repo.commit("tweak one case")
    assert not [f for f in review(run_ygs)["findings"] if f["rule_id"] == "function-too-long"]


# --- tests changed? -------------------------------------------------------------------------------------------

APP = '"""The app."""\n\n__version__ = "1.0.0"\n\n\ndef add(a, b):\n    """Add."""\n    return a + b\n'


def no_tests(report: dict) -> bool:
    assert report["verdict"] == "pass", report["errors"]
    return any(f["rule_id"] == "review-no-tests-changed" for f in report["findings"])


@pytest.mark.parametrize("edit", [
    pytest.param(lambda t: t.replace('"1.0.0"', '"1.0.1"'), id="version bump"),
    pytest.param(lambda t: t.replace('"""The app."""\n', '"""The app."""\nfrom __future__ import annotations\n\n'
                                     'from typing import Any\n').replace("def add(a, b):",
                                                                         "def add(a: Any, b: Any) -> Any:"),
                 id="typing only"),
    pytest.param(lambda t: t.replace('"""Add."""', '"""Add two numbers."""\n    # plain addition'),
                 id="docstring and comment"),
])
def test_no_behaviour_change_needs_no_tests(project, run_ygs, edit):
    repo = project(["size", "hygiene"], {"app.py": APP, "tests/test_app.py": "def test_add():\n    assert True\n"})
    repo.write("app.py", edit(APP))
    repo.commit("no behaviour")
    assert not no_tests(review(run_ygs))


def test_docs_ci_and_version_files_need_no_tests(project, run_ygs):
    repo = project(["size", "hygiene"], {"docs/conf.py": "project = 'x'\n", "README.md": "x\n", "package.json": "{}\n",
                              ".github/scripts/release.js": "run();\n", "src/version.ts": "export const VERSION = '1.0.0';\n"})
    repo.write("docs/conf.py", "project = 'y'\n")
    repo.write("README.md", "y\n")
    repo.write("package.json", '{"version": "2.0.0"}\n')
    repo.write(".github/scripts/release.js", "run(1);\n")
    repo.write("src/version.ts", "export const VERSION = '1.0.1';\n")
    repo.commit("docs and release")
    assert not no_tests(review(run_ygs))


def test_a_logic_change_without_tests_still_gets_the_advice(project, run_ygs):
    repo = project(["size", "hygiene"], {"app.py": APP, "lib.ts": "// doc\nexport const f = (a: number) => a + 1;\n"})
    repo.write("app.py", APP.replace("return a + b", "return a - b"))
    repo.commit("logic")
    assert no_tests(review(run_ygs))
    repo.write("lib.ts", "// doc\nexport const f = (a: number) => a + 2;\n")
    repo.commit("js logic")
    assert "lib.ts" in next(f["message"] for f in review(run_ygs)["findings"]
                            if f["rule_id"] == "review-no-tests-changed")


# --- size tiers -----------------------------------------------------------------------------------------------


def test_pure_deletion_gets_no_size_tier(project, run_ygs):
    big = {f"m{i}.py": "".join(f"X{j} = {j}\n" for j in range(200)) for i in range(20)}
    repo = project(["size", "hygiene"], big)
    for path in big:
        repo.git("rm", "-q", path)
    repo.commit("delete a subsystem")
    assert not [f for f in review(run_ygs)["findings"] if f["rule_id"].startswith("size-tier")]


def test_deleted_lines_weigh_less_than_added_lines(project, run_ygs):
    repo = project(["size", "hygiene"], {"a.py": "".join(f"X{j} = {j}\n" for j in range(2000))})
    repo.write("a.py", "".join(f"Y{j} = {j}\n" for j in range(400)))
    repo.commit("replace")  # 400 added + 2000 deleted / 4 = 900 changed lines: L, not XL
    tiers = [f["rule_id"] for f in review(run_ygs)["findings"] if f["rule_id"].startswith("size-tier")]
    assert tiers == ["size-tier-l"]
