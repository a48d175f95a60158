"""The skill catalog: every built-in skill is a valid Agent Skill within budget, rendered from config."""

from __future__ import annotations

import re

import pytest

from ygs import config as cfg
from ygs.errors import YgsError
from ygs.skills import ALLOWED_KEYS, catalog, lookup, render

EXPECTED = [
    "refine-prd", "refine-trd", "refine-architecture", "estimate", "spike", "wbs", "grooming", "implement",
    "investigate", "code-review", "security-review", "sre-review", "qa", "uat", "sync", "ship", "retro", "learn",
]
SECTIONS = ["## When to use", "## Inputs", "## Steps", "## Output", "## Negatives", "## Completion signal"]
GATES = {
    "implement": ["ygs check", "ygs checkpoint"],
    "code-review": ["ygs review"],
    "security-review": ["ygs review"],
    "ship": ["ygs ship"],
    "wbs": ["ygs validate"],
    "refine-prd": ["ygs validate"],
    "refine-trd": ["ygs validate"],
    "learn": ["ygs learn"],
}


@pytest.fixture(scope="module")
def rendered():
    config = cfg.Config()
    return {s.short: render(s, config) for s in catalog(None).values()}


def test_catalog_has_all_18_skills(rendered):
    assert sorted(rendered) == sorted(EXPECTED)


@pytest.mark.parametrize("short", EXPECTED)
def test_skill_is_a_complete_contract(rendered, short):
    skill = rendered[short]
    assert set(skill.frontmatter) <= ALLOWED_KEYS
    assert skill.frontmatter["name"] == f"ygs-{short}"
    assert skill.metadata.get("model-tier") in {"reasoning", "fast", "either"}
    assert skill.metadata.get("phase")
    for heading in SECTIONS:
        assert heading in skill.body, f"{short} lacks {heading}"
    assert re.search(r'"status"', skill.body) and "DONE_WITH_CONCERNS" in skill.body and "BLOCKED" in skill.body
    assert re.search(r"do not", skill.body, re.I)


@pytest.mark.parametrize("short", EXPECTED)
def test_skill_within_budget(rendered, short):
    text = rendered[short].text
    assert len(text.splitlines()) <= 500
    assert len(text) / 4 <= 5000


def test_descriptions_budget(rendered):
    total = sum(len(s.description) for s in rendered.values())
    assert total <= 6000, total
    assert all(len(s.description) <= 1024 for s in rendered.values())


@pytest.mark.parametrize("short,commands", sorted(GATES.items()))
def test_skills_name_their_gate_commands(rendered, short, commands):
    for command in commands:
        assert f"`{command}" in rendered[short].body, f"{short} should tell the agent to run {command}"


def test_numbers_come_from_config(repo):
    default = render(lookup("implement", repo.path), cfg.load(repo.path)).body
    assert re.search(r"\b3\b[^.\n]*unplanned|unplanned[^.\n]*\b3\b", default)
    repo.write("pyproject.toml", "[tool.ygs.guard]\nunplanned_files_stop = 4\ncheckpoint_every_files = 7\n")
    changed = render(lookup("implement", repo.path), cfg.load(repo.path)).body
    assert re.search(r"\b4\b[^.\n]*unplanned|unplanned[^.\n]*\b4\b", changed)
    assert re.search(r"\b7\b[^.\n]*files", changed)
    assert changed != default


def test_ygs_config_toml_wins_over_pyproject(repo):
    repo.write("pyproject.toml", "[tool.ygs.guard]\nunplanned_files_stop = 4\n")
    repo.write(".ygs/config.toml", "[guard]\nunplanned_files_stop = 6\n")
    assert cfg.load(repo.path).guard.unplanned_files_stop == 6


def test_project_override_replaces_builtin_and_conventions_are_rendered(repo):
    repo.write(".ygs/skills/ygs-ship/SKILL.md",
               "---\nname: ygs-ship\ndescription: Use when shipping our way.\n---\n\n# Ship\n\nOur way, "
               "{{ unplanned_files_stop }} files.\n")
    repo.write(".ygs/conventions.md", "Use snake_case for everything.")
    skill = render(lookup("ship", repo.path), cfg.load(repo.path))
    assert skill.origin == "project"
    assert "Our way, 3 files." in skill.body
    assert "## Project conventions\n\nUse snake_case for everything." in skill.body


def test_user_override_is_below_project(repo, tmp_path, monkeypatch):
    monkeypatch.setenv("YGS_CONFIG_HOME", str(tmp_path / "userconf"))
    user = tmp_path / "userconf" / "skills" / "ygs-qa" / "SKILL.md"
    user.parent.mkdir(parents=True)
    user.write_text("---\nname: ygs-qa\ndescription: Use when user QA.\n---\n\nuser qa\n")
    assert lookup("qa", repo.path).origin == "user"
    repo.write(".ygs/skills/ygs-qa/SKILL.md", "---\nname: ygs-qa\ndescription: Use when project QA.\n---\n\nproject\n")
    assert lookup("qa", repo.path).origin == "project"


@pytest.mark.parametrize(
    "frontmatter,field",
    [
        ("name: ygs-ship\ndescription: ok\nphase: build\n", "phase"),
        ("name: Ygs_Ship\ndescription: ok\n", "name"),
        ("name: ygs-other\ndescription: ok\n", "name"),
        ("name: ygs-ship\n", "description"),
        ("name: ygs-ship\ndescription: ok\nmetadata:\n  tier: 3\n", "metadata"),
        ("name: ygs-ship\ndescription: [unclosed\n", "YAML"),
    ],
)
def test_malformed_override_names_file_and_field(repo, frontmatter, field):
    path = repo.write(".ygs/skills/ygs-ship/SKILL.md", f"---\n{frontmatter}---\n\nbody\n")
    with pytest.raises(YgsError) as err:
        render(lookup("ship", repo.path), cfg.load(repo.path))
    assert str(path) in err.value.message and field in err.value.message


def test_unknown_skill_lists_valid_names():
    with pytest.raises(YgsError, match="ygs-implement"):
        lookup("nope", None)
