"""The summary comment (one, edited in place) and the inline comments (one per fingerprint, ever).

Inline comments are reconciled against what is already on the pull request:
- a fingerprint already posted is never posted again (its body is refreshed if the text changed);
- a comment whose finding is gone is deleted, or — when someone replied to it — kept and marked fixed;
  "gone" only counts when every analyzer that produced it ran to completion this time (a failed or
  skipped LLM pass must not erase its earlier comments);
- new comments go in one review (event COMMENT: the check run carries the verdict), most severe first,
  up to `max_inline_comments` live ygs comments on the pull request; the rest stay in the summary;
- a comment GitHub reports as outdated (`line` and `position` null: the code under it changed) is not a
  placement: a finding still reported is posted again on its current line (or listed in the summary),
  and the outdated comment is marked superseded.

Ownership: only comments written by the identity ygs runs as (`identity`, read once per run) are adopted,
edited or deleted. A marker in anyone else's comment is ignored, so nobody can hijack the summary or
silence a finding by planting `<!-- ygs-fp:… -->` in their own comment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ygs.github import bodies
from ygs.github.placement import Placement
from ygs.review.model import Finding, ReviewResult
from ygs.review.reports.github import by_severity


@dataclass
class InlineOutcome:
    placed: set[str] = field(default_factory=set)  # fingerprints shown inline after this run
    posted: int = 0
    deleted: int = 0
    marked_fixed: int = 0
    over_limit: int = 0  # placeable, but beyond max_inline_comments
    rejected: int = 0  # GitHub refused the position (422)
    superseded: int = 0  # outdated comments of a live finding, marked superseded this run


VIEWER = "query { viewer { login } }"


def identity(requester: Any) -> str:
    """The login ygs writes comments as: `GET /user` for a user's token; for a GitHub App installation token
    (GITHUB_TOKEN included), where `GET /user` answers 403, the App's bot (`<app-slug>[bot]`) from GraphQL."""
    from github import GithubException, RateLimitExceededException

    try:
        _, user = requester.requestJsonAndCheck("GET", "/user")
        return _login(user, "GET /user")
    except GithubException as exc:
        if exc.status != 403 or isinstance(exc, RateLimitExceededException):
            raise  # a rate limit is not an answer about the token
    _, data = requester.graphql_query(VIEWER, {})
    bot = _login((data.get("data") or {}).get("viewer"), "the GraphQL viewer")
    # REST names an App's comments `<slug>[bot]`; GraphQL may name the same Bot without the suffix. Brackets
    # cannot occur in a user's login, and only an installation token gets here.
    return bot if bot.endswith("[bot]") else f"{bot}[bot]"


def _login(user: Any, source: str) -> str:
    login = user.get("login") if isinstance(user, dict) else None
    if not isinstance(login, str) or not login:
        from ygs.github.client import Failure, PublishError

        raise PublishError(Failure("failed", f"{source} named no login, so ygs cannot tell its own comments"))
    return login


def upsert_summary(pull: Any, body: str, me: str) -> str:
    """Create the summary comment, or edit the existing one (written by `me`); delete strays from a racing run."""
    ours = [c for c in pull.get_issue_comments() if bodies.is_summary(c.body) and _by(c, me)]
    if not ours:
        pull.create_issue_comment(body)
        return "created"
    first, *strays = ours
    for stray in strays:
        stray.delete()
    if first.body == body:
        return "unchanged"
    first.edit(body)
    return "updated"


def sync_inline(pull: Any, commit: Any, result: ReviewResult, placement: Placement, limit: int,
                me: str) -> InlineOutcome:
    """Reconcile ygs's inline comments (those written by `me`) with this run's findings, then post the new ones."""
    existing = list(pull.get_review_comments())
    replied = {_reply_to(c) for c in existing if _reply_to(c)}
    mine = [c for c in existing if _by(c, me)]
    ours = _ours([c for c in mine if not _outdated(c)], replied)
    current = {f.fingerprint: f for f in result.findings}
    outcome = InlineOutcome(placed={fp for fp in ours if fp in current})
    ran_ok = _ran_ok(result)
    for fp, (comment, marker) in ours.items():
        _reconcile(comment, marker, current.get(fp), comment.id in replied, ran_ok, outcome)
    for comment in mine:
        if _outdated(comment) and not _reply_to(comment):
            _reconcile_outdated(comment, current, comment.id in replied, ran_ok, outcome)
    fresh = _fresh(result.findings, set(ours), placement)
    budget = max(0, limit - len(outcome.placed))
    outcome.over_limit = max(0, len(fresh) - budget)
    _post(pull, commit, fresh[:budget], placement, outcome)
    return outcome


