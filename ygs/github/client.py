"""The GitHub connection (PyGithub, imported only here and only when publishing) and the retry policy.

Three layers, none of which retries what cannot change (401, 403 without a rate limit, 404, 422):
- the transport (urllib3's Retry, handed to PyGithub) retries idempotent requests (GET, PUT, DELETE, ...)
  on 5xx and network errors, `api_attempts` tries with `api_backoff_s` backoff;
- `attempt` retries a whole operation on 5xx and network errors the transport did not already retry
  (POST and PATCH), and waits out rate limits for every method: a request GitHub refused for a rate limit
  (403/429 with `Retry-After`, `x-ratelimit-remaining: 0` + `x-ratelimit-reset`, or a "rate limit"
  message) was not carried out, so repeating it is safe. The waits of one publish share one budget,
  `max_rate_limit_wait_s`; a wait that does not fit gives up at once, with the reason;
- PyGithub's `seconds_between_writes` paces writes (`write_interval_s`), against secondary limits.
"""

from __future__ import annotations

import contextlib
import email.utils
import math
import threading
import time
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Callable, Iterator, TypeVar

import click

from ygs import __version__
from ygs.config import GithubConfig
from ygs.github.context import PullRequestContext

T = TypeVar("T")
RATE_LIMIT_WAITS = 5  # rate-limit waits per operation, within the run's max_rate_limit_wait_s
SECONDARY_WAIT_S = 60.0  # GitHub: with no header saying how long, wait at least a minute (then longer)
PROGRESS_EVERY_S = 15.0  # a longer wait says how much is left this often
TRANSPORT_STATUSES = (500, 502, 503, 504)


@dataclass(frozen=True)
class Failure:
    """Why a publishing step did not happen: `forbidden` (403: fork PR, read-only token), `rate-limited` (GitHub
    asked for a longer wait than the budget had left) or `failed`."""

    kind: str  # forbidden | rate-limited | failed
    detail: str


class PublishError(Exception):
    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.detail)
        self.failure = failure


@dataclass
class WaitBudget:
    """Seconds of rate-limit waiting left for this publish (`[tool.ygs.github] max_rate_limit_wait_s`)."""

    left_s: float


_budget: ContextVar[WaitBudget | None] = ContextVar("ygs_github_wait_budget", default=None)
_transport = threading.local()  # .exhausted: the transport retried the last failing request to the end


@contextlib.contextmanager
def wait_budget(config: GithubConfig) -> Iterator[WaitBudget]:
    """One rate-limit wait budget shared by every API call made inside (one publish)."""
    budget = WaitBudget(max(0.0, config.max_rate_limit_wait_s))
    token = _budget.set(budget)
    try:
        yield budget
    finally:
        _budget.reset(token)


def connect(ctx: PullRequestContext, config: GithubConfig) -> Any:
    """A PyGithub client for ctx's API (lazy objects: no request until one is needed)."""
    import github

    return github.Github(
        base_url=ctx.api_url,
        auth=github.Auth.Token(ctx.token),
        timeout=config.api_timeout_s,
        user_agent=f"ygs/{__version__}",
        per_page=100,
        retry=transport_retry(config),
        seconds_between_requests=None,
        seconds_between_writes=config.write_interval_s or None,
        lazy=True,
    )


def transport_retry(config: GithubConfig) -> Any:
    """urllib3's Retry for idempotent requests on 5xx and network errors. It never sleeps on `Retry-After`
    and never retries 403/429: rate limits are waited out by `attempt`, visibly and within the budget."""
    from urllib3.exceptions import MaxRetryError
    from urllib3.util.retry import Retry

    class TransportRetry(Retry):
        def increment(self, *args: Any, **kwargs: Any) -> Retry:
            try:
                return super().increment(*args, **kwargs)
            except MaxRetryError:
                _transport.exhausted = True
                raise

    return TransportRetry(total=max(0, config.api_attempts - 1), backoff_factor=config.api_backoff_s,
                          status_forcelist=TRANSPORT_STATUSES, allowed_methods=Retry.DEFAULT_ALLOWED_METHODS,
                          respect_retry_after_header=False, raise_on_status=False, raise_on_redirect=False)


