"""`ygs guard pre-tool|stop|pre-commit`: the hook entry points (Claude Code, git).

These run on every agent edit, so they import only the guard core, and they never fail the agent's
session: any error of ours allows the action and says why on stderr (exit 0).
"""

from __future__ import annotations

import os
from typing import Callable

import click

from ygs.guard import ledger
from ygs.guard import verdict as core


@click.group()
def guard() -> None:
    """Hook entry points. Installed by `ygs install --agent claude --hooks` / `ygs install --git-hooks`.

    \b
      ygs guard pre-tool     Claude Code PreToolUse (Edit|Write|MultiEdit|NotebookEdit): JSON on stdin
      ygs guard stop         Claude Code Stop: JSON on stdin
      ygs guard pre-commit   git pre-commit: exit 1 blocks the commit
    """


def _run_hook(handler: Callable[[str, str], core.HookReply]) -> None:
    try:
        stream = click.get_text_stream("stdin")
        text = "" if stream.isatty() else stream.read()
        with ledger.acting_as("agent"):  # Claude Code runs these: what they record is the agent's doing
            reply = handler(text, os.getcwd())
    except Exception as exc:  # never break the agent's session over a bug of ours
        if os.environ.get("YGS_DEBUG"):
            raise
        reply = core.HookReply(stderr=f"ygs guard: internal error ({type(exc).__name__}: {exc}); allowed")
    out = reply.render_stdout()
    if out:
        click.echo(out)
    if reply.stderr:
        click.echo(reply.stderr, err=True)


@guard.command("pre-tool")
def pre_tool() -> None:
    """Claude Code PreToolUse: deny an edit that would reach STOP or skip a due checkpoint."""
    _run_hook(core.pre_tool)


@guard.command("stop")
def stop() -> None:
    """Claude Code Stop: block finishing while the tests have not passed since the last change."""
    _run_hook(core.stop)


@guard.command("pre-commit")
@click.pass_context
def pre_commit(ctx: click.Context) -> None:
    """git pre-commit: block the commit (exit 1) at STOP or when a checkpoint is due."""
    try:
        code, text = core.pre_commit(os.getcwd())
    except Exception as exc:  # a broken guard must not make commits impossible
        if os.environ.get("YGS_DEBUG"):
            raise
        code, text = 0, f"ygs pre-commit: guard skipped after an internal error ({type(exc).__name__}: {exc})"
    if text:
        click.echo(text, err=True)
    ctx.exit(code)
