"""`ygs new KIND "TITLE"`: create a document from its template and print its path."""

from __future__ import annotations

from pathlib import Path

import click

from ygs import config as cfg
from ygs.output import emit_json
from ygs.specs import new as core
from ygs.specs.kinds import NAMES
from ygs.specs.markdown import display_path


@click.command()
@click.argument("kind", type=click.Choice(NAMES), metavar="KIND")
@click.argument("title")
@click.option("--dir", "folder", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Create it in this folder instead of the kind's default (docs/prd/, docs/tasks/, …).")
@click.option("--force", is_flag=True, help="Overwrite an existing file of the same name.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def new(kind: str, title: str, folder: Path | None, force: bool, as_json: bool) -> None:
    """Create a KIND document titled TITLE from its template and print its path.

    \b
    KIND: prd, trd, design-doc, threat-model, adr, task, spike, retro.
    ADRs and tasks are numbered: docs/adr/ADR-0001-<slug>.md, docs/tasks/T-001-<slug>.md.
    Templates: .ygs/templates/<kind>.md, then your user config's templates/, then ygs's own.
    """
    created = core.create(kind, title, cfg.project_root(), folder, force)
    if as_json:
        emit_json(created.to_json())
        return
    click.echo(display_path(created.path))
