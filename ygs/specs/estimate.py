"""`ygs estimate`: PERT three-point estimates, their totals and ranges, and calendar time at real capacity.

E = (B + 4M + W) / 6, σ = (W − B) / 6; over tasks E_total = Σ E and σ_total = √(Σ σ²). Calendar time is
effort ÷ the share of time that goes to feature work (`[tool.ygs.estimate] feature_share`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ygs.config import EstimateConfig
from ygs.specs import kinds, markdown
from ygs.specs.task import Task, parse

HOURS_PER_DAY = 8
# Work besides coding that a whole-job plan has tasks (or checklist items) for.
COVERAGE = {
    "testing": r"tests?|testing|qa|e2e|end-to-end",
    "deploy": r"deploy\w*|release|rollout|roll out|feature flags?|ci|pipeline",
    "observability": r"metrics?|log(?:s|ging)|alerts?|alerting|dashboards?|tracing|observability|monitoring",
    "runbook": r"runbooks?|on-call|playbooks?",
    "migration": r"migrat\w*|backfill\w*|schema changes?",
    "docs": r"docs?|documentation|readme|changelog|guide",
}


@dataclass(frozen=True)
class Pert:
    best: float
    likely: float
    worst: float

    @property
    def expected(self) -> float:
        return (self.best + 4 * self.likely + self.worst) / 6

    @property
    def sigma(self) -> float:
        return (self.worst - self.best) / 6


@dataclass(frozen=True)
class Item:
    id: str
    title: str
    file: str
    pert: Pert

    def to_json(self) -> dict[str, Any]:
        p = self.pert
        return {"id": self.id, "title": self.title, "file": self.file, "best": p.best, "likely": p.likely,
                "worst": p.worst, "expected": _round(p.expected), "sigma": _round(p.sigma)}


@dataclass
class Estimate:
    config: EstimateConfig
    items: list[Item] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, why it has no usable estimate)
    uncovered: list[str] = field(default_factory=list)  # COVERAGE categories no task mentions
    from_tasks: bool = True

    @property
    def expected(self) -> float:
        return sum(item.pert.expected for item in self.items)

    @property
    def sigma(self) -> float:
        return math.sqrt(sum(item.pert.sigma ** 2 for item in self.items))

    def interval(self, sigmas: int) -> tuple[float, float]:
        return max(0.0, self.expected - sigmas * self.sigma), self.expected + sigmas * self.sigma

    def calendar(self, hours: float) -> float:
        return hours / self.config.feature_share

    def to_json(self) -> dict[str, Any]:
        share = self.config.feature_share
        return {
            "tasks": [item.to_json() for item in self.items],
            "skipped": [{"file": f, "reason": r} for f, r in self.skipped],
            "total": {"expected": _round(self.expected), "sigma": _round(self.sigma),
                      "range_68": _pair(self.interval(1)), "range_95": _pair(self.interval(2))},
            "calendar": {"feature_share": share, "expected": _round(self.calendar(self.expected)),
                         "range_95": _pair(tuple(self.calendar(h) for h in self.interval(2))),
                         "hours_per_day": HOURS_PER_DAY},
            "uncovered": self.uncovered,
            "coding_only_multiplier": self.config.coding_only_multiplier,
        }


def _round(value: float) -> float:
    return round(value, 1)


def _pair(values: tuple[float, ...]) -> list[float]:
    return [_round(v) for v in values]


def from_numbers(best: float, likely: float, worst: float, config: EstimateConfig) -> Estimate:
    return Estimate(config, [Item("", "", "", Pert(best, likely, worst))], from_tasks=False)


def from_tasks(paths: list[Path], config: EstimateConfig) -> Estimate:
    """Estimates from task files (and the task files in folders); files without one are listed as skipped."""
    result = Estimate(config)
    tasks = [parse(doc) for doc in _task_docs(paths)]
    for task in tasks:
        pert = task.estimate
        if pert is None:
            result.skipped.append((task.doc.display, _why_not(task)))
        else:
            result.items.append(Item(task.id, task.title, task.doc.display, Pert(*pert)))
    result.uncovered = uncovered(tasks)
    return result


def _task_docs(paths: list[Path]) -> list[markdown.Document]:
    docs = []
    for path, explicit in markdown.find_documents(paths):
        doc = markdown.load(path, markdown.display_path(path))
        if explicit or kinds.detect(path, doc.title) is kinds.KINDS["task"]:
            docs.append(doc)
    return docs


def _why_not(task: Task) -> str:
    field_ = task.fields.get("estimate")
    if field_ is None:
        return "no `Estimate (hours): B / M / W` line"
    return f"estimate {field_.value!r} is not `B / M / W` with B <= M <= W"


def uncovered(tasks: list[Task]) -> list[str]:
    """The kinds of non-coding work that no task's title, description or checklist mentions."""
    if not tasks:
        return []
    text = "\n".join(task.scope_text() for task in tasks)
    return [name for name, pattern in COVERAGE.items() if not re.search(rf"\b(?:{pattern})\b", text, re.I)]
