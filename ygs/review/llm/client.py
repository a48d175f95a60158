"""One Messages API call at a time, with ygs's own retries and a circuit breaker.

The SDK's retries are off (`max_retries=0`) so every attempt is ours: observable in the evidence and
testable. 408/409/429/5xx (529 overloaded included), timeouts and connection errors are retried with
exponential backoff and jitter, honouring `retry-after` / `retry-after-ms`, up to `max_attempts`. After
`breaker_failures` consecutive failed requests the breaker opens for the rest of the run. 400/404 (a bad model
name, most often), 401/403 and 413 end the pass at once: every further call would fail the same way.
"""

from __future__ import annotations

import email.utils
import random
import time
import warnings
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any, Callable

from ygs.config import LlmConfig
from ygs.review.llm import prompt

RETRYABLE_STATUS = frozenset({408, 409, 429})
MAX_ERRORS_KEPT = 10


class CallFailed(Exception):
    """A call that did not produce a tool input. `fatal`: no further call should be made."""

    def __init__(self, reason: str, fatal: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.fatal = fatal


@dataclass
class Usage:
    input_tokens: int = 0
    output_tokens: int = 0
    cache_read_input_tokens: int = 0
    cache_creation_input_tokens: int = 0

    def add(self, usage: Any) -> None:
        for name in asdict(self):
            setattr(self, name, getattr(self, name) + (getattr(usage, name, 0) or 0))

    def to_json(self) -> dict[str, int]:
        return asdict(self)


@dataclass(frozen=True)
class _Failure:
    reason: str
    retryable: bool = False
    fatal: bool = False
    retry_after: float | None = None


class Client:
    def __init__(self, config: LlmConfig, api_key: str, *, sleep: Callable[[float], None] = time.sleep,
                 jitter: Callable[[], float] = random.random) -> None:
        import anthropic  # lazily: hook commands import ygs but must never pay for the SDK

        self._anthropic = anthropic
        self._sdk = anthropic.Anthropic(api_key=api_key, max_retries=0, timeout=config.timeout_s)
        self._config = config
        self._sleep = sleep
        self._jitter = jitter
        self._failures_in_row = 0
        self.open_reason = ""  # set when the breaker opens
        self.usage = Usage()
        self.attempts = 0
        self.retries = 0
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def report(self, request: dict[str, Any]) -> Any:
        """The `report_findings` input of one call, after retries. Raises CallFailed."""
        if self.open_reason:
            raise CallFailed(self.open_reason, fatal=True)
        attempts = max(1, self._config.max_attempts)
        for attempt in range(1, attempts + 1):
            response, failure = self._attempt(request)
            if failure is None:
                return _tool_input(response, self._config)
            self._record(failure)
            if failure.fatal or self.open_reason:
                raise CallFailed(self.open_reason or failure.reason, fatal=True)
            if not failure.retryable:
                raise CallFailed(failure.reason)
            if attempt < attempts:
                self.retries += 1
                self._sleep(self._delay(attempt, failure.retry_after))
        raise CallFailed(f"{failure.reason} (gave up after {attempts} attempt(s), [tool.ygs.llm] max_attempts)")

    def _attempt(self, request: dict[str, Any]) -> tuple[Any, _Failure | None]:
        self.attempts += 1
        try:
            with warnings.catch_warnings(record=True) as caught:  # e.g. a deprecated model: evidence, not stderr
                warnings.simplefilter("always")
                response = self._sdk.messages.create(**request)
            self._warned(caught)
        except (self._anthropic.AnthropicError, ValueError) as exc:  # ValueError: a body that is not JSON
            return None, self._classify(exc)
        self._failures_in_row = 0
        self.usage.add(getattr(response, "usage", None))
        return response, None

    def _warned(self, caught: list[warnings.WarningMessage]) -> None:
        for item in caught:
            text = " ".join(str(item.message).split())
            if text not in self.warnings:
                self.warnings.append(text)

    def _record(self, failure: _Failure) -> None:
        self.errors = (self.errors + [failure.reason])[-MAX_ERRORS_KEPT:]
        self._failures_in_row += 1
        if self._failures_in_row >= self._config.breaker_failures:
            self.open_reason = (f"circuit breaker open after {self._failures_in_row} consecutive failed requests "
                                f"([tool.ygs.llm] breaker_failures); last: {failure.reason}")

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(max(retry_after, 0.0), self._config.max_delay_s)
        backoff = self._config.base_delay_s * 2 ** (attempt - 1)
        return min(backoff * (0.5 + self._jitter() / 2), self._config.max_delay_s)

    def _classify(self, exc: Exception) -> _Failure:
        sdk = self._anthropic
        if isinstance(exc, sdk.APITimeoutError):
            return _Failure(f"request timed out after {self._config.timeout_s:g}s ([tool.ygs.llm] timeout_s)",
                            retryable=True)
        if isinstance(exc, sdk.APIConnectionError):
            return _Failure(f"cannot reach the API: {exc}", retryable=True)
        if isinstance(exc, sdk.APIStatusError):
            return self._status_failure(exc)
        if isinstance(exc, ValueError):
            return _Failure(f"unreadable API response ({type(exc).__name__}: {exc})")
        return _Failure(f"{type(exc).__name__}: {exc}")

    def _status_failure(self, exc: Any) -> _Failure:
        status = exc.status_code
        what = f"HTTP {status}: {_api_message(exc)}"
        if status in (400, 404):
            return _Failure(f"the API rejected the request ({what}); check [tool.ygs.llm] model = "
                            f"{self._config.model!r} (and max_output_tokens)", fatal=True)
        if status in (401, 403):
            return _Failure(f"the API refused the credentials ({what}); check ANTHROPIC_API_KEY", fatal=True)
        if status == 413:
            return _Failure(f"request too large ({what}); lower [tool.ygs.llm] max_input_tokens", fatal=True)
        if status in RETRYABLE_STATUS or status >= 500:
            return _Failure(what, retryable=True, retry_after=retry_after(exc.response.headers))
        return _Failure(what)


def _api_message(exc: Any) -> str:
    body = getattr(exc, "body", None)
    error = body.get("error") if isinstance(body, dict) else None
    message = error.get("message") if isinstance(error, dict) else None
    return str(message or getattr(exc, "message", "") or type(exc).__name__)[:200]


def retry_after(headers: Any) -> float | None:
    """Seconds the server asked us to wait: `retry-after-ms`, else `retry-after` (seconds or an HTTP date)."""
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        value = headers.get(name) if headers is not None else None
        if value is None:
            continue
        try:
            return float(value) * scale
        except ValueError:
            pass
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            continue
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        return (when - datetime.now(timezone.utc)).total_seconds()
    return None


def _tool_input(response: Any, config: LlmConfig) -> Any:
    stop = getattr(response, "stop_reason", None)
    if stop == "max_tokens":  # a tool call cut off mid-way is not an answer
        raise CallFailed(f"the answer was cut off at max_output_tokens ([tool.ygs.llm] max_output_tokens = "
                         f"{config.max_output_tokens})")
    for block in getattr(response, "content", None) or []:
        if getattr(block, "type", None) == "tool_use" and getattr(block, "name", None) == prompt.TOOL_NAME:
            return block.input
    raise CallFailed(f"the model did not call {prompt.TOOL_NAME} (stop_reason {stop})")
