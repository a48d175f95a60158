"""Task rules, per file (fields, size, planned files, GIVEN/WHEN/THEN criteria) and across a task set
(unique IDs, dependencies that exist, no cycles, waves after the waves they depend on)."""

from __future__ import annotations

from pathlib import Path

from ygs.config import SizingConfig
from ygs.specs.markdown import Document
from ygs.specs.model import ERROR, WARNING, Context, Issue, Reporter
from ygs.specs.rules.common import NOT_ENGLISH_NOTE, check_sections, has_scenario
from ygs.specs.task import SECTIONS, TASK_ID, Task, parse

REQUIRED_FIELDS = {
    "id": "`- **ID:** T-001`",
    "size": "`- **Size:** S` (S, M or L)",
    "wave": "`- **Wave:** 1`",
    "depends on": "`- **Depends on:** none` (or task IDs)",
    "estimate": "`- **Estimate (hours):** 2 / 4 / 8` (best / likely / worst)",
}


def check(doc: Document, ctx: Context, report: Reporter, english: bool) -> None:
    task = parse(doc)
    check_sections(doc, SECTIONS, report, english)
    if task.heading_id is None:
        report.error(task.line, "task-heading", "the title is not `# <ID>: <title>`",
                     "start the file with a heading like `# T-001: Add the export endpoint`")
    _check_fields(task, report)
    _check_size(task, ctx.config.sizing, report)
    _check_criteria(task, report, english)


def _check_fields(task: Task, report: Reporter) -> None:
    for name, example in REQUIRED_FIELDS.items():
        if name not in task.fields:
            report.error(task.line, "task-field-missing", f"no '{name}' field", f"add {example} to the header list")
    field = task.fields.get("id")
    if field and task.heading_id and field.value != task.heading_id:
        report.error(field.line, "task-id-mismatch", f"ID {field.value!r} differs from the heading's {task.heading_id}",
                     "use the same ID in the heading and the ID field")
    wave = task.fields.get("wave")
    if wave and not wave.value.isdigit():
        report.error(wave.line, "task-wave-invalid", f"wave {wave.value!r} is not a number", "use an integer: 1, 2, …")
    estimate = task.fields.get("estimate")
    if estimate and task.estimate is None:
        report.error(estimate.line, "task-estimate-invalid", f"estimate {estimate.value!r} is not `B / M / W`",
                     "write best / likely / worst hours with best <= likely <= worst, e.g. `2 / 4 / 8`")
    for dep in task.depends_on:
        if not TASK_ID.match(dep):
            report.error(task.field_line("depends on"), "task-depends-invalid", f"{dep!r} is not a task ID",
                         "list task IDs separated by commas (T-001, T-002), or `none`")


def _check_size(task: Task, sizing: SizingConfig, report: Reporter) -> None:
    field = task.fields.get("size")
    if field is None:
        return
    size = field.value.strip().upper()
    if size == "XL":
        report.error(field.line, "task-size-xl", "size XL is not allowed", "split the task into S/M/L tasks")
        return
    limits = {"S": sizing.s_max_files, "M": sizing.m_max_files, "L": sizing.l_max_files}
    if size not in limits:
        report.error(field.line, "task-size-invalid", f"size {field.value!r} is not S, M or L",
                     "size by files and changed lines: S, M or L")
        return
    planned = len(task.planned_files())
    if planned > limits[size]:
        report.warning(field.line, "task-size-files", f"size {size} allows {limits[size]} files, {planned} are planned",
                       "raise the size or split the task")


def _check_criteria(task: Task, report: Reporter, english: bool) -> None:
    criteria = task.criteria()
    scenarios = [c for c in criteria if has_scenario(c.text)]
    if criteria and len(scenarios) < 2:
        level = ERROR if english or len(criteria) < 2 else WARNING
        report.add(level, criteria[0].line, "task-criteria-count",
                   f"{len(scenarios)} acceptance criteria in GIVEN / WHEN / THEN form; at least 2 are needed",
                   "write each criterion as GIVEN <context> WHEN <action> THEN <observable result>; include an "
                   "unhappy path" + ("" if english else "." + NOT_ENGLISH_NOTE))
    for criterion in criteria:
        if criterion not in scenarios:
            report.warning(criterion.line, "task-criterion-format", "criterion is not GIVEN / WHEN / THEN",
                           "rewrite it as GIVEN … WHEN … THEN …, checkable by a test")


def check_set(tasks: list[Task], validated: frozenset[Path]) -> list[Issue]:
    """Issues across tasks (duplicate IDs, unknown dependencies, cycles, wave order), reported only on the
    tasks being validated; the others are context (siblings in the same folder)."""
    by_id: dict[str, Task] = {}
    issues: list[Issue] = []
    for task in tasks:
        if task.id not in by_id:
            by_id[task.id] = task
        elif task.doc.path in validated:
            issues.append(Issue(ERROR, task.doc.display, task.line, "task-duplicate-id",
                                f"{task.id} is also the ID of {by_id[task.id].doc.display}",
                                "give each task a unique ID"))
    for task in tasks:
        if task.doc.path in validated:
            issues.extend(_dependency_issues(task, by_id))
    issues.extend(_cycle_issues(by_id, validated))
    return issues


def _dependency_issues(task: Task, by_id: dict[str, Task]) -> list[Issue]:
    issues = []
    line = task.field_line("depends on")
    for dep in task.depends_on:
        other = by_id.get(dep)
        if other is None and TASK_ID.match(dep):
            issues.append(Issue(ERROR, task.doc.display, line, "task-unknown-dependency",
                                f"{task.id} depends on {dep}, which is not a task here",
                                "fix the ID, or create the task (`ygs new task`)"))
        elif other is not None and other is not task and _wave(other) >= _wave(task) > 0:
            issues.append(Issue(WARNING, task.doc.display, line, "task-wave-order",
                                f"{task.id} (wave {_wave(task)}) depends on {dep} (wave {_wave(other)})",
                                "a task runs in a later wave than every task it depends on"))
    return issues


def _wave(task: Task) -> int:
    field = task.fields.get("wave")
    return int(field.value) if field and field.value.isdigit() else 0


def _cycle_issues(by_id: dict[str, Task], validated: frozenset[Path]) -> list[Issue]:
    issues = []
    for cycle in find_cycles({tid: [d for d in t.depends_on if d in by_id] for tid, t in by_id.items()}):
        first = next((by_id[tid] for tid in cycle if by_id[tid].doc.path in validated), None)
        if first is None:
            continue
        issues.append(Issue(ERROR, first.doc.display, first.field_line("depends on"), "task-dependency-cycle",
                            "dependency cycle: " + " -> ".join([*cycle, cycle[0]]),
                            "remove one dependency of the cycle; split a task if both really need each other"))
    return issues


def find_cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Each distinct cycle found by depth-first search, rotated to start at its smallest ID."""
    found: dict[tuple[str, ...], list[str]] = {}
    state: dict[str, str] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        path.append(node)
        for dep in graph.get(node, []):
            if state.get(dep) == "open":
                cycle = path[path.index(dep):]
                start = cycle.index(min(cycle))
                rotated = cycle[start:] + cycle[:start]
                found.setdefault(tuple(rotated), rotated)
            elif dep not in state:
                visit(dep, path)
        path.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    return list(found.values())
