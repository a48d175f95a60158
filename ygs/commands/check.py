"""`ygs check`, `ygs checkpoint`, `ygs deviation`."""

from __future__ import annotations

import click

from ygs import config as cfg
from ygs.guard import ledger, plan, snapshot, state, testrun
from ygs.guard import verdict as guard
from ygs.commands.task import log_deviation
from ygs.errors import EXIT_FAIL, EXIT_OK, YgsError
from ygs.output import emit_json


@click.command()
@click.option("--plan", default=None, metavar="A,B…",
              help="Check against these planned files (globs allowed) and HEAD, without an active task.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def check(ctx: click.Context, plan: str | None, as_json: bool) -> None:
    """Compare everything changed since the task's base with its plan.

    Counts committed, staged, unstaged and untracked (not ignored) changes; `.ygs/` never counts.

    \b
    Exit codes: 0 ok, 3 STOP (unplanned files reached [tool.ygs.guard] unplanned_files_stop),
    4 checkpoint due (checkpoint_every_files changed since the last green `ygs checkpoint`).
    A task is judged by the [tool.ygs.guard] numbers frozen at `ygs task start`.
    """
    repo = snapshot.require()
    config = cfg.load(repo.root)
    scope = _scope(repo, plan)
    verdict, stats = guard.inspect(repo, scope, config.guard)
    data = guard.report(verdict, stats, config.sizing)
    ledger.record(repo.root, {"event": "check", "task": scope.key, "base": scope.base, "status": verdict.status,
                              "exit_code": verdict.exit_code, "files": len(verdict.changes),
                              "unplanned": len(verdict.unplanned), "since_checkpoint": len(verdict.since_green)})
    if as_json:
        emit_json(data)
    else:
        click.echo(guard.render(data))
    ctx.exit(verdict.exit_code)


def _scope(repo: snapshot.Repo, plan_list: str | None) -> guard.Scope:
    if plan_list is not None:
        return guard.Scope.ad_hoc(repo.root, plan.split(repo.root, plan_list))
    active = state.load_task(repo.root)
    if active is None:
        raise YgsError("no active task: start one with `ygs task start PATH`, or check ad hoc with "
                       "`ygs check --plan a.py,b.py`")
    return guard.Scope.of_task(active)


@click.command()
@click.option("--timeout", type=click.FloatRange(min=1), default=1800, show_default=True,
              help="Kill the test run after this many seconds (counts as a failure).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def checkpoint(ctx: click.Context, timeout: float, as_json: bool) -> None:
    """Run the tests; a pass is recorded as a green checkpoint in .ygs/state/ledger.jsonl.

    The test command is [tool.ygs] test_command, else detected (pytest, npm test, go test ./...,
    cargo test, make test). Exit 0 green, 1 tests failed (nothing green recorded), 2 no test command.
    """
    repo = snapshot.require()
    command = testrun.detect(repo.root, cfg.load(repo.root))
    active = state.load_task(repo.root)
    scope = guard.Scope.of_task(active) if active else guard.Scope.ad_hoc(repo.root, ())
    blobs, tree = snapshot.changes(repo, scope.base), snapshot.worktree_tree(repo)
    if not as_json:
        click.echo(f"running: {testrun.describe(command)}")
    result = testrun.run(repo.root, command, timeout)
    drift = _drift(blobs, snapshot.changes(repo, scope.base))
    entry = state.append_ledger(repo.root, _entry(scope, repo, command, result, blobs, tree))
    if as_json:
        emit_json({**{k: v for k, v in entry.items() if k != "blobs"}, "tail": result.tail, "changed_during_run": drift})
    else:
        _report(result, entry, drift)
    ctx.exit(EXIT_OK if result.passed else EXIT_FAIL)


def _entry(scope: guard.Scope, repo: snapshot.Repo, command: list[str] | str, result: testrun.TestRun,
           blobs: dict[str, str], tree: str) -> dict:
    return {
        "event": "checkpoint",
        "result": "pass" if result.passed else "fail",
        "run_id": state.new_key(),
        "task": scope.key,
        "base": scope.base,
        "commit": snapshot.head(repo.root),
        "tree": tree,
        "files": sorted(blobs),
        "blobs": blobs,
        "command": testrun.describe(command),
        "exit_code": result.exit_code,
        "timed_out": result.timed_out,
        "duration": round(result.duration, 3),
    }


def _drift(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return sorted(p for p in {*before, *after} if before.get(p) != after.get(p))


def _report(result: testrun.TestRun, entry: dict, drift: list[str]) -> None:
    if result.tail:
        click.echo(f"--- last lines of the test output ---\n{result.tail}\n---")
    seconds = f"{result.duration:.1f}s"
    if result.passed:
        click.echo(f"checkpoint green: run {entry['run_id']}, {len(entry['files'])} changed file(s), {seconds}")
    elif result.timed_out:
        click.echo(f"tests timed out after {seconds}: no green checkpoint recorded (run {entry['run_id']})")
    else:
        click.echo(f"tests failed (exit {result.exit_code}, {seconds}): no green checkpoint recorded "
                   f"(run {entry['run_id']}); fix the failures and run `ygs checkpoint` again")
    if drift:
        click.echo(f"warning: {len(drift)} file(s) changed while the tests ran and count as changed since this "
                   f"checkpoint: {', '.join(drift)} (gitignore files your tests generate)")


@click.command()
@click.argument("text")
def deviation(text: str) -> None:
    """Log a deviation from the design in the active task ("Design said X, did Y because Z").

    Appended as `- YYYY-MM-DD: TEXT` to the task file's `## Deviation log` and to the state, so the
    next session (and the reviewer) sees it.
    """
    repo = snapshot.require()
    with state.locked(repo.root):
        active = state.require_task(repo.root)
        written = log_deviation(repo.root, active, text)
        state.save_task(repo.root, active)
        state.append_ledger(repo.root, {"event": "deviation", "task": active.key, "text": active.deviations[-1]["text"]})
    where = f" and {active.file}" if written else ""
    click.echo(f"deviation logged in .ygs/state{where}: {active.deviations[-1]['text']}")
