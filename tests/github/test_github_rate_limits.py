"""GitHub's rate limits, primary and secondary, against the real PyGithub and the fake on 127.0.0.1: waited
out as the headers say (visibly, within `max_rate_limit_wait_s` per publish), never mistaken for a missing
permission, and never changing the review's exit code."""

from __future__ import annotations

import json
import time

import pytest
from fake_github import breakpoint_pr
from github import GithubException
from github_builders import finding, result, with_github

from ygs import github
from ygs.github import client


def push(repo) -> str:
    repo.write("app.py", "".join(f"line_{n} = {n}\n" for n in range(1, 21)))
    return repo.commit("grow to 20")


def publish(repo, fake, config):
    return github.publish(result(fake.base_sha, fake.head_sha, [finding(12)]), config, repo.path)


def test_secondary_limit_403_with_retry_after_is_waited_out_and_the_check_run_completed(pr_repo, fake_github, gh_env,
                                                                                       config, capsys):
    gh_env(push(pr_repo))
    fake_github.rate_limit("POST", r"/check-runs$", retry_after=1)
    started = time.monotonic()
    outcome = publish(pr_repo, fake_github, config)
    assert time.monotonic() - started >= 1  # it did wait what GitHub asked
    assert not outcome.failures and outcome.annotations == 1 and not outcome.fallback
    [run] = fake_github.check_runs.values()
    assert (run["status"], run["conclusion"], run["head_sha"]) == ("completed", "failure", fake_github.head_sha)
    assert len(fake_github.writes("POST", r"/check-runs$")) == 2
    assert "ygs: GitHub rate limit: waiting 1 s (Retry-After)" in capsys.readouterr().err


def test_a_rate_limited_annotation_batch_is_sent_again_after_the_wait(pr_repo, fake_github, gh_env, config):
    gh_env(push(pr_repo))
    fake_github.rate_limit("PATCH", r"/check-runs/\d+$", retry_after=1)
    found = [finding(n % 20 + 1) for n in range(60)]
    outcome = github.publish(result(fake_github.base_sha, fake_github.head_sha, found), config, pr_repo.path)
    assert "check run" not in outcome.failures and outcome.annotations == 60
    [run] = fake_github.check_runs.values()
    assert len(run["annotations"]) == 60 and run["status"] == "completed"
    assert len(fake_github.writes("PATCH", r"/check-runs/")) == 2


def test_429_with_retry_after_is_waited_out_and_posts_once(pr_repo, fake_github, gh_env, config, capsys):
    gh_env(push(pr_repo))
    fake_github.rate_limit("POST", r"/issues/\d+/comments$", status=429, retry_after=1)
    outcome = publish(pr_repo, fake_github, config)
    assert not outcome.failures and outcome.summary == "created" and len(fake_github.summaries) == 1
    assert len(fake_github.writes("POST", r"/issues/\d+/comments$")) == 2
    assert "GitHub rate limit: waiting 1 s (Retry-After)" in capsys.readouterr().err


def test_primary_limit_waits_until_x_ratelimit_reset(pr_repo, fake_github, gh_env, config, capsys):
    gh_env(push(pr_repo))
    fake_github.rate_limit("GET", r"/pulls/\d+$", reset_in=1)
    outcome = publish(pr_repo, fake_github, config)
    assert not outcome.failures and outcome.inline.posted == 1 and outcome.summary == "created"
    assert len([r for r in fake_github.requests if r.method == "GET" and r.path.endswith("/pulls/7")]) == 2
    assert "(x-ratelimit-reset)" in capsys.readouterr().err


def test_secondary_limit_without_headers_is_a_rate_limit_not_a_missing_permission(pr_repo, fake_github, gh_env,
                                                                                  config, capsys):
    gh_env(push(pr_repo))
    secondary = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."
    fake_github.fail("POST", r"/check-runs$", 403, times=None, message=secondary)
    outcome = publish(pr_repo, fake_github, with_github(config, max_rate_limit_wait_s=10))
    failure = outcome.failures["check run"]
    assert failure.kind == "rate-limited" and "asks to wait 60 s (secondary rate limit)" in failure.detail
    err = capsys.readouterr().err
    assert "could not publish the check run: 403 You have exceeded a secondary rate limit" in err
    assert "the token may not write" not in err and "exit code is unchanged" in err


