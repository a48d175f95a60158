"""Coding-agent targets, described as data, and one renderer per output format.

Adding an agent = one row in TARGETS (and, for a new file format, one renderer in FORMATS).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable

import yaml

from ygs import __version__
from ygs.config import Config
from ygs.errors import YgsError
from ygs.skills import PROSE_ARGUMENTS, Skill, SkillSource, render, render_context


@dataclass(frozen=True)
class Target:
    name: str
    title: str
    format: str  # key of FORMATS
    project_dir: str | None  # relative to the project root (None: needs --dir)
    user_dir: str | None  # relative to the home directory (None: no user scope)
    filename: str  # relative to the target dir; {name} = ygs-implement, {short} = implement
    arguments: str  # how the user's request reaches the skill text
    invoke: str  # how a user invokes a skill, {name} / {short} filled in
    note: str = ""


TARGETS: dict[str, Target] = {
    t.name: t
    for t in (
        Target("claude", "Claude Code", "skill", ".claude/skills", ".claude/skills", "{name}/SKILL.md",
               "$ARGUMENTS", "/{name} <request>",
               "Claude also picks a skill by itself when your request matches its description."),
        Target("codex", "OpenAI Codex", "skill", ".agents/skills", ".agents/skills", "{name}/SKILL.md",
               PROSE_ARGUMENTS, "${name} <request>", "Or run /skills and pick one; Codex also matches by description."),
        Target("cursor", "Cursor", "skill", ".cursor/skills", ".cursor/skills", "{name}/SKILL.md",
               PROSE_ARGUMENTS, "/{name} <request>", "In Agent chat; Cursor also matches by description."),
        Target("copilot", "GitHub Copilot", "skill", ".github/skills", ".copilot/skills", "{name}/SKILL.md",
               PROSE_ARGUMENTS, "ask Copilot (agent mode) for the {short} workflow",
               "Copilot loads a skill when your request matches its description; "
               "with --commands, /ygs-<name> prompt files are installed too."),
        Target("gemini", "Gemini CLI", "gemini-toml", ".gemini/commands", ".gemini/commands", "ygs/{short}.toml",
               "{{args}}", "/ygs:{short} <request>"),
        Target("opencode", "OpenCode", "markdown-command", ".opencode/commands", ".config/opencode/commands",
               "ygs-{short}.md", "$ARGUMENTS", "/ygs-{short} <request>"),
        Target("qwen", "Qwen Code", "markdown-command", ".qwen/commands", ".qwen/commands", "ygs-{short}.md",
               "$ARGUMENTS", "/ygs-{short} <request>"),
        Target("kiro", "Kiro", "plain", ".kiro/prompts", ".kiro/prompts", "ygs-{short}.md",
               PROSE_ARGUMENTS, "@ygs-{short}, then type your request",
               "Kiro prompts take no argument placeholder; the skill asks for the request in prose."),
        Target("generic", "Any agent (plain Markdown)", "plain", None, None, "ygs-{short}.md",
               PROSE_ARGUMENTS, "point your agent at {short} (e.g. 'follow ygs-{short}.md')",
               "Needs --dir PATH."),
    )
}

# Extra outputs a flag adds to a target: (flag, target) pairs.
COPILOT_PROMPTS = Target(
    "copilot", "GitHub Copilot prompt files", "copilot-prompt", ".github/prompts", None, "ygs-{short}.prompt.md",
    "${input:request}", "/ygs-{short} <request>",
)
CLAUDE_PLUGIN = Target(
    "claude", "Claude Code plugin", "skill", None, None, "skills/{name}/SKILL.md",
    "$ARGUMENTS", "/ygs:{name} <request>",
    "Load it with `claude --plugin-dir DIR` or publish it in a plugin marketplace.",
)


def parse_agents(value: str) -> list[Target]:
    """`claude,codex` or `all` -> targets; unknown names -> one line listing valid ones (exit 2)."""
    names = [n.strip().lower() for n in value.split(",") if n.strip()]
    if names == ["all"]:
        return [t for t in TARGETS.values() if t.project_dir is not None]
    unknown = [n for n in names if n not in TARGETS]
    if unknown or not names:
        raise YgsError(f"unknown agent {unknown[0] if unknown else value!r}; valid: {', '.join(TARGETS)}, all")
    return [TARGETS[n] for n in dict.fromkeys(names)]


def invocation(target: Target, skill_name: str = "ygs-implement") -> str:
    return target.invoke.format(name=skill_name, short=skill_name.removeprefix("ygs-"))


def render_for(target: Target, source: SkillSource, config: Config) -> tuple[str, str]:
    """(relative file path inside the target dir, file content) for one skill."""
    context = render_context(config, arguments=target.arguments, agent=target.name)
    skill = render(source, config, context)
    path = target.filename.format(name=skill.name, short=skill.short)
    return path, FORMATS[target.format](skill)


def _skill_md(skill: Skill) -> str:
    return skill.text


def _front(fields: dict[str, str], body: str) -> str:
    header = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=10_000)
    return f"---\n{header}---\n\n{body.strip()}\n"


def _markdown_command(skill: Skill) -> str:
    return _front({"description": skill.description}, skill.body)


def _copilot_prompt(skill: Skill) -> str:
    return _front({"description": skill.description, "mode": "agent"}, skill.body)


def _plain(skill: Skill) -> str:
    return f"<!-- {skill.name} — generated by ygs {__version__} -->\n\n> {skill.description}\n\n{skill.body.strip()}\n"


def _gemini_toml(skill: Skill) -> str:
    return f"description = {_toml_string(skill.description)}\nprompt = {_toml_multiline(skill.body.strip())}\n"


def _toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def _toml_multiline(value: str) -> str:
    if "'''" not in value:
        return f"'''\n{value}\n'''"
    escaped = value.replace("\\", "\\\\").replace('"""', '""\\"')
    return f'"""\n{escaped}\n"""'


FORMATS: dict[str, Callable[[Skill], str]] = {
    "skill": _skill_md,
    "markdown-command": _markdown_command,
    "copilot-prompt": _copilot_prompt,
    "plain": _plain,
    "gemini-toml": _gemini_toml,
}


def plugin_manifest() -> str:
    manifest = {
        "name": "ygs",
        "version": __version__,
        "description": "SDLC skills that keep coding agents disciplined (refine, plan, implement, review, ship).",
        "author": {"name": "ygs"},
        "license": "MIT",
        "keywords": ["sdlc", "code-review", "guardrails"],
    }
    return json.dumps(manifest, indent=2) + "\n"
