"""The GitHub Action, the pre-commit hooks and the documented workflow are valid and consistent."""

from __future__ import annotations

import hashlib
import os
import platform
import re
import shutil
import stat
import subprocess
import sys
import textwrap
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import ygs
from ygs.git import no_git_env

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
ACTION_INPUTS = {"fail-level", "base", "policy", "llm", "anthropic-api-key", "sarif-file", "python-version", "github-token"}


def load(rel: str) -> Any:
    return yaml.safe_load((ROOT / rel).read_text(encoding="utf-8"))


def load_toml(rel: str) -> Any:
    return tomllib.loads((ROOT / rel).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def action() -> dict[str, Any]:
    return load("action.yml")


def review_step(action: dict[str, Any]) -> dict[str, Any]:
    return next(s for s in action["runs"]["steps"] if s.get("id") == "review")


def test_action_declares_its_inputs_and_is_composite(action):
    assert {"name", "description", "inputs", "runs"} <= set(action)
    assert set(action["inputs"]) == ACTION_INPUTS
    assert all(spec.get("description") and "default" in spec for spec in action["inputs"].values())
    assert action["inputs"]["github-token"]["default"] == "${{ github.token }}"
    assert action["runs"]["using"] == "composite"


def test_steps_reference_only_declared_inputs_and_never_interpolate_them_into_scripts(action):
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    assert set(re.findall(r"inputs\.([\w-]+)", text)) <= set(action["inputs"])
    for step in action["runs"]["steps"]:
        assert "uses" in step or step.get("shell") == "bash", step  # composite run steps need a shell
        assert "${{" not in step.get("run", ""), f"script injection risk in {step.get('name')}"


def step(action: dict[str, Any], step_id: str) -> dict[str, Any]:
    return next(s for s in action["runs"]["steps"] if s.get("id") == step_id)


def test_action_installs_itself_and_publishes(action):
    python = step(action, "python")
    assert python["uses"].startswith("actions/setup-python@")
    assert python["with"]["python-version"] == "${{ inputs.python-version }}"
    install = step(action, "install")["run"]
    assert "pip install" in install and '"$GITHUB_ACTION_PATH"' in install
    review = review_step(action)
    assert "--publish github" in review["run"] and review["env"]["GITHUB_TOKEN"] == "${{ inputs.github-token }}"
    assert "github.event.pull_request.base.sha" in review["env"]["YGS_BASE"]
    assert review["env"]["YGS_EXE"] == "${{ steps.env.outputs.ygs }}" and '"$YGS_EXE" "${args[@]}"' in review["run"]


def test_action_leaves_the_callers_python_and_path_alone(action):
    setups = [s for s in action["runs"]["steps"] if s.get("uses", "").startswith("actions/setup-python@")]
    assert setups and all(str(s["with"]["update-environment"]).lower() == "false" for s in setups)
    for s in action["runs"]["steps"]:
        script = re.sub(r"<<'PY'\n.*?\nPY\n", "\n", s.get("run", ""), flags=re.S)  # the heredoc is Python, not bash
        assert "GITHUB_PATH" not in script and "GITHUB_ENV" not in script, s["name"]
        # every interpreter and tool is called by its path, never as whatever `python`/`pip`/`ygs` PATH finds
        commands = [line for line in script.splitlines() if not line.lstrip().startswith("#")]
        assert not [c for c in commands if re.search(r"(^|[;&|(]|\$\(|then|do)\s*(python3?|pip3?|ygs)\b", c)], s["name"]
    for name in ("env", "install"):
        assert step(action, name)["env"]["PYTHON"] == "${{ steps.python.outputs.python-path }}"


def run_env_script(action, action_path: Path, tmp_path: Path) -> dict[str, str]:
    output = tmp_path / "github_output"
    output.unlink(missing_ok=True)
    subprocess.run(["bash", "-e", "-c", step(action, "env")["run"]], check=True, cwd=tmp_path,
                   env={"PATH": os.environ["PATH"], "PYTHON": sys.executable, "GITHUB_ACTION_PATH": str(action_path),
                        "GITHUB_OUTPUT": str(output)})
    return dict(line.split("=", 1) for line in output.read_text().splitlines())


def test_the_venv_lives_under_the_action_path_and_the_cache_key_names_version_constraints_and_sources(
        action, tmp_path):
    outputs = run_env_script(action, ROOT, tmp_path)
    assert outputs["venv"] == str(ROOT / ".venv") and outputs["ygs"] == str(ROOT / ".venv" / "bin" / "ygs")
    constraints = hashlib.sha256((ROOT / "constraints.txt").read_bytes()).hexdigest()[:16]
    assert f"-ygs{ygs.__version__}-c{constraints}-s" in outputs["key"]
    assert f"-py{platform.python_version()}-" in outputs["key"]  # the venv's interpreter, to the patch level

    copy = tmp_path / "action"  # a checkout at another path, then edited: the key follows the content only
    copy.mkdir()
    for rel in ("pyproject.toml", "constraints.txt"):
        shutil.copy(ROOT / rel, copy / rel)
    for rel in ("ygs", "skills", "templates", "gates"):
        shutil.copytree(ROOT / rel, copy / rel, ignore=shutil.ignore_patterns("__pycache__"))
    assert run_env_script(action, copy, tmp_path)["key"] == outputs["key"]
    with (copy / "constraints.txt").open("a") as fh:
        fh.write("# upgraded\n")
    bumped = run_env_script(action, copy, tmp_path)["key"]
    assert bumped != outputs["key"] and bumped.split("-c")[0] == outputs["key"].split("-c")[0]
    (copy / "ygs" / "github" / "__init__.py").write_text("# a branch changed without a new version\n")
    assert run_env_script(action, copy, tmp_path)["key"] not in {outputs["key"], bumped}


def test_the_environment_is_restored_and_saved_under_that_key_right_after_the_install(action):
    steps = action["runs"]["steps"]
    restore = step(action, "cache")
    save = next(s for s in steps if s.get("uses", "").startswith("actions/cache/save@"))
    assert restore["uses"].startswith("actions/cache/restore@")
    for s in (restore, save):
        assert s["with"] == {"path": "${{ steps.env.outputs.venv }}", "key": "${{ steps.env.outputs.key }}"}
    order = [s.get("id") for s in steps]
    assert order.index("env") < order.index("cache") < order.index("install") < steps.index(save) < order.index(
        "review")  # saved before the review: a blocked review fails the job, and a failed job saves nothing
    assert save["if"] == "steps.install.outputs.save == 'true'"
    assert step(action, "install")["env"]["CACHE_HIT"] == "${{ steps.cache.outputs.cache-hit }}"


def run_install_script(action, tmp_path: Path, cache_hit: str) -> tuple[subprocess.CompletedProcess, str]:
    """The install step with a stand-in interpreter: its `-m venv` makes a venv whose python records pip's args."""
    venv = tmp_path / "action" / ".venv"
    fake_python = tmp_path / "python"
    fake_python.write_text('#!/usr/bin/env bash\n[ "$1 $2" = "-m venv" ] || exit 9\nmkdir -p "$3/bin"\n'
                           'cp "$FAKE_PIP" "$3/bin/python"\n')
    (tmp_path / "pip").write_text('#!/usr/bin/env bash\nprintf "%s\\n" "$@" > "$PIP_ARGS"\n'
                                  'cp "$FAKE_YGS" "$(dirname "$0")/ygs"\n')
    (tmp_path / "fresh-ygs").write_text("#!/usr/bin/env bash\necho ygs, version 9\n")
    for fake in ("pip", "fresh-ygs"):
        (tmp_path / fake).chmod(0o755)
    fake_python.chmod(0o755)
    output = tmp_path / "github_output"
    output.unlink(missing_ok=True)
    env = {"PATH": os.environ["PATH"], "PYTHON": str(fake_python), "VENV": str(venv), "YGS_EXE": str(venv / "bin/ygs"),
           "CACHE_HIT": cache_hit, "GITHUB_ACTION_PATH": str(tmp_path / "action"), "GITHUB_OUTPUT": str(output),
           "PIP_ARGS": str(tmp_path / "pip_args"), "FAKE_PIP": str(tmp_path / "pip"),
           "FAKE_YGS": str(tmp_path / "fresh-ygs")}
    proc = subprocess.run(["bash", "-e", "-c", step(action, "install")["run"]], env=env, capture_output=True, text=True)
    return proc, output.read_text() if output.exists() else ""


def test_a_fresh_install_is_a_new_venv_with_the_constraints_file(action, tmp_path):
    (tmp_path / "action" / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / "action" / ".venv" / "stale").write_text("left by a broken cache entry")
    proc, output = run_install_script(action, tmp_path, cache_hit="")
    assert proc.returncode == 0, proc.stderr
    action_path = str(tmp_path / "action")
    assert (tmp_path / "pip_args").read_text().split("\n")[:-1] == [
        "-m", "pip", "install", "--disable-pip-version-check", "--quiet", "-c", f"{action_path}/constraints.txt",
        action_path]
    assert not (tmp_path / "action" / ".venv" / "stale").exists() and output == "save=true\n"


def test_a_cached_environment_that_runs_skips_the_install(action, tmp_path):
    bin_dir = tmp_path / "action" / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "ygs").write_text("#!/usr/bin/env bash\necho ygs, version 0.1.0\n")
    (bin_dir / "ygs").chmod(0o755)
    proc, output = run_install_script(action, tmp_path, cache_hit="true")
    assert proc.returncode == 0 and "cached environment, ygs, version 0.1.0" in proc.stdout
    assert output == "save=false\n" and not (tmp_path / "pip_args").exists()

    (bin_dir / "ygs").write_text("#!/usr/bin/env bash\nexit 127\n")  # restored, but its interpreter is gone
    proc, output = run_install_script(action, tmp_path, cache_hit="true")
    assert proc.returncode == 0 and output == "save=true\n" and (tmp_path / "pip_args").exists()


