"""`ygs task start|status|expand|done`: the active task the guard judges changes against."""

from __future__ import annotations

from pathlib import Path

import click

from ygs import config as cfg
from ygs import git
from ygs.guard import plan, snapshot, state
from ygs.guard import task as taskfile
from ygs.guard import verdict as guard
from ygs.errors import EXIT_FAIL, YgsError
from ygs.output import emit_json
from ygs.guard.state import ActiveTask


@click.group()
def task() -> None:
    """The active task: its plan (the files it may change) and its base commit.

    \b
      ygs task start docs/tasks/T-001.md          plan = the task file's '## Planned files'
      ygs task start --plan a.py,src/b/*.py --title "Fix login"
      ygs task status                             where the task stands
      ygs task expand c.py --reason "approved by Ana: …"   grow the plan after a STOP
      ygs task done                               finish (no unapproved files, tests green since the last change)
    """


@task.command("start")
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--plan", "plan_files", default=None, metavar="A,B…",
              help="Planned files (globs allowed) instead of a task file.")
@click.option("--title", default=None, help="Task title (with --plan).")
@click.option("--force", is_flag=True, help="Replace a different active task.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def start(path: Path | None, plan_files: str | None, title: str | None, force: bool, as_json: bool) -> None:
    """Make PATH (a task file) the active task; the base is the current HEAD.

    The [tool.ygs.guard] numbers are frozen for the task: changing them later takes a new task.
    Starting the same task file again re-reads its plan and keeps its base, numbers, expansions and log.
    """
    repo = snapshot.require()
    live = cfg.load(repo.root).guard
    with state.locked(repo.root):
        fresh = _new_task(repo.root, path, plan_files, title, live)
        current = _current_or_none(repo.root)
        if current is not None and current.file and current.file == fresh.file:
            active, refreshed = _refresh(current, fresh), True
        elif current is not None and not force:
            raise YgsError(f"task {current.label} is active; finish it with `ygs task done` "
                           "(or `ygs task start … --force` to replace it)")
        else:
            active, refreshed = fresh, False
            state.append_ledger(repo.root, {"event": "task_start", "task": active.key, "id": active.id,
                                            "title": active.title, "base": active.base, "plan": active.plan,
                                            "guard": active.guard})
        state.save_task(repo.root, active)
        state.forget_note(repo.root)
    dirty = [] if refreshed else sorted(snapshot.changes(repo, active.base))
    if as_json:
        emit_json({"task": active.to_json(), "refreshed": refreshed, "already_changed": dirty})
        return
    _report_start(active, refreshed, dirty)


def _new_task(root: Path, path: Path | None, plan_files: str | None, title: str | None,
              live: cfg.GuardConfig) -> ActiveTask:
    if (path is None) == (plan_files is None):
        raise YgsError("give either a task file (ygs task start docs/tasks/T-001.md) or --plan a.py,b.py")
    base = snapshot.head(root) or git.EMPTY_TREE
    if plan_files is not None:
        patterns = plan.split(root, plan_files)
        if not patterns:
            raise YgsError("--plan lists no files; give at least one (--plan src/app.py,tests/test_app.py)")
        return ActiveTask(state.new_key(), title or "ad-hoc task", patterns, base, state.now(),
                          guard=guard.guard_numbers(live))
    parsed = taskfile.parse(path, root)
    file_key = plan.path_key(root, path.resolve())
    return ActiveTask(state.new_key(), title or parsed.title, list(parsed.planned), base, state.now(),
                      id=parsed.id, file=file_key, guard=guard.guard_numbers(live))


def _current_or_none(root: Path) -> ActiveTask | None:
    try:
        return state.load_task(root)
    except YgsError:
        return None  # corrupt state: starting a task is the documented way out


def _refresh(current: ActiveTask, fresh: ActiveTask) -> ActiveTask:
    current.plan, current.title, current.id = fresh.plan, fresh.title, fresh.id
    if current.guard is None:  # started by an older ygs: freeze now
        current.guard = fresh.guard
    return current


def _report_start(active: ActiveTask, refreshed: bool, dirty: list[str]) -> None:
    verb = "refreshed the plan of" if refreshed else "started"
    click.echo(f"{verb} task {active.label} (base {active.base[:12]})")
    click.echo("planned files:")
    for pattern in active.patterns():
        click.echo(f"  {pattern}")
    numbers = ", ".join(f"{k} = {v}" for k, v in (active.guard or {}).items())
    click.echo(f"guard limits (frozen for this task): {numbers}")
    if dirty:
        click.echo(f"note: {len(dirty)} file(s) already differ from the base and count as this task's changes "
                   f"(commit or stash them first to start clean): {', '.join(dirty)}")
    click.echo("next: change the planned files; `ygs check` shows where you stand, `ygs checkpoint` runs the tests.")


@task.command("status")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def status(as_json: bool) -> None:
    """Show the active task: plan, changes, unplanned files, checkpoint state. Always exits 0."""
    repo = snapshot.require()
    active = state.load_task(repo.root)
    if active is None:
        if as_json:
            emit_json({"active": False})
            return
        click.echo("no active task (start one with `ygs task start PATH` or `ygs task start --plan a.py,b.py`)")
        return
    config = cfg.load(repo.root)
    verdict, stats = guard.inspect(repo, guard.Scope.of_task(active), config.guard)
    data = {"active": True, **guard.report(verdict, stats, config.sizing)}
    if as_json:
        emit_json(data)
        return
    click.echo(guard.render(data))
    if active.file:
        click.echo(f"task file: {active.file}")
    click.echo(f"deviations logged: {len(active.deviations)}; scope expansions: {len(active.expanded)}")


@task.command("expand")
@click.argument("files", nargs=-1, required=True)
@click.option("--reason", required=True, help="Why the human approved the larger scope.")
def expand(files: tuple[str, ...], reason: str) -> None:
    """Add FILES (repo-relative, as `ygs check` prints them) to the plan after the human approved it.

    The change is recorded in the task's deviation log (task file and state).
    """
    repo = snapshot.require()
    reason = " ".join(reason.split())
    if not reason:
        raise YgsError("--reason must say why the scope grew (who approved it, and why)")
    patterns = [plan.normalize_pattern(repo.root, f) for f in files]
    with state.locked(repo.root):
        active = state.require_task(repo.root)
        record = {"files": patterns, "reason": reason, "time": state.now()}
        text = f"Scope expanded (approved) to {', '.join(f'`{p}`' for p in patterns)}: {reason}"
        log_deviation(repo.root, active, text)
        active.expanded.append(record)
        state.save_task(repo.root, active)
        state.append_ledger(repo.root, {"event": "task_expand", "task": active.key, "files": patterns, "reason": reason})
    click.echo(f"plan of task {active.label} expanded: {', '.join(patterns)}")


def log_deviation(root: Path, active: ActiveTask, text: str) -> Path | None:
    """Record a deviation in the task file (when there is one) and in the state (saved by the caller)."""
    written = taskfile.log_deviation(root, active, text)
    if active.file and written is None:
        click.echo(f"warning: task file {active.file} is gone; the deviation is kept in .ygs/state only", err=True)
    return written


@task.command("done")
@click.option("--force", is_flag=True, help="Finish despite the refusals (needs --reason; recorded in the ledger).")
@click.option("--reason", default=None, help="With --force: why the task is finished anyway.")
@click.pass_context
def done(ctx: click.Context, force: bool, reason: str | None) -> None:
    """Finish the active task and record it in the ledger.

    \b
    Refused (exit 1, one line per reason) while
      - files outside the plan were not approved with `ygs task expand`,
      - files changed since the last green `ygs checkpoint`,
      - the last test run on the current content failed.
    `--force --reason "…"` finishes anyway and records the reason and what it overrode.
    """
    reason = " ".join((reason or "").split()) or None
    if force and reason is None:
        raise YgsError('--force needs --reason "…": why the task is finished anyway (it is recorded in the ledger)')
    if reason is not None and not force:
        raise YgsError("--reason goes with --force; without --force, fix what `ygs task done` refuses")
    repo = snapshot.require()
    config = cfg.load(repo.root)
    with state.locked(repo.root):
        active = state.require_task(repo.root)
        verdict, _ = guard.inspect(repo, guard.Scope.of_task(active), config.guard)
        refusals = guard.done_refusals(verdict)
        if refusals and not force:
            _refuse(ctx, active, verdict, refusals)
        state.append_ledger(repo.root, _done_entry(repo, active, verdict, [code for code, _ in refusals], reason))
        state.clear_task(repo.root)
        state.forget_note(repo.root)
    if verdict.config_changed:
        click.echo(f"note: {guard.CONFIG_CHANGED}")
    overridden = f" (forced past: {', '.join(code for code, _ in refusals)}; reason recorded)" if refusals else ""
    click.echo(f"task {active.label} done: {len(verdict.changes)} file(s) changed, "
               f"{len(verdict.unplanned)} unplanned{overridden}")


def _refuse(ctx: click.Context, active: ActiveTask, verdict: guard.Verdict, refusals: list[tuple[str, str]]) -> None:
    for _, line in refusals:
        click.echo(f"ygs: task {active.label} is not done: {line}", err=True)
    if verdict.config_changed:
        click.echo(f"ygs: note: {guard.CONFIG_CHANGED}", err=True)
    ctx.exit(EXIT_FAIL)


def _done_entry(repo: snapshot.Repo, active: ActiveTask, verdict: guard.Verdict, overridden: list[str],
                reason: str | None) -> dict:
    return {
        "event": "task_done", "task": active.key, "id": active.id, "title": active.title, "base": active.base,
        "commit": snapshot.head(repo.root), "files": sorted(verdict.changes), "unplanned": list(verdict.unplanned),
        "tests_green": verdict.tests_green, "forced": bool(overridden), "overridden": overridden,
        "reason": reason, "deviations": len(active.deviations),
    }