def _ours(existing: list[Any], replied: set[int]) -> dict[str, tuple[Any, bodies.Marker]]:
    """ygs's top-level comments by fingerprint; a duplicate from a racing run is deleted unless replied to."""
    ours: dict[str, tuple[Any, bodies.Marker]] = {}
    for comment in existing:
        marker = None if _reply_to(comment) else bodies.marker_of(comment.body)
        if marker is None:
            continue
        if marker.fingerprint in ours and comment.id not in replied:
            comment.delete()
            continue
        ours.setdefault(marker.fingerprint, (comment, marker))
    return ours


def _fresh(findings: list[Finding], posted: set[str], placement: Placement) -> list[Finding]:
    """Placeable findings not commented on yet, most severe first, one per fingerprint."""
    seen = set(posted)
    out = []
    for finding in by_severity(findings):
        if finding.fingerprint not in seen and placement.position(finding):
            seen.add(finding.fingerprint)
            out.append(finding)
    return out


def _reconcile(comment: Any, marker: bodies.Marker, finding: Finding | None, has_replies: bool,
               ran_ok: set[str], outcome: InlineOutcome) -> None:
    if finding is not None:
        if comment.body != bodies.inline(finding):
            comment.edit(bodies.inline(finding))
        return
    if not marker.sources or not set(marker.sources) <= ran_ok:
        return  # an analyzer behind it did not run to completion: absence proves nothing
    if not has_replies:
        comment.delete()
        outcome.deleted += 1
    elif not marker.fixed:
        comment.edit(bodies.fixed(comment.body))
        outcome.marked_fixed += 1


def _reconcile_outdated(comment: Any, current: dict[str, Finding], has_replies: bool, ran_ok: set[str],
                        outcome: InlineOutcome) -> None:
    """An outdated comment: superseded while its finding lives (posted again on its current line); once the
    finding is gone, deleted or marked fixed like any other."""
    marker = bodies.marker_of(comment.body)
    if marker is None:
        return
    if marker.fingerprint in current:
        if not marker.superseded:
            comment.edit(bodies.superseded(comment.body))
            outcome.superseded += 1
        return
    _reconcile(comment, marker, None, has_replies, ran_ok, outcome)


def _outdated(comment: Any) -> bool:
    """GitHub nulls `line` and `position` of a comment whose lines changed since it was posted."""
    raw = _raw(comment)
    return raw.get("line") is None and raw.get("position") is None


def _by(comment: Any, me: str) -> bool:
    """Whether `me` wrote the comment (logins are case-insensitive on GitHub)."""
    user = _raw(comment).get("user")
    login = user.get("login") if isinstance(user, dict) else None
    return isinstance(login, str) and login.casefold() == me.casefold()


def _raw(comment: Any) -> dict[str, Any]:
    """The comment as listed; reading a key it lacks through PyGithub would fetch the comment again."""
    raw = getattr(comment, "_rawData", None)
    return raw if isinstance(raw, dict) else {}


def _reply_to(comment: Any) -> int | None:
    """`in_reply_to_id` as listed. Top-level comments lack the key, and asking PyGithub for a missing
    attribute would fetch every comment again, one request each."""
    raw = getattr(comment, "_rawData", None)
    return raw.get("in_reply_to_id") if isinstance(raw, dict) else comment.in_reply_to_id


def _ran_ok(result: ReviewResult) -> set[str]:
    analyzers = result.evidence.get("analyzers", {})
    return {name for name, a in analyzers.items() if isinstance(a, dict) and a.get("status") == "ok"}


def _post(pull: Any, commit: Any, findings: list[Finding], placement: Placement, outcome: InlineOutcome) -> None:
    if not findings:
        return
    comments = [{"path": f.path, "body": bodies.inline(f), **(placement.position(f) or {})} for f in findings]
    try:
        pull.create_review(commit=commit, event="COMMENT", comments=comments,
                           body=f"ygs review: {len(comments)} new finding(s) on this diff. The verdict is the "
                                f"**ygs review** check; the summary comment lists the rest.")
    except Exception as exc:  # noqa: BLE001 - only a refused position is handled here
        if _status(exc) != 422:
            raise
        _post_one_by_one(pull, commit, findings, comments, outcome)
        return
    outcome.posted += len(findings)
    outcome.placed.update(f.fingerprint for f in findings)


def _post_one_by_one(pull: Any, commit: Any, findings: list[Finding], comments: list[dict[str, Any]],
                     outcome: InlineOutcome) -> None:
    """GitHub refused the batch (a line outside its diff): post each, keep the refused ones in the summary."""
    for finding, comment in zip(findings, comments):
        try:
            pull.create_review_comment(commit=commit.sha, **comment)
        except Exception as exc:  # noqa: BLE001
            if _status(exc) != 422:
                raise
            outcome.rejected += 1
            continue
        outcome.posted += 1
        outcome.placed.add(finding.fingerprint)


def _status(exc: BaseException) -> int | None:
    from ygs.github.client import status_of

    return status_of(exc)