def attempt(operation: Callable[[], T], config: GithubConfig, sleep: Callable[[float], None] = time.sleep) -> T:
    """operation(), retried on transient failures and after rate limits; any other failure is raised as
    PublishError at once."""
    tries = max(1, config.api_attempts)
    budget = _budget.get() or WaitBudget(max(0.0, config.max_rate_limit_wait_s))
    number = waits = 0
    while True:
        number += 1
        _transport.exhausted = False
        try:
            return operation()
        except Exception as exc:  # noqa: BLE001 - classified below; unknown ones are re-raised
            failure = classify(exc)
            if failure is None:
                raise
            limit = rate_limit(exc, waits)
            if limit is not None:
                waits += 1
                _wait_out(limit, failure, budget, waits, sleep)
                number -= 1  # a refused request was not carried out: the try does not count
                continue
            retried = getattr(_transport, "exhausted", False)
            if number == tries or retried or not transient(exc):
                done = tries if retried else number
                suffix = f" (after {done} attempts)" if done > 1 else ""
                raise PublishError(Failure(failure.kind, failure.detail + suffix)) from exc
        sleep(config.api_backoff_s * 2 ** (number - 1))


def rate_limit(exc: BaseException, earlier: int = 0, now: Callable[[], float] = time.time) -> \
        tuple[float, str] | None:
    """(seconds to wait, what says so) when GitHub refused the request for a rate limit, else None.
    `earlier`: rate-limit waits already made for this operation (the fallback wait doubles each time)."""
    from github import GithubException

    if not isinstance(exc, GithubException) or exc.status not in (403, 429):
        return None
    headers = {str(k).lower(): str(v) for k, v in (exc.headers or {}).items()}
    after = _retry_after(headers.get("retry-after", ""), now())
    if after is not None:
        return after, "Retry-After"
    reset = headers.get("x-ratelimit-reset", "")
    if headers.get("x-ratelimit-remaining") == "0" and reset.isdigit():
        return max(0.0, int(reset) - now()) + 1.0, "x-ratelimit-reset"  # +1: the reset is somewhere in that second
    message = _message(exc.data).lower()
    if exc.status == 429 or "rate limit" in message or "abuse detection" in message:
        return SECONDARY_WAIT_S * 2 ** earlier, "secondary rate limit"
    return None


def _retry_after(value: str, now: float) -> float | None:
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)  # the HTTP-date form
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - now) if when.tzinfo else None


def _wait_out(limit: tuple[float, str], failure: Failure, budget: WaitBudget, waits: int,
              sleep: Callable[[float], None]) -> None:
    """Sleep out one rate limit, saying so on stderr; PublishError when it does not fit the budget."""
    seconds, why = limit
    shown = math.ceil(seconds)
    if waits > RATE_LIMIT_WAITS:
        raise PublishError(Failure("failed", f"{failure.detail} — gave up: still rate limited after "
                                             f"{RATE_LIMIT_WAITS} waits"))
    if seconds > budget.left_s:
        raise PublishError(Failure("rate-limited", (
            f"{failure.detail} — gave up: GitHub asks to wait {shown} s ({why}), more than the "
            f"{math.floor(budget.left_s)} s left of [tool.ygs.github] max_rate_limit_wait_s")))
    click.echo(f"ygs: GitHub rate limit: waiting {shown} s ({why})", err=True)
    budget.left_s -= seconds
    left = seconds
    while left > PROGRESS_EVERY_S:
        sleep(PROGRESS_EVERY_S)
        left -= PROGRESS_EVERY_S
        click.echo(f"ygs: GitHub rate limit: {math.ceil(left)} s left", err=True)
    sleep(left)


def classify(exc: BaseException) -> Failure | None:
    """A Failure for API and network errors; None for anything else (a bug, re-raised)."""
    import requests
    from github import GithubException

    if isinstance(exc, GithubException):
        forbidden = exc.status == 403 and rate_limit(exc) is None  # a rate limit is not a missing permission
        return Failure("forbidden" if forbidden else "failed", f"{exc.status} {_message(exc.data)}".strip())
    if isinstance(exc, requests.RequestException):
        return Failure("failed", f"{type(exc).__name__}: {exc}")
    return None


def transient(exc: BaseException) -> bool:
    import requests
    from github import GithubException

    if isinstance(exc, GithubException):
        return exc.status >= 500  # 403/429 rate limits: see rate_limit
    return isinstance(exc, (requests.ConnectionError, requests.Timeout))


def status_of(exc: BaseException) -> int | None:
    from github import GithubException

    return exc.status if isinstance(exc, GithubException) else None


def _message(data: Any) -> str:
    if isinstance(data, dict):
        return str(data.get("message") or "")
    return str(data or "")[:200]
