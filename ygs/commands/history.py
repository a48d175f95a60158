"""`ygs history`: the decisions in the ledger, and `--verify` for its hash chain."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any, Iterable

import click

from ygs.errors import EXIT_FAIL
from ygs.guard import ledger, snapshot
from ygs.output import emit_json, table

RELATIVE = re.compile(r"^(\d+)\s*([smhdw])$")
UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")  # and the surrogate escapes of non-UTF-8 paths
SUMMARY_WIDTH = 100


class Since(click.ParamType):
    name = "TIME"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.datetime:
        if isinstance(value, dt.datetime):
            return value
        try:
            return parse_since(str(value), _utcnow())
        except ValueError:
            self.fail(f"{value!r} is not a time: give an ISO date or time (2026-12-01, 2026-12-01T09:30, "
                      "2026-12-01T09:30:00Z; UTC unless it has an offset) or an age (45m, 2h, 3d, 1w)", param, ctx)


def parse_since(text: str, now: dt.datetime) -> dt.datetime:
    """An ISO date/time (naive means UTC) or an age before `now` (`30s`, `45m`, `2h`, `3d`, `1w`)."""
    text = text.strip()
    match = RELATIVE.match(text)
    if match:
        return now - dt.timedelta(**{UNITS[match.group(2)]: int(match.group(1))})
    return parse_iso(text)


def parse_iso(text: str) -> dt.datetime:
    when = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    return when.replace(tzinfo=dt.timezone.utc) if when.tzinfo is None else when.astimezone(dt.timezone.utc)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@click.command()
@click.option("--since", type=Since(), default=None,
              help="Only decisions at or after TIME: an ISO date or time (UTC unless it has an offset) or an "
                   "age such as 45m, 2h, 3d, 1w.")
@click.option("--run", "run_id", default=None, metavar="ID", help="Only the decision(s) with this run id (or prefix).")
@click.option("--event", "events", multiple=True, metavar="NAME",
              help="Only these events (repeat or comma-separate): review, check, checkpoint, task_start, "
                   "task_expand, task_done, deviation, ship.")
@click.option("--json", "as_json", is_flag=True, help="Print the records as a JSON list (every field).")
@click.option("--verify", is_flag=True, help="Check the hash chain instead of listing: exit 0 intact, 1 not.")
@click.pass_context
def history(ctx: click.Context, since: dt.datetime | None, run_id: str | None, events: tuple[str, ...],
            as_json: bool, verify: bool) -> None:
    """The gate decisions recorded in .ygs/state/ledger.jsonl, oldest first.

    Every review, check, checkpoint, task start/expand/done, deviation and ship appends a
    record: run id, UTC time, actor (agent, ci or human), the decision, and the SHA-256 of the
    record before it, so an edited, removed or inserted record is detected by --verify.

    \b
    Examples:
      ygs history                              # everything, as a table
      ygs history --since 2h --event review    # reviews of the last two hours
      ygs history --since 2026-12-01 --json    # records as JSON, for scripts
      ygs history --run 20261203T081502Z-3fa2  # one decision, by run id (prefix)
      ygs history --verify                     # is the chain intact?

    \b
    Exit codes: 0 ok (--verify: intact), 1 --verify found a record whose content or
    chain does not match, 2 error (not a git repository, unreadable ledger, bad option).
    """
    repo = snapshot.require()
    if verify:
        ctx.exit(_verify(repo.root, as_json))
    wanted = {name.strip() for value in events for name in value.split(",") if name.strip()}
    records = select(ledger.entries(repo.root), since, run_id, wanted)
    if as_json:  # a non-UTF-8 path goes out as the bytes git gave us, as `ygs review` writes it
        text = json.dumps(records, indent=2, ensure_ascii=False, default=str)
        click.echo(text.encode("utf-8", "surrogateescape"))
    elif records:
        click.echo(render(records))
    else:
        filtered = since is not None or run_id is not None or wanted
        click.echo("no decisions match" if filtered else
                   "no decisions recorded yet (.ygs/state/ledger.jsonl is empty or absent)")


def select(records: Iterable[dict[str, Any]], since: dt.datetime | None, run_id: str | None,
           events: set[str]) -> list[dict[str, Any]]:
    return [r for r in records
            if (since is None or _time(r) is not None and _time(r) >= since)
            and (run_id is None or str(r.get("run_id", "")).startswith(run_id))
            and (not events or r.get("event") in events)]


def _time(record: dict[str, Any]) -> dt.datetime | None:
    try:
        return parse_iso(str(record.get("time")))
    except ValueError:
        return None


def render(records: list[dict[str, Any]]) -> str:
    rows = [(_clean(r.get("time", "?")), _clean(r.get("actor", "?")), _clean(r.get("event", "?")),
             _clean(r.get("run_id", "")), _clip(_clean(summary(r)))) for r in records]
    return table(rows, ("TIME", "ACTOR", "EVENT", "RUN", "SUMMARY"))


def summary(r: dict[str, Any]) -> str:
    """One line that says what was decided."""
    event = r.get("event")
    short = _short
    if event == "review":
        policy = f", policy {r['policy']}" if r.get("policy") else ""
        return (f"{r.get('verdict')}: {r.get('blocking', 0)} blocking of {r.get('findings', 0)} finding(s), "
                f"{short(r.get('base'))}..{short(r.get('head')) if r.get('head') else r.get('head_ref')}{policy}")
    if event == "check":
        return (f"{r.get('status')} (exit {r.get('exit_code')}): {r.get('files', 0)} file(s) changed, "
                f"{r.get('unplanned', 0)} unplanned, {r.get('since_checkpoint', 0)} since the last green checkpoint")
    if event == "checkpoint":
        return f"{r.get('result')}: `{r.get('command')}` on {len(r.get('files') or [])} changed file(s)"
    if event == "task_start":
        return f"{_label(r)} (base {short(r.get('base'))}), plan: {', '.join(r.get('plan') or [])}"
    if event == "task_expand":
        return f"+ {', '.join(r.get('files') or [])}: {r.get('reason', '')}"
    if event == "task_done":
        forced = " (forced)" if r.get("forced") else ""
        return (f"{_label(r)}: {len(r.get('files') or [])} file(s), {len(r.get('unplanned') or [])} unplanned, "
                f"tests {'green' if r.get('tests_green') else 'not green'}{forced}")
    if event == "deviation":
        return str(r.get("text", ""))
    if event == "ship":
        failed = r.get("failed") or []
        return f"{r.get('verdict')}" + (f": failed {', '.join(failed)}" if failed else ": all checks passed")
    return ", ".join(f"{k}={v}" for k, v in r.items() if k not in ledger.OWN_FIELDS + ("run_id", "event")
                     and isinstance(v, (str, int, float, bool)))


def _label(r: dict[str, Any]) -> str:
    return f"{r['id']}: {r.get('title')}" if r.get("id") else str(r.get("title", ""))


def _short(sha: Any) -> str:
    return str(sha)[:12] if sha else "?"


def _clean(value: Any) -> str:
    """No terminal escape sequence from a title, a path or a reason reaches the screen."""
    return CONTROL.sub(_escape, str(value))


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _clip(text: str) -> str:
    return text if len(text) <= SUMMARY_WIDTH else text[:SUMMARY_WIDTH - 1] + "…"


def _verify(root: Any, as_json: bool) -> int:
    result = ledger.inspect(root)
    if as_json:
        problem = result.problem
        emit_json({"intact": result.intact, "records": result.records, "head": result.head,
                   "sealed": result.sealed, "torn_tail": result.torn_tail, "legacy": result.legacy,
                   "problem": None if problem is None else
                   {"line": problem.line, "run_id": problem.run_id, "reason": problem.reason}})
        return 0 if result.intact else EXIT_FAIL
    if result.problem is not None:
        click.echo(f"ledger does not verify: {_clean(result.problem.describe())}")
        return EXIT_FAIL
    notes = []
    if result.legacy:
        notes.append(f"the first {result.legacy} written by an older ygs, before the chain began")
    if result.sealed:
        notes.append(f"{result.sealed} torn line(s) sealed")
    if result.torn_tail:
        notes.append("the last line is torn and will be sealed by the next record")
    click.echo(f"ledger intact: {result.records} records" + (f" ({'; '.join(notes)})" if notes else ""))
    return 0

