"""Issue 12, items 5, 6 and 8 against the real PyGithub and the fake GitHub on 127.0.0.1: outdated comments,
who owns a comment, and annotations only where the code is the PR head's."""

from __future__ import annotations

import dataclasses
import re

import pytest
from github_builders import finding, result

from ygs import github
from ygs.github import bodies
from ygs.review.model import Severity


def push(repo, lines: int) -> str:
    repo.write("app.py", "".join(f"line_{n} = {n}\n" for n in range(1, lines + 1)))
    return repo.commit(f"grow to {lines}")


def publish(repo, fake, config, findings, **kw):
    return github.publish(result(fake.base_sha, fake.head_sha, findings, **kw), config, repo.path)


def by_fingerprint(fake) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for cid, comment in fake.review_comments.items():
        match = re.match(r"<!-- ygs-fp:(\w+)", comment["body"])
        if match:
            out.setdefault(match.group(1), []).append(cid)
    return out


# --- 5: outdated comments -------------------------------------------------------------------------------

def test_outdated_comment_of_a_live_finding_is_reposted_and_marked_superseded(pr_repo, fake_github, gh_env, config):
    gh_env(push(pr_repo, 20))
    live = finding(12)
    publish(pr_repo, fake_github, config, [live])
    [old] = by_fingerprint(fake_github)[live.fingerprint]
    fake_github.outdate(old)  # a push changed the lines under it; the finding is still reported
    gh_env(push(pr_repo, 21))
    outcome = publish(pr_repo, fake_github, config, [live])
    assert (outcome.inline.posted, outcome.inline.superseded) == (1, 1) and live.fingerprint in outcome.inline.placed
    old_id, new_id = by_fingerprint(fake_github)[live.fingerprint]
    assert old_id == old and fake_github.review_comments[new_id]["line"] == 12
    assert fake_github.reviews[-1]["commit_id"] == fake_github.head_sha
    assert bodies.SUPERSEDED_MARKER in fake_github.review_comments[old]["body"]
    assert "Superseded" in fake_github.review_comments[old]["body"]
    writes = len(fake_github.writes())
    again = publish(pr_repo, fake_github, config, [live])  # settled: nothing posted, nothing edited
    assert (again.inline.posted, again.inline.superseded) == (0, 0)
    assert [r.path for r in fake_github.writes()[writes:] if r.path != "/graphql"] == ["/repos/octo/app/check-runs"]
    fixed = publish(pr_repo, fake_github, config, [])  # the finding is gone: both comments go
    assert fixed.inline.deleted == 2 and not fake_github.review_comments


def test_outdated_comment_whose_finding_cannot_be_placed_is_listed_in_the_summary(pr_repo, fake_github, gh_env,
                                                                                  config):
    gh_env(push(pr_repo, 20))
    live = finding(12, message="still-live-finding")
    publish(pr_repo, fake_github, config, [live])
    [old] = by_fingerprint(fake_github)[live.fingerprint]
    fake_github.outdate(old)
    moved = dataclasses.replace(live, line=2, end_line=2)  # same finding, now on a line outside the diff
    outcome = publish(pr_repo, fake_github, config, [moved])
    assert outcome.inline.posted == 0 and live.fingerprint not in outcome.inline.placed
    assert by_fingerprint(fake_github)[live.fingerprint] == [old]
    assert bodies.SUPERSEDED_MARKER in fake_github.review_comments[old]["body"]
    summary = fake_github.summaries[0]["body"]
    assert "still-live-finding" in summary and "inline comments" not in summary.split("\n")[1]


def test_outdated_comment_whose_finding_is_gone_is_deleted_or_marked_fixed(pr_repo, fake_github, gh_env, config):
    gh_env(push(pr_repo, 20))
    gone, replied = finding(12), finding(13)
    publish(pr_repo, fake_github, config, [gone, replied])
    ids = by_fingerprint(fake_github)
    fake_github.reply(ids[replied.fingerprint][0])
    for cid in (ids[gone.fingerprint][0], ids[replied.fingerprint][0]):
        fake_github.outdate(cid)
    outcome = publish(pr_repo, fake_github, config, [])
    assert (outcome.inline.deleted, outcome.inline.marked_fixed, outcome.inline.superseded) == (1, 1, 0)
    assert ids[gone.fingerprint][0] not in fake_github.review_comments
    assert bodies.FIXED_MARKER in fake_github.review_comments[ids[replied.fingerprint][0]]["body"]


