"""Manifest-based install, upgrade and uninstall.

Every file ygs writes is recorded with its SHA-256 (project scope: `.ygs/manifest.json`; user scope: the
platform config dir). A file whose hash still matches is ours to rewrite or remove; a file the user edited
is left alone and reported; a file that was never ours is never touched without --force. Writes are atomic
(temp file + rename) and a failing run restores what it already wrote.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ygs import __version__, agents
from ygs.config import Config
from ygs.errors import YgsError
from ygs.skills import catalog, user_config_dir

SCHEMA = 1


@dataclass(frozen=True)
class Planned:
    path: Path
    content: bytes
    agent: str
    skill: str | None = None


@dataclass(frozen=True)
class InstallSpec:
    """One `ygs install` request, recorded in the manifest so `ygs upgrade` can repeat it."""

    agent: str
    dir: str | None = None  # --dir (absolute), for generic and --plugin
    commands: bool = False  # copilot: also .github/prompts
    plugin: bool = False  # claude: a plugin directory instead of .claude/skills

    def to_json(self) -> dict[str, Any]:
        return {"agent": self.agent, "dir": self.dir, "commands": self.commands, "plugin": self.plugin}


@dataclass
class Outcome:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_edited: list[str] = field(default_factory=list)  # the user edited it: left alone
    conflicts: list[str] = field(default_factory=list)  # exists and was never ours: left alone
    removed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # in the manifest, gone from disk
    diffs: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items()}


@dataclass
class Manifest:
    path: Path
    base: Path
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    installs: list[InstallSpec] = field(default_factory=list)
    hooks: dict[str, dict[str, Any]] = field(default_factory=dict)  # "claude" / "git" -> what was installed

    def key(self, path: Path) -> str:
        try:
            return path.relative_to(self.base).as_posix()
        except ValueError:
            return path.as_posix()

    def resolve(self, key: str) -> Path:
        return Path(key) if os.path.isabs(key) else self.base / key

    def add_install(self, spec: InstallSpec) -> None:
        self.installs = [s for s in self.installs if s != spec] + [spec]

    def save(self) -> None:
        if not self.files and not self.installs and not self.hooks:
            self.path.unlink(missing_ok=True)
            return
        data = {
            "schema": SCHEMA,
            "ygs_version": __version__,
            "installs": [s.to_json() for s in self.installs],
            "files": dict(sorted(self.files.items())),
        }
        if self.hooks:
            data["hooks"] = dict(sorted(self.hooks.items()))
        _atomic_write(self.path, (json.dumps(data, indent=2) + "\n").encode())


def manifest_for(scope: str, root: Path) -> Manifest:
    if scope == "user":
        path, base = user_config_dir() / "manifest.json", Path.home()
    else:
        path, base = root / ".ygs" / "manifest.json", root
    if not path.is_file():
        return Manifest(path=path, base=base)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        installs = [InstallSpec(**spec) for spec in data.get("installs", [])]
        hooks = {str(k): dict(v) for k, v in data.get("hooks", {}).items()}
        return Manifest(path=path, base=base, files=dict(data["files"]), installs=installs, hooks=hooks)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise YgsError(f"{path} is corrupt ({exc}); delete it and run `ygs install` again") from None


def target_dir(spec: InstallSpec, target: agents.Target, scope: str, root: Path) -> Path:
    if spec.dir:
        return Path(spec.dir)
    if scope == "user":
        if target.user_dir is None:
            raise YgsError(f"{target.title} has no user scope; use --scope project or --dir PATH")
        return Path.home() / target.user_dir
    if target.project_dir is None:
        raise YgsError(f"{target.title} needs --dir PATH")
    return root / target.project_dir


def plan(spec: InstallSpec, scope: str, root: Path, config: Config) -> list[Planned]:
    """Every file one install spec writes, rendered for the project's config."""
    target = agents.TARGETS[spec.agent]
    if spec.plugin:
        outputs = [(agents.CLAUDE_PLUGIN, Path(spec.dir or root / "ygs-claude-plugin"))]
    else:
        outputs = [(target, target_dir(spec, target, scope, root))]
        if spec.commands and spec.agent == "copilot":
            prompts = agents.COPILOT_PROMPTS
            outputs.append((prompts, target_dir(InstallSpec(spec.agent), prompts, scope, root)))
    sources = catalog(root).values()
    planned = [
        Planned(base / rel, content.encode("utf-8"), spec.agent, source.name)
        for output, base in outputs
        for source in sources
        for rel, content in [agents.render_for(output, source, config)]
    ]
    if spec.plugin:
        manifest_path = outputs[0][1] / ".claude-plugin" / "plugin.json"
        planned.append(Planned(manifest_path, agents.plugin_manifest().encode(), spec.agent))
    return planned


