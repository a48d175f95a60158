"""`ygs ship`: the pre-merge checks (tests, diff hygiene, version, changelog, review), with evidence."""

from __future__ import annotations

import click

from ygs import config as cfg
from ygs import git
from ygs.errors import EXIT_FAIL
from ygs.guard import ledger
from ygs.output import emit_json
from ygs.specs import ship as core


@click.command()
@click.option("--base", "base_ref", default=None, metavar="REF",
              help="Compare against REF (default: the merge-base with origin/HEAD, else main, else master).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def ship(ctx: click.Context, base_ref: str | None, as_json: bool) -> None:
    """Run the release checks on the work tree against the base; exit 1 if any fails.

    \b
    tests      the test command passes ([tool.ygs] test_command, or detected)
    hygiene    no debug code, .env or key files, build artifacts in the diff
    version    source changed -> version bumped (pyproject.toml, package.json,
               Cargo.toml, VERSION), with a suggested bump from the commits
    changelog  source changed -> CHANGELOG.md updated
    review     `ygs review` verdict is pass (deterministic passes only)
    """
    root = git.toplevel()
    result = core.ship(root, cfg.load(root), base_ref)
    ledger.record(root, {"event": "ship", "verdict": "pass" if result.ok else "fail",
                         "base": result.base.get("sha"), "failed": result.failed,
                         "checks": {check.name: check.status for check in result.checks}})
    if as_json:
        emit_json(result.to_json())
    else:
        _print(result)
    if not result.ok:
        ctx.exit(EXIT_FAIL)


def _print(result: core.ShipResult) -> None:
    base = result.base
    click.echo(f"base: {base.get('ref') or '(none)'} {base.get('sha', '')[:12]} ({base.get('how', '')})")
    for check in result.checks:
        click.echo(f"{check.status.upper():<5} {check.name:<10} {check.summary}")
        for line in check.details:
            click.echo(f"      {line}")
        if check.hint and check.status == core.FAIL:
            click.echo(f"      fix: {check.hint}")
    if result.ok:
        click.echo("ship: all checks passed")
    else:
        click.echo(f"ship: {len(result.failed)} check(s) failed: {', '.join(result.failed)}")
