"""The GitHub Action, the pre-commit hooks and the documented workflow are valid and consistent."""

from __future__ import annotations

import os
import re
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from ygs.git import no_git_env

ROOT = Path(__file__).resolve().parents[1]
ACTION_INPUTS = {"fail-level", "base", "policy", "llm", "anthropic-api-key", "sarif-file", "python-version", "github-token"}


def load(rel: str) -> Any:
    return yaml.safe_load((ROOT / rel).read_text(encoding="utf-8"))


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


def test_action_installs_itself_and_publishes(action):
    steps = action["runs"]["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    assert steps[0]["with"]["python-version"] == "${{ inputs.python-version }}"
    assert 'pip install' in steps[1]["run"] and '"$GITHUB_ACTION_PATH"' in steps[1]["run"]
    review = review_step(action)
    assert "--publish github" in review["run"] and review["env"]["GITHUB_TOKEN"] == "${{ inputs.github-token }}"
    assert "github.event.pull_request.base.sha" in review["env"]["YGS_BASE"]


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
                "GITHUB_OUTPUT": str(output), "YGS_FAIL_LEVEL": "MUST", "YGS_BASE": "", "YGS_LLM": "off",
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


def test_review_script_refuses_a_shallow_checkout(action, tmp_path):
    source = tmp_path / "src"
    git = ["git", "-c", "user.email=a@b", "-c", "user.name=n", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q", str(source)], check=True, env=no_git_env())
    for n in range(2):
        subprocess.run([*git, "-C", str(source), "commit", "-q", "--allow-empty", "-m", f"c{n}"], check=True,
                       env=no_git_env())
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{source}", str(tmp_path / "ws")], check=True,
                   env=no_git_env())
    proc = subprocess.run(["bash", "-e", "-c", review_step(action)["run"]], cwd=tmp_path / "ws",
                          env={"PATH": os.environ["PATH"], "GITHUB_OUTPUT": str(tmp_path / "out")},
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "fetch-depth: 0" in proc.stdout


def test_review_script_lets_ygs_deepen_a_shallow_pull_request_or_merge_group_checkout(action, tmp_path):
    source = tmp_path / "src"
    git = ["git", "-c", "user.email=a@b", "-c", "user.name=n", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q", str(source)], check=True, env=no_git_env())
    for n in range(2):
        subprocess.run([*git, "-C", str(source), "commit", "-q", "--allow-empty", "-m", f"c{n}"], check=True,
                       env=no_git_env())
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{source}", str(tmp_path / "ws")], check=True,
                   env=no_git_env())
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "ygs").write_text('#!/usr/bin/env bash\nprintf "%s\\n" "$@" >> "$ARGS_FILE"\n')
    (bin_dir / "ygs").chmod(0o755)
    for event in ({"YGS_PULL_REQUEST": "7"}, {"YGS_MERGE_GROUP": "c" * 40}):
        args_file = tmp_path / "args"
        args_file.unlink(missing_ok=True)
        env = {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "GITHUB_OUTPUT": str(tmp_path / "out"),
               "ARGS_FILE": str(args_file), "YGS_FAIL_LEVEL": "MUST", "YGS_BASE": "b" * 40, **event}
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