def constraint_lines() -> list[Requirement]:
    lines = []
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            req = Requirement(line)
            assert len(req.specifier) == 1 and next(iter(req.specifier)).operator == "==", line
            lines.append(req)
    return lines


def constraint_pins(python: str | None = None) -> dict[str, str]:
    """name -> pinned version, of the pins that apply on `python` (default: this interpreter; "" for all)."""
    env = {"python_version": python, "python_full_version": f"{python}.0"} if python else None
    return {canonicalize_name(r.name): next(iter(r.specifier)).version for r in constraint_lines()
            if python == "" or r.marker is None or r.marker.evaluate(env)}


def test_the_action_refuses_a_python_older_than_every_pin_supports(action, tmp_path):
    lines = constraint_lines()
    oldest = max((re.fullmatch(r'python_version >= "(3\.\d+)"', str(r.marker))[1] for r in lines if r.marker),
                 key=lambda v: int(v.split(".")[1]), default="3.10")
    assert len(constraint_pins(oldest)) == len(lines)
    previous = f"3.{int(oldest.split('.')[1]) - 1}"
    assert oldest == "3.10" or len(constraint_pins(previous)) < len(lines)  # the one before would float some
    script = step(action, "env")["run"]
    assert f"sys.version_info < (3, {oldest.split('.')[1]})" in script and f"Python {oldest} or newer" in script
    assert f"({oldest} or newer" in action["inputs"]["python-version"]["description"]
    stand_in = tmp_path / "python3.10"  # answers the version check as a 3.10 interpreter does
    stand_in.write_text("#!/usr/bin/env bash\n[ \"$1\" = -c ] && exit 1\nexit 9\n")
    stand_in.chmod(0o755)
    output = tmp_path / "github_output"
    proc = subprocess.run(["bash", "-e", "-c", script], capture_output=True, text=True, cwd=tmp_path,
                          env={"PATH": os.environ["PATH"], "PYTHON": str(stand_in), "GITHUB_ACTION_PATH": str(ROOT),
                               "GITHUB_OUTPUT": str(output)})
    assert proc.returncode == 2 and proc.stdout.startswith("::error title=ygs review::python-version: ")
    assert not output.exists()  # no key, no install


