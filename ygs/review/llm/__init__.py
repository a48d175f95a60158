"""The LLM pass of `ygs review`: a two-pass judgment review of the diff by a model, checked by ygs.

Runs after the deterministic analyzers, which it sees as already known. The system prompt is the project's
rendered review skills; the diff is packed into calls under the token budget, sent as delimited untrusted data
with known secrets redacted, and the model must answer with one `report_findings` tool call. Every finding is
validated against the diff before it counts; the model never sets the verdict. Results are cached per hunk,
so a re-review pays only for what changed. See docs/llm.md.
"""

from __future__ import annotations

import os
from importlib import metadata
from typing import Callable

from ygs.config import LlmConfig
from ygs.review.llm import cache, client, pack, prompt, validate
from ygs.review.llm.pack import Unit
from ygs.review.llm.validate import ModelFinding
from ygs.review.model import AnalyzerResult, ScanContext

NAME = "llm"
KEY_ENV = "ANTHROPIC_API_KEY"
OVER_BUDGET = "over the token budget ([tool.ygs.llm] max_input_tokens per call × max_calls)"


def run(ctx: ScanContext, results: list[AnalyzerResult], *, use_cache: bool = True) -> AnalyzerResult:
    """Review the change; a failure is returned as evidence (status failed), never raised."""
    config = ctx.config.llm
    key = os.environ.get(KEY_ENV, "").strip()
    early = _precheck(config, key)
    if early is not None:
        return early
    known = [raw for result in results if result.name != NAME for raw in result.findings]
    secrets = sorted({value for raw in known for value in raw.redact if value}, key=len, reverse=True)
    units = pack.units(ctx, known, secrets, config.context_lines)
    if not units:
        return AnalyzerResult(name=NAME, status="skipped", reason="no added lines to review", required=False)
    review = Review(ctx, units, use_cache)
    review.run(lambda: client.Client(config, key))
    return review.result()


def _precheck(config: LlmConfig, key: str) -> AnalyzerResult | None:
    """Skipped or failed before any work: disabled, or no key (failed only when the pass is required)."""
    if config.enabled is False:
        return AnalyzerResult(name=NAME, status="skipped", reason="disabled by [tool.ygs.llm] enabled = false",
                              required=False)
    if key:
        return None
    if config.required:
        return AnalyzerResult(name=NAME, status="failed", required=True,
                              reason=f"{KEY_ENV} not set ([tool.ygs.llm] required = true)")
    return AnalyzerResult(name=NAME, status="skipped", reason=f"{KEY_ENV} not set", required=False)


