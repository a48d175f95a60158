"""The model's answer is untrusted: parse it field by field, then check every finding against the diff.

A finding counts only if its path is in the change set, its lines lie inside a hunk that was sent, and its quote
is the text of that line (whitespace-normalized). Everything else is dropped and counted by reason.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable

from ygs.review.llm import prompt
from ygs.review.llm.pack import Unit
from ygs.review.model import RawFinding, Severity

SOURCE = "llm"
RULE_PREFIX = "llm-"
SAMPLE_SIZE = 5
PATH_NOT_IN_DIFF = "path_not_in_diff"
LINE_OUTSIDE_HUNKS = "line_outside_hunks"
QUOTE_MISMATCH = "quote_mismatch"
MALFORMED = "malformed"


class MalformedOutput(ValueError):
    """The tool input is not a `{"findings": [...]}` object: the call failed."""


@dataclass(frozen=True)
class ModelFinding:
    path: str
    line: int
    end_line: int
    severity: str
    pass_: int
    category: str
    quote: str
    message: str
    fix: str

    @property
    def rule_id(self) -> str:
        return RULE_PREFIX + self.category

    def to_raw(self) -> RawFinding:
        return RawFinding(rule_id=self.rule_id, path=self.path, line=self.line, end_line=self.end_line,
                          message=self.message, source=SOURCE, severity=Severity(self.severity),
                          pass_=self.pass_, category=self.category, fix=self.fix)

    def to_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["pass"] = data.pop("pass_")
        return data

    def moved(self, delta: int) -> ModelFinding:
        return dataclasses.replace(self, line=self.line + delta, end_line=self.end_line + delta)


def parse(tool_input: Any) -> tuple[list[ModelFinding], list[Any]]:
    """(well-formed findings, malformed items). A wrong overall shape raises MalformedOutput."""
    if not isinstance(tool_input, dict) or not isinstance(tool_input.get("findings"), list):
        raise MalformedOutput(f"{prompt.TOOL_NAME} input is not an object with a `findings` array: "
                              f"{str(tool_input)[:120]}")
    good: list[ModelFinding] = []
    bad: list[Any] = []
    for item in tool_input["findings"]:
        finding = parse_item(item)
        if finding is None:
            bad.append(item)
        else:
            good.append(finding)
    return good, bad


def parse_item(item: Any) -> ModelFinding | None:
    if not isinstance(item, dict):
        return None
    texts = {key: item.get(key) for key in ("path", "quote", "message")}
    if not all(isinstance(value, str) for value in texts.values()) or not texts["path"] or not texts["message"]:
        return None
    line, end_line = item.get("line"), item.get("end_line", item.get("line"))
    if not _positive_int(line) or not _positive_int(end_line) or end_line < line:
        return None
    severity, pass_ = item.get("severity"), item.get("pass")
    if severity not in prompt.SEVERITIES or pass_ not in (1, 2) or isinstance(pass_, bool):
        return None
    category = item.get("category")
    fix = item.get("fix", "")
    return ModelFinding(path=texts["path"], line=line, end_line=end_line, severity=severity, pass_=pass_,
                        category=category if category in prompt.CATEGORIES else "other", quote=texts["quote"],
                        message=texts["message"].strip(), fix=fix.strip() if isinstance(fix, str) else "")


def _positive_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


@dataclass
class Drops:
    """Dropped findings: counts per reason and a short sample, for the evidence."""

    counts: Counter[str] = field(default_factory=Counter)
    sample: list[dict[str, Any]] = field(default_factory=list)

    def add(self, reason: str, item: Any) -> None:
        self.counts[reason] += 1
        if len(self.sample) < SAMPLE_SIZE:
            self.sample.append({"reason": reason, **_summary(item)})


def _summary(item: Any) -> dict[str, Any]:
    if isinstance(item, ModelFinding):
        return {"path": item.path, "line": item.line, "quote": item.quote[:80], "message": item.message[:120]}
    return {"item": str(item)[:160]}


def check(finding: ModelFinding, units: list[Unit], line_text: Callable[[str, int], str]) -> str | None:
    """Why the finding does not match what was sent (None: it does)."""
    mine = [u for u in units if finding.path in (u.path, prompt.printable(u.path))]
    if not mine:
        return PATH_NOT_IN_DIFF
    unit = next((u for u in mine if u.contains(finding.line, finding.end_line)), None)
    if unit is None:
        return LINE_OUTSIDE_HUNKS
    quote = _normalized(finding.quote)
    if quote not in (_normalized(unit.row(finding.line)), _normalized(line_text(unit.path, finding.line))):
        return QUOTE_MISMATCH
    return None


def _normalized(text: str) -> str:
    return " ".join(text.split())


def keep(findings: list[ModelFinding], units: list[Unit], line_text: Callable[[str, int], str],
         drops: Drops) -> list[ModelFinding]:
    kept = []
    for finding in findings:
        reason = check(finding, units, line_text)
        if reason is None:
            kept.append(_with_real_path(finding, units))
        else:
            drops.add(reason, finding)
    return kept


def _with_real_path(finding: ModelFinding, units: list[Unit]) -> ModelFinding:
    """The model saw printable paths; the finding names the file as git does."""
    unit = next(u for u in units if finding.path in (u.path, prompt.printable(u.path)))
    return dataclasses.replace(finding, path=unit.path)


def owner(finding: ModelFinding, units: list[Unit]) -> Unit | None:
    """The unit a kept finding belongs to (for caching per hunk)."""
    return next((u for u in units if u.path == finding.path and u.contains(finding.line, finding.end_line)), None)
