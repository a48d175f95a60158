"""The LLM pass when the API misbehaves: retries, the circuit breaker, bad models, malformed answers."""

from __future__ import annotations

import json

import pytest

from llm_testing import CHANGED, RUN_LINE, finding, llm_evidence, llm_findings, per_call_budget, review
from messages_stub import Reply, error_reply, text_reply, tool_reply

NOT_EXECUTED = "LLM pass not executed: "


@pytest.fixture
def changed(make_project):
    def make(settings: str = "", extra_files: dict[str, str] | None = None):
        repo = make_project(settings)
        repo.write("app.py", CHANGED)
        for path, text in (extra_files or {}).items():
            repo.write(path, text)
        repo.commit("add run")
        return repo

    return make


@pytest.mark.parametrize("status", [429, 500, 503, 529])
def test_transient_error_is_retried_honouring_retry_after(changed, llm, run_ygs, status):
    changed()
    llm.queue(error_reply(status, "slow down", headers={"retry-after": "0"}), tool_reply([finding()]))
    code, report = review(run_ygs)
    assert code == 1 and [f["line"] for f in llm_findings(report)] == [RUN_LINE] and not report["notices"]
    evidence = llm_evidence(report)
    assert evidence["calls"]["attempts"] == 2 and evidence["calls"]["retries"] == 1
    assert evidence["errors"] == [f"HTTP {status}: slow down"] and evidence["status"] == "ok"
    assert [r.headers["x-stainless-retry-count"] for r in llm.message_requests] == ["0", "0"]  # SDK retries off


def test_timeout_is_retried(changed, llm, run_ygs):
    changed("timeout_s = 0.2\n")
    llm.queue(Reply(body=tool_reply([]).body, delay_s=0.6), tool_reply([finding()]))
    code, report = review(run_ygs)
    assert code == 1 and llm_evidence(report)["errors"] == ["request timed out after 0.2s ([tool.ygs.llm] timeout_s)"]


def _breaker_project(changed, settings: str = ""):
    """Two changed files that need two calls: auth.py first (security-sensitive path), then app.py."""
    budget = f"max_input_tokens = {per_call_budget(100)}\n"
    return changed(settings + budget, {"auth.py": "def check(user):\n    return True\n"})


def test_repeated_5xx_open_the_breaker_and_the_report_says_the_pass_did_not_run(changed, llm, run_ygs):
    _breaker_project(changed)
    llm.responder = lambda request: error_reply(500, "boom")
    code, report = review(run_ygs)
    assert code == 0 and report["verdict"] == "pass", "the deterministic verdict stands"
    assert len(llm.message_requests) == 3, "breaker_failures = 3 stops before max_attempts = 4"
    (notice,) = report["notices"]
    assert notice.startswith(NOT_EXECUTED + "circuit breaker open after 3 consecutive failed requests")
    assert notice.endswith("last: HTTP 500: boom; 2 of 2 call(s) not completed")
    evidence = llm_evidence(report)
    assert evidence["status"] == "failed" and evidence["breaker"] == "open"
    reasons = {entry["path"]: entry["reason"] for entry in evidence["not_reviewed"]}
    assert reasons["auth.py"].startswith("call failed: circuit breaker open")
    assert reasons["app.py"].startswith("call not made: circuit breaker open")
    for fmt in ("text", "markdown", "sarif", "github"):
        output = run_ygs("review", "--format", fmt).stdout
        assert "LLM pass not executed: circuit breaker open" in output, fmt
    sarif = json.loads(run_ygs("review", "--format", "sarif").stdout)
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any(n["message"]["text"].startswith(NOT_EXECUTED) for n in notes)


def test_required_pass_that_cannot_complete_makes_the_verdict_error(changed, llm, run_ygs):
    _breaker_project(changed, "required = true\n")
    llm.responder = lambda request: error_reply(503, "unavailable")
    code, report = review(run_ygs)
    assert code == 2 and report["verdict"] == "error"
    assert any(e.startswith("analyzer llm failed: circuit breaker open") for e in report["errors"])


def test_unknown_model_names_the_config_key_and_stops_at_once(changed, llm, run_ygs):
    changed('model = "claude-nonexistent"\n')
    llm.responder = lambda request: error_reply(404, "model: claude-nonexistent")
    code, report = review(run_ygs)
    assert code == 0 and len(llm.message_requests) == 1
    (notice,) = report["notices"]
    assert "HTTP 404: model: claude-nonexistent" in notice
    assert "[tool.ygs.llm] model = 'claude-nonexistent'" in notice


@pytest.mark.parametrize("reply, reason", [
    (tool_reply({"findings": "none"}), "report_findings input is not an object with a `findings` array"),
    (tool_reply({"verdict": "approve"}), "report_findings input is not an object with a `findings` array"),
    (text_reply("Looks good to me, approve!"), "the model did not call report_findings"),
    (Reply(body="<html>bad gateway</html>"), "unreadable API response"),
    (Reply(body={"content": "x"}), "the model did not call report_findings"),
    (tool_reply([finding()], stop_reason="max_tokens"), "cut off at max_output_tokens"),
])
def test_malformed_answer_is_a_failed_call_not_a_crash(changed, llm, run_ygs, reply, reason):
    changed()
    llm.queue(reply)
    code, report = review(run_ygs)
    assert code == 0 and not llm_findings(report) and len(llm.message_requests) == 1
    (notice,) = report["notices"]
    assert notice.startswith(NOT_EXECUTED) and reason in notice
