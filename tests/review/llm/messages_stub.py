"""A local stand-in for the Anthropic Messages API, for tests and bench/llm_tokens.py.

It speaks just enough of the wire protocol for the real `anthropic` SDK: `POST /v1/messages` answers with a
message (a `report_findings` tool call by default, with a `usage` block), `POST /v1/messages/count_tokens`
with a chars/4 count. Replies can be queued (errors, delays, malformed output) and every request is recorded
with its size, so tests can assert what was sent and how often.

    with MessagesStub() as stub:
        stub.queue(error_reply(429, headers={"retry-after": "0"}), tool_reply([...]))
        os.environ["ANTHROPIC_BASE_URL"] = stub.url
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable


@dataclass
class Reply:
    status: int = 200
    body: Any = None  # dict -> JSON; str -> sent as is (for broken bodies)
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0


@dataclass
class Recorded:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    size: int  # bytes of the request body

    @property
    def system_text(self) -> str:
        return "".join(block.get("text", "") for block in self.body.get("system", []))

    @property
    def user_text(self) -> str:
        content = self.body["messages"][0]["content"]
        return content if isinstance(content, str) else "".join(b.get("text", "") for b in content)


Responder = Callable[[Recorded], Reply]


def tool_reply(findings: list[dict[str, Any]] | Any, usage: dict[str, int] | None = None,
               stop_reason: str = "tool_use") -> Reply:
    """A message whose only content is a report_findings call with this input."""
    tool_input = {"findings": findings} if isinstance(findings, list) else findings
    return Reply(body=message([{"type": "tool_use", "id": "toolu_stub", "name": "report_findings",
                                "input": tool_input}], usage, stop_reason))


def text_reply(text: str, usage: dict[str, int] | None = None) -> Reply:
    return Reply(body=message([{"type": "text", "text": text}], usage, "end_turn"))


def message(content: list[dict[str, Any]], usage: dict[str, int] | None, stop_reason: str) -> dict[str, Any]:
    return {
        "id": "msg_stub", "type": "message", "role": "assistant", "model": "stub-model", "content": content,
        "stop_reason": stop_reason, "stop_sequence": None,
        "usage": usage or {"input_tokens": 10, "output_tokens": 5, "cache_creation_input_tokens": 0,
                           "cache_read_input_tokens": 0},
    }


def error_reply(status: int, message_text: str = "stub error", headers: dict[str, str] | None = None,
                delay_s: float = 0.0) -> Reply:
    kind = {400: "invalid_request_error", 404: "not_found_error", 429: "rate_limit_error",
            529: "overloaded_error"}.get(status, "api_error")
    return Reply(status=status, body={"type": "error", "error": {"type": kind, "message": message_text}},
                 headers=headers or {}, delay_s=delay_s)


def estimate_tokens(text: str) -> int:
    return (len(text) + 3) // 4


class MessagesStub:
    """Queued replies first, then the responder (default: no findings, usage with prompt-cache accounting)."""

    def __init__(self, responder: Responder | None = None) -> None:
        self.requests: list[Recorded] = []
        self.responder = responder or self.no_findings
        self._queue: deque[Reply] = deque()
        self._cached_prefixes: set[str] = set()
        self._lock = threading.Lock()
        self._server = _Server(self)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def message_requests(self) -> list[Recorded]:
        return [r for r in self.requests if r.path == "/v1/messages"]

    def queue(self, *replies: Reply) -> None:
        self._queue.extend(replies)

    def __enter__(self) -> MessagesStub:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def usage_for(self, request: Recorded, output_tokens: int = 20) -> dict[str, int]:
        """Token usage as the API reports it: the cached system prefix is written once, then read."""
        system = estimate_tokens(request.system_text)
        rest = estimate_tokens(json.dumps(request.body.get("messages", [])))
        with self._lock:
            hit = request.system_text in self._cached_prefixes
            self._cached_prefixes.add(request.system_text)
        return {"input_tokens": rest, "output_tokens": output_tokens,
                "cache_creation_input_tokens": 0 if hit else system, "cache_read_input_tokens": system if hit else 0}

    def no_findings(self, request: Recorded) -> Reply:
        return tool_reply([], self.usage_for(request))

    def _reply(self, request: Recorded) -> Reply:
        with self._lock:
            self.requests.append(request)
            queued = self._queue.popleft() if self._queue else None
        if request.path.endswith("/count_tokens"):
            return Reply(body={"input_tokens": estimate_tokens(json.dumps(request.body))})
        return queued or self.responder(request)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        raw = self.rfile.read(int(self.headers.get("content-length") or 0))
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = {}
        headers = {k.lower(): v for k, v in self.headers.items()}
        self._send(self.server.stub._reply(Recorded(self.path.split("?")[0], headers, body, len(raw))))

    def _send(self, reply: Reply) -> None:
        if reply.delay_s:
            time.sleep(reply.delay_s)
        payload = (reply.body if isinstance(reply.body, str) else json.dumps(reply.body)).encode("utf-8")
        try:
            self.send_response(reply.status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(payload)))
            for key, value in reply.headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):  # the client timed out and left
            pass

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - silence the access log
        return


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, stub: MessagesStub) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.stub = stub