def test_constraints_pin_every_runtime_dependency_within_its_declared_range():
    pins = constraint_pins("")
    declared = [Requirement(d) for d in load_toml("pyproject.toml")["project"]["dependencies"]]
    assert {"semgrep", "bandit"} <= {canonicalize_name(r.name) for r in declared}
    for req in declared:
        version = pins.get(canonicalize_name(req.name))
        assert version is not None, f"constraints.txt does not pin {req.name}"
        assert req.specifier.contains(version, prereleases=True), f"{req.name}=={version} is outside {req}"
    # runtime only: every pin is declared or required by another pinned package (no test tools such as pytest)
    needed = {canonicalize_name(r.name) for r in declared}
    for name in pins:
        try:
            requires = [Requirement(r) for r in metadata.requires(name) or []]
            needed |= {canonicalize_name(r.name) for r in requires if "extra" not in str(r.marker or "")}
        except metadata.PackageNotFoundError:
            pass  # a pin for another Python
    assert set(pins) <= needed, f"pinned but not needed at run time: {sorted(set(pins) - needed)}"


def test_the_tests_run_against_the_pinned_versions():
    """CI installs with -c constraints.txt: every pinned package installed here is at its pinned version."""
    mismatched = {}
    for name, version in constraint_pins().items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue  # a pin for a Python older than this one (tomli for 3.10)
        if installed != version:
            mismatched[name] = (version, installed)
    assert not mismatched, f"installed versions differ from constraints.txt (pinned, installed): {mismatched}"
    assert metadata.version("semgrep") == constraint_pins()["semgrep"]


