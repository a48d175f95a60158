"""`ygs publish --report`: publish a stored `ygs review --format json` report to its pull request."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ygs.review.model import FAIL_LEVELS


@click.command()
@click.option("--report", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The JSON report of `ygs review --format json` (e.g. downloaded from the pull request's run).")
@click.option("--pr", type=click.IntRange(min=1), default=None,
              help="The pull request. Default: the one the event names (for a fork's, which workflow_run does "
                   "not list: the open pull request of its owner:branch at that commit). Verified: its head must "
                   "be the commit the report is of.")
@click.option("--fail-level", type=click.Choice(FAIL_LEVELS), default=None,
              help="Lowest severity that blocks. Default: [tool.ygs.review] fail_level of the checkout ygs runs "
                   "in (the trusted side), else MUST. The report's own fail level and verdict are not trusted.")
def publish(report: Path, pr: int | None, fail_level: str | None) -> None:
    """Publish a stored review report to its pull request (inside GitHub Actions).

    For pull requests from forks: their `pull_request` run (read-only token) runs
    `ygs review --format json -o report.json` and uploads it; a `workflow_run` workflow (write token)
    downloads it and runs this. The report must be of the pull request's head commit
    (workflow_run.head_sha, which must still be the head); its verdict is recomputed from its findings.
    Publishes what `ygs review --publish github` does: check run (or commit status), summary comment,
    inline comments, step summary.

    \b
    Examples:
      ygs publish --report report.json
      ygs publish --report report.json --pr 42 --fail-level MUST

    \b
    Exit codes: the recomputed verdict's (0 pass, 1 blocked, 2 error); 2 when the report is refused
    (malformed, another commit, not the pull request's head) or the event cannot be published to.
    """
    from ygs.github import stored

    result = stored.publish(report, pr=pr, fail_level=fail_level)
    click.echo(f"ygs publish: {result.verdict} ({len(result.blocking)} blocking, {len(result.findings)} findings) "
               f"published from {report}", err=True)
    sys.exit(result.exit_code)
