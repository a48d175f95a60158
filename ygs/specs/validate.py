"""`ygs validate`: find the documents, tell their kinds, run each kind's rules and the task-set rules.

The result is one flat list of issues (level, file, line, rule, message, hint); the text and JSON outputs
render that list, and `--strict` only changes which levels fail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ygs.errors import YgsError
from ygs.specs import kinds, markdown
from ygs.specs.markdown import Document
from ygs.specs.model import INFO, LEVELS, Context, Issue, Reporter
from ygs.specs.rules import adr, common, design, notes, prd, threat_model
from ygs.specs.rules import task as task_rules
from ygs.specs.task import parse as parse_task

Check = Callable[[Document, Context, Reporter, bool], None]

RULES: dict[str, Check] = {
    "prd": prd.check,
    "trd": design.check_trd,
    "design-doc": design.check_design,
    "threat-model": threat_model.check,
    "adr": adr.check,
    "task": task_rules.check,
    "spike": notes.check_spike,
    "retro": notes.check_retro,
}


@dataclass
class Result:
    strict: bool
    files: list[tuple[str, str]] = field(default_factory=list)  # (display path, kind)
    issues: list[Issue] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not any(issue.fails(self.strict) for issue in self.issues)

    def count(self, level: str) -> int:
        return sum(issue.level == level for issue in self.issues)

    def to_json(self) -> dict[str, Any]:
        return {
            "valid": self.valid,
            "strict": self.strict,
            "summary": {"files": len(self.files), **{f"{level}s": self.count(level) for level in LEVELS}},
            "files": [{"path": path, "kind": kind} for path, kind in self.files],
            "issues": [issue.to_json() for issue in self.issues],
        }


def default_paths(root: Path) -> list[Path]:
    """The default document folders that exist in the project."""
    return [root / k.directory for k in kinds.KINDS.values() if (root / k.directory).is_dir()]


def validate(paths: list[Path], ctx: Context, kind: str | None = None, strict: bool = False) -> Result:
    result = Result(strict=strict)
    tasks: list[Document] = []
    for path, explicit in markdown.find_documents(paths):
        doc = markdown.load(path, markdown.display_path(path))
        doc_kind = kinds.KINDS[kind] if kind else kinds.detect(path, doc.title)
        if doc_kind is None:
            _unknown_kind(doc, explicit, result)
            continue
        result.files.append((doc.display, doc_kind.name))
        result.issues.extend(check_document(doc, doc_kind.name, ctx))
        if doc_kind.name == "task":
            tasks.append(doc)
    result.issues.extend(_task_set_issues(tasks))
    order = {display: i for i, (display, _) in enumerate(result.files)}
    result.issues.sort(key=lambda i: (order.get(i.file, len(order)), i.line, LEVELS.index(i.level)))
    return result


def check_document(doc: Document, kind: str, ctx: Context) -> list[Issue]:
    report = Reporter(doc.display)
    RULES[kind](doc, ctx, report, common.is_english(doc))
    common.check_unfilled(doc, report)
    return sorted(report.issues, key=lambda i: (i.line, LEVELS.index(i.level)))


def _unknown_kind(doc: Document, explicit: bool, result: Result) -> None:
    if explicit:
        raise YgsError(f"cannot tell what kind of document {doc.display} is; pass --kind "
                       f"({', '.join(kinds.NAMES)})")
    result.issues.append(Issue(INFO, doc.display, 1, "unknown-kind", "skipped: not a known document kind",
                               f"name it like `ygs new` does or pass --kind ({', '.join(kinds.NAMES)})"))


def _task_set_issues(validated: list[Document]) -> list[Issue]:
    """Task-set rules over the validated tasks plus the other tasks in their folders (for dependencies)."""
    if not validated:
        return []
    docs = {doc.path: doc for doc in validated}
    for folder in sorted({doc.path.parent for doc in validated}):
        for path in sorted(folder.glob("*.md")):
            if path.resolve() not in docs:
                sibling = _sibling_task(path.resolve())
                if sibling is not None:
                    docs[sibling.path] = sibling
    tasks = [parse_task(doc) for doc in docs.values()]
    return task_rules.check_set(tasks, frozenset(doc.path for doc in validated))


def _sibling_task(path: Path) -> Document | None:
    try:
        doc = markdown.load(path, markdown.display_path(path))
    except YgsError:
        return None  # not ours to judge: only the files being validated must be readable
    return doc if kinds.detect(path, doc.title) is kinds.KINDS["task"] else None

