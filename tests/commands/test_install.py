"""`ygs install | upgrade | uninstall | agents | skills` on real temp repos; every written file is parsed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml

from ygs.agents import TARGETS
from ygs.skills import parse_frontmatter, validate_frontmatter

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SKILLS = 18


def _front(path: Path) -> tuple[dict, str]:
    return parse_frontmatter(path.read_text(encoding="utf-8"), path)


# One check per output format, shared by every agent that writes it.
def check_skill(path: Path) -> None:
    data, body = _front(path)
    validate_frontmatter(data, path, expected_name=path.parent.name)
    assert "## Steps" in body


def check_markdown_command(path: Path) -> None:
    data, body = _front(path)
    assert set(data) == {"description"} and data["description"]
    assert "$ARGUMENTS" in body


def check_copilot_prompt(path: Path) -> None:
    data, body = _front(path)
    assert data["description"] and data["mode"] == "agent"
    assert "${input:request}" in body


def check_plain(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not text.startswith("---") and "## Steps" in text
    assert "$ARGUMENTS" not in text and "{{args}}" not in text


def check_gemini_toml(path: Path) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert set(data) == {"description", "prompt"}
    assert "{{args}}" in data["prompt"] and "## Steps" in data["prompt"]


CHECKS = {
    "skill": check_skill,
    "markdown-command": check_markdown_command,
    "copilot-prompt": check_copilot_prompt,
    "plain": check_plain,
    "gemini-toml": check_gemini_toml,
}


def _files(root: Path, target_dir: str) -> list[Path]:
    return sorted(p for p in (root / target_dir).rglob("*") if p.is_file())


@pytest.mark.parametrize("agent", [n for n, t in TARGETS.items() if t.project_dir])
def test_install_each_agent_writes_parseable_files(repo, run_ygs, agent):
    result = run_ygs("install", "--agent", agent)
    assert result.exit_code == 0, result.output
    target = TARGETS[agent]
    files = _files(repo.path, target.project_dir)
    assert len(files) == SKILLS
    for path in files:
        CHECKS[target.format](path)
    assert target.invoke.split()[0].format(name="ygs-implement", short="implement") in result.output


def test_install_all_then_edit_upgrade_uninstall(repo, run_ygs):
    assert run_ygs("install", "--agent", "all").exit_code == 0
    edited = repo.path / ".claude/skills/ygs-implement/SKILL.md"
    edited.write_text(edited.read_text() + "\nMy team's extra rule.\n")

    again = run_ygs("install", "--agent", "all")
    assert "wrote 0 file(s)" in again.output  # idempotent

    repo.write("pyproject.toml", "[tool.ygs.guard]\nunplanned_files_stop = 4\n")
    upgraded = run_ygs("upgrade")
    assert upgraded.exit_code == 0
    assert "kept 1 file(s) you edited" in upgraded.output and ".claude/skills/ygs-implement/SKILL.md" in upgraded.output
    assert "My team's extra rule." in edited.read_text()
    assert "4" in (repo.path / ".cursor/skills/ygs-implement/SKILL.md").read_text()

    diff = run_ygs("upgrade", "--diff")
    assert "-My team's extra rule." in diff.output

    removed = run_ygs("uninstall")
    assert removed.exit_code == 0
    left = [p for p in repo.path.rglob("*") if p.is_file() and ".git" not in p.parts]
    assert sorted(p.relative_to(repo.path).as_posix() for p in left) == [
        ".claude/skills/ygs-implement/SKILL.md", "pyproject.toml"]


def test_upgrade_force_overwrites_edit(repo, run_ygs):
    run_ygs("install", "--agent", "claude")
    edited = repo.path / ".claude/skills/ygs-qa/SKILL.md"
    edited.write_text("mine\n")
    assert run_ygs("upgrade", "--force").exit_code == 0
    assert edited.read_text().startswith("---\nname: ygs-qa")


def test_install_never_clobbers_a_file_it_did_not_write(repo, run_ygs):
    mine = repo.write(".claude/skills/ygs-qa/SKILL.md", "my own skill\n")
    result = run_ygs("install", "--agent", "claude")
    assert "left 1 file(s) that ygs did not write" in result.output
    assert mine.read_text() == "my own skill\n"
    assert run_ygs("uninstall").exit_code == 0
    assert mine.read_text() == "my own skill\n"


def test_dry_run_writes_nothing(repo, run_ygs):
    result = run_ygs("install", "--agent", "all", "--dry-run")
    assert result.exit_code == 0 and "would write" in result.output
    assert not (repo.path / ".claude").exists() and not (repo.path / ".ygs").exists()


def test_json_output(repo, run_ygs):
    data = json.loads(run_ygs("install", "--agent", "gemini", "--json").output)
    assert len(data["written"]) == SKILLS and data["invoke"]["gemini"] == "/ygs:implement <request>"


def test_generic_needs_dir_and_writes_plain_markdown(repo, run_ygs):
    assert run_ygs("install", "--agent", "generic").exit_code == 2
    result = run_ygs("install", "--agent", "generic", "--dir", "agent-docs")
    assert result.exit_code == 0
    files = _files(repo.path, "agent-docs")
    assert len(files) == SKILLS
    for path in files:
        check_plain(path)


def test_copilot_commands_adds_prompt_files(repo, run_ygs):
    assert run_ygs("install", "--agent", "copilot", "--commands").exit_code == 0
    prompts = _files(repo.path, ".github/prompts")
    assert len(prompts) == SKILLS and prompts[0].name.endswith(".prompt.md")
    for path in prompts:
        check_copilot_prompt(path)


def test_claude_plugin(repo, run_ygs):
    result = run_ygs("install", "--agent", "claude", "--plugin", "--dir", "plugin")
    assert result.exit_code == 0, result.output
    manifest = json.loads((repo.path / "plugin/.claude-plugin/plugin.json").read_text())
    assert manifest["name"] == "ygs" and manifest["version"]
    skills = sorted((repo.path / "plugin/skills").glob("*/SKILL.md"))
    assert len(skills) == SKILLS
    for path in skills:
        check_skill(path)
    assert "/ygs:ygs-implement" in result.output


def test_user_scope(repo, run_ygs, tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("YGS_CONFIG_HOME", str(tmp_path / "conf"))
    assert run_ygs("install", "--agent", "claude,gemini", "--scope", "user").exit_code == 0
    assert len(list((home / ".claude/skills").glob("*/SKILL.md"))) == SKILLS
    assert len(list((home / ".gemini/commands/ygs").glob("*.toml"))) == SKILLS
    assert (tmp_path / "conf/manifest.json").is_file()
    assert not (repo.path / ".ygs").exists()
    assert run_ygs("uninstall", "--scope", "user").exit_code == 0
    assert not list(home.rglob("SKILL.md"))


def test_unwritable_target_writes_nothing(repo, run_ygs):
    repo.write(".cursor", "a file where a directory should be\n")
    result = run_ygs("install", "--agent", "claude,cursor")
    assert result.exit_code == 2
    assert "cannot write" in result.stderr and "Traceback" not in result.output + result.stderr
    assert not (repo.path / ".claude").exists() and not (repo.path / ".ygs").exists()


@pytest.mark.parametrize("args", [["install", "--agent", "vim"], ["skills", "show", "nope"]])
def test_unknown_names_are_one_line_exit_2(repo, run_ygs, args):
    result = run_ygs(*args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "valid:" in lines[0]


def test_corrupt_manifest_is_a_clear_error(repo, run_ygs):
    repo.write(".ygs/manifest.json", "{not json")
    result = run_ygs("upgrade")
    assert result.exit_code == 2 and "corrupt" in result.stderr


def test_agents_and_skills_listing(repo, run_ygs):
    agents = json.loads(run_ygs("agents", "--json").output)
    assert {a["agent"] for a in agents} == set(TARGETS)
    listing = json.loads(run_ygs("skills", "list", "--json").output)
    assert len(listing) == SKILLS and all(row["description"] for row in listing)
    shown = run_ygs("skills", "show", "implement", "--agent", "gemini").output
    assert tomllib.loads(shown)["prompt"]


def test_skills_show_states_the_configured_stop_number(repo, run_ygs):
    assert "3 or more unplanned" in run_ygs("skills", "show", "ygs-implement").output.replace("**", "")
    repo.write("pyproject.toml", "[tool.ygs.guard]\nunplanned_files_stop = 4\n")
    text = run_ygs("skills", "show", "ygs-implement").output.replace("**", "")
    assert "4 or more unplanned" in text and "3 or more unplanned" not in text
    assert yaml.safe_load(text.split("---")[1])["name"] == "ygs-implement"