class Review:
    """One run of the pass: cache lookups, packing, calls, validation, and the evidence of all of it."""

    def __init__(self, ctx: ScanContext, units: list[Unit], use_cache: bool) -> None:
        self.ctx = ctx
        self.config = ctx.config.llm
        self.units = units
        self.system = prompt.system_blocks(ctx.config)
        self.cache = cache.Cache(ctx.changeset.root, self.config.model, prompt.version(self.system), read=use_cache)
        self.findings: list[ModelFinding] = []
        self.drops = validate.Drops()
        self.not_reviewed: list[tuple[Unit, str]] = []
        self.failures: list[str] = []
        self.stopped = ""  # why no further call is made (breaker open, bad model, …)
        self.planned = 0
        self.completed = 0
        self.api: client.Client | None = None
        self._lines: dict[str, list[str]] = {}

    def run(self, make_client: Callable[[], client.Client]) -> None:
        todo = [unit for unit in self.units if not self._from_cache(unit)]
        fixed = prompt.fixed_tokens(self.system)
        calls, left = pack.plan(todo, self.config.max_input_tokens - fixed, self.config.max_calls)
        self.not_reviewed += [(unit, self._over_budget(fixed)) for unit in left]
        self.planned = len(calls)
        if calls:
            self._connect(make_client)
        for units in calls:
            if self.stopped:
                self.not_reviewed += [(unit, f"call not made: {self.stopped}") for unit in units]
            else:
                self._call(units)

    def _over_budget(self, fixed: int) -> str:
        if fixed < self.config.max_input_tokens:
            return OVER_BUDGET
        return (f"[tool.ygs.llm] max_input_tokens = {self.config.max_input_tokens} leaves no room next to the "
                f"system prompt (~{fixed} tokens)")

    def _connect(self, make_client: Callable[[], client.Client]) -> None:
        """The SDK is imported here, only when there is something to send."""
        try:
            self.api = make_client()
        except ImportError as exc:
            self.stopped = f"the anthropic package is not installed ({exc}); pip install 'anthropic>=0.40'"
            self.failures.append(self.stopped)

    def _from_cache(self, unit: Unit) -> bool:
        cached = self.cache.get(unit)
        if cached is None:
            return False
        self.findings += validate.keep(cached, [unit], self.line_text, self.drops)
        return True

    def _call(self, units: list[Unit]) -> None:
        assert self.api is not None
        try:
            findings, malformed = validate.parse(self.api.report(self.request(units)))
        except client.CallFailed as exc:
            return self._failed(units, exc.reason, exc.fatal)
        except validate.MalformedOutput as exc:
            return self._failed(units, str(exc), fatal=False)
        for item in malformed:
            self.drops.add(validate.MALFORMED, item)
        kept = validate.keep(findings, units, self.line_text, self.drops)
        self.findings += kept
        self.completed += 1
        for unit in units:
            self.cache.put(unit, [f for f in kept if validate.owner(f, [unit]) is unit])

    def _failed(self, units: list[Unit], reason: str, fatal: bool) -> None:
        self.failures.append(reason)
        self.not_reviewed += [(unit, f"call failed: {reason}") for unit in units]
        if fatal:
            self.stopped = reason

    def request(self, units: list[Unit]) -> dict:
        known, blocks = pack.render(units)
        return {
            "model": self.config.model,
            "max_tokens": self.config.max_output_tokens,
            "system": self.system,
            "tools": [prompt.TOOL],
            "tool_choice": prompt.TOOL_CHOICE,
            "messages": [{"role": "user", "content": prompt.user_message(known, blocks)}],
        }

    def line_text(self, path: str, line: int) -> str:
        if path not in self._lines:
            try:
                self._lines[path] = self.ctx.lines_of(path)
            except OSError:
                self._lines[path] = []
        lines = self._lines[path]
        return lines[line - 1] if 1 <= line <= len(lines) else ""

    def result(self) -> AnalyzerResult:
        paths = list(dict.fromkeys(unit.path for unit in self.units))
        missed = {unit.path for unit, _ in self.not_reviewed}
        return AnalyzerResult(
            name=NAME,
            status="failed" if self.failures else "ok",
            reason=self.reason(),
            version=_sdk_version(),
            rules_run=len(prompt.CATEGORIES),
            files_applicable=len(paths),
            files_scanned=sum(path not in missed for path in paths),
            findings=[finding.to_raw() for finding in self.findings],
            required=self.config.required,
            extra=self.evidence(),
        )

    def reason(self) -> str:
        if self.failures:
            unfinished = self.planned - self.completed
            return f"{self.failures[0]}; {unfinished} of {self.planned} call(s) not completed"
        over = {unit.path: why for unit, why in self.not_reviewed}
        return f"{len(over)} file(s) not reviewed by the LLM: {next(iter(over.values()))}" if over else ""

    def evidence(self) -> dict:
        used = self.api
        return {
            "model": self.config.model,
            "prompt_version": self.cache.prompt_version,
            "estimated_with": "chars/4",
            "units": len(self.units),
            "calls": {"planned": self.planned, "completed": self.completed, "max_calls": self.config.max_calls,
                      "attempts": used.attempts if used else 0, "retries": used.retries if used else 0},
            "usage": used.usage.to_json() if used else client.Usage().to_json(),
            "cache": {**self.cache.stats, "read": self.cache.read},
            "breaker": "open" if used and used.open_reason else "closed",
            "errors": used.errors if used else [],
            "warnings": used.warnings if used else [],
            "dropped": dict(self.drops.counts),
            "dropped_sample": self.drops.sample,
            "not_reviewed": _not_reviewed(self.not_reviewed),
        }


def _not_reviewed(entries: list[tuple[Unit, str]]) -> list[dict]:
    grouped: dict[tuple[str, str], list[str]] = {}
    for unit, reason in entries:
        grouped.setdefault((unit.path, reason), []).append(f"{unit.first}-{unit.last}")
    return [{"path": path, "lines": lines, "reason": reason} for (path, reason), lines in grouped.items()]


def _sdk_version() -> str:
    try:
        return f"anthropic {metadata.version('anthropic')}"
    except metadata.PackageNotFoundError:
        return "anthropic (not installed)"

