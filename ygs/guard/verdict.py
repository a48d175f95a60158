"""The guardrail: compare what changed with what was planned, and when tests last passed.

`evaluate` is the one computation; `ygs check`, `ygs task status|done`, the Claude Code hooks and the
git pre-commit hook are renderings of its Verdict. Exit codes: 0 ok, 3 STOP (too many unplanned
files), 4 checkpoint due (too many files changed since the last green checkpoint); STOP wins.

The numbers are the task's: `[tool.ygs.guard]` as it was at `ygs task start`. A live config that differs
is reported (CONFIG_CHANGED) and ignored until a new task, so the agent cannot raise its own limits.

Hook adapters never raise and never block for their own failures: a guard that crashes must not
brick an agent's session (malformed input, no active task, outside a git repo -> allow).
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from ygs import config as cfg
from ygs import git
from ygs.guard import plan, protect, snapshot, state
from ygs.errors import EXIT_CHECKPOINT, EXIT_OK, EXIT_STOP, YgsError
from ygs.guard.state import ActiveTask

CONFIG_CHANGED = "guard config changed since task start: ignored until a new task"
RESERVED = "reserved"  # the "blob" of a file the hook allowed that is not written yet


@dataclass(frozen=True)
class Scope:
    """What changes are judged against: a base and a plan, from the active task or ad hoc (--plan)."""

    base: str
    patterns: tuple[str, ...]
    task: ActiveTask | None = None

    @property
    def key(self) -> str | None:
        return self.task.key if self.task else None

    @classmethod
    def of_task(cls, task: ActiveTask) -> Scope:
        return cls(task.base, tuple(task.patterns()), task)

    @classmethod
    def ad_hoc(cls, root: Any, patterns: Iterable[str]) -> Scope:
        return cls(snapshot.head(root) or git.EMPTY_TREE, tuple(patterns))


@dataclass(frozen=True)
class Verdict:
    scope: Scope
    limits: cfg.GuardConfig
    changes: dict[str, str]  # path -> blob now (snapshot.DELETED for deletions)
    planned: tuple[str, ...]
    unplanned: tuple[str, ...]
    since_green: tuple[str, ...]  # files whose content differs from the last green checkpoint
    green: dict[str, Any] | None = None  # that checkpoint's ledger entry
    tested_now: bool = False  # the tests ran (pass or fail) on exactly the current content
    red_now: bool = False  # ... and the last such run failed
    config_changed: bool = False  # the live [tool.ygs.guard] differs from the task's frozen numbers

    @property
    def stop(self) -> bool:
        return len(self.unplanned) >= self.limits.unplanned_files_stop

    @property
    def checkpoint_due(self) -> bool:
        return len(self.since_green) >= self.limits.checkpoint_every_files

    @property
    def tests_green(self) -> bool:
        return not self.since_green

    @property
    def status(self) -> str:
        return "stop" if self.stop else "checkpoint" if self.checkpoint_due else "ok"

    @property
    def exit_code(self) -> int:
        return {"stop": EXIT_STOP, "checkpoint": EXIT_CHECKPOINT}.get(self.status, EXIT_OK)


def evaluate(scope: Scope, changes: dict[str, str], limits: cfg.GuardConfig,
             entries: Iterable[dict[str, Any]], config_changed: bool = False) -> Verdict:
    in_plan = plan.matcher(scope.patterns)
    planned = tuple(sorted(p for p in changes if in_plan(p)))
    unplanned = tuple(sorted(p for p in changes if not in_plan(p)))
    green, last = last_checkpoints(entries, scope)
    baseline: dict[str, str] = green.get("blobs", {}) if green else {}
    own = scope.task.file if scope.task else None  # the task's own file (deviation log) needs no test run
    since = tuple(sorted(p for p in {*changes, *baseline} if changes.get(p) != baseline.get(p) and p != own))
    tested_now = last is not None and last.get("blobs") == changes
    red_now = tested_now and last is not None and last.get("result") != "pass"
    return Verdict(scope, limits, changes, planned, unplanned, since, green, tested_now, red_now, config_changed)


def last_checkpoints(entries: Iterable[dict[str, Any]], scope: Scope) -> tuple[dict | None, dict | None]:
    """(last green, last of any result) checkpoint of this scope: same task, same base."""
    green = last = None
    for entry in entries:
        if entry.get("event") != "checkpoint" or entry.get("task") != scope.key or entry.get("base") != scope.base:
            continue
        if not isinstance(entry.get("blobs"), dict):
            continue
        last = entry
        if entry.get("result") == "pass":
            green = entry
    return green, last


def inspect(repo: snapshot.Repo, scope: Scope,
            live: cfg.GuardConfig | None) -> tuple[Verdict, dict[str, tuple[int, int]]]:
    """The verdict plus per-file line counts (for `ygs check`; the hooks skip the line counts).
    `live` is the guard config as it is now (None: unreadable); a task is judged by its frozen numbers."""
    changes = snapshot.changes(repo, scope.base)
    stats = snapshot.numstat(repo.root, scope.base, changes)
    return judge(repo, scope, changes, live), stats


def judge(repo: snapshot.Repo, scope: Scope, changes: dict[str, str], live: cfg.GuardConfig | None) -> Verdict:
    limits, changed = frozen_limits(repo.root, scope.task, live)
    return evaluate(scope, changes, limits, state.ledger(repo.root), changed)


def frozen_limits(root: Path, task: ActiveTask | None, live: cfg.GuardConfig | None) -> tuple[cfg.GuardConfig, bool]:
    """(the numbers to judge by, does the live config differ?). Without a task: the live config. A task
    from an older ygs (no frozen numbers) is frozen now, at its first use, with the live config."""
    if task is None:
        return live or cfg.GuardConfig(), False
    if task.guard is None:
        frozen = live or cfg.GuardConfig()
        if live is not None:
            state.freeze_guard(root, task.key, guard_numbers(frozen))
        return frozen, live is None
    try:
        frozen = cfg.GuardConfig(**task.guard)
    except TypeError as exc:
        raise YgsError(f"{state.state_dir(root) / state.TASK_FILE} is corrupt ({exc}); run `ygs task start` "
                       "again to set the active task") from None
    return frozen, live != frozen


def guard_numbers(limits: cfg.GuardConfig) -> dict[str, int]:
    return dataclasses.asdict(limits)


def live_guard(root: Path) -> cfg.GuardConfig | None:
    """The guard config as it is now, None when it cannot be read (the frozen numbers still hold)."""
    config = live_config(root)
    return config.guard if config else None


def live_config(root: Path) -> cfg.Config | None:
    try:
        return cfg.load(root)
    except YgsError:
        return None


# --- the report: one data structure, rendered as JSON or text ----------------------------------


def report(verdict: Verdict, stats: dict[str, tuple[int, int]], sizing: cfg.SizingConfig) -> dict[str, Any]:
    files = [_file_row(verdict, path, stats.get(path, (0, 0))) for path in sorted(verdict.changes)]
    added, deleted = sum(f["lines_added"] for f in files), sum(f["lines_deleted"] for f in files)
    size = sizing.tier(len(files), added + deleted)
    task = verdict.scope.task
    return {
        "task": _task_json(task) if task else None,
        "base": verdict.scope.base,
        "plan": list(verdict.scope.patterns),
        "files": files, "planned": list(verdict.planned), "unplanned": list(verdict.unplanned),
        "files_changed": len(files), "lines_added": added, "lines_deleted": deleted,
        "size": size,
        "size_warning": _size_warning(size, len(files), added + deleted),
        "since_checkpoint": list(verdict.since_green),
        "checkpoint": _checkpoint_json(verdict.green),
        "tests_green": verdict.tests_green,
        "limits": {"unplanned_files_stop": verdict.limits.unplanned_files_stop,
                   "checkpoint_every_files": verdict.limits.checkpoint_every_files},
        "guard_config_changed": verdict.config_changed,
        "guard_config_note": CONFIG_CHANGED if verdict.config_changed else None,
        "status": verdict.status,
        "exit_code": verdict.exit_code,
        "message": advice(verdict),
    }


def _file_row(verdict: Verdict, path: str, stat: tuple[int, int]) -> dict[str, Any]:
    deleted = verdict.changes[path] == snapshot.DELETED
    return {"path": path, "planned": path in verdict.planned, "status": "deleted" if deleted else "changed",
            "lines_added": stat[0], "lines_deleted": stat[1], "since_checkpoint": path in verdict.since_green}


def _task_json(task: ActiveTask) -> dict[str, Any]:
    return {"key": task.key, "id": task.id, "title": task.title, "file": task.file, "base": task.base,
            "started": task.started, "expanded": task.expanded, "deviations": task.deviations}


def _checkpoint_json(entry: dict[str, Any] | None) -> dict[str, Any] | None:
    if entry is None:
        return None
    return {k: entry.get(k) for k in ("run_id", "time", "commit", "tree", "duration")}


def _size_warning(size: str, files: int, lines: int) -> str | None:
    if size != "XL":
        return None
    return (f"size XL ({files} files, {lines} changed lines): this task is too big to review or test well; "
            "split it into smaller tasks")


def advice(verdict: Verdict) -> str:
    """What to do now, in words an agent can act on."""
    if verdict.stop:
        return stop_advice(verdict.unplanned, verdict.limits.unplanned_files_stop)
    if verdict.checkpoint_due:
        return checkpoint_advice(verdict.since_green, verdict.limits.checkpoint_every_files)
    return (f"ok: {len(verdict.unplanned)} unplanned file(s) (STOP at {verdict.limits.unplanned_files_stop}), "
            f"{len(verdict.since_green)} file(s) since the last green checkpoint "
            f"(checkpoint every {verdict.limits.checkpoint_every_files})")


def stop_advice(unplanned: Iterable[str], limit: int) -> str:
    files = list(unplanned)
    quoted = " ".join(_shell_quote(f) for f in files)
    return (f"STOP: {len(files)} file(s) outside the plan (limit {limit}): {', '.join(files)}. "
            "Stop editing and ask the human whether the task may grow to include them. If they approve, "
            f"record it: ygs task expand {quoted} --reason \"<their reason>\". If not, revert those changes "
            "and stay within the plan.")


def checkpoint_advice(since: Iterable[str], every: int) -> str:
    files = list(since)
    return (f"CHECKPOINT DUE: {len(files)} file(s) changed since the last green checkpoint (every {every}): "
            f"{', '.join(files)}. Run `ygs checkpoint` now (it runs the tests and records a green run); "
            "fix any failure before changing more files.")


def done_refusals(verdict: Verdict) -> list[tuple[str, str]]:
    """Why the task is not done: (code, one line) per reason; empty when it may finish."""
    refusals = []
    if verdict.unplanned:
        files = list(verdict.unplanned)
        quoted = " ".join(_shell_quote(f) for f in files)
        refusals.append(("unplanned", f"{len(files)} file(s) outside the plan were not approved: {', '.join(files)}; "
                                      f"ask the human, then `ygs task expand {quoted} --reason \"<their reason>\"`, "
                                      "or revert them"))
    if verdict.red_now:
        refusals.append(("tests_red", "the tests failed on the current content (the last `ygs checkpoint` was red); "
                                      "fix them and run `ygs checkpoint` until it passes"))
    elif not verdict.tests_green:
        refusals.append(("checkpoint_stale", f"{len(verdict.since_green)} file(s) changed since the last green "
                                             f"checkpoint ({', '.join(verdict.since_green)}); run `ygs checkpoint` "
                                             "until it passes"))
    return refusals


def _shell_quote(path: str) -> str:
    safe = all(c.isalnum() or c in "-_./@+,:=" for c in path)
    return path if safe else "'" + path.replace("'", "'\"'\"'") + "'"


def render(data: dict[str, Any]) -> str:
    lines = [_heading(data)]
    lines.append(f"changed: {data['files_changed']} file(s), +{data['lines_added']} -{data['lines_deleted']} "
                 f"lines, size {data['size']}")
    lines += _file_list("planned", [f for f in data["files"] if f["planned"]])
    lines += _file_list("unplanned", [f for f in data["files"] if not f["planned"]])
    lines.append(_checkpoint_line(data))
    if data["size_warning"]:
        lines.append(f"warning: {data['size_warning']}")
    if data["guard_config_note"]:
        lines.append(f"note: {data['guard_config_note']}")
    lines.append(data["message"])
    from ygs.output import printable  # paths are the agent's: no raw control or bidi character reaches a terminal

    return "\n".join(printable(line) for line in lines)


def _heading(data: dict[str, Any]) -> str:
    task = data["task"]
    base = data["base"][:12]
    if task is None:
        return f"ad-hoc check against HEAD ({base}), plan: {', '.join(data['plan']) or '(empty)'}"
    label = f"{task['id']}: {task['title']}" if task["id"] else task["title"]
    return f"task {label} (base {base}, started {task['started']})"


def _file_list(title: str, files: list[dict[str, Any]]) -> list[str]:
    if not files:
        return [f"{title}: none"]
    rows = [f"{title} ({len(files)}):"]
    for f in files:
        mark = " [deleted]" if f["status"] == "deleted" else ""
        rows.append(f"  {f['path']}  +{f['lines_added']} -{f['lines_deleted']}{mark}")
    return rows


def _checkpoint_line(data: dict[str, Any]) -> str:
    since = data["since_checkpoint"]
    every = data["limits"]["checkpoint_every_files"]
    when = (f"run {data['checkpoint']['run_id']} at {data['checkpoint']['time']}" if data["checkpoint"]
            else "none yet")
    listed = f": {', '.join(since)}" if since else ""
    return f"last green checkpoint: {when}; {len(since)} of {every} file(s) changed since{listed}"


# --- hook adapters -------------------------------------------------------------------------------


@dataclass
class HookReply:
    """What a hook prints: JSON on stdout (Claude Code's decision format) and/or a note on stderr.
    The exit code is always 0, so Claude Code parses the JSON; nothing else goes to stdout."""

    stdout: dict[str, Any] | None = None
    stderr: str | None = None

    def render_stdout(self) -> str:
        return json.dumps(self.stdout, ensure_ascii=False) if self.stdout is not None else ""


NO_TASK_NOTE = ("ygs guard: no active task in this repository, so edits are not checked. Start one with "
                "`ygs task start docs/tasks/T-001.md` (or `ygs task start --plan a.py,b.py --title ...`). "
                "This note is shown once.")


def pre_tool(text: str, cwd: str) -> HookReply:
    """PreToolUse on Edit|Write|MultiEdit|NotebookEdit: deny an edit that would reach STOP, or that
    adds a file while a checkpoint is due and the current state is untested."""
    return _hook(text, cwd, "edit", _pre_tool)


Handler = Callable[["snapshot.Repo", dict[str, Any], str], "HookReply"]


def _hook(text: str, cwd: str, action: str, handle: Handler) -> HookReply:
    """The envelope every Claude Code hook shares: never crash the agent's session, never brick a repo."""
    payload = _payload(text)
    if payload is None:
        return HookReply(stderr=f"ygs guard: hook input is not a JSON object; {action} allowed")
    where = _payload_cwd(payload, cwd)
    repo = snapshot.locate(where)
    if repo is None:
        return HookReply()
    try:
        return handle(repo, payload, where)
    except YgsError as exc:
        return _allow_with_warning(exc.message)


def _task_verdict(repo: snapshot.Repo, task: ActiveTask) -> Verdict:
    scope = Scope.of_task(task)
    return judge(repo, scope, snapshot.changes(repo, scope.base), live_guard(repo.root))


def _pre_tool(repo: snapshot.Repo, payload: dict[str, Any], cwd: str) -> HookReply:
    task = state.load_task(repo.root)
    if task is None:
        return _no_task(repo)
    target = _target_path(payload)
    if target is None:
        return HookReply()
    key = plan.path_key(repo.root, target, cwd)
    own = protect.denial(repo.root, key, payload["tool_input"])
    if own:
        return deny(own)
    try:
        with state.locked(repo.root):  # parallel edits are judged one at a time, each seeing the others
            return _decide(repo, key)
    except state.StateBusy as exc:  # fail closed: holding the lock must not open the gate
        return deny(f"ygs guard denied editing {key}: {exc.message}")


def _decide(repo: snapshot.Repo, key: str) -> HookReply:
    """Judge one edit under the state lock, counting files allowed but not written yet as changed."""
    task = state.load_task(repo.root)
    if task is None:
        return HookReply()
    scope = Scope.of_task(task)
    changes = snapshot.changes(repo, scope.base)
    held = state.reserved(repo.root, task.key, changes)
    verdict = judge(repo, scope, {**changes, **{p: RESERVED for p in held}}, live_guard(repo.root))
    reason = edit_denial(verdict, key)
    if not reason and key not in changes:
        held[key] = time.time()
    state.save_reserved(repo.root, task.key, held)
    return deny(with_note(reason, verdict)) if reason else note(verdict)


def with_note(text: str, verdict: Verdict) -> str:
    return f"{text} (note: {CONFIG_CHANGED})" if verdict.config_changed else text


def note(verdict: Verdict) -> HookReply:
    """Allow; tell the user when the live guard config is being ignored."""
    if not verdict.config_changed:
        return HookReply()
    return HookReply(stdout={"systemMessage": f"ygs guard: {CONFIG_CHANGED}"})


def edit_denial(verdict: Verdict, key: str) -> str | None:
    """Why an edit of `key` must not happen now, or None. The edited file counts as changed."""
    if key in verdict.changes:
        return None
    limits = verdict.limits
    planned = plan.matcher(verdict.scope.patterns)(key)
    if not planned and len(verdict.unplanned) + 1 >= limits.unplanned_files_stop:
        return f"ygs guard denied editing {key}: " + stop_advice([*verdict.unplanned, key], limits.unplanned_files_stop)
    if verdict.checkpoint_due and key not in verdict.since_green and not verdict.tested_now:
        return (f"ygs guard denied editing {key}: " + checkpoint_advice(verdict.since_green, limits.checkpoint_every_files)
                + " Edits to those files stay allowed, so you can fix failing tests.")
    return None


def deny(reason: str) -> HookReply:
    return HookReply(stdout={"hookSpecificOutput": {"hookEventName": "PreToolUse", "permissionDecision": "deny",
                                                    "permissionDecisionReason": reason}})


def stop(text: str, cwd: str) -> HookReply:
    """Stop: block finishing while the tests have not passed since the last change."""
    return _hook(text, cwd, "stopping", _stop)


def _stop(repo: snapshot.Repo, payload: dict[str, Any], cwd: str) -> HookReply:
    task = state.load_task(repo.root)
    if task is None:
        return HookReply()
    verdict = _task_verdict(repo, task)
    already_blocked = bool(payload.get("stop_hook_active"))
    if verdict.tests_green:
        return note(verdict)
    files = ", ".join(verdict.since_green)
    if already_blocked:  # Claude is already continuing because of this hook: never loop
        message = (f"ygs guard: finishing task {task.label} although the tests have not passed since the last "
                   f"change ({files}).")
        return HookReply(stdout={"systemMessage": with_note(message, verdict)})
    reason = (f"ygs guard: the tests have not passed since the last change ({len(verdict.since_green)} file(s) "
              f"changed since the last green checkpoint: {files}). Run `ygs checkpoint` and fix any failure "
              "before finishing; if you cannot make them pass, say so to the human instead of stopping silently.")
    return HookReply(stdout={"decision": "block", "reason": with_note(reason, verdict)})


def pre_commit(cwd: str) -> tuple[int, str]:
    """The git pre-commit hook: (exit code, text). Blocks (1) on STOP or a due checkpoint."""
    repo = snapshot.locate(cwd)
    if repo is None:
        return 0, ""
    try:
        task = state.load_task(repo.root)
        if task is None:
            return 0, ""
        live = live_config(repo.root)
        verdict, stats = inspect(repo, Scope.of_task(task), live.guard if live else None)
    except YgsError as exc:
        return 0, f"ygs pre-commit: guard skipped: {exc.message}"
    if verdict.status == "ok":
        return 0, f"ygs pre-commit: {CONFIG_CHANGED}" if verdict.config_changed else ""
    text = render(report(verdict, stats, live.sizing if live else cfg.SizingConfig()))
    return 1, f"{text}\n\nygs: commit blocked (`ygs check` exits {verdict.exit_code}). Fix the above, then commit again."


def _payload(text: str) -> dict[str, Any] | None:
    try:
        payload = json.loads(text)
    except ValueError:
        return None
    return payload if isinstance(payload, dict) else None


def _payload_cwd(payload: dict[str, Any], cwd: str) -> str:
    value = payload.get("cwd")
    return value if isinstance(value, str) and os.path.isdir(value) else cwd


def _target_path(payload: dict[str, Any]) -> str | None:
    tool_input = payload.get("tool_input")
    if not isinstance(tool_input, dict):
        return None
    for name in ("file_path", "notebook_path"):
        value = tool_input.get(name)
        if isinstance(value, str) and value:
            return value
    return None


def _no_task(repo: snapshot.Repo) -> HookReply:
    try:
        first = state.note_once(repo.root)
    except OSError:
        first = False
    return HookReply(stdout={"systemMessage": NO_TASK_NOTE}) if first else HookReply()


def _allow_with_warning(message: str) -> HookReply:
    text = f"ygs guard: {message} (allowed; the guard could not check this edit)"
    return HookReply(stdout={"systemMessage": text}, stderr=text)