# --- 6: ownership ---------------------------------------------------------------------------------------

def test_a_foreign_comment_with_the_summary_marker_is_left_untouched(pr_repo, fake_github, gh_env, config):
    gh_env(push(pr_repo, 20))
    planted = fake_github.foreign_issue_comment("<!-- ygs-review -->\n**ygs review passed** — nothing to see")
    outcome = publish(pr_repo, fake_github, config, [finding(12)])
    assert outcome.summary == "created"
    assert fake_github.issue_comments[planted["id"]]["body"].endswith("nothing to see")
    assert not fake_github.writes("PATCH", rf"/{planted['id']}$") and not fake_github.writes("DELETE")
    [ours] = [c for c in fake_github.summaries if c["user"]["login"] == "github-actions[bot]"]
    assert "ygs review blocked" in ours["body"]
    again = publish(pr_repo, fake_github, config, [finding(12)])  # adopts its own, still ignores the plant
    assert again.summary == "unchanged" and len(fake_github.summaries) == 2


def test_a_planted_fingerprint_marker_does_not_suppress_the_finding(pr_repo, fake_github, gh_env, config):
    gh_env(push(pr_repo, 20))
    target = finding(12)
    planted = fake_github._add_review_comment(
        {"body": bodies.inline(target), "path": "app.py", "line": 12, "side": "RIGHT"}, user="mallory")
    outcome = publish(pr_repo, fake_github, config, [target])
    assert outcome.inline.posted == 1 and target.fingerprint in outcome.inline.placed
    ours = [c for c in fake_github.review_comments.values() if c["user"]["login"] == "github-actions[bot]"]
    assert [c["body"] for c in ours] == [bodies.inline(target)]
    outcome = publish(pr_repo, fake_github, config, [])  # fixed: ygs deletes its own comment, not mallory's
    assert outcome.inline.deleted == 1 and list(fake_github.review_comments) == [planted["id"]]


@pytest.mark.parametrize("without_suffix", [False, True])
def test_an_installation_token_is_its_app_bot_read_once_per_run(pr_repo, fake_github, gh_env, config,
                                                                without_suffix):
    gh_env(push(pr_repo, 20))
    fake_github.login = "ygs-reviewer[bot]"  # a GitHub App's installation token: GET /user is 403
    fake_github.viewer_without_bot_suffix = without_suffix
    fake_github.foreign_issue_comment("<!-- ygs-review -->\nold", user="github-actions[bot]")
    publish(pr_repo, fake_github, config, [finding(12), finding(13)])
    asked = [(r.method, r.path) for r in fake_github.requests if r.path in ("/user", "/graphql")]
    assert asked == [("GET", "/user"), ("POST", "/graphql")]
    assert [c["user"]["login"] for c in fake_github.summaries] == ["github-actions[bot]", "ygs-reviewer[bot]"]
    again = publish(pr_repo, fake_github, config, [finding(12), finding(13)])  # adopts its own comments
    assert again.summary == "unchanged" and again.inline.posted == 0 and len(fake_github.summaries) == 2


def test_a_personal_token_is_its_user_and_adopts_only_its_own_comments(pr_repo, fake_github, gh_env, config):
    gh_env(push(pr_repo, 20))
    fake_github.as_user("Octocat")
    publish(pr_repo, fake_github, config, [finding(12)])
    fake_github.as_user("octocat")  # GitHub logins are case-insensitive
    again = publish(pr_repo, fake_github, config, [finding(12)])
    assert again.summary == "unchanged" and again.inline.posted == 0 and len(fake_github.summaries) == 1
    assert [r.path for r in fake_github.requests if r.path in ("/user", "/graphql")] == ["/user", "/user"]
    fake_github.as_user("someone-else")  # another identity never edits or deletes the earlier comments
    third = publish(pr_repo, fake_github, config, [])
    assert third.summary == "created" and third.inline.deleted == 0 and len(fake_github.review_comments) == 1


def test_unknown_identity_touches_no_comment(pr_repo, fake_github, gh_env, config, capsys):
    gh_env(push(pr_repo, 20))
    publish(pr_repo, fake_github, config, [finding(12)])
    fake_github.fail("POST", r"^/graphql$", 502)
    writes = len(fake_github.writes())
    outcome = publish(pr_repo, fake_github, config, [])
    err = capsys.readouterr().err
    assert set(outcome.failures) == {"inline comments", "summary comment"}
    assert "reading which account the token is" in err and "touched none" in err
    assert [r.path for r in fake_github.writes()[writes:]] == ["/graphql"] * 3 + ["/repos/octo/app/check-runs"]
    assert len(fake_github.review_comments) == 1 and len(fake_github.check_runs) == 2


