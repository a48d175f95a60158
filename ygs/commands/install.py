"""`ygs install`, `ygs upgrade`, `ygs uninstall`."""

from __future__ import annotations

from pathlib import Path

import click

from ygs import agents as agent_targets
from ygs import config as cfg
from ygs import git
from ygs.guard import hooks as hooks_core
from ygs import install as core
from ygs.errors import YgsError
from ygs.output import emit_json

SCOPES = click.Choice(["project", "user"])


def _report(outcome: core.Outcome, dry_run: bool, uninstalling: bool = False) -> None:
    if uninstalling:
        click.echo(f"{'would remove' if dry_run else 'removed'} {len(outcome.removed)} file(s)")
    else:
        verb = "would write" if dry_run else "wrote"
        click.echo(f"{verb} {len(outcome.written)} file(s), {len(outcome.unchanged)} already up to date")
    sections = [
        (outcome.kept_edited, "kept {n} file(s) you edited (--force overwrites, `ygs upgrade --diff` shows changes):"),
        (outcome.conflicts, "left {n} file(s) that ygs did not write (--force overwrites):"),
        (outcome.removed if not uninstalling else [],
         ("would remove" if dry_run else "removed") + " {n} file(s) ygs no longer ships:"),
        (outcome.missing, "{n} recorded file(s) were already gone:"),
    ]
    for paths, title in sections:
        if paths:
            click.echo(title.format(n=len(paths)))
            for path in paths:
                click.echo(f"  {path}")


def _how_to_invoke(specs: list[core.InstallSpec]) -> None:
    click.echo("\nHow to invoke a skill:")
    for spec in specs:
        target = agent_targets.CLAUDE_PLUGIN if spec.plugin else agent_targets.TARGETS[spec.agent]
        click.echo(f"  {target.title:<28} {agent_targets.invocation(target)}")
        if target.note:
            click.echo(f"  {'':<28} {target.note}")


@click.command()
@click.option("--agent", "agent_list", default=None, metavar="A[,B…|all]",
              help="Agents to install for: claude, codex, cursor, copilot, gemini, opencode, qwen, kiro, "
                   "generic, or all. Optional with --git-hooks.")
@click.option("--scope", type=SCOPES, default="project", show_default=True,
              help="project: into this repository; user: into your home directory for every project.")
