"""A small fake of the GitHub REST API on 127.0.0.1, for driving the real PyGithub in tests.

Only the endpoints `ygs review --publish github` uses: get repo, get pull, list/create/edit/delete issue
comments, list/create/edit/delete review comments, create a review, create/update a check run, create a
commit status; and who the token is: `GET /user` (a user's token; 403 for an App installation token, as on
GitHub) and the GraphQL `viewer` (`<app-slug>[bot]` for an installation token). Comments are authored by that
identity. State lives in memory; every request is recorded; failures can be injected per method and path. As
on GitHub, only an App's token (ghs_…) may create or update check runs: a classic personal access token
(ghp_…) gets 403 "You must authenticate via a GitHub App.", a fine-grained one (github_pat_…) 403 "Resource
not accessible by personal access token".

For `ygs serve` (a GitHub App): several repositories and pull requests (`add_pull`; the single default pull
request of REPO stays), the App endpoints (`GET /app` and `POST /app/installations/{id}/access_tokens`, which
check the RS256 JWT against the test App's public key as GitHub does: 401 for a bad signature, an expired
JWT or an `exp` too far ahead; `ghs_…` tokens with `expires_at`; once an App is configured, every other
request must carry an unexpired installation token, else 401 "Bad credentials"), the check runs of a commit
(`GET /repos/{o}/{r}/commits/{sha}/check-runs`, `check_name`, paginated with a Link header), and
`delay(method, path_regex, seconds)` to make a request hang. `app_key_pair()` builds the App's keys.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable
from urllib.parse import parse_qs, urlencode, urlsplit

REPO = "octo/app"


@dataclass
class Request:
    method: str
    path: str
    body: Any
    token: str = ""  # the Authorization credential (tests assert which token a request carried)
    query: str = ""


@dataclass
class Delay:
    method: str
    pattern: re.Pattern[str]
    seconds: float
    times: int | None  # None: forever


@dataclass
class Failure:
    method: str
    pattern: re.Pattern[str]
    status: int
    times: int | None  # None: forever
    message: str
    headers: dict[str, str] = field(default_factory=dict)  # e.g. Retry-After, x-ratelimit-reset


@dataclass
class FakeGitHub:
    head_sha: str = "0" * 40
    base_sha: str = "1" * 40
    number: int = 7
    url: str = ""
    requests: list[Request] = field(default_factory=list)
    issue_comments: dict[int, dict[str, Any]] = field(default_factory=dict)
    review_comments: dict[int, dict[str, Any]] = field(default_factory=dict)
    reviews: list[dict[str, Any]] = field(default_factory=list)
    check_runs: dict[int, dict[str, Any]] = field(default_factory=dict)
    statuses: list[dict[str, Any]] = field(default_factory=list)  # commit statuses, oldest first
    commentable: dict[str, set[int]] | None = None  # path -> lines GitHub's diff shows; None: any line
    failures: list[Failure] = field(default_factory=list)
    ids: Any = field(default_factory=lambda: itertools.count(1001))
    login: str = "github-actions[bot]"  # who the token is; comments it writes carry this author
    installation_token: bool = True  # an App installation token (GITHUB_TOKEN): GET /user answers 403
    viewer_without_bot_suffix: bool = False  # GraphQL may name a Bot `<slug>` where REST says `<slug>[bot]`
    lock: threading.Lock = field(default_factory=threading.Lock)
    # --- several repositories and pull requests; the GitHub App -------------------------------------
    repos: set[str] = field(default_factory=lambda: {REPO})
    pulls: dict[tuple[str, int], dict[str, Any]] = field(default_factory=dict)  # add_pull; REPO#number is built in
    delays: list[Delay] = field(default_factory=list)
    hanging: list[Request] = field(default_factory=list)  # requests a delay() held (appended when they start to hang)
    app_id: str = ""  # set by app(): the fake then checks App JWTs and installation tokens
    app_public_key: str = ""
    app_slug: str = "ygs-test"
    installations: set[int] = field(default_factory=set)
    token_lifetime_s: int = 3600  # GitHub: an installation token lives one hour
    tokens: dict[str, dict[str, Any]] = field(default_factory=dict)  # ghs_… -> {"installation", "expires_at"}

    # --- test helpers -------------------------------------------------------------------------------
    def fail(self, method: str, path_regex: str, status: int, times: int | None = None,
             message: str = "Resource not accessible by integration", headers: dict[str, str] | None = None) -> None:
        self.failures.append(Failure(method, re.compile(path_regex), status, times, message, headers or {}))

    def rate_limit(self, method: str, path_regex: str, times: int | None = 1, status: int = 403,
                   retry_after: int | None = None, reset_in: int | None = None, message: str | None = None) -> None:
        """Refuse requests as GitHub does at a rate limit: a secondary limit (403 or 429, `Retry-After`), or the
        primary one (`x-ratelimit-remaining: 0`, `x-ratelimit-reset` = now + reset_in, in epoch seconds)."""
        headers = {"x-ratelimit-limit": "5000", "x-ratelimit-remaining": "4999" if reset_in is None else "0",
                   "x-ratelimit-reset": str(int(time.time()) + (reset_in or 3600))}
        if retry_after is not None:
            headers["Retry-After"] = str(retry_after)
        primary = "API rate limit exceeded for installation ID 1."
        secondary = ("You have exceeded a secondary rate limit. Please wait a few minutes before you try again. "
                     "If you reach out to GitHub Support for help, please include the request ID 1.")
        self.fail(method, path_regex, status, times, message or (primary if reset_in is not None else secondary),
                  headers)

    def reply(self, comment_id: int, body: str = "I disagree") -> dict[str, Any]:
        """A human reply to a review comment."""
        parent = self.review_comments[comment_id]
        return self._add_review_comment({"body": body, "path": parent["path"], "line": parent["line"],
                                         "in_reply_to_id": comment_id, "_repo": parent.get("_repo", REPO),
                                         "_number": parent.get("_number", self.number)}, user="human")

    def as_user(self, login: str) -> None:
        """The token is a user's (a PAT): `GET /user` names `login`."""
        self.login, self.installation_token = login, False

    def foreign_issue_comment(self, body: str, user: str = "mallory") -> dict[str, Any]:
        """An issue comment someone else wrote."""
        cid = next(self.ids)
        self.issue_comments[cid] = {"id": cid, "body": body, "user": {"login": user},
                                    "url": f"{self.url}/repos/{REPO}/issues/comments/{cid}"}
        return self.issue_comments[cid]

    def outdate(self, comment_id: int) -> None:
        """What GitHub does to a review comment when the lines under it change: `line` and `position` null."""
        comment = self.review_comments[comment_id]
        comment["original_line"] = comment.get("line")
        comment.update(line=None, position=None, start_line=None)

    def app(self, app_id: str, public_key_pem: str, installations: tuple[int, ...] = (1,),
            slug: str = "ygs-test") -> None:
        """Act as GitHub for this App: JWTs are checked against `public_key_pem`, and from now on every request
        outside /app needs an installation token this fake issued, unexpired. Comments are by `<slug>[bot]`."""
        self.app_id, self.app_public_key, self.app_slug = str(app_id), public_key_pem, slug
        self.installations = set(installations)
        self.login, self.installation_token = f"{slug}[bot]", True

    def add_pull(self, repo: str, number: int, head_sha: str, base_sha: str, fork: bool = False,
                 clone_url: str = "") -> dict[str, Any]:
        """Another pull request (in another repository too); `pull(repo, number)` returns it for edits."""
        self.repos.add(repo)
        head_repo = f"mallory/{repo.split('/')[1]}" if fork else repo
        self.pulls[(repo, number)] = {"number": number, "head_sha": head_sha, "base_sha": base_sha,
                                      "head_repo": head_repo, "clone_url": clone_url}
        return self.pulls[(repo, number)]

    def delay(self, method: str, path_regex: str, seconds: float, times: int | None = None) -> None:
        """Make matching requests hang `seconds` before they are handled (a test can kill -9 meanwhile)."""
        self.delays.append(Delay(method, re.compile(path_regex), seconds, times))

    def comments_of(self, repo: str = REPO, number: int | None = None) -> list[dict[str, Any]]:
        """The issue comments of one pull request."""
        return [c for c in self.issue_comments.values() if self._on(c, repo, number)]

    def review_comments_of(self, repo: str = REPO, number: int | None = None) -> list[dict[str, Any]]:
        return [c for c in self.review_comments.values() if self._on(c, repo, number)]

    def check_runs_on(self, sha: str, repo: str = REPO, name: str | None = None) -> list[dict[str, Any]]:
        return [r for r in self.check_runs.values() if r.get("head_sha") == sha
                and r.get("_repo", REPO) == repo and (name is None or r.get("name") == name)]

    def _on(self, item: dict[str, Any], repo: str, number: int | None) -> bool:
        return item.get("_repo", REPO) == repo and item.get("_number", self.number) == (
            self.number if number is None else number)

    def _hang(self, method: str, path: str) -> float:
        with self.lock:
            for delay in self.delays:
                if delay.method == method and delay.pattern.search(path) and delay.times != 0:
                    if delay.times is not None:
                        delay.times -= 1
                    return delay.seconds
        return 0.0

    def writes(self, method: str | None = None, pattern: str = "") -> list[Request]:
        return [r for r in self.requests if r.method != "GET" and (method is None or r.method == method)
                and re.search(pattern, r.path)]

    @property
    def summaries(self) -> list[dict[str, Any]]:
        return [c for c in self.issue_comments.values() if c["body"].startswith("<!-- ygs-review -->")]

    # --- routing ------------------------------------------------------------------------------------
    def handle(self, method: str, path: str, body: Any, authorization: str = "", query: str = "") -> tuple[int, Any]:
        hang = self._hang(method, path)
        if hang:
            with self.lock:
                self.hanging.append(Request(method, path, body))
            time.sleep(hang)
        with self.lock:
            token = authorization.split()[-1] if authorization else ""
            self.requests.append(Request(method, path, body, token, query))
            injected = self._injected(method, path) or self._authenticate(path, token) or \
                self._app_only(method, path, authorization)
            if injected:
                return injected
            for verb, pattern, handler in self._routes():
                match = re.fullmatch(pattern, path)
                if verb == method and match:
                    if pattern.startswith("/repos/") and match.group(1) not in self.repos:
                        return 404, {"message": "Not Found"}
                    return handler(body, *match.groups(), **({"query": parse_qs(query)} if pattern.endswith(
                        "/check-runs") and verb == "GET" else {}))
        return 404, {"message": "Not Found"}

    def _authenticate(self, path: str, token: str) -> tuple[int, Any] | None:
        """Once an App is configured: /app takes the App's JWT, everything else an unexpired installation token."""
        if not self.app_id:
            return None
        if path == "/app" or path.startswith("/app/"):
            return self._check_jwt(token)
        issued = self.tokens.get(token)
        if issued is None or issued["expires_at"] <= time.time():
            return 401, {"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"}
        return None

    def _check_jwt(self, token: str) -> tuple[int, Any] | None:
        import jwt

        try:
            claims = jwt.decode(token, self.app_public_key, algorithms=["RS256"],
                                options={"require": ["iat", "exp", "iss"]}, leeway=0)
        except jwt.ExpiredSignatureError:
            return 401, {"message": "'Expiration time' claim ('exp') must be a numeric value representing the "
                                    "future time at which the assertion expires"}
        except jwt.PyJWTError:
            return 401, {"message": "A JSON web token could not be decoded"}
        if str(claims["iss"]) != self.app_id:
            return 401, {"message": "'Issuer' claim ('iss') must be an Integer"}
        if claims["exp"] - time.time() > 600:
            return 401, {"message": "'Expiration time' claim ('exp') is too far in the future"}
        return None

    def _injected(self, method: str, path: str) -> tuple[int, Any, dict[str, str]] | None:
        for failure in self.failures:
            if failure.method == method and failure.pattern.search(path) and failure.times != 0:
                if failure.times is not None:
                    failure.times -= 1
                return failure.status, {"message": failure.message}, failure.headers
        return None

    def _app_only(self, method: str, path: str, authorization: str) -> tuple[int, Any] | None:
        """GitHub: the Checks API takes writes from GitHub Apps only."""
        if method == "GET" or "/check-runs" not in path:
            return None
        token = authorization.split()[-1] if authorization else ""
        if token.startswith("ghp_"):
            return 403, {"message": "You must authenticate via a GitHub App.",
                         "documentation_url": "https://docs.github.com/rest/checks/runs#create-a-check-run"}
        if token.startswith("github_pat_"):
            return 403, {"message": "Resource not accessible by personal access token"}
        return None

    def status_of(self, sha: str, context: str = "ygs review") -> dict[str, Any] | None:
        """The latest commit status of `context` on `sha`, as GitHub's combined status shows it."""
        return next((s for s in reversed(self.statuses) if s["sha"] == sha and s["context"] == context), None)

    def _routes(self) -> list[tuple[str, str, Callable[..., tuple[int, Any]]]]:
        r = r"/repos/([^/]+/[^/]+)"
        return [
            ("GET", r, lambda body, repo: (200, self._repo(repo))),
            ("GET", "/user", self._user),
            ("POST", "/graphql", self._graphql),
            ("GET", "/app", self._get_app),
            ("POST", r"/app/installations/(\d+)/access_tokens", self._access_token),
            ("GET", rf"{r}/pulls/(\d+)", self._get_pull),
            ("GET", rf"{r}/pulls", lambda body, repo: (200, [self._get_pull(body, repo, str(n))[1]
                                                             for n in self._numbers(repo)])),  # unfiltered
            ("GET", rf"{r}/issues/(\d+)/comments", lambda body, repo, n: (200, [
                c for c in self.issue_comments.values() if self._on(c, repo, int(n))])),
            ("POST", rf"{r}/issues/(\d+)/comments", self._create_issue_comment),
            ("PATCH", rf"{r}/issues/comments/(\d+)", lambda body, _, i: self._edit(self.issue_comments, i, body)),
            ("DELETE", rf"{r}/issues/comments/(\d+)", lambda body, _, i: self._delete(self.issue_comments, i)),
            ("GET", rf"{r}/pulls/(\d+)/comments", lambda body, repo, n: (200, [
                c for c in self.review_comments.values() if self._on(c, repo, int(n))])),
            ("POST", rf"{r}/pulls/(\d+)/comments", self._create_review_comment),
            ("POST", rf"{r}/pulls/(\d+)/reviews", self._create_review),
            ("PATCH", rf"{r}/pulls/comments/(\d+)", lambda body, _, i: self._edit(self.review_comments, i, body)),
            ("DELETE", rf"{r}/pulls/comments/(\d+)", lambda body, _, i: self._delete(self.review_comments, i)),
            ("POST", rf"{r}/check-runs", self._create_check_run),
            ("GET", rf"{r}/check-runs/(\d+)", self._get_check_run),
            ("PATCH", rf"{r}/check-runs/(\d+)", self._update_check_run),
            ("GET", rf"{r}/commits/([0-9a-f]{{40}})/check-runs", self._list_check_runs),
            ("POST", rf"{r}/statuses/([0-9a-f]{{40}})", self._create_status),
        ]

    # --- handlers -----------------------------------------------------------------------------------
    def _repo(self, repo: str = REPO) -> dict[str, Any]:
        owner, name = repo.split("/")
        return {"id": 1 + sorted(self.repos).index(repo), "name": name, "full_name": repo, "owner": {"login": owner},
                "url": f"{self.url}/repos/{repo}"}

    def _numbers(self, repo: str) -> list[int]:
        return sorted(({self.number} if repo == REPO else set()) | {n for r, n in self.pulls if r == repo})

    def _get_pull(self, body: Any, repo: str, number: str) -> tuple[int, Any]:
        extra = self.pulls.get((repo, int(number)))
        if extra is None and (repo != REPO or int(number) != self.number):
            return 404, {"message": "Not Found"}
        head, base = (extra["head_sha"], extra["base_sha"]) if extra else (self.head_sha, self.base_sha)
        head_repo = extra["head_repo"] if extra else repo
        clone = (extra or {}).get("clone_url") or f"https://github.com/{repo}.git"
        return 200, {"id": 99 + int(number), "number": int(number), "state": "open",
                     "url": f"{self.url}/repos/{repo}/pulls/{number}",
                     "issue_url": f"{self.url}/repos/{repo}/issues/{number}",
                     "head": {"sha": head, "ref": "feature", "repo": {"full_name": head_repo}},
                     "base": {"sha": base, "ref": "main", "repo": {"full_name": repo, "clone_url": clone}}}

    def _create_issue_comment(self, body: dict[str, Any], repo: str, number: str) -> tuple[int, Any]:
        cid = next(self.ids)
        self.issue_comments[cid] = {"id": cid, "body": body["body"], "user": {"login": self.login},
                                    "url": f"{self.url}/repos/{repo}/issues/comments/{cid}",
                                    "_repo": repo, "_number": int(number)}
        return 201, self.issue_comments[cid]

    def _create_review_comment(self, body: dict[str, Any], repo: str, number: str) -> tuple[int, Any]:
        if not self._commentable(body):
            return 422, {"message": "Validation Failed", "errors": ["line must be part of the diff"]}
        return 201, self._add_review_comment({**body, "_repo": repo, "_number": int(number)})

    def _create_review(self, body: dict[str, Any], repo: str, number: str) -> tuple[int, Any]:
        comments = body.get("comments", [])
        if not all(self._commentable(c) for c in comments):
            return 422, {"message": "Unprocessable Entity", "errors": ["Line could not be resolved"]}
        review = {"id": next(self.ids), "body": body.get("body"), "state": "COMMENTED",
                  "event": body.get("event"), "commit_id": body.get("commit_id")}
        self.reviews.append(review)
        for comment in comments:
            self._add_review_comment({**comment, "commit_id": body.get("commit_id"), "_repo": repo,
                                      "_number": int(number)}, review=review["id"])
        return 200, review

    def _add_review_comment(self, body: dict[str, Any], review: int | None = None,
                            user: str | None = None) -> dict[str, Any]:
        cid = next(self.ids)
        comment = {"id": cid, "pull_request_review_id": review, "user": {"login": user or self.login},
                   "url": f"{self.url}/repos/{body.get('_repo', REPO)}/pulls/comments/{cid}", **body}
        self.review_comments[cid] = comment
        return comment

    def _user(self, body: Any) -> tuple[int, Any]:
        if self.installation_token:
            return 403, {"message": "Resource not accessible by integration",
                         "documentation_url": "https://docs.github.com/rest/users/users#get-the-authenticated-user"}
        return 200, {"login": self.login, "id": 583231, "type": "User"}

    def _graphql(self, body: Any) -> tuple[int, Any]:
        if not isinstance(body, dict) or not re.search(r"\bviewer\s*\{\s*login\s*\}", body.get("query", "")):
            return 200, {"errors": [{"message": "unsupported query in the fake"}]}
        login = self.login.removesuffix("[bot]") if self.viewer_without_bot_suffix else self.login
        return 200, {"data": {"viewer": {"login": login}}}

    def _commentable(self, comment: dict[str, Any]) -> bool:
        if self.commentable is None:
            return True
        lines = self.commentable.get(comment.get("path", ""), set())
        return all(n in lines for n in (comment.get("line"), comment.get("start_line", comment.get("line"))))

    def _edit(self, store: dict[int, dict[str, Any]], cid: str, body: dict[str, Any]) -> tuple[int, Any]:
        if int(cid) not in store:
            return 404, {"message": "Not Found"}
        store[int(cid)]["body"] = body["body"]
        return 200, store[int(cid)]

    def _delete(self, store: dict[int, dict[str, Any]], cid: str) -> tuple[int, Any]:
        if store.pop(int(cid), None) is None:
            return 404, {"message": "Not Found"}
        return 204, None

    def _create_check_run(self, body: dict[str, Any], repo: str) -> tuple[int, Any]:
        output = body.get("output", {})
        if len(output.get("annotations", [])) > 50 or len(output.get("summary", "")) > 65535 or \
                not _valid_conclusion(body):
            return 422, {"message": "Validation Failed"}
        rid = next(self.ids)
        self.check_runs[rid] = {"status": "queued", **body, "id": rid,
                                "url": f"{self.url}/repos/{repo}/check-runs/{rid}",
                                "annotations": list(output.get("annotations", [])), "_repo": repo}
        return 201, self._check_json(rid)

    def _get_check_run(self, body: Any, repo: str, rid: str) -> tuple[int, Any]:
        if self.check_runs.get(int(rid), {}).get("_repo") != repo:
            return 404, {"message": "Not Found"}
        return 200, self._check_json(int(rid))

    def _list_check_runs(self, body: Any, repo: str, sha: str, query: dict[str, list[str]]) -> tuple[int, Any, dict]:
        """GitHub: newest first, `check_name` filters, `per_page` (default 30, at most 100) and `page`; a Link
        header names the next page."""
        name = (query.get("check_name") or [None])[0]
        per_page = min(100, int((query.get("per_page") or ["30"])[0]))
        page = max(1, int((query.get("page") or ["1"])[0]))
        runs = sorted(self.check_runs_on(sha, repo, name), key=lambda r: -r["id"])
        chunk = runs[(page - 1) * per_page:page * per_page]
        headers = {}
        if page * per_page < len(runs):
            following = urlencode({**{k: v[0] for k, v in query.items()}, "page": page + 1, "per_page": per_page})
            headers["Link"] = f'<{self.url}/repos/{repo}/commits/{sha}/check-runs?{following}>; rel="next"'
        return 200, {"total_count": len(runs), "check_runs": [self._check_json(r["id"]) for r in chunk]}, headers

    def _get_app(self, body: Any) -> tuple[int, Any]:
        return 200, {"id": int(self.app_id), "slug": self.app_slug, "name": self.app_slug,
                     "owner": {"login": REPO.split("/")[0]}, "permissions": {"checks": "write"}}

    def _access_token(self, body: Any, installation: str) -> tuple[int, Any]:
        if int(installation) not in self.installations:
            return 404, {"message": "Not Found"}
        token = f"ghs_{next(self.ids):06d}{'x' * 30}"
        expires = time.time() + self.token_lifetime_s
        self.tokens[token] = {"installation": int(installation), "expires_at": expires}
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(expires))
        return 201, {"token": token, "expires_at": stamp, "permissions": {"checks": "write"},
                     "repository_selection": "all"}

    def _update_check_run(self, body: dict[str, Any], repo: str, rid: str) -> tuple[int, Any]:
        output = body.get("output", {})
        if int(rid) not in self.check_runs or len(output.get("annotations", [])) > 50 or not _valid_conclusion(body):
            return 422, {"message": "Validation Failed"}
        run = self.check_runs[int(rid)]
        run["annotations"] += output.get("annotations", [])
        run.update({k: v for k, v in body.items() if k != "output"})
        run["output"] = {**run.get("output", {}), **output}
        return 200, self._check_json(int(rid))

    def _create_status(self, body: dict[str, Any], repo: str, sha: str) -> tuple[int, Any]:
        if body.get("state") not in ("error", "failure", "pending", "success") or \
                len(body.get("description") or "") > 140:
            return 422, {"message": "Validation Failed"}
        status = {"id": next(self.ids), "sha": sha, "context": body.get("context") or "default",
                  "state": body["state"], "description": body.get("description"),
                  "target_url": body.get("target_url"), "url": f"{self.url}/repos/{repo}/statuses/{sha}", "_repo": repo}
        self.statuses.append(status)
        return 201, status

    def _check_json(self, rid: int) -> dict[str, Any]:
        run = self.check_runs[rid]
        output = run.get("output", {})
        return {k: v for k, v in run.items() if k not in ("annotations", "_repo")} | {
            "output": {"title": output.get("title"), "summary": output.get("summary"),
                       "annotations_count": len(run["annotations"])}}