def test_the_wait_budget_is_shared_by_the_whole_publish(pr_repo, fake_github, gh_env, config):
    gh_env(push(pr_repo))
    fake_github.rate_limit("POST", r"/issues/\d+/comments$", retry_after=1)
    fake_github.rate_limit("POST", r"/check-runs$", retry_after=1)
    outcome = publish(pr_repo, fake_github, with_github(config, max_rate_limit_wait_s=1.5))
    assert outcome.summary == "created" and set(outcome.failures) == {"check run"}
    assert "asks to wait 1 s (Retry-After), more than the 0 s left of [tool.ygs.github] max_rate_limit_wait_s" \
        in outcome.failures["check run"].detail
    assert not fake_github.check_runs and outcome.fallback


def test_idempotent_requests_are_retried_by_the_transport_and_not_twice_over(pr_repo, fake_github, gh_env, config):
    gh_env(push(pr_repo))
    fake_github.fail("GET", r"/pulls/\d+$", 502, times=2)
    assert not publish(pr_repo, fake_github, config).failures
    gets = [r for r in fake_github.requests if r.method == "GET" and r.path.endswith("/pulls/7")]
    assert len(gets) == 3
    fake_github.requests.clear()
    fake_github.fail("GET", r"/pulls/\d+$", 500)
    outcome = publish(pr_repo, fake_github, with_github(config, api_attempts=2))
    assert outcome.failures["pull request"].detail == "500 Resource not accessible by integration (after 2 attempts)"
    assert len([r for r in fake_github.requests if r.path.endswith("/pulls/7")]) == 2


def test_a_long_wait_reports_progress(config, capsys):
    """Unit level: a 40 s Retry-After is slept in steps, each saying what is left (no real 40 s in a test)."""
    calls, slept = [], []

    def operation() -> str:
        calls.append(1)
        if len(calls) == 1:
            raise GithubException(403, {"message": "You have exceeded a secondary rate limit."}, {"Retry-After": "40"})
        return "done"

    assert client.attempt(operation, config.github, sleep=slept.append) == "done"
    assert sum(slept) == 40 and max(slept) <= client.PROGRESS_EVERY_S
    assert capsys.readouterr().err.splitlines() == ["ygs: GitHub rate limit: waiting 40 s (Retry-After)",
                                                    "ygs: GitHub rate limit: 25 s left",
                                                    "ygs: GitHub rate limit: 10 s left"]


@pytest.mark.parametrize("headers, expected", [
    ({"Retry-After": "7"}, (7.0, "Retry-After")),
    ({"retry-after": "Mon, 12 Jan 1970 13:47:00 GMT"}, (20.0, "Retry-After")),  # the HTTP-date form
    ({"Retry-After": "Thu, 01 Jan 1970 00:00:00 GMT"}, (0.0, "Retry-After")),  # a date already past
    ({"x-ratelimit-remaining": "0", "x-ratelimit-reset": "1000030"}, (31.0, "x-ratelimit-reset")),
    ({"x-ratelimit-remaining": "12", "x-ratelimit-reset": "1000030"}, None),  # an ordinary 403
])
def test_rate_limit_reads_githubs_headers(headers, expected):
    exc = GithubException(403, {"message": "Resource not accessible by integration"}, headers)
    assert client.rate_limit(exc, now=lambda: 1_000_000.0) == expected


def test_a_wait_over_the_cap_gives_up_and_the_exit_code_is_the_reviews(repo, fake_github, gh_env, run_ygs):
    breakpoint_pr(repo, fake_github, "[tool.ygs.review]\nanalyzers = [\"hygiene\"]\n\n[tool.ygs.github]\n"
                                     "api_backoff_s = 0.0\nwrite_interval_s = 0.0\nmax_rate_limit_wait_s = 30\n")
    gh_env()
    fake_github.rate_limit("POST", r"/check-runs$", times=None, retry_after=3600)
    started = time.monotonic()
    out = run_ygs("review", "--publish", "github", "--no-llm", "--base", "main", "--format", "json")
    assert time.monotonic() - started < 30  # gave up at once instead of sleeping into the cap
    assert out.exit_code == 1 and json.loads(out.stdout)["verdict"] == "fail"
    assert ("could not publish the check run: 403 You have exceeded a secondary rate limit. Please wait a few "
            "minutes before you try again.") in out.stderr
    assert "asks to wait 3600 s (Retry-After), more than the 30 s left of [tool.ygs.github] max_rate_limit_wait_s" \
        in out.stderr
    assert "::error file=app.py,line=2" in out.stderr and len(fake_github.summaries) == 1
    assert len(fake_github.writes("POST", r"/check-runs$")) == 1
