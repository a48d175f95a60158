"""The skill catalog: built-in skills, project and user overrides, and rendering with the project's numbers.

Precedence for a skill named N: `<project>/.ygs/skills/N/SKILL.md` > `<user config>/skills/N/SKILL.md` >
built-in. An override directory may use the full name (`ygs-implement`) or the short one (`implement`);
an override with a name that is not built in adds a new skill.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import platformdirs
import yaml

from ygs.config import Config
from ygs.errors import YgsError
from ygs.resources import data_dir

PREFIX = "ygs-"
NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ALLOWED_KEYS = frozenset({"name", "description", "license", "compatibility", "allowed-tools", "metadata"})
MODEL_TIERS = ("reasoning", "fast", "either")
PROSE_ARGUMENTS = "the request the user gave you in this conversation (ask for it if there is none)"
_FRONTMATTER = re.compile(r"\A---\r?\n(.*?)\r?\n---\r?\n?(.*)\Z", re.S)


@dataclass(frozen=True)
class SkillSource:
    name: str  # full name, e.g. "ygs-implement"
    path: Path
    origin: str  # built-in | user | project

    @property
    def short(self) -> str:
        return self.name.removeprefix(PREFIX)


@dataclass(frozen=True)
class Skill:
    """A rendered skill: frontmatter validated, body ready for any target format."""

    name: str
    description: str
    frontmatter: dict[str, Any]
    body: str
    origin: str
    path: Path

    @property
    def short(self) -> str:
        return self.name.removeprefix(PREFIX)

    @property
    def metadata(self) -> dict[str, str]:
        return self.frontmatter.get("metadata") or {}

    @property
    def text(self) -> str:
        """The complete SKILL.md."""
        header = yaml.safe_dump(self.frontmatter, sort_keys=False, allow_unicode=True, width=10_000)
        return f"---\n{header}---\n\n{self.body.strip()}\n"


def user_config_dir() -> Path:
    override = os.environ.get("YGS_CONFIG_HOME")
    return Path(override) if override else Path(platformdirs.user_config_dir("ygs"))


def catalog(root: Path | None) -> dict[str, SkillSource]:
    """name -> source, with overrides applied, sorted by name."""
    found: dict[str, SkillSource] = {}
    layers = [(data_dir("skills"), "built-in"), (user_config_dir() / "skills", "user")]
    if root is not None:
        layers.append((root / ".ygs" / "skills", "project"))
    for directory, origin in layers:
        if not directory.is_dir():
            continue
        for skill_file in sorted(directory.glob("*/SKILL.md")):
            name = skill_file.parent.name
            found[name] = SkillSource(name=name, path=skill_file, origin=origin)
    return dict(sorted(found.items()))


def lookup(name: str, root: Path | None) -> SkillSource:
    skills = catalog(root)
    for candidate in (name, PREFIX + name):
        if candidate in skills:
            return skills[candidate]
    raise YgsError(f"unknown skill {name!r}; valid: {', '.join(skills)}")


def render_context(config: Config, arguments: str = PROSE_ARGUMENTS, agent: str = "generic") -> dict[str, Any]:
    """The variables a skill source may use (documented in docs/skills.md)."""
    qa = config.qa
    est = config.estimate
    return {
        "unplanned_files_stop": config.guard.unplanned_files_stop,
        "checkpoint_every_files": config.guard.checkpoint_every_files,
        "sizing": config.sizing,
        "size_table": size_table(config),
        "max_function_lines": config.code.max_function_lines,
        "max_function_concepts": config.code.max_function_concepts,
        "qa_categories": list(qa.categories),
        "qa_category_max": qa.category_max,
        "qa_health_max": qa.category_max * len(qa.categories),
        "capacity": list(est.capacity),
        "capacity_table": capacity_table(config),
        "feature_share": _number(est.feature_share * 100),
        "testing_share_low": est.testing_share_low,
        "testing_share_high": est.testing_share_high,
        "coding_only_multiplier": _number(est.coding_only_multiplier),
        "fail_level": config.review.fail_level,
        "arguments": arguments,
        "agent": agent,
    }


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 2)


def size_table(config: Config) -> str:
    s = config.sizing
    rows = [
        ("S", f"1–{s.s_max_files}", f"< {s.s_max_lines + 1}", "one sitting"),
        ("M", f"{s.s_max_files + 1}–{s.m_max_files}", f"{s.s_max_lines + 1}–{s.m_max_lines}", "a day or two"),
        ("L", f"{s.m_max_files + 1}–{s.l_max_files}", f"{s.m_max_lines + 1}–{s.l_max_lines}", "split if you can"),
        ("XL", f"> {s.l_max_files}", f"> {s.l_max_lines}", "too big: must be split"),
    ]
    lines = ["| Size | Files | Changed lines | Note |", "|---|---|---|---|"]
    lines += [f"| {t} | {f} | {l} | {n} |" for t, f, l, n in rows]
    return "\n".join(lines)


def capacity_table(config: Config) -> str:
    lines = ["| Bucket | Share of capacity |", "|---|---|"]
    lines += [f"| {c.name} | {c.low}–{c.high} % |" for c in config.estimate.capacity]
    return "\n".join(lines)


def render(source: SkillSource, config: Config, context: dict[str, Any] | None = None) -> Skill:
    """Render one skill source with the project's numbers (and a target's placeholders via context)."""
    try:
        template_text = source.path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise YgsError(f"cannot read skill {source.path}: {exc}") from None
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False)
    try:
        text = env.from_string(template_text).render(**(context or render_context(config)))
    except jinja2.TemplateError as exc:
        line = f":{exc.lineno}" if getattr(exc, "lineno", None) else ""
        raise YgsError(f"{source.path}{line}: template error: {exc.message or exc}") from None
    frontmatter, body = parse_frontmatter(text, source.path)
    validate_frontmatter(frontmatter, source.path, expected_name=source.path.parent.name)
    body = _with_conventions(body, config.root)
    return Skill(
        name=source.name,
        description=frontmatter["description"],
        frontmatter=frontmatter,
        body=body,
        origin=source.origin,
        path=source.path,
    )


def parse_frontmatter(text: str, path: Path) -> tuple[dict[str, Any], str]:
    match = _FRONTMATTER.match(text)
    if not match:
        raise YgsError(f"{path}: missing YAML frontmatter (the file must start with a '---' block)")
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        raise YgsError(f"{path}: frontmatter is not valid YAML: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, dict):
        raise YgsError(f"{path}: frontmatter must be a mapping of fields")
    return data, match.group(2)


def validate_frontmatter(data: dict[str, Any], path: Path, expected_name: str) -> None:
    """The Agent Skills spec, exactly: a user's broken override is named with its file and field."""
    unknown = sorted(set(data) - ALLOWED_KEYS)
    if unknown:
        raise YgsError(f"{path}: frontmatter field {unknown[0]!r} is not allowed (put it under 'metadata')")
    _check_name(data.get("name"), path, expected_name)
    description = data.get("description")
    if not isinstance(description, str) or not description.strip() or len(description) > 1024:
        raise YgsError(f"{path}: frontmatter field 'description' must be a non-empty string of ≤ 1024 chars")
    for key, limit in (("license", 500), ("compatibility", 500), ("allowed-tools", 2000)):
        value = data.get(key)
        if value is not None and (not isinstance(value, str) or len(value) > limit):
            raise YgsError(f"{path}: frontmatter field {key!r} must be a string of ≤ {limit} chars")
    _check_metadata(data.get("metadata", {}), path)


