"""`ygs review`: the review gate on a diff."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import click

from ygs import config as cfg
from ygs import diff, git, proc
from ygs.guard import ledger
from ygs.guard import plan as planfile
from ygs.errors import EXIT_ERROR, YgsError
from ygs.fs import atomic_write
from ygs.review.model import FAIL_LEVELS, FILTERS

FORMATS = ("text", "json", "sarif", "markdown", "github")


class _Review(click.Command):
    """`ygs review`, whose `--format json` is a JSON document on every exit: a review that cannot run (a usage
    error, a YgsError, a bug, Ctrl-C) writes `{"verdict": "error", "errors": [...], "exit_code": N, ...}` where
    the report would have gone (stdout or `--output`), then fails as any command does (one line on stderr)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        requested = list(args)  # the parser consumes `args`
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            fmt, output = _requested(requested)
            if fmt == "json":
                _json_error(exc.format_message(), exc.exit_code, output)
            raise

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (Exception, KeyboardInterrupt) as exc:
            if ctx.params.get("fmt") == "json" and not isinstance(exc, (click.exceptions.Exit, BrokenPipeError)):
                _json_error(*_error_of(exc), ctx.params.get("output"))
            raise


@click.command(cls=_Review)
@click.option("--base", "base_ref", metavar="REF",
              help="Compare against the merge-base with REF. Default: the default branch "
                   "(origin/HEAD, else main, else master).")
@click.option("--head", "head_ref", metavar="REF", help="Review up to this commit (default: HEAD).")
@click.option("--staged", is_flag=True, help="Review the staged changes (the index) instead of a commit.")
@click.option("--worktree", is_flag=True, help="Review the work tree, including untracked files.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Report format. github = workflow annotations + step summary (no API calls).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to FILE instead of stdout.")
@click.option("--fail-level", type=click.Choice(FAIL_LEVELS), default=None,
              help="Lowest severity that blocks (exit 1). Default: [tool.ygs.review] fail_level = MUST.")
@click.option("--filter", "line_filter", type=click.Choice(FILTERS), default=None,
              help="Which findings count: on added lines (default), in diff hunks, anywhere in changed "
                   "files, or everywhere.")
@click.option("--plan", metavar="TASK_OR_LIST",
              help="A task file or a comma-separated list of planned paths/globs: unplanned files are reported.")
@click.option("--policy", "policy", type=click.Choice(["base", "head"]), default="base", show_default=True,
              help="Where the review policy ([tool.ygs.review], [tool.ygs.llm] …) comes from: the trusted side "
                   "(the base commit; HEAD for --staged/--worktree), or the change under review itself "
                   "(head: a maintainer's override, printed in every output).")
@click.option("--no-llm", is_flag=True, help="Deterministic analyzers only, even when ANTHROPIC_API_KEY is set.")
@click.option("--no-cache", is_flag=True, help="Do not reuse cached LLM results (.ygs/cache/).")
@click.option("--fix", "apply_fixes", is_flag=True,
              help="Apply the rules' mechanical fixes (e.g. yaml.load -> yaml.safe_load) to the work tree, where "
                   "the line still reads as reviewed. The exit code is the review's, before the fixes.")
@click.option("--sarif-category", metavar="NAME", default="",
              help="With --format sarif: the analysis this SARIF updates in GitHub code scanning, when one "
                   "repository has several ygs analyses (a monorepo's parts, a matrix): automationDetails.id "
                   "becomes ygs/NAME/ (default: ygs/).")
@click.option("--publish", type=click.Choice(["github"]), default=None,
              help="Also publish to the pull request (inside GitHub Actions): summary comment, inline "
                   "comments, check run. Does not change the verdict or the exit code.")
