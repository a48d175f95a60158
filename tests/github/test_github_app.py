"""ygs serve's GitHub App credentials and installation tokens, against the loopback fake GitHub."""

from __future__ import annotations

import threading
import time

import github
import jwt
import pytest
import requests
from fake_github import REPO, FakeGitHub, app_key_pair

from ygs.config import GithubConfig
from ygs.errors import YgsError
from ygs.github import app

FAST = GithubConfig(api_attempts=2, api_backoff_s=0.0, api_timeout_s=5, write_interval_s=0.0,
                    max_rate_limit_wait_s=30.0)


@pytest.fixture
def creds(fake_github: FakeGitHub) -> app.Credentials:
    private, public = app_key_pair()
    fake_github.app("4242", public, installations=(11, 12))
    return app.from_env({"YGS_APP_ID": "4242", "YGS_APP_PRIVATE_KEY": private, "GITHUB_API_URL": fake_github.url})


def token_posts(fake: FakeGitHub) -> list:
    return fake.writes("POST", r"^/app/installations/\d+/access_tokens$")


def test_installation_token_is_fetched_with_a_signed_jwt_and_works_on_the_api(creds, fake_github):
    token = app.installation_token(creds, 11, FAST)
    assert token.startswith("ghs_") and fake_github.tokens[token]["installation"] == 11
    jwt_sent = token_posts(fake_github)[0].token
    claims = jwt.decode(jwt_sent, app_key_pair()[1], algorithms=["RS256"])
    assert claims["iss"] == "4242" and claims["exp"] - claims["iat"] <= 600
    repo = github.Github(base_url=fake_github.url, auth=github.Auth.Token(token)).get_repo(REPO)
    assert repo.full_name == REPO  # the fake takes only issued, unexpired installation tokens


def test_the_token_is_cached_per_installation_and_shared_by_concurrent_callers(creds, fake_github):
    tokens: list[str] = []
    threads = [threading.Thread(target=lambda: tokens.append(app.installation_token(creds, 12, FAST)))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(tokens)) == 1 and len(token_posts(fake_github)) == 1
    other = app.installation_token(creds, 11, FAST)
    assert other != tokens[0] and len(token_posts(fake_github)) == 2


def test_a_token_near_its_expiry_is_replaced_before_it_is_used(creds, fake_github):
    fake_github.token_lifetime_s = int(app.REFRESH_BEFORE_S) - 60  # GitHub's answer: expires in 9 minutes
    first = app.installation_token(creds, 11, FAST)
    second = app.installation_token(creds, 11, FAST)
    assert first != second and len(token_posts(fake_github)) == 2
    fake_github.token_lifetime_s = 3600
    third = app.installation_token(creds, 11, FAST)
    assert app.installation_token(creds, 11, FAST) == third and len(token_posts(fake_github)) == 3


def test_a_key_that_is_not_the_apps_gets_a_clear_error(creds, fake_github):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    other = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()
    wrong = app.Credentials("4242", other, fake_github.url)
    with pytest.raises(YgsError) as caught:
        app.installation_token(wrong, 11, FAST)
    message = caught.value.message
    assert "401" in message and "do not match" in message and "\n" not in message
    assert "BEGIN" not in message and other not in repr(wrong)  # the key is never shown


def test_an_expired_jwt_is_refused_as_github_does(creds, fake_github):
    stale = jwt.encode({"iat": int(time.time()) - 1200, "exp": int(time.time()) - 600, "iss": "4242"},
                       creds.private_key, algorithm="RS256")
    too_long = jwt.encode({"iat": int(time.time()), "exp": int(time.time()) + 3600, "iss": "4242"},
                          creds.private_key, algorithm="RS256")
    for bad, why in ((stale, "must be a numeric value representing the future"), (too_long, "too far in the future"),
                     ("ghs_notajwt", "could not be decoded")):
        answer = requests.post(f"{fake_github.url}/app/installations/11/access_tokens",
                               headers={"Authorization": f"Bearer {bad}"}, timeout=5)
        assert answer.status_code == 401 and why in answer.json()["message"]
    assert not fake_github.tokens


def test_an_installation_the_app_does_not_have_is_named(creds):
    with pytest.raises(YgsError, match=r"installation 99 .*404.*not installed"):
        app.installation_token(creds, 99, FAST)


@pytest.mark.parametrize("status", [403, 429])
def test_a_rate_limit_on_the_token_endpoint_is_waited_out(creds, fake_github, capfd, status):
    fake_github.rate_limit("POST", "/access_tokens", times=1, status=status, retry_after=1)
    started = time.monotonic()
    assert app.installation_token(creds, 12, FAST).startswith("ghs_")
    assert time.monotonic() - started >= 1.0 and len(token_posts(fake_github)) == 2
    assert "GitHub rate limit: waiting 1 s (Retry-After)" in capfd.readouterr().err


def test_an_unexpired_token_of_another_process_is_refused_once_expired(creds, fake_github):
    token = app.installation_token(creds, 11, FAST)
    fake_github.tokens[token]["expires_at"] = time.time() - 1
    with pytest.raises(github.GithubException) as caught:
        github.Github(base_url=fake_github.url, auth=github.Auth.Token(token), retry=None).get_repo(REPO)
    assert caught.value.status == 401


@pytest.mark.parametrize("env, message", [
    ({}, "needs YGS_APP_ID"),
    ({"YGS_APP_ID": "my-app"}, "numeric id"),
    ({"YGS_APP_ID": "1"}, "YGS_APP_PRIVATE_KEY (the PEM text) or YGS_APP_PRIVATE_KEY_FILE"),
    ({"YGS_APP_ID": "1", "YGS_APP_PRIVATE_KEY": "not a key"}, "YGS_APP_PRIVATE_KEY is not a PEM private key"),
    ({"YGS_APP_ID": "1", "YGS_APP_PRIVATE_KEY_FILE": "/nonexistent/app.pem"},
     "cannot read YGS_APP_PRIVATE_KEY_FILE /nonexistent/app.pem: No such file"),
])
def test_missing_or_bad_settings_get_one_line(env, message):
    with pytest.raises(YgsError) as caught:
        app.from_env(env)
    assert message in caught.value.message and "\n" not in caught.value.message


def test_the_key_file_and_the_api_url_are_read(tmp_path):
    pem = tmp_path / "app.pem"
    pem.write_text(app_key_pair()[0], encoding="utf-8")
    creds = app.from_env({"YGS_APP_ID": "7", "YGS_APP_PRIVATE_KEY_FILE": str(pem),
                          "GITHUB_API_URL": "https://ghe.example.com/api/v3/"})
    assert (creds.app_id, creds.api_url) == ("7", "https://ghe.example.com/api/v3")
    assert "PRIVATE" not in repr(creds)
