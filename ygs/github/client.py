"""The GitHub connection (PyGithub, imported only here and only when publishing) and the retry policy.

PyGithub's own urllib3 retry is switched off: ygs retries transient failures (5xx, 429, network) itself,
a few times with a short exponential backoff taken from `[tool.ygs.github]`, and never retries what
cannot change (401, 403, 404, 422).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Callable, TypeVar

from ygs import __version__
from ygs.config import GithubConfig
from ygs.github.context import PullRequestContext

T = TypeVar("T")


@dataclass(frozen=True)
class Failure:
    """Why a publishing step did not happen: `forbidden` (403: fork PR, read-only token) or `failed`."""

    kind: str  # forbidden | failed
    detail: str


class PublishError(Exception):
    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.detail)
        self.failure = failure


def connect(ctx: PullRequestContext, config: GithubConfig) -> Any:
    """A PyGithub client for ctx's API (lazy objects: no request until one is needed)."""
    import github

    return github.Github(
        base_url=ctx.api_url,
        auth=github.Auth.Token(ctx.token),
        timeout=config.api_timeout_s,
        user_agent=f"ygs/{__version__}",
        per_page=100,
        retry=None,
        seconds_between_requests=None,
        seconds_between_writes=config.write_interval_s or None,
        lazy=True,
    )


def attempt(operation: Callable[[], T], config: GithubConfig, sleep: Callable[[float], None] = time.sleep) -> T:
    """operation(), retried on transient failures; any other failure is raised as PublishError at once."""
    tries = max(1, config.api_attempts)
    for number in range(1, tries + 1):
        try:
            return operation()
        except Exception as exc:  # noqa: BLE001 - classified below; unknown ones are re-raised
            failure = classify(exc)
            if failure is None:
                raise
            if number == tries or not transient(exc):
                suffix = f" (after {number} attempts)" if number > 1 else ""
                raise PublishError(Failure(failure.kind, failure.detail + suffix)) from exc
        sleep(config.api_backoff_s * 2 ** (number - 1))
    raise AssertionError("unreachable")  # pragma: no cover


def classify(exc: BaseException) -> Failure | None:
    """A Failure for API and network errors; None for anything else (a bug, re-raised)."""
    import requests
    from github import GithubException, RateLimitExceededException

    if isinstance(exc, GithubException):
        forbidden = exc.status == 403 and not isinstance(exc, RateLimitExceededException)
        return Failure("forbidden" if forbidden else "failed", f"{exc.status} {_message(exc.data)}".strip())
    if isinstance(exc, requests.RequestException):
        return Failure("failed", f"{type(exc).__name__}: {exc}")
    return None


def transient(exc: BaseException) -> bool:
    import requests
    from github import GithubException

    if isinstance(exc, GithubException):
        return exc.status == 429 or exc.status >= 500
    return isinstance(exc, (requests.ConnectionError, requests.Timeout))


def status_of(exc: BaseException) -> int | None:
    from github import GithubException

    return exc.status if isinstance(exc, GithubException) else None


def _message(data: Any) -> str:
    if isinstance(data, dict):
        return str(data.get("message") or "")
    return str(data or "")[:200]
