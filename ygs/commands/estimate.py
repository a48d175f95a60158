"""`ygs estimate`: PERT from three numbers or from task files, with ranges and calendar time."""

from __future__ import annotations

from pathlib import Path

import click

from ygs import config as cfg
from ygs.errors import EXIT_FAIL, YgsError
from ygs.output import emit_json, table
from ygs.specs import estimate as core
from ygs.specs.kinds import KINDS


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--best", type=float, default=None, help="Best case, hours.")
@click.option("--likely", type=float, default=None, help="Most likely case, hours.")
@click.option("--worst", type=float, default=None, help="Worst plausible case, hours.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def estimate(ctx: click.Context, paths: tuple[Path, ...], best: float | None, likely: float | None,
             worst: float | None, as_json: bool) -> None:
    """PERT estimate: E = (B + 4M + W) / 6, σ = (W − B) / 6, ranges, and calendar time.

    \b
    ygs estimate --best 2 --likely 4 --worst 12     one estimate
    ygs estimate docs/tasks/                          totals over task files
    Task files carry `- **Estimate (hours):** B / M / W`. Without arguments: docs/tasks/.
    Exit 1 when a task file has no usable estimate.
    """
    root = cfg.project_root()
    config = cfg.load(root).estimate
    numbers = (best, likely, worst)
    if any(n is not None for n in numbers):
        result = core.from_numbers(*_checked(numbers, paths), config)
    else:
        targets = list(paths) or [_default_folder(root)]
        result = core.from_tasks(targets, config)
        if not result.items and not result.skipped:
            raise YgsError(f"no task files in {', '.join(str(t) for t in targets)}")
    if as_json:
        emit_json(result.to_json())
    else:
        _print(result)
    if result.skipped:
        ctx.exit(EXIT_FAIL)


def _checked(numbers: tuple[float | None, ...], paths: tuple[Path, ...]) -> tuple[float, float, float]:
    if paths:
        raise click.UsageError("give either --best/--likely/--worst or task files, not both")
    if any(n is None for n in numbers):
        raise click.UsageError("--best, --likely and --worst go together")
    best, likely, worst = (float(n) for n in numbers if n is not None)
    if not 0 <= best <= likely <= worst:
        raise click.UsageError("need 0 <= best <= likely <= worst")
    return best, likely, worst


def _default_folder(root: Path) -> Path:
    folder = root / KINDS["task"].directory
    if not folder.is_dir():
        raise click.UsageError(f"no {KINDS['task'].directory}/ folder: pass task files or --best/--likely/--worst")
    return folder


def _print(result: core.Estimate) -> None:
    if result.from_tasks:
        _print_tasks(result)
    low68, high68 = result.interval(1)
    low95, high95 = result.interval(2)
    share = result.config.feature_share
    click.echo(f"expected: {result.expected:.1f} h (σ {result.sigma:.1f} h)")
    click.echo(f"  ~68 %: {low68:.1f} – {high68:.1f} h")
    click.echo(f"  ~95 %: {low95:.1f} – {high95:.1f} h")
    cal_low, cal_high = result.calendar(low95), result.calendar(high95)
    click.echo(f"calendar at {share:.0%} feature work: {result.calendar(result.expected):.1f} h "
               f"(~95 %: {cal_low:.1f} – {cal_high:.1f} h, {cal_low / core.HOURS_PER_DAY:.1f} – "
               f"{cal_high / core.HOURS_PER_DAY:.1f} person-days of {core.HOURS_PER_DAY} h)")
    _print_warnings(result)


def _print_tasks(result: core.Estimate) -> None:
    rows = [(i.id, i.title[:40], f"{i.pert.best:g}", f"{i.pert.likely:g}", f"{i.pert.worst:g}",
             f"{i.pert.expected:.1f}", f"{i.pert.sigma:.1f}") for i in result.items]
    if rows:
        click.echo(table(rows, ("ID", "TASK", "BEST", "LIKELY", "WORST", "E", "σ")))
    click.echo(f"{len(result.items)} task(s)")


def _print_warnings(result: core.Estimate) -> None:
    multiplier = f"{result.config.coding_only_multiplier:g}"
    for file, reason in result.skipped:
        click.echo(f"error: {file}: {reason} (not counted; `ygs validate {file}` shows how to fix it)")
    if result.uncovered:
        click.echo(f"warning: no task covers {', '.join(result.uncovered)} work; an estimate without it is "
                   f"coding only: add tasks for it, or multiply by {multiplier}")
    elif not result.from_tasks:
        click.echo(f"note: if this covers coding only, multiply by {multiplier} (tests, deploy, observability, "
                   "runbooks, migrations and docs are part of the job)")