def review(base_ref: str | None, head_ref: str | None, staged: bool, worktree: bool, fmt: str,
           output: Path | None, fail_level: str | None, line_filter: str | None, plan: str | None,
           policy: str, no_llm: bool, no_cache: bool, apply_fixes: bool, sarif_category: str,
           publish: str | None) -> None:
    """Review a diff: Pass 1 findings block the merge, Pass 2 findings advise.

    Runs semgrep (ygs's own rules), bandit, a secrets detector, hygiene checks, size/scope and function
    length on the changed files, and keeps findings on the lines the change added. Every report carries
    the evidence of what was run and scanned.

    The policy ([tool.ygs.review], [tool.ygs.llm], …) is read from the base commit (HEAD for --staged
    and --worktree), never from the change under review: a change to it is reported as
    gate-policy-changed (MUST when it loosens the gate).

    \b
    Examples:
      ygs review                               # HEAD vs the default branch
      ygs review --base origin/main --format sarif -o ygs.sarif
      ygs review --staged --fail-level SHOULD  # before committing
      ygs review --worktree --format json      # for agents
      ygs review --policy head                 # judge a policy change by its own policy (maintainers)
      ygs review --worktree --fix              # and apply the mechanical fixes the rules know

    \b
    Exit codes: 0 pass, 1 blocked (a finding at or above the fail level),
    2 error (bad arguments, not a git repo, bad ref, an invalid config, an analyzer
    that failed, no analyzer that reads a changed file).
    """
    from ygs.review import gate, progress, reports

    if sum(bool(x) for x in (head_ref, staged, worktree)) > 1:
        raise YgsError("use only one of --head, --staged, --worktree")
    if sarif_category and fmt != "sarif":
        raise YgsError("--sarif-category applies to --format sarif only")
    render = reports.renderer(fmt)
    if fmt == "sarif":
        from ygs.review.reports import sarif

        sarif.automation_id_of(sarif_category)  # a bad category fails before the analyzers run
        render = lambda result: sarif.render(result, sarif_category)  # noqa: E731
    head = diff.INDEX if staged else diff.WORKTREE if worktree else head_ref or "HEAD"
    root = git.toplevel(".")
    started = None
    if publish == "github":
        from ygs import github

        # exit 2 here when the workflow cannot publish; a shallow clone gets the history it needs; the check
        # run shows "in progress"; the event's base commit is the default base (PR or merge queue group)
        started = github.start(root, head=head_ref or "HEAD", base=base_ref)
        base_ref = base_ref or started.context.base_sha
    try:
        with proc.signals_raise(), progress.shown(live=_live_progress(fmt, output)):
            result = gate.review(root, base_ref=base_ref, head=head, policy=policy, fail_level=fail_level,
                                 filter=line_filter, plan=_plan(plan, root), no_llm=no_llm, use_cache=not no_cache)
    except BaseException as exc:
        if started is not None:  # nothing may stay "in progress" on GitHub
            github.abandon(started, _error_of(exc)[0], cancelled=isinstance(exc, proc.Interrupted))
        if not isinstance(exc, proc.Interrupted):
            raise
        stopped = f": stopped {', '.join(exc.stopped)}" if exc.stopped else ""
        message = f"interrupted ({exc.signame}){stopped}; nothing was reported"
        if fmt == "json":
            _json_error(message, exc.exit_code, output)
        click.echo(f"ygs review: {message}", err=True)
        sys.exit(exc.exit_code)
    if publish == "github":
        github.publish(result, result.config or cfg.Config(root=root), root, annotate=fmt != "github",
                       started=started)
    # Non-UTF-8 paths are held as surrogate escapes: write their original bytes back, as git does.
    data = render(result).encode("utf-8", "surrogateescape")
    if output is None:
        click.echo(data, nl=False)
    else:
        atomic_write(output, data)
        click.echo(f"ygs review: {result.verdict} ({len(result.blocking)} blocking, "
                   f"{len(result.findings)} findings); report written to {output}", err=True)
    ledger.record(root, _ledger_entry(result))  # never changes the exit code
    if apply_fixes:
        _apply_fixes(root, result.findings)
    sys.exit(result.exit_code)


def _apply_fixes(root: Path, findings: list[Any]) -> None:
    from ygs.review import fixes

    applied = fixes.apply(root, findings)
    for path, count in applied.fixed.items():
        click.echo(f"ygs review: fixed {count} finding{'s' * (count != 1)} in {path}", err=True)
    if applied.stale:
        click.echo(f"ygs review: not fixed, the line changed since the review: {', '.join(applied.stale)}", err=True)
    if not applied.fixed and not applied.stale:
        click.echo("ygs review: no finding has a mechanical fix", err=True)


def _requested(args: list[str]) -> tuple[str | None, Path | None]:
    """`--format` and `--output` as given on a command line that click could not parse."""
    fmt = output = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        name, eq, value = arg.partition("=")
        following = args[index + 1] if index + 1 < len(args) else None
        if name == "--format":
            fmt = value if eq else following
        elif name == "--output":
            output = value if eq else following
        elif arg.startswith("-o"):
            output = arg[2:] or following
    return fmt, Path(output) if output else None


def _error_of(exc: BaseException) -> tuple[str, int]:
    """The one-line message and exit code the command line reports for `exc` (see ygs/cli.py)."""
    if isinstance(exc, YgsError):
        return exc.message, exc.exit_code
    if isinstance(exc, click.ClickException):
        return exc.format_message(), exc.exit_code
    if isinstance(exc, KeyboardInterrupt):  # proc.Interrupted carries 130 (SIGINT) or 143 (SIGTERM)
        return "interrupted", getattr(exc, "exit_code", 130)
    return f"internal error: {type(exc).__name__}: {exc}", EXIT_ERROR


def _json_error(message: str, exit_code: int, output: Path | None) -> None:
    from ygs.review.reports import json_report

    data = json_report.error_document(message, exit_code)
    if output is not None:
        try:
            atomic_write(output, data.encode("utf-8"))
            return
        except OSError:
            pass  # the report cannot go where it was asked to: stdout still gets it
    click.echo(data, nl=False)


def _live_progress(fmt: str, output: Path | None) -> bool:
    """A live display only for a person at a terminal: stderr is a TTY, and stdout is not a JSON document
    that a program reads."""
    return sys.stderr.isatty() and not (fmt == "json" and output is None)


def _ledger_entry(result: Any) -> dict[str, Any]:
    """The review's decision for the ledger; `evidence_sha256` is over the evidence as canonical JSON
    (sorted keys, no spaces, UTF-8), so a stored report can be matched to its record."""
    evidence = json.dumps(result.evidence, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    policy = result.evidence.get("policy")
    return {
        "event": "review", "run_id": result.run_id, "verdict": result.verdict,
        "base": result.base.get("sha"), "head": result.head.get("sha"), "head_ref": result.head.get("ref"),
        "policy": policy.get("source") if isinstance(policy, dict) else policy,
        "findings": len(result.findings), "blocking": len(result.blocking),
        "evidence_sha256": hashlib.sha256(evidence.encode("utf-8", "surrogateescape")).hexdigest(),
    }


def _plan(value: str | None, root: Path) -> tuple[str, ...] | None:
    if value is None:
        return None
    candidate = Path(value) if Path(value).is_absolute() else root / value
    if candidate.is_file():
        from ygs.guard import task

        return task.parse(candidate, root).planned
    return tuple(planfile.split(root, value))