def serve(fake: FakeGitHub) -> ThreadingHTTPServer:
    """Start `fake` on 127.0.0.1 (a free port) in a daemon thread; fake.url is its base URL."""

    class Handler(BaseHTTPRequestHandler):
        def _any(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = json.loads(raw) if raw else None
            parts = urlsplit(self.path)
            status, payload, *headers = fake.handle(self.command, parts.path, body,
                                                    self.headers.get("Authorization", ""), parts.query)
            data = b"" if payload is None else json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers[0] if headers else {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PATCH = do_DELETE = _any

        def log_message(self, *args: Any) -> None:  # quiet
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    return server


def _valid_conclusion(body: dict[str, Any]) -> bool:
    """GitHub: a completed check run needs a conclusion, one of these."""
    if body.get("status") != "completed" and "conclusion" not in body:
        return True
    return body.get("conclusion") in ("action_required", "cancelled", "failure", "neutral", "success", "skipped",
                                      "stale", "timed_out")


_KEYS: dict[int, tuple[str, str]] = {}


def app_key_pair(bits: int = 2048) -> tuple[str, str]:
    """(private key PEM, public key PEM) of a test GitHub App (one per process: RSA generation is slow)."""
    if bits not in _KEYS:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
        private = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                    serialization.NoEncryption()).decode()
        public = key.public_key().public_bytes(serialization.Encoding.PEM,
                                               serialization.PublicFormat.SubjectPublicKeyInfo).decode()
        _KEYS[bits] = (private, public)
    return _KEYS[bits]


def merge_group_event(head_sha: str, base_sha: str, number: int = 7,
                      action: str = "checks_requested") -> dict[str, Any]:
    """A `merge_group` event as GitHub sends it when a merge queue asks for checks on a group."""
    head_ref = f"refs/heads/gh-readonly-queue/main/pr-{number}-{base_sha}"
    return {"action": action, "repository": {"full_name": REPO},
            "merge_group": {"head_sha": head_sha, "head_ref": head_ref, "base_sha": base_sha,
                            "base_ref": "refs/heads/main",
                            "head_commit": {"id": head_sha, "message": f"Merge pull request #{number}"}}}


def workflow_run_event(head_sha: str, number: int | None = 7, fork: bool = True,
                       event: str = "pull_request") -> dict[str, Any]:
    """A `workflow_run` (completed) event as GitHub sends it to a workflow of the base repository when a pull
    request's run finished: `pull_requests` is empty for a pull request from a fork (GitHub's behaviour), and
    lists the pull request otherwise (`number=None`: empty either way)."""
    head_repo = "mallory/app" if fork else REPO
    pulls = [] if fork or number is None else [
        {"number": number, "head": {"sha": head_sha, "ref": "feature"}, "base": {"sha": "1" * 40, "ref": "main"}}]
    return {"action": "completed", "repository": {"full_name": REPO},
            "workflow_run": {"id": 123, "name": "ygs review", "event": event, "status": "completed",
                             "conclusion": "success", "head_sha": head_sha, "head_branch": "feature",
                             "html_url": f"https://github.com/{REPO}/actions/runs/123",
                             "head_repository": {"full_name": head_repo}, "pull_requests": pulls}}


PR_PYPROJECT = ('[tool.ygs.review]\nanalyzers = ["hygiene", "secrets"]\n\n'
                '[tool.ygs.github]\napi_backoff_s = 0.0\nwrite_interval_s = 0.0\n')


def breakpoint_pr(repo, fake_github: FakeGitHub, pyproject: str = PR_PYPROJECT):
    """Commit a base and a head that adds a breakpoint() (a MUST of the hygiene analyzer, fast) on a feature
    branch, and tell the fake both; `pyproject` is the policy the base carries."""
    repo.write("pyproject.toml", pyproject)
    repo.write("app.py", "def f():\n    return 1\n")
    fake_github.base_sha = repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    repo.write("app.py", "def f():\n    breakpoint()\n    return 1\n")
    fake_github.head_sha = repo.commit("debug")
    return repo


def actions_env(monkeypatch: Any, tmp_path: Path, fake_github: FakeGitHub, event: dict,
                event_name: str, token: str) -> dict[str, str]:
    """Set the environment GitHub Actions gives a job for `event` (written to tmp_path); return it."""
    event_path = tmp_path / f"{event_name}.json"
    event_path.write_text(json.dumps(event), encoding="utf-8")
    env = {"GITHUB_TOKEN": token, "GITHUB_EVENT_PATH": str(event_path), "GITHUB_REPOSITORY": REPO,
           "GITHUB_API_URL": fake_github.url, "GITHUB_EVENT_NAME": event_name,
           "GITHUB_STEP_SUMMARY": str(tmp_path / "step_summary.md")}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env
