"""`ygs.github.publish` against the real PyGithub and a fake GitHub REST server on 127.0.0.1."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from github_builders import finding, result, with_github

from ygs import github
from ygs.review.model import Severity, Suggestion


def push(repo, lines: int) -> str:
    """app.py grows to `lines` lines on the feature branch; returns the new head."""
    repo.write("app.py", "".join(f"line_{n} = {n}\n" for n in range(1, lines + 1)))
    return repo.commit(f"grow to {lines}")


def publish(repo, fake, config, findings, **kw):
    review = result(fake.base_sha, fake.head_sha, findings, **kw)
    return github.publish(review, config, repo.path)


def inline_bodies(fake) -> list[str]:
    return [c["body"] for c in fake.review_comments.values() if not c.get("in_reply_to_id")]


def test_publishing_twice_posts_one_summary_and_no_duplicate_inline_comments(pr_repo, fake_github, gh_env, config):
    gh_env(push(pr_repo, 20))
    found = [finding(12), finding(15, severity=Severity.SHOULD)]
    first = publish(pr_repo, fake_github, config, found)
    assert first.summary == "created" and first.inline.posted == 2 and not first.failures
    second = publish(pr_repo, fake_github, config, found)
    assert second.summary in ("updated", "unchanged") and second.inline.posted == 0
    assert len(fake_github.summaries) == 1 and len(inline_bodies(fake_github)) == 2
    assert len(fake_github.reviews) == 1 and fake_github.reviews[0]["event"] == "COMMENT"
    assert len(fake_github.writes("POST", r"/issues/\d+/comments$")) == 1


def test_inline_comments_carry_fingerprint_side_and_range(pr_repo, fake_github, gh_env, config):
    gh_env(push(pr_repo, 20))
    ranged = finding(13, end_line=16)
    publish(pr_repo, fake_github, config, [ranged])
    [comment] = fake_github.review_comments.values()
    assert comment["body"].startswith(f"<!-- ygs-fp:{ranged.fingerprint} sources:semgrep -->")
    assert (comment["start_line"], comment["line"], comment["side"], comment["start_side"]) == (13, 16, "RIGHT",
                                                                                                 "RIGHT")
    assert fake_github.reviews[0]["commit_id"] == fake_github.head_sha


def test_summary_holds_verdict_counts_evidence_and_findings_not_inline(pr_repo, fake_github, gh_env, config):
    gh_env(push(pr_repo, 20))
    outside = finding(2, message="outside the diff")  # line 2 is not in any hunk
    whole = finding(0, path="", rule="size-tier", severity=Severity.SHOULD, message="size tier L")
    publish(pr_repo, fake_github, config, [finding(12, message="placed-inline-finding"), outside, whole])
    [summary] = fake_github.summaries
    body = summary["body"]
    assert "ygs review blocked" in body and "Pass 1: **2** MUST" in body and "Evidence" in body
    assert "vendor/lib.js" in body and "1 finding(s) are inline comments" in body
    assert "outside the diff" in body and "size tier L" in body and "placed-inline-finding" not in body


def test_fixed_finding_deletes_its_comment_and_keeps_a_replied_one(pr_repo, fake_github, gh_env, config):
    gh_env(push(pr_repo, 20))
    gone, replied, stays = finding(12), finding(13), finding(14)
    publish(pr_repo, fake_github, config, [gone, replied, stays])
    by_fp = {re.match(r"<!-- ygs-fp:(\w+)", c["body"]).group(1): cid for cid, c in fake_github.review_comments.items()}
    fake_github.reply(by_fp[replied.fingerprint])
    gh_env(push(pr_repo, 21))
    outcome = publish(pr_repo, fake_github, config, [stays])
    assert (outcome.inline.deleted, outcome.inline.marked_fixed) == (1, 1)
    assert by_fp[gone.fingerprint] not in fake_github.review_comments
    kept = fake_github.review_comments[by_fp[replied.fingerprint]]["body"]
    assert "<!-- ygs-fixed -->" in kept and "Fixed" in kept
    edits = len(fake_github.writes("PATCH", r"/pulls/comments/"))
    publish(pr_repo, fake_github, config, [stays])  # a re-run changes nothing
    assert len(fake_github.writes("PATCH", r"/pulls/comments/")) == edits
    assert len(fake_github.writes("DELETE")) == 1


def test_comment_is_kept_when_its_analyzer_did_not_complete(pr_repo, fake_github, gh_env, config):
    gh_env(push(pr_repo, 20))
    publish(pr_repo, fake_github, config, [finding(12)])
    outcome = publish(pr_repo, fake_github, config, [], errors=["analyzer semgrep timed out"],
                      status={"semgrep": "timed_out"})
    assert outcome.inline.deleted == 0 and len(fake_github.review_comments) == 1
    run = list(fake_github.check_runs.values())[-1]
    assert run["conclusion"] == "failure" and run["output"]["title"].startswith("could not complete")


def test_403_on_check_run_falls_back_to_annotations_and_step_summary(pr_repo, fake_github, gh_env, config, capsys):
    env = gh_env(push(pr_repo, 20))
    fake_github.fail("POST", r"/check-runs$", 403)
    fake_github.fail("POST", r"/statuses/", 403)  # the commit status fallback is refused too
    outcome = publish(pr_repo, fake_github, config, [finding(12), finding(2)])
    err = capsys.readouterr().err
    assert outcome.fallback and outcome.failures["check run"].kind == "forbidden"
    assert "::error file=app.py,line=12,endLine=12,title=MUST python-sql-injection::" in err
    assert "could not publish the check run (403" in err and "checks: write" in err
    assert "ygs review blocked" in Path(env["GITHUB_STEP_SUMMARY"]).read_text(encoding="utf-8")
    assert len(fake_github.writes("POST", r"/check-runs$")) == 1  # a 403 is not retried
    assert outcome.summary == "created" and outcome.inline.posted == 1


def test_fork_pr_with_a_read_only_token_never_fails(pr_repo, fake_github, gh_env, config, capsys):
    env = gh_env(push(pr_repo, 20))
    for method in ("POST", "PATCH", "DELETE"):
        fake_github.fail(method, r".", 403)
    outcome = publish(pr_repo, fake_github, config, [finding(12)])
    err = capsys.readouterr().err
    assert set(outcome.failures) == {"inline comments", "summary comment", "check run", "commit status"}
    assert outcome.fallback and "::error file=app.py,line=12" in err and "pull-requests: write" in err
    assert "nothing published to pull request #7" in err
    assert "SQL built from request data" in Path(env["GITHUB_STEP_SUMMARY"]).read_text(encoding="utf-8")
    assert not fake_github.issue_comments and not fake_github.check_runs


def test_120_findings_three_annotation_batches_and_30_inline(pr_repo, fake_github, gh_env, config):
    gh_env(push(pr_repo, 140))
    found = [finding(n) for n in range(11, 131)]
    outcome = publish(pr_repo, fake_github, config, found)
    [run] = fake_github.check_runs.values()
    batches = [len(r.body["output"]["annotations"]) for r in fake_github.requests if "/check-runs" in r.path]
    assert batches == [50, 50, 20] and len(run["annotations"]) == 120 and outcome.annotations == 120
    assert run["conclusion"] == "failure" and run["status"] == "completed"
    assert len(inline_bodies(fake_github)) == 30 and outcome.inline.over_limit == 90
    body = fake_github.summaries[0]["body"]
    assert body.count("| MUST |") == 90 and "90 finding(s) on the diff are listed here" in body
    again = publish(pr_repo, fake_github, config, found)  # the cap counts live comments: no 30 more
    assert again.inline.posted == 0 and len(inline_bodies(fake_github)) == 30


def test_transient_errors_are_retried(pr_repo, fake_github, gh_env, config):
    gh_env(push(pr_repo, 20))
    fake_github.fail("POST", r"/issues/\d+/comments$", 502, times=2)
    fake_github.fail("PATCH", r"/check-runs/", 500, times=1)
    outcome = publish(pr_repo, fake_github, config, [finding(n) for n in range(11, 70)])
    assert not outcome.failures and len(fake_github.summaries) == 1
    assert len(fake_github.writes("POST", r"/issues/\d+/comments$")) == 3
    assert len(fake_github.check_runs) == 1 and len(next(iter(fake_github.check_runs.values()))["annotations"]) == 59


def test_persistent_api_errors_are_reported_and_the_result_still_summarised(pr_repo, fake_github, gh_env, config,
                                                                            capsys):
    env = gh_env(push(pr_repo, 20))
    fake_github.fail("POST", r".", 500)
    outcome = publish(pr_repo, fake_github, with_github(config, api_attempts=2), [finding(12)])
    err = capsys.readouterr().err
    assert outcome.failures["check run"].detail == "500 Resource not accessible by integration (after 2 attempts)"
    assert "could not publish the summary comment: 500" in err and "exit code is unchanged" in err
    assert Path(env["GITHUB_STEP_SUMMARY"]).read_text(encoding="utf-8").count("ygs review blocked") == 1


def test_positions_github_refuses_are_posted_one_by_one_and_the_rest_summarised(pr_repo, fake_github, gh_env,
                                                                                config):
    gh_env(push(pr_repo, 20))
    fake_github.commentable = {"app.py": set(range(11, 15))}
    outcome = publish(pr_repo, fake_github, config, [finding(12), finding(18, message="refused by GitHub")])
    assert (outcome.inline.posted, outcome.inline.rejected) == (1, 1) and len(fake_github.reviews) == 0
    assert "refused by GitHub" in fake_github.summaries[0]["body"]


def test_checkout_that_is_not_the_pr_head_places_nothing_inline(pr_repo, fake_github, gh_env, config):
    head = push(pr_repo, 20)
    gh_env("f" * 40)  # e.g. a merge commit was checked out and the PR head was not fetched
    review = result(fake_github.base_sha, head, [finding(12)])
    outcome = github.publish(review, config, pr_repo.path)
    assert outcome.inline.posted == 0 and not fake_github.review_comments
    assert "is not in the local clone" in fake_github.summaries[0]["body"]
    assert next(iter(fake_github.check_runs.values()))["head_sha"] == "f" * 40


def test_outdated_merge_checkout_places_findings_at_their_pr_head_lines(pr_repo, fake_github, gh_env, config):
    pr_repo.write("other.py", "".join(f"x{n} = {n}\n" for n in range(1, 21)))
    pr_head = push(pr_repo, 20)
    pr_repo.write("other.py", "changed_on_main = 1\n" + "".join(f"x{n} = {n}\n" for n in range(1, 21)))
    merged = pr_repo.commit("stands in for the merge commit")
    gh_env(pr_head)
    review = result(fake_github.base_sha, merged, [finding(12), finding(12, path="other.py"),
                                                   finding(1, path="other.py", message="only-on-main")])
    outcome = github.publish(review, config, pr_repo.path)
    assert outcome.inline.posted == 2
    assert sorted((c["path"], c["line"]) for c in fake_github.review_comments.values()) == [("app.py", 12),
                                                                                          ("other.py", 11)]
    assert "only-on-main" in fake_github.summaries[0]["body"]


def test_summary_comment_fits_githubs_limit(pr_repo, fake_github, gh_env, config):
    gh_env(push(pr_repo, 20))
    found = [finding(n, message="x" * 900) for n in range(1, 400)]
    publish(pr_repo, fake_github, with_github(config, max_inline_comments=0), found)
    body = fake_github.summaries[0]["body"]
    assert len(body) <= 65536 and "more finding(s) not listed here" in body
    assert len(next(iter(fake_github.check_runs.values()))["output"]["summary"]) <= 65535


@pytest.mark.parametrize("verdict_findings, conclusion", [([], "success"), ([finding(12)], "failure")])
def test_check_run_conclusion_follows_the_verdict(pr_repo, fake_github, gh_env, config, verdict_findings,
                                                  conclusion):
    gh_env(push(pr_repo, 20))
    publish(pr_repo, fake_github, config, verdict_findings)
    [run] = fake_github.check_runs.values()
    assert run["name"] == "ygs review" and run["conclusion"] == conclusion
    assert run["head_sha"] == fake_github.head_sha


def test_a_duplicate_from_a_racing_run_is_removed(pr_repo, fake_github, gh_env, config):
    gh_env(push(pr_repo, 20))
    publish(pr_repo, fake_github, config, [finding(12)])
    [original] = fake_github.review_comments.values()
    fake_github._add_review_comment({k: original[k] for k in ("body", "path", "line", "side")})
    publish(pr_repo, fake_github, config, [finding(12)])
    assert len(fake_github.review_comments) == 1 and len(fake_github.summaries) == 1


def test_no_fallback_annotations_when_the_report_itself_is_format_github(pr_repo, fake_github, gh_env, config,
                                                                          capsys):
    gh_env(push(pr_repo, 20))
    fake_github.fail("POST", r"/check-runs$", 403)
    review = result(fake_github.base_sha, fake_github.head_sha, [finding(12)])
    outcome = github.publish(review, config, pr_repo.path, annotate=False)
    assert not outcome.fallback and "::error" not in capsys.readouterr().err


def test_a_finding_with_a_mechanical_fix_gets_a_suggestion_block(pr_repo, fake_github, gh_env, config):
    gh_env(push(pr_repo, 20))
    fixable = dataclasses.replace(finding(12), suggestion=Suggestion(12, "line_12 = 12", "line_12 = int(12)"))
    fenced = dataclasses.replace(finding(14), suggestion=Suggestion(14, "line_14 = 14", "x = '```'"))
    spanning = dataclasses.replace(finding(16, end_line=17), suggestion=Suggestion(16, "line_16 = 16", "y = 1"))
    hidden = dataclasses.replace(finding(18), suggestion=Suggestion(18, "line_18 = 18", "z = 1  # \u202e"))
    publish(pr_repo, fake_github, config, [fixable, fenced, spanning, hidden])
    bodies = {c["line"]: c["body"] for c in fake_github.review_comments.values()}
    assert "\n```suggestion\nline_12 = int(12)\n```" in bodies[12]
    assert "\n````suggestion\nx = '```'\n````" in bodies[14]  # a longer fence than any run in the code
    assert "suggestion" not in bodies[17] and "suggestion" not in bodies[18]  # a range; a bidi character