def sync(
    manifest: Manifest,
    planned: list[Planned],
    agent_names: set[str],
    force: bool = False,
    dry_run: bool = False,
    show_diff: bool = False,
) -> Outcome:
    """Bring the files of `agent_names` in line with `planned`, never clobbering a user's edit."""
    outcome, writes = _classify(manifest, planned, force, show_diff)
    wanted = {manifest.key(p.path) for p in planned}
    stale = [k for k, e in manifest.files.items() if e.get("agent") in agent_names and k not in wanted]
    if dry_run or show_diff:
        _preview_stale(manifest, stale, outcome)
        return outcome
    _preflight(writes)
    with _Transaction() as tx:
        for item in writes:
            tx.write(item.path, item.content)
    owned = set(outcome.written) | set(outcome.unchanged)
    manifest.files.update({manifest.key(i.path): {"sha256": _sha(i.content), "agent": i.agent, "skill": i.skill}
                           for i in planned if manifest.key(i.path) in owned})
    _remove_stale(manifest, stale, outcome)
    return outcome


def _classify(manifest: Manifest, planned: list[Planned], force: bool, show_diff: bool) -> tuple[Outcome, list[Planned]]:
    """What would happen to each planned file, and which ones to write."""
    outcome = Outcome()
    writes: list[Planned] = []
    for item in planned:
        key = manifest.key(item.path)
        action = _decide(item, manifest.files.get(key), force)
        getattr(outcome, action).append(key)
        if action == "written":
            writes.append(item)
        if show_diff and action in ("written", "kept_edited", "conflicts"):
            outcome.diffs.append(_diff(item.path, item.content, key))
    return outcome, writes


def _decide(item: Planned, entry: dict[str, Any] | None, force: bool) -> str:
    if not item.path.exists() and not item.path.is_symlink():
        return "written"
    current = _sha(item.path.read_bytes()) if item.path.is_file() else None
    if current == _sha(item.content):
        return "unchanged"
    if entry is not None and current == entry["sha256"]:
        return "written"
    if force:
        return "written"
    return "kept_edited" if entry is not None else "conflicts"


def uninstall(manifest: Manifest, agent_names: set[str] | None, dry_run: bool = False) -> Outcome:
    outcome = Outcome()
    keys = [k for k, e in manifest.files.items() if agent_names is None or e.get("agent") in agent_names]
    if dry_run:
        _preview_stale(manifest, keys, outcome)
        return outcome
    _remove_stale(manifest, keys, outcome)
    manifest.installs = [s for s in manifest.installs if agent_names is not None and s.agent not in agent_names]
    return outcome


def _preview_stale(manifest: Manifest, keys: list[str], outcome: Outcome) -> None:
    for key in keys:
        path = manifest.resolve(key)
        if not path.is_file():
            outcome.missing.append(key)
        elif _sha(path.read_bytes()) == manifest.files[key]["sha256"]:
            outcome.removed.append(key)
        else:
            outcome.kept_edited.append(key)


def _remove_stale(manifest: Manifest, keys: list[str], outcome: Outcome) -> None:
    for key in keys:
        path = manifest.resolve(key)
        entry = manifest.files.pop(key)
        if not path.is_file():
            outcome.missing.append(key)
        elif _sha(path.read_bytes()) == entry["sha256"]:
            path.unlink()
            _prune_empty_dirs(path.parent, manifest.base)
            outcome.removed.append(key)
        else:
            outcome.kept_edited.append(key)


def _prune_empty_dirs(directory: Path, stop: Path) -> None:
    while directory != stop and stop in directory.parents:
        try:
            directory.rmdir()
        except OSError:
            return
        directory = directory.parent


def _diff(path: Path, new: bytes, label: str) -> str:
    old = path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True) if path.is_file() else []
    lines = difflib.unified_diff(old, new.decode("utf-8").splitlines(keepends=True), f"a/{label}", f"b/{label}")
    return "".join(lines)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _preflight(writes: list[Planned]) -> None:
    """Fail before writing anything when a target directory cannot be written."""
    checked: set[Path] = set()
    for item in writes:
        ancestor = item.path.parent
        while not ancestor.exists():
            ancestor = ancestor.parent
        if ancestor in checked:
            continue
        checked.add(ancestor)
        if not ancestor.is_dir() or not os.access(ancestor, os.W_OK | os.X_OK):
            raise YgsError(f"cannot write to {ancestor}: permission denied or not a directory; nothing was written")


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class _Transaction:
    """Atomic writes that are undone together if any of them fails."""

    def __init__(self) -> None:
        self._undo: list[tuple[Path, bytes | None]] = []

    def write(self, path: Path, data: bytes) -> None:
        previous = path.read_bytes() if path.is_file() else None
        try:
            _atomic_write(path, data)
        except OSError as exc:
            raise YgsError(f"cannot write {path}: {exc.strerror or exc}; nothing was changed") from None
        self._undo.append((path, previous))

    def __enter__(self) -> _Transaction:
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        if exc_type is None:
            return
        for path, previous in reversed(self._undo):
            if previous is None:
                path.unlink(missing_ok=True)
            else:
                _atomic_write(path, previous)
