"""A small fake of the GitHub REST API on 127.0.0.1, for driving the real PyGithub in tests.

Only the endpoints `ygs review --publish github` uses: get repo, get pull, list/create/edit/delete issue
comments, list/create/edit/delete review comments, create a review, create/update a check run, create a
commit status; and who the token is: `GET /user` (a user's token; 403 for an App installation token, as on
GitHub) and the GraphQL `viewer` (`<app-slug>[bot]` for an installation token). Comments are authored by that
identity. State lives in memory; every request is recorded; failures can be injected per method and path. As
on GitHub, only an App's token (ghs_…) may create or update check runs: a classic personal access token
(ghp_…) gets 403 "You must authenticate via a GitHub App.", a fine-grained one (github_pat_…) 403 "Resource
not accessible by personal access token".
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
from urllib.parse import urlsplit

REPO = "octo/app"


@dataclass
class Request:
    method: str
    path: str
    body: Any


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
                                         "in_reply_to_id": comment_id}, user="human")

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

    def writes(self, method: str | None = None, pattern: str = "") -> list[Request]:
        return [r for r in self.requests if r.method != "GET" and (method is None or r.method == method)
                and re.search(pattern, r.path)]

    @property
    def summaries(self) -> list[dict[str, Any]]:
        return [c for c in self.issue_comments.values() if c["body"].startswith("<!-- ygs-review -->")]

    # --- routing ------------------------------------------------------------------------------------
    def handle(self, method: str, path: str, body: Any, authorization: str = "") -> tuple[int, Any]:
        with self.lock:
            self.requests.append(Request(method, path, body))
            injected = self._injected(method, path) or self._app_only(method, path, authorization)
            if injected:
                return injected
            for verb, pattern, handler in self._routes():
                match = re.fullmatch(pattern, path)
                if verb == method and match:
                    return handler(body, *match.groups())
        return 404, {"message": "Not Found"}

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
        r = f"/repos/{REPO}"
        return [
            ("GET", r, lambda body: (200, self._repo())),
            ("GET", "/user", self._user),
            ("POST", "/graphql", self._graphql),
            ("GET", rf"{r}/pulls/(\d+)", self._get_pull),
            ("GET", rf"{r}/pulls", lambda body: (200, [self._get_pull(body, str(self.number))[1]])),  # unfiltered
            ("GET", rf"{r}/issues/(\d+)/comments", lambda body, n: (200, list(self.issue_comments.values()))),
            ("POST", rf"{r}/issues/(\d+)/comments", self._create_issue_comment),
            ("PATCH", rf"{r}/issues/comments/(\d+)", lambda body, i: self._edit(self.issue_comments, i, body)),
            ("DELETE", rf"{r}/issues/comments/(\d+)", lambda body, i: self._delete(self.issue_comments, i)),
            ("GET", rf"{r}/pulls/(\d+)/comments", lambda body, n: (200, list(self.review_comments.values()))),
            ("POST", rf"{r}/pulls/(\d+)/comments", self._create_review_comment),
            ("POST", rf"{r}/pulls/(\d+)/reviews", self._create_review),
            ("PATCH", rf"{r}/pulls/comments/(\d+)", lambda body, i: self._edit(self.review_comments, i, body)),
            ("DELETE", rf"{r}/pulls/comments/(\d+)", lambda body, i: self._delete(self.review_comments, i)),
            ("POST", rf"{r}/check-runs", self._create_check_run),
            ("PATCH", rf"{r}/check-runs/(\d+)", self._update_check_run),
            ("POST", rf"{r}/statuses/([0-9a-f]{{40}})", self._create_status),
        ]

    # --- handlers -----------------------------------------------------------------------------------
    def _repo(self) -> dict[str, Any]:
        owner, name = REPO.split("/")
        return {"id": 1, "name": name, "full_name": REPO, "owner": {"login": owner},
                "url": f"{self.url}/repos/{REPO}"}

    def _get_pull(self, body: Any, number: str) -> tuple[int, Any]:
        if int(number) != self.number:
            return 404, {"message": "Not Found"}
        return 200, {"id": 99, "number": self.number, "state": "open", "url": f"{self.url}/repos/{REPO}/pulls/{number}",
                     "issue_url": f"{self.url}/repos/{REPO}/issues/{number}",
                     "head": {"sha": self.head_sha, "ref": "feature"}, "base": {"sha": self.base_sha, "ref": "main"}}

    def _create_issue_comment(self, body: dict[str, Any], number: str) -> tuple[int, Any]:
        cid = next(self.ids)
        self.issue_comments[cid] = {"id": cid, "body": body["body"], "user": {"login": self.login},
                                    "url": f"{self.url}/repos/{REPO}/issues/comments/{cid}"}
        return 201, self.issue_comments[cid]

    def _create_review_comment(self, body: dict[str, Any], number: str) -> tuple[int, Any]:
        if not self._commentable(body):
            return 422, {"message": "Validation Failed", "errors": ["line must be part of the diff"]}
        return 201, self._add_review_comment(body)

    def _create_review(self, body: dict[str, Any], number: str) -> tuple[int, Any]:
        comments = body.get("comments", [])
        if not all(self._commentable(c) for c in comments):
            return 422, {"message": "Unprocessable Entity", "errors": ["Line could not be resolved"]}
        review = {"id": next(self.ids), "body": body.get("body"), "state": "COMMENTED",
                  "event": body.get("event"), "commit_id": body.get("commit_id")}
        self.reviews.append(review)
        for comment in comments:
            self._add_review_comment({**comment, "commit_id": body.get("commit_id")}, review=review["id"])
        return 200, review

    def _add_review_comment(self, body: dict[str, Any], review: int | None = None,
                            user: str | None = None) -> dict[str, Any]:
        cid = next(self.ids)
        comment = {"id": cid, "pull_request_review_id": review, "user": {"login": user or self.login},
                   "url": f"{self.url}/repos/{REPO}/pulls/comments/{cid}", **body}
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

    def _create_check_run(self, body: dict[str, Any]) -> tuple[int, Any]:
        output = body.get("output", {})
        if len(output.get("annotations", [])) > 50 or len(output.get("summary", "")) > 65535:
            return 422, {"message": "Validation Failed"}
        rid = next(self.ids)
        self.check_runs[rid] = {**body, "id": rid, "url": f"{self.url}/repos/{REPO}/check-runs/{rid}",
                                "annotations": list(output.get("annotations", []))}
        return 201, self._check_json(rid)

    def _update_check_run(self, body: dict[str, Any], rid: str) -> tuple[int, Any]:
        output = body.get("output", {})
        if int(rid) not in self.check_runs or len(output.get("annotations", [])) > 50:
            return 422, {"message": "Validation Failed"}
        run = self.check_runs[int(rid)]
        run["annotations"] += output.get("annotations", [])
        run.update({k: v for k, v in body.items() if k != "output"})
        run["output"] = {**run.get("output", {}), **output}
        return 200, self._check_json(int(rid))

    def _create_status(self, body: dict[str, Any], sha: str) -> tuple[int, Any]:
        if body.get("state") not in ("error", "failure", "pending", "success") or \
                len(body.get("description") or "") > 140:
            return 422, {"message": "Validation Failed"}
        status = {"id": next(self.ids), "sha": sha, "context": body.get("context") or "default",
                  "state": body["state"], "description": body.get("description"),
                  "target_url": body.get("target_url"), "url": f"{self.url}/repos/{REPO}/statuses/{sha}"}
        self.statuses.append(status)
        return 201, status

    def _check_json(self, rid: int) -> dict[str, Any]:
        run = self.check_runs[rid]
        output = run.get("output", {})
        return {k: v for k, v in run.items() if k != "annotations"} | {
            "output": {"title": output.get("title"), "summary": output.get("summary"),
                       "annotations_count": len(run["annotations"])}}


def serve(fake: FakeGitHub) -> ThreadingHTTPServer:
    """Start `fake` on 127.0.0.1 (a free port) in a daemon thread; fake.url is its base URL."""

    class Handler(BaseHTTPRequestHandler):
        def _any(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = json.loads(raw) if raw else None
            status, payload, *headers = fake.handle(self.command, urlsplit(self.path).path, body,
                                                    self.headers.get("Authorization", ""))
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