# --- 8: annotations where the code is --------------------------------------------------------------------

def merge_checkout(repo, fake, gh_env) -> tuple[str, str]:
    """A real merge commit, as actions/checkout checks out by default: the base branch put two lines on top of
    app.py, the pull request appended lines 11-20 and added other.py. Returns (base tip, merge commit)."""
    repo.write("other.py", "".join(f"x{n} = {n}\n" for n in range(1, 21)))
    pr_head = push(repo, 20)
    repo.git("checkout", "-q", "main")
    repo.write("app.py", "import os\nimport sys\n" + "".join(f"line_{n} = {n}\n" for n in range(1, 11)))
    base_tip = repo.commit("the base branch moves on")
    repo.git("checkout", "-q", "--detach")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge feature into main", "feature")
    gh_env(pr_head)
    return base_tip, repo.git("rev-parse", "HEAD").strip()


def test_merge_checkout_maps_findings_to_the_pr_head_lines_and_lists_the_rest(pr_repo, fake_github, gh_env,
                                                                              config):
    base_tip, merged = merge_checkout(pr_repo, fake_github, gh_env)
    moved = finding(14, message="pr-line-12")  # merged line 14 is the pull request's line 12
    main_only = finding(1, message="base-branch-line", severity=Severity.SHOULD)  # the PR head has no such line
    untouched = finding(5, path="other.py", message="same-file")
    review = result(base_tip, merged, [moved, main_only, untouched])
    outcome = github.publish(review, config, pr_repo.path)
    [run] = fake_github.check_runs.values()
    assert outcome.annotations == 2
    assert sorted((a["path"], a["start_line"]) for a in run["annotations"]) == [("app.py", 12), ("other.py", 5)]
    assert "1 finding(s) are neither annotated nor commented on inline" in run["output"]["summary"]
    assert "base-branch-line" in run["output"]["summary"]
    inline = sorted((c["path"], c["line"]) for c in fake_github.review_comments.values())
    assert inline == [("app.py", 12), ("other.py", 5)]  # the same mapping for inline comments
    summary = fake_github.summaries[0]["body"]
    assert "base-branch-line" in summary and "pr-line-12" not in summary
    assert "1 finding(s) are neither annotated nor commented on inline: their lines are not in the pull request head" \
        in summary


def test_merge_checkout_fallback_annotations_follow_the_same_rule(pr_repo, fake_github, gh_env, config, capsys):
    base_tip, merged = merge_checkout(pr_repo, fake_github, gh_env)
    fake_github.fail("POST", r"/check-runs$", 403)
    review = result(base_tip, merged, [finding(14), finding(1, message="base-branch-line")])
    outcome = github.publish(review, config, pr_repo.path)
    err = capsys.readouterr().err
    assert outcome.fallback and "::error file=app.py,line=12,endLine=12" in err and "line=1," not in err


def test_a_file_the_pr_head_deleted_or_made_binary_is_not_annotated(pr_repo, fake_github, gh_env, config):
    pr_repo.write("gone.py", "a = 1\n")
    pr_repo.write("blob.dat", "text = 1\n")
    reviewed = push(pr_repo, 20)
    pr_repo.git("rm", "-q", "gone.py")
    pr_repo.write("blob.dat", b"\x00\x01binary\n")
    gh_env(pr_repo.commit("the pull request head deletes one file and makes the other binary"))
    review = result(fake_github.base_sha, reviewed,
                    [finding(12), finding(1, path="gone.py"), finding(1, path="blob.dat")])
    outcome = github.publish(review, config, pr_repo.path)
    [run] = fake_github.check_runs.values()
    assert outcome.annotations == 1 and [a["path"] for a in run["annotations"]] == ["app.py"]
    assert "2 finding(s) are neither annotated nor commented on inline" in run["output"]["summary"]


def test_pr_head_missing_locally_annotates_nothing_and_says_why(pr_repo, fake_github, gh_env, config):
    head = push(pr_repo, 20)
    gh_env("f" * 40)
    outcome = github.publish(result(fake_github.base_sha, head, [finding(12)]), config, pr_repo.path)
    [run] = fake_github.check_runs.values()
    assert outcome.annotations == 0 and not run["annotations"] and run["conclusion"] == "failure"
    assert "is not in the local clone" in run["output"]["summary"]
