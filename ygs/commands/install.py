"""`ygs install`, `ygs upgrade`, `ygs uninstall`."""

from __future__ import annotations

from pathlib import Path

import click

from ygs import agents as agent_targets
from ygs import config as cfg
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
@click.option("--agent", "agent_list", required=True, metavar="A[,B…|all]",
              help="Agents to install for: claude, codex, cursor, copilot, gemini, opencode, qwen, kiro, "
                   "generic, or all.")
@click.option("--scope", type=SCOPES, default="project", show_default=True,
              help="project: into this repository; user: into your home directory for every project.")
@click.option("--dir", "directory", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Install into this directory instead (required for generic; the plugin dir with --plugin).")
@click.option("--commands", is_flag=True, help="copilot: also write .github/prompts/ygs-*.prompt.md.")
@click.option("--plugin", is_flag=True, help="claude: emit a Claude Code plugin (.claude-plugin/plugin.json + skills/).")
@click.option("--force", is_flag=True, help="Overwrite files you edited or that ygs did not write.")
@click.option("--dry-run", is_flag=True, help="Show what would be written; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def install(agent_list: str, scope: str, directory: Path | None, commands: bool, plugin: bool, force: bool,
            dry_run: bool, as_json: bool) -> None:
    """Install the skills into one or more coding agents.

    \b
    Examples:
      ygs install --agent claude
      ygs install --agent claude,codex,gemini
      ygs install --agent all --dry-run
      ygs install --agent generic --dir docs/agent-skills
      ygs install --agent claude --plugin --dir dist/ygs-plugin

    Re-running is safe: unchanged files are skipped, files you edited are kept.
    """
    targets = agent_targets.parse_agents(agent_list)
    if plugin and [t.name for t in targets] != ["claude"]:
        raise YgsError("--plugin applies to --agent claude only")
    root = cfg.project_root()
    config = cfg.load(root)
    absolute = str(directory.resolve()) if directory else None
    specs = [core.InstallSpec(t.name, absolute, commands and t.name == "copilot", plugin) for t in targets]
    manifest = core.manifest_for(scope, root)
    planned = [item for spec in specs for item in core.plan(spec, scope, root, config)]
    outcome = core.sync(manifest, planned, set(), force=force, dry_run=dry_run)
    if not dry_run:
        for spec in specs:
            manifest.add_install(spec)
        manifest.save()
    if as_json:
        emit_json({"manifest": str(manifest.path), "dry_run": dry_run, **outcome.to_json(),
                   "invoke": {s.agent: agent_targets.invocation(agent_targets.TARGETS[s.agent]) for s in specs}})
        return
    _report(outcome, dry_run)
    if not dry_run:
        click.echo(f"manifest: {manifest.path}")
        _how_to_invoke(specs)


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
    if not dry_run:
        manifest.save()
    if as_json:
        emit_json({"manifest": str(manifest.path), **outcome.to_json()})
        return
    _report(outcome, dry_run, uninstalling=True)
