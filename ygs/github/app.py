"""`ygs serve` as a GitHub App: its credentials, and installation access tokens.

The App signs a short JWT with its private key (PyGithub's `Auth.AppAuth`) and trades it for an installation
token (`POST /app/installations/{id}/access_tokens`, `GithubIntegration.get_access_token`), which lives one
hour. Tokens are cached per (API, App, installation) in this process and fetched again `REFRESH_BEFORE_S`
before they expire, so a review never starts with a token that dies halfway. One lock per installation:
concurrent reviews of one installation ask GitHub once. Rate limits on the token endpoint are waited out by
the shared client (`client.attempt`). The private key and the tokens never reach a log or a repr.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from datetime import timezone
from pathlib import Path
from typing import Mapping

from ygs import __version__
from ygs.config import GithubConfig
from ygs.errors import YgsError
from ygs.github import client
from ygs.github.context import DEFAULT_API_URL

REFRESH_BEFORE_S = 600.0  # fetch a new token when the cached one has less than this left (reviews take minutes)
SERVICE_API = GithubConfig(api_attempts=3, api_backoff_s=1.0, api_timeout_s=30, write_interval_s=0.0)


@dataclass(frozen=True)
class Credentials:
    app_id: str
    private_key: str = field(repr=False)  # PEM
    api_url: str = DEFAULT_API_URL


@dataclass(frozen=True)
class _Token:
    value: str = field(repr=False)
    expires_at: float  # epoch seconds


_tokens: dict[tuple[str, str, int], _Token] = {}
_locks: dict[tuple[str, str, int], threading.Lock] = {}
_locks_lock = threading.Lock()


def from_env(env: Mapping[str, str]) -> Credentials:
    """YGS_APP_ID, YGS_APP_PRIVATE_KEY (the PEM) or YGS_APP_PRIVATE_KEY_FILE, GITHUB_API_URL; YgsError (one
    line) when one is missing or the key is not an RSA private key in PEM."""
    app_id = (env.get("YGS_APP_ID") or "").strip()
    if not app_id:
        raise YgsError("ygs serve needs YGS_APP_ID (the GitHub App's id, on the App's settings page)")
    if not app_id.isdigit():
        raise YgsError(f"YGS_APP_ID must be the App's numeric id, not {app_id[:40]!r}")
    key, where = env.get("YGS_APP_PRIVATE_KEY") or "", "YGS_APP_PRIVATE_KEY"
    if not key and env.get("YGS_APP_PRIVATE_KEY_FILE"):
        where = f"YGS_APP_PRIVATE_KEY_FILE {env['YGS_APP_PRIVATE_KEY_FILE']}"
        try:
            key = Path(env["YGS_APP_PRIVATE_KEY_FILE"]).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise YgsError(f"cannot read {where}: {getattr(exc, 'strerror', None) or exc}") from None
    if not key:
        raise YgsError("ygs serve needs the GitHub App's private key: YGS_APP_PRIVATE_KEY (the PEM text) or "
                       "YGS_APP_PRIVATE_KEY_FILE (its path)")
    _check_key(key, where)
    api_url = (env.get("GITHUB_API_URL") or DEFAULT_API_URL).rstrip("/")
    return Credentials(app_id=app_id, private_key=key, api_url=api_url)


def _check_key(pem: str, where: str) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    try:
        key = serialization.load_pem_private_key(pem.encode("utf-8"), password=None)
    except (ValueError, TypeError) as exc:
        reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise YgsError(f"{where} is not a PEM private key without a passphrase ({reason}); use the .pem file "
                       f"GitHub generated for the App") from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise YgsError(f"{where} is not an RSA private key (GitHub Apps sign with RS256)")


def installation_token(creds: Credentials, installation_id: int, config: GithubConfig = SERVICE_API) -> str:
    """A live installation access token (`ghs_…`) for installation_id; YgsError when GitHub refuses one."""
    key = (creds.api_url, creds.app_id, int(installation_id))
    with _locks_lock:
        lock = _locks.setdefault(key, threading.Lock())
    with lock:
        cached = _tokens.get(key)
        if cached is not None and cached.expires_at - time.time() > REFRESH_BEFORE_S:
            return cached.value
        _tokens[key] = token = _fetch(creds, int(installation_id), config)
        return token.value


def forget_tokens() -> None:
    """Drop every cached token: GitHub answered 401 to one (revoked, the App's key rotated), and the next call
    must ask for a fresh one rather than fail until the cached one would have expired."""
    _tokens.clear()


def _fetch(creds: Credentials, installation_id: int, config: GithubConfig) -> _Token:
    import github

    integration = github.GithubIntegration(
        auth=github.Auth.AppAuth(creds.app_id, creds.private_key), base_url=creds.api_url,
        timeout=config.api_timeout_s, user_agent=f"ygs/{__version__}", retry=client.transport_retry(config),
        seconds_between_requests=None, seconds_between_writes=None)
    try:
        with client.wait_budget(config):
            auth = client.attempt(lambda: integration.get_access_token(installation_id), config)
    except client.PublishError as exc:
        raise YgsError(f"cannot get an installation token for installation {installation_id} of App "
                       f"{creds.app_id} from {creds.api_url}: {exc.failure.detail}{_hint(exc)}") from None
    expires = auth.expires_at
    if expires is None:  # pragma: no cover - GitHub always says; assume the documented hour
        return _Token(auth.token, time.time() + 3600)
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=timezone.utc)
    return _Token(auth.token, expires.timestamp())


def _hint(exc: client.PublishError) -> str:
    detail = exc.failure.detail
    if detail.startswith("401"):
        return " (the App id and the private key do not match, or the machine's clock is off)"
    if detail.startswith("404"):
        return " (the App is not installed there, or was uninstalled)"
    return ""
