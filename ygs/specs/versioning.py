"""Project versions at two revisions, and the semantic-version bump the commit messages call for.

Version sources at the project root: pyproject.toml (`[project].version`, `[tool.poetry].version`, or a
hatch dynamic version's `__version__` file), package.json, Cargo.toml (`[package]` or
`[workspace.package]`), VERSION. Bump levels come from conventional-commit prefixes (`feat` -> minor,
`fix` and others -> patch, `!` or `BREAKING CHANGE` -> major), else from words in the subject.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ygs import git

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

LEVELS = ("patch", "minor", "major")
_CONVENTIONAL = re.compile(
    r"^(feat|fix|perf|refactor|docs|style|tests?|build|ci|chore|revert|deps|security)(?:\([^)]*\))?(!)?:\s", re.I)
_BREAKING = re.compile(r"^BREAKING[ -]CHANGE:", re.M)
_MAJOR_WORDS = re.compile(r"\bbreaking\b|\bbackwards?[- ]incompatible\b", re.I)
_MINOR_WORDS = re.compile(r"^(?:add|adds|added|introduce|introduces|implement|implements|support|new)\b|\bfeature\b",
                          re.I)
_VERSION_VAR = re.compile(r"""^__version__\s*(?::\s*str\s*)?=\s*["']([^"']+)["']""", re.M)

Reader = Callable[[str], str | None]  # repository-relative path -> text at some revision (None: absent)


@dataclass(frozen=True)
class VersionChange:
    file: str
    old: str | None  # None: no version at base
    new: str

    @property
    def bumped(self) -> bool:
        return self.old is None or parse(self.new) > parse(self.old)

    @property
    def backwards(self) -> bool:
        return self.old is not None and parse(self.new) < parse(self.old)

    @property
    def level(self) -> str | None:
        """Which part changed: major, minor or patch (None when not bumped)."""
        if self.old is None or not self.bumped:
            return None
        old, new = parse(self.old), parse(self.new)
        return next((LEVELS[2 - i] for i in range(3) if new[i] != old[i]), "patch")


@dataclass(frozen=True)
class Suggestion:
    level: str
    reason: str


def parse(version: str) -> tuple[int, int, int]:
    numbers = [int(n) for n in re.findall(r"\d+", re.split(r"[-+]", version, maxsplit=1)[0])[:3]]
    major, minor, patch = (numbers + [0, 0, 0])[:3]
    return major, minor, patch


def bump(version: str, level: str) -> str:
    major, minor, patch = parse(version)
    if level == "major" and major > 0:
        return f"{major + 1}.0.0"
    if level in ("major", "minor"):  # 0.x: breaking changes bump the minor version
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def working_tree_reader(root: Path) -> Reader:
    def read(path: str) -> str | None:
        target = root / path
        return target.read_text(encoding="utf-8", errors="replace") if target.is_file() else None

    return read


def revision_reader(root: Path, rev: str) -> Reader:
    def read(path: str) -> str | None:
        if rev == git.EMPTY_TREE:
            return None
        proc = git.run("show", f"{rev}:{path}", cwd=root, check=False)
        return proc.stdout.decode("utf-8", "replace") if proc.returncode == 0 else None

    return read


def versions(read: Reader) -> dict[str, str]:
    """version file -> version, for every version source the revision has."""
    found = {}
    for file, extract in _SOURCES.items():
        text = read(file)
        version = _safe(extract, text, read) if text is not None else None
        if version:
            found[file] = version
    return found


def changes(old: Reader, new: Reader) -> list[VersionChange]:
    before = versions(old)
    return [VersionChange(file, before.get(file), version) for file, version in versions(new).items()]


def _safe(extract: Callable[[str, Reader], str | None], text: str, read: Reader) -> str | None:
    try:
        return extract(text, read)
    except (ValueError, TypeError, AttributeError, tomllib.TOMLDecodeError):
        return None  # an unparsable version file is no version source


def _pyproject(text: str, read: Reader) -> str | None:
    data = tomllib.loads(text)
    project = data.get("project", {})
    if "version" in project:
        return str(project["version"])
    poetry = data.get("tool", {}).get("poetry", {})
    if "version" in poetry:
        return str(poetry["version"])
    path = data.get("tool", {}).get("hatch", {}).get("version", {}).get("path")
    source = read(path) if "version" in project.get("dynamic", []) and path else None
    match = _VERSION_VAR.search(source) if source else None
    return match.group(1) if match else None


def _package_json(text: str, read: Reader) -> str | None:
    data: Any = json.loads(text)
    return str(data["version"]) if isinstance(data, dict) and "version" in data else None


def _cargo(text: str, read: Reader) -> str | None:
    data = tomllib.loads(text)
    version = data.get("package", {}).get("version")
    if isinstance(version, str):
        return version
    return data.get("workspace", {}).get("package", {}).get("version")


def _version_file(text: str, read: Reader) -> str | None:
    return text.strip().splitlines()[0].strip() if text.strip() else None


_SOURCES: dict[str, Callable[[str, Reader], str | None]] = {
    "pyproject.toml": _pyproject,
    "package.json": _package_json,
    "Cargo.toml": _cargo,
    "VERSION": _version_file,
}


def commits(root: Path, base: str) -> list[tuple[str, str, str]]:
    """(sha, subject, body) of the commits from base to HEAD, newest first."""
    if git.head_or_none(root) is None:
        return []
    span = "HEAD" if base == git.EMPTY_TREE else f"{base}..HEAD"
    out = git.run("log", "--format=%H%x1f%s%x1f%b%x1e", span, cwd=root).stdout.decode("utf-8", "replace")
    entries = [entry.strip("\n").split("\x1f") for entry in out.split("\x1e") if entry.strip()]
    return [(e[0], e[1], e[2] if len(e) > 2 else "") for e in entries if len(e) >= 2]


def suggest(history: list[tuple[str, str, str]]) -> Suggestion:
    """The largest bump any commit calls for, and the commit that decided it."""
    if not history:
        return Suggestion("patch", "no commits since the base: patch unless the change adds or breaks something")
    ranked = [(_level(subject, body), sha, subject) for sha, subject, body in history]
    (level, why), sha, subject = max(ranked, key=lambda r: LEVELS.index(r[0][0]))
    return Suggestion(level, f'{sha[:7]} "{subject}" {why}')


def _level(subject: str, body: str) -> tuple[str, str]:
    match = _CONVENTIONAL.match(subject)
    if (match and match.group(2)) or _BREAKING.search(body):
        return "major", "marks a breaking change"
    if match:
        kind = match.group(1).lower()
        return ("minor", "is a feature (feat:)") if kind == "feat" else ("patch", f"is a {kind}: change")
    if _MAJOR_WORDS.search(subject):
        return "major", "says it breaks compatibility"
    if _MINOR_WORDS.search(subject):
        return "minor", "reads like new functionality"
    return "patch", "reads like a fix or internal change"