@pytest.mark.skipif(sys.version_info < (3, 11), reason="3.10 floats the pins that need 3.11")
def test_constraints_are_what_pin_constraints_prints_for_the_environment_the_tests_run_in():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts/pin-constraints")], capture_output=True, text=True,
                          check=True)
    assert proc.stdout == (ROOT / "constraints.txt").read_text(encoding="utf-8") and proc.stderr == ""


def test_readme_and_ci_install_with_the_constraints_file_the_same_way():
    command = "python3 -m venv .venv && .venv/bin/pip install -q -c constraints.txt -e '.[test]' && " \
              ".venv/bin/python -m pytest -q"
    ci = [line for line in (ROOT / ".ci/run").read_text(encoding="utf-8").splitlines() if ".venv/bin/pip" in line]
    readme = [line.split("   #")[0] for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
              if line.startswith("python3 -m venv .venv")]
    assert ci == readme == [command]


def run_review_script(action, tmp_path: Path, **env: str) -> tuple[int, list[str], str]:
    """Run the review step's bash script with a stand-in `ygs` that records its arguments."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "ygs"
    fake.write_text('#!/usr/bin/env bash\nprintf "%s\\n" "$@" > "$ARGS_FILE"\nexit "${FAKE_EXIT:-0}"\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    subprocess.run(["git", "init", "-q", str(tmp_path / "ws")], check=True, env=no_git_env())
    output = tmp_path / "github_output"
    full_env = {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "ARGS_FILE": str(tmp_path / "args"),
                "GITHUB_OUTPUT": str(output), "YGS_EXE": str(fake), "YGS_FAIL_LEVEL": "MUST", "YGS_BASE": "", "YGS_LLM": "off",
                "YGS_SARIF": "", "YGS_PULL_REQUEST": "", **env}
    proc = subprocess.run(["bash", "-e", "-c", review_step(action)["run"]], cwd=tmp_path / "ws", env=full_env,
                          capture_output=True, text=True)
    args = (tmp_path / "args").read_text().split("\n")[:-1] if (tmp_path / "args").exists() else []
    return proc.returncode, args, output.read_text() if output.exists() else ""


def test_review_script_on_a_pull_request_publishes_and_writes_sarif(action, tmp_path):
    code, args, output = run_review_script(action, tmp_path, YGS_PULL_REQUEST="7", YGS_BASE="abc123",
                                           YGS_SARIF="out dir/ygs.sarif", FAKE_EXIT="1")
    assert code == 1 and output == "exit-code=1\n"
    assert args == ["review", "--fail-level", "MUST", "--policy", "base", "--base", "abc123", "--no-llm",
                    "--publish", "github", "--format", "sarif", "--output", "out dir/ygs.sarif"]


def test_review_script_outside_a_pull_request_makes_no_api_calls(action, tmp_path):
    code, args, _ = run_review_script(action, tmp_path, YGS_LLM="on")
    assert code == 0 and args == ["review", "--fail-level", "MUST", "--policy", "base", "--format", "github"]


def test_review_script_passes_the_policy_input_through(action, tmp_path):
    assert action["inputs"]["policy"]["default"] == "base"
    assert review_step(action)["env"]["YGS_POLICY"] == "${{ inputs.policy }}"
    code, args, _ = run_review_script(action, tmp_path, YGS_POLICY="head")
    assert code == 0 and args[3:5] == ["--policy", "head"]


def shallow_clone(tmp_path: Path) -> Path:
    """tmp_path/ws: a depth-1 clone of a two-commit repository (actions/checkout's default)."""
    source = tmp_path / "src"
    git = ["git", "-c", "user.email=a@b", "-c", "user.name=n", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q", str(source)], check=True, env=no_git_env())
    for n in range(2):
        subprocess.run([*git, "-C", str(source), "commit", "-q", "--allow-empty", "-m", f"c{n}"], check=True,
                       env=no_git_env())
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{source}", str(tmp_path / "ws")], check=True,
                   env=no_git_env())
    return tmp_path / "ws"


def test_review_script_refuses_a_shallow_checkout(action, tmp_path):
    shallow_clone(tmp_path)
    proc = subprocess.run(["bash", "-e", "-c", review_step(action)["run"]], cwd=tmp_path / "ws",
                          env={"PATH": os.environ["PATH"], "GITHUB_OUTPUT": str(tmp_path / "out")},
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "fetch-depth: 0" in proc.stdout


def test_review_script_lets_ygs_deepen_a_shallow_pull_request_or_merge_group_checkout(action, tmp_path):
    shallow_clone(tmp_path)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "ygs").write_text('#!/usr/bin/env bash\nprintf "%s\\n" "$@" >> "$ARGS_FILE"\n')
    (bin_dir / "ygs").chmod(0o755)
    for event in ({"YGS_PULL_REQUEST": "7"}, {"YGS_MERGE_GROUP": "c" * 40}):
        args_file = tmp_path / "args"
        args_file.unlink(missing_ok=True)
        env = {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "GITHUB_OUTPUT": str(tmp_path / "out"),
               "ARGS_FILE": str(args_file), "YGS_EXE": str(bin_dir / "ygs"), "YGS_FAIL_LEVEL": "MUST",
               "YGS_BASE": "b" * 40, **event}
        proc = subprocess.run(["bash", "-e", "-c", review_step(action)["run"]], cwd=tmp_path / "ws", env=env,
                              capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout
        args = args_file.read_text().split("\n")[:-1]
        assert args[5:7] == ["--base", "b" * 40] and args[-4:] == ["--publish", "github", "--format", "text"]


def test_action_takes_the_merge_group_base_and_head_from_the_event(action):
    env = review_step(action)["env"]
    assert env["YGS_BASE"].endswith("|| github.event.merge_group.base_sha }}")
    assert env["YGS_MERGE_GROUP"] == "${{ github.event.merge_group.head_sha }}"


def test_pre_commit_hooks():
    hooks = {h["id"]: h for h in load(".pre-commit-hooks.yaml")}
    assert set(hooks) == {"ygs-review", "ygs-check"}
    for hook in hooks.values():
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python" and hook["pass_filenames"] is False
    assert hooks["ygs-review"]["entry"] == "ygs review --staged --no-llm"
    assert hooks["ygs-check"]["entry"] == "ygs guard pre-commit"


def test_review_hook_uses_real_options():
    from ygs.commands.review import review

    options = {opt for param in review.params for opt in param.opts}
    entry = load(".pre-commit-hooks.yaml")[0]["entry"].split()
    assert entry[:2] == ["ygs", "review"] and set(entry[2:]) <= options


def yaml_blocks(rel: str) -> list[Any]:
    text = (ROOT / rel).read_text(encoding="utf-8")
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", text, re.S)]


def test_documented_workflow_parses_and_is_minimal():
    workflow = next(b for b in yaml_blocks("docs/github-action.md") if isinstance(b, dict) and "jobs" in b)
    trigger = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert set(trigger) == {"pull_request", "merge_group"}
    assert "github.event.pull_request.number || github.ref" in workflow["concurrency"]["group"]  # queue groups too
    assert workflow["permissions"] == {"contents": "read", "pull-requests": "write", "checks": "write",
                                       "security-events": "write"}
    steps = workflow["jobs"]["review"]["steps"]
    checkout = next(s for s in steps if s["uses"].startswith("actions/checkout@"))
    assert not {"fetch-depth", "persist-credentials"} & set(checkout["with"])  # ygs fetches with checkout's token
    ours = next(s for s in steps if s["uses"].startswith("ygs-dev/ygs@"))
    assert set(ours["with"]) <= ACTION_INPUTS
    upload = next(s for s in steps if s["uses"].startswith("github/codeql-action/upload-sarif@"))
    assert upload["with"]["sarif_file"] == ours["with"]["sarif-file"] and "cancelled()" in upload["if"]


def test_every_yaml_block_in_the_doc_parses_and_warns_about_pull_request_target():
    assert len(yaml_blocks("docs/github-action.md")) >= 3
    text = (ROOT / "docs/github-action.md").read_text(encoding="utf-8")
    assert "Do not use `pull_request_target` with a checkout of the pull request's head" in text