@click.option("--dir", "directory", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Install into this directory instead (required for generic; the plugin dir with --plugin).")
@click.option("--commands", is_flag=True, help="copilot: also write .github/prompts/ygs-*.prompt.md.")
@click.option("--plugin", is_flag=True, help="claude: emit a Claude Code plugin (.claude-plugin/plugin.json + skills/).")
@click.option("--hooks", is_flag=True,
              help="claude: also merge the guard hooks (PreToolUse + Stop) into .claude/settings.json.")
@click.option("--git-hooks", is_flag=True,
              help="Install a git pre-commit hook that runs the guard (for agents without hooks).")
@click.option("--hooks-command", default=hooks_core.DEFAULT_PREFIX, show_default=True, metavar="CMD",
              help="How the hooks call ygs (e.g. 'uvx ygs'); ygs must be on PATH by default.")
@click.option("--force", is_flag=True, help="Overwrite files you edited or that ygs did not write; chain a "
                                            "foreign pre-commit hook.")
@click.option("--dry-run", is_flag=True, help="Show what would be written; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def install(agent_list: str | None, scope: str, directory: Path | None, commands: bool, plugin: bool, hooks: bool,
            git_hooks: bool, hooks_command: str, force: bool, dry_run: bool, as_json: bool) -> None:
    """Install the skills into one or more coding agents (and, optionally, the guard hooks).

    \b
    Examples:
      ygs install --agent claude
      ygs install --agent claude --hooks      skills + Claude Code guard hooks
      ygs install --git-hooks                 git pre-commit guard, for any agent
      ygs install --agent claude,codex,gemini
      ygs install --agent all --dry-run
      ygs install --agent generic --dir docs/agent-skills
      ygs install --agent claude --plugin --dir dist/ygs-plugin

    Re-running is safe: unchanged files are skipped, files you edited are kept.
    """
    if not agent_list and not git_hooks:
        raise YgsError("--agent is required (or --git-hooks to install only the git pre-commit guard)")
    targets = agent_targets.parse_agents(agent_list) if agent_list else []
    if plugin and [t.name for t in targets] != ["claude"]:
        raise YgsError("--plugin applies to --agent claude only")
    _check_hook_flags(targets, scope, hooks, git_hooks, plugin)
    root = cfg.project_root()
    config = cfg.load(root)
    absolute = str(directory.resolve()) if directory else None
    specs = [core.InstallSpec(t.name, absolute, commands and t.name == "copilot", plugin) for t in targets]
    manifest = core.manifest_for(scope, root)
    hook_report = _install_hooks(manifest, root, hooks, git_hooks, hooks_command, force, dry_run)
    planned = [item for spec in specs for item in core.plan(spec, scope, root, config)]
    outcome = core.sync(manifest, planned, set(), force=force, dry_run=dry_run)
    if not dry_run:
        for spec in specs:
            manifest.add_install(spec)
        manifest.save()
    _report_install(manifest, specs, outcome, hook_report, dry_run, as_json)


def _report_install(manifest: core.Manifest, specs: list[core.InstallSpec], outcome: core.Outcome, hook_report: dict,
                    dry_run: bool, as_json: bool) -> None:
    if as_json:
        emit_json({"manifest": str(manifest.path), "dry_run": dry_run, **outcome.to_json(), "hooks": hook_report,
                   "invoke": {s.agent: agent_targets.invocation(agent_targets.TARGETS[s.agent]) for s in specs}})
        return
    if specs:
        _report(outcome, dry_run)
    _report_hooks(hook_report, dry_run)
    if not dry_run:
        click.echo(f"manifest: {manifest.path}")
        if specs:
            _how_to_invoke(specs)


def _check_hook_flags(targets: list[agent_targets.Target], scope: str, hooks: bool, git_hooks: bool,
                      plugin: bool) -> None:
    if hooks and "claude" not in {t.name for t in targets}:
        raise YgsError("--hooks installs Claude Code hooks: use it with --agent claude "
                       "(for other agents, --git-hooks installs a git pre-commit guard)")
    if hooks and plugin:
        raise YgsError("--hooks writes the project's .claude/settings.json; it does not combine with --plugin")
    if (hooks or git_hooks) and scope != "project":
        raise YgsError("the guard hooks are installed per repository: use --scope project")


def _install_hooks(manifest: core.Manifest, root: Path, hooks: bool, git_hooks: bool, prefix: str, force: bool,
                   dry_run: bool) -> dict:
    """Install the requested hooks (each refuses before writing anything) and record them."""
    done: dict = {}
    if git_hooks:
        git.toplevel(root)
        outcome, record = hooks_core.install_git(root, force=force, prefix=prefix, dry_run=dry_run)
        done["git"] = outcome.to_json()
        if not dry_run:
            manifest.hooks["git"] = record
    if hooks:
        outcome, record = hooks_core.install_claude(root, prefix=prefix, dry_run=dry_run)
        done["claude"] = outcome.to_json()
        if not dry_run:
            manifest.hooks["claude"] = record
    return done


def _report_hooks(report: dict, dry_run: bool, uninstalling: bool = False) -> None:
    titles = {"claude": f"Claude Code hooks ({hooks_core.SETTINGS.as_posix()})", "git": "git pre-commit hook"}
    for name, outcome in report.items():
        if uninstalling:
            verb = "would remove" if dry_run else "removed"
            parts = [f"{verb} {', '.join(outcome['removed'])}" if outcome["removed"] else "nothing of ours to remove"]
        else:
            verb = "would add" if dry_run else "added"
            parts = [f"{verb} {', '.join(outcome['added'])}" if outcome["added"] else "",
                     f"already installed: {', '.join(outcome['unchanged'])}" if outcome["unchanged"] else ""]
        click.echo(f"{titles[name]}: {'; '.join(p for p in parts if p)}")
        for note in outcome["notes"]:
            click.echo(f"  {note}")
    if report and not uninstalling:
        click.echo("  the hooks call `ygs`: it must be on PATH wherever the agent or git runs "
                   "(or install with --hooks-command)")


@click.command()
@click.option("--scope", type=SCOPES, default="project", show_default=True)
@click.option("--force", is_flag=True, help="Also overwrite files you edited.")
@click.option("--diff", "show_diff", is_flag=True, help="Show what would change; write nothing.")
@click.option("--dry-run", is_flag=True, help="List what would change; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def upgrade(scope: str, force: bool, show_diff: bool, dry_run: bool, as_json: bool) -> None:
    """Re-render installed skills with this ygs version and the current config.

    Only files whose content is still exactly what ygs wrote are rewritten; a file you edited is left
    alone and reported (--force overwrites it, --diff shows the difference first).
    """
    root = cfg.project_root()
    config = cfg.load(root)
    manifest = core.manifest_for(scope, root)
    if not manifest.installs:
        click.echo(f"nothing to upgrade: no ygs install recorded in {manifest.path}")
        return
    planned = [item for spec in manifest.installs for item in core.plan(spec, scope, root, config)]
    agents_done = {spec.agent for spec in manifest.installs}
    outcome = core.sync(manifest, planned, agents_done, force=force, dry_run=dry_run, show_diff=show_diff)
    if not (dry_run or show_diff):
        manifest.save()
    if as_json:
        emit_json({"manifest": str(manifest.path), **outcome.to_json()})
        return
    for diff in outcome.diffs:
        click.echo(diff, nl=False)
    _report(outcome, dry_run or show_diff)


@click.command()
@click.option("--agent", "agent_list", default=None, metavar="A[,B…|all]",
              help="Only these agents (default: everything ygs installed).")
@click.option("--scope", type=SCOPES, default="project", show_default=True)
@click.option("--dry-run", is_flag=True, help="List what would be removed; remove nothing.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def uninstall(agent_list: str | None, scope: str, dry_run: bool, as_json: bool) -> None:
    """Remove the files ygs installed. Files you edited are kept and listed."""
    names = {t.name for t in agent_targets.parse_agents(agent_list)} if agent_list else None
    root = cfg.project_root()
    manifest = core.manifest_for(scope, root)
    outcome = core.uninstall(manifest, names, dry_run=dry_run)
    hook_report = _uninstall_hooks(manifest, root, names, dry_run) if scope == "project" else {}
    if not dry_run:
        manifest.save()
    if as_json:
        emit_json({"manifest": str(manifest.path), **outcome.to_json(), "hooks": hook_report})
        return
    _report(outcome, dry_run, uninstalling=True)
    _report_hooks(hook_report, dry_run, uninstalling=True)


def _uninstall_hooks(manifest: core.Manifest, root: Path, names: set[str] | None, dry_run: bool) -> dict:
    """Remove only our hook entries: Claude's by exact command, git's by the marker line."""
    done: dict = {}
    if names is None or "claude" in names:
        try:
            outcome = hooks_core.uninstall_claude(root, manifest.hooks.get("claude"), dry_run=dry_run)
        except YgsError as exc:  # a broken settings.json must not stop the rest of the uninstall
            outcome = hooks_core.HookOutcome(notes=[f"left untouched: {exc.message}"])
        if outcome.removed or outcome.notes or "claude" in manifest.hooks:
            done["claude"] = outcome.to_json()
        if not dry_run:
            manifest.hooks.pop("claude", None)
    if names is None:
        outcome = hooks_core.uninstall_git(root, dry_run=dry_run)
        if outcome.removed or outcome.notes or "git" in manifest.hooks:
            done["git"] = outcome.to_json()
        if not dry_run:
            manifest.hooks.pop("git", None)
    return done