def _check_name(name: object, path: Path, expected: str) -> None:
    if not isinstance(name, str) or not NAME_RE.match(name) or len(name) > 64:
        raise YgsError(
            f"{path}: frontmatter field 'name' must be lowercase letters, digits and single hyphens, ≤ 64 chars"
        )
    if name != expected:
        raise YgsError(f"{path}: frontmatter field 'name' is {name!r} but the directory is {expected!r}")


def _check_metadata(metadata: object, path: Path) -> None:
    if not isinstance(metadata, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in metadata.items()):
        raise YgsError(f"{path}: frontmatter field 'metadata' must map strings to strings (quote numbers)")
    tier = metadata.get("model-tier")
    if tier is not None and tier not in MODEL_TIERS:
        raise YgsError(f"{path}: frontmatter field 'metadata.model-tier' must be one of {', '.join(MODEL_TIERS)}")


def conventions(root: Path | None) -> str:
    if root is None:
        return ""
    path = root / ".ygs" / "conventions.md"
    if not path.is_file():
        return ""
    try:
        return path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise YgsError(f"cannot read {path}: {exc}") from None


def _with_conventions(body: str, root: Path | None) -> str:
    text = conventions(root)
    if not text:
        return body
    return f"{body.rstrip()}\n\n## Project conventions\n\n{text}\n"
