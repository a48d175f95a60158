"""`ygs validate [PATHS…]`: check PRDs, TRDs, design docs, threat models, ADRs, tasks, spikes and retros."""

from __future__ import annotations

from pathlib import Path

import click

from ygs import config as cfg
from ygs.errors import EXIT_FAIL
from ygs.output import emit_json
from ygs.specs import validate as core
from ygs.specs.kinds import NAMES
from ygs.specs.model import Context, Issue


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--kind", type=click.Choice(NAMES), default=None,
              help="Treat every document as this kind (default: from its heading, file name or folder).")
@click.option("--prd", "prd_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The PRD that a TRD or design doc traces (default: found next to it or in docs/prd/).")
@click.option("--strict", is_flag=True, help="Warnings fail too.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def validate(ctx: click.Context, paths: tuple[Path, ...], kind: str | None, prd_file: Path | None, strict: bool,
             as_json: bool) -> None:
    """Check documents against their kind's rules; report issues with file:line, rule and a fix
    (shown once per rule; --json has it on every issue).

    \b
    PATHS: files or folders (every Markdown document in them); default: the
    docs/prd, docs/trd, docs/design, docs/threat-models, docs/adr, docs/tasks,
    docs/spikes and docs/retros folders that exist.
    Exit 0 valid, 1 invalid, 2 usage error.
    """
    root = cfg.project_root()
    if prd_file is not None and not prd_file.is_file():
        raise click.BadParameter(f"no such file: {prd_file}", param_hint="--prd")
    context = Context(root=root, config=cfg.load(root), prd=prd_file.resolve() if prd_file else None)
    targets = list(paths) or core.default_paths(root)
    result = core.validate(targets, context, kind, strict)
    if as_json:
        emit_json(result.to_json())
    else:
        _print(result, bool(targets))
    if not result.valid:
        ctx.exit(EXIT_FAIL)


def _print(result: core.Result, had_targets: bool) -> None:
    hinted: set[str] = set()
    for issue in result.issues:
        click.echo(_line(issue))
        if issue.hint and issue.rule not in hinted:
            click.echo(f"    fix: {issue.hint}")
            hinted.add(issue.rule)
    if not had_targets:
        click.echo("nothing to validate: no docs/ folders of known kinds (pass files or folders)")
        return
    verdict = "valid" if result.valid else "invalid" + (" (--strict: warnings fail)" if result.strict else "")
    click.echo(f"{len(result.files)} document(s): {result.count('error')} error(s), "
               f"{result.count('warning')} warning(s) -> {verdict}")


def _line(issue: Issue) -> str:
    return f"{issue.file}:{issue.line}: {issue.level} [{issue.rule}] {issue.message}"
