"""The `ygs` command line: parse, call the core, render, exit code. Nothing else lives here.

Subcommands are imported on first use (a registry as data), so the hook commands that run on every
agent edit do not pay for importing the review machinery.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from ygs import __version__
from ygs.errors import EXIT_ERROR, YgsError
from ygs.output import printable

# command name -> "module:attribute"
COMMANDS: dict[str, str] = {
    "skills": "ygs.commands.skills:skills",
    "agents": "ygs.commands.skills:agents",
    "install": "ygs.commands.install:install",
    "upgrade": "ygs.commands.install:upgrade",
    "uninstall": "ygs.commands.install:uninstall",
    "rules": "ygs.commands.rules:rules",
    "new": "ygs.commands.new:new",
    "validate": "ygs.commands.validate:validate",
    "estimate": "ygs.commands.estimate:estimate",
    "ship": "ygs.commands.ship:ship",
    "task": "ygs.commands.task:task",
    "check": "ygs.commands.check:check",
    "checkpoint": "ygs.commands.check:checkpoint",
    "deviation": "ygs.commands.check:deviation",
    "guard": "ygs.commands.guard:guard",
    "review": "ygs.commands.review:review",
    "publish": "ygs.commands.publish:publish",
    "history": "ygs.commands.history:history",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attr = target.split(":")
        return getattr(importlib.import_module(module), attr)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except YgsError as exc:
            click.echo(f"ygs: error: {printable(exc.message)}", err=True)  # it may quote a path or a ref
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("ygs: interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:  # `ygs … | head`: the reader left; exit quietly, as Unix tools do
            _silence_stdout()
            ctx.exit(141)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except Exception as exc:  # a bug in ygs, not the user's mistake: one line unless asked
            if os.environ.get("YGS_DEBUG"):
                raise
            click.echo(
                f"ygs: internal error: {type(exc).__name__}: {printable(str(exc))} (set YGS_DEBUG=1 for the traceback)",
                err=True,
            )
            ctx.exit(EXIT_ERROR)


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="ygs")
def main() -> None:
    """ygs keeps AI coding agents disciplined.

    \b
    Skills: SDLC skills rendered into every coding agent's native format.
      ygs install --agent claude      install the skills for Claude Code
      ygs skills list                 what is in the catalog
    Gates: mechanical checks that enforce what the skills ask for.
      ygs review                      the review gate on your branch
      ygs task start T.md; ygs check  guardrails while an agent works
      ygs validate; ygs ship          checked specs, the pre-merge ceremony
      ygs history [--verify]          every gate decision, in a hash-chained ledger

    \b
    Exit codes: 0 ok, 1 a gate said no, 2 error (bad input, or a gate
    that could not do its work), 3 STOP (unplanned files), 4 checkpoint due.
    """


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
