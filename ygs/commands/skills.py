"""`ygs skills list|show` and `ygs agents`."""

from __future__ import annotations

import click

from ygs import agents as agent_targets
from ygs import config as cfg
from ygs.output import emit_json, table
from ygs.skills import catalog, lookup, render


@click.group()
def skills() -> None:
    """The SDLC skill catalog (built-in, plus .ygs/skills overrides)."""


@skills.command("list")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def list_skills(as_json: bool) -> None:
    """List every skill with its phase, model tier and origin."""
    root = cfg.project_root()
    config = cfg.load(root)
    rows = []
    for source in catalog(root).values():
        skill = render(source, config)
        rows.append({
            "name": skill.name,
            "phase": skill.metadata.get("phase", ""),
            "model_tier": skill.metadata.get("model-tier", ""),
            "origin": skill.origin,
            "description": skill.description,
            "path": str(source.path),
        })
    if as_json:
        emit_json(rows)
        return
    click.echo(table([(r["name"], r["phase"], r["model_tier"], r["origin"]) for r in rows],
                     ("NAME", "PHASE", "MODEL", "ORIGIN")))
    click.echo(f"\n{len(rows)} skills. `ygs skills show NAME` prints one, rendered for this project.")


@skills.command("show")
@click.argument("name")
@click.option("--agent", default=None, metavar="AGENT",
              help="Render in that agent's native format (claude, gemini, …); default: SKILL.md.")
def show(name: str, agent: str | None) -> None:
    """Print skill NAME (e.g. ygs-implement or implement) rendered with this project's config."""
    root = cfg.project_root()
    config = cfg.load(root)
    source = lookup(name, root)
    if agent is None:
        click.echo(render(source, config).text, nl=False)
        return
    target = agent_targets.parse_agents(agent)[0]
    click.echo(agent_targets.render_for(target, source, config)[1], nl=False)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def agents(as_json: bool) -> None:
    """The agent targets: where skills go and how to invoke one there."""
    rows = [
        {
            "agent": t.name,
            "title": t.title,
            "format": t.format,
            "project_path": f"{t.project_dir}/{t.filename}" if t.project_dir else f"--dir/{t.filename}",
            "user_path": f"~/{t.user_dir}/{t.filename}" if t.user_dir else None,
            "invoke": agent_targets.invocation(t),
            "note": t.note,
        }
        for t in agent_targets.TARGETS.values()
    ]
    if as_json:
        emit_json(rows)
        return
    click.echo(table([(r["agent"], r["project_path"], r["user_path"] or "-", r["invoke"]) for r in rows],
                     ("AGENT", "PROJECT PATH", "USER PATH", "INVOKE")))
    click.echo("\nInstall with `ygs install --agent NAME[,NAME…|all]`.")
