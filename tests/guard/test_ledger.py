"""The tamper-evident ledger: a hash chain over real CLI runs, tampering, torn lines, concurrent writers, actors."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ygs.guard import ledger, state

CONFIG = '[review]\nanalyzers = ["secrets", "hygiene"]\n'


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch):
    """Tests run under CI and inside agents: start every test as a human at a terminal."""
    for name in (*ledger.AGENT_ENV, *ledger.CI_ENV):
        monkeypatch.delenv(name, raising=False)


def set_tests(repo, exit_code: int = 0) -> None:
    command = f'"{sys.executable}" -c "import sys; sys.exit({exit_code})"'
    repo.write(".ygs/config.toml", f"test_command = {json.dumps(command)}\n{CONFIG}")


@pytest.fixture
def seeded(repo):
    repo.write("a.py", "a = 1\n")
    set_tests(repo)
    repo.commit("seed")
    return repo


def lines(repo) -> list[bytes]:
    return ledger.path(repo.path).read_bytes().splitlines(keepends=True)


def ok(result):
    assert result.exit_code == 0, result.output
    return result


def test_every_decision_over_real_cli_runs_is_chained_and_verifies(seeded, run_ygs):
    ok(run_ygs("task", "start", "--plan", "a.py", "--title", "demo"))
    ok(run_ygs("deviation", "Design said X, did Y because Z"))
    seeded.write("a.py", "a = 2\n")
    ok(run_ygs("checkpoint"))
    ok(run_ygs("check"))
    ok(run_ygs("task", "expand", "b.py", "--reason", "approved by Ana"))
    ok(run_ygs("review", "--worktree", "--no-llm"))
    ok(run_ygs("task", "done"))

    records = list(ledger.entries(seeded.path))
    assert [r["event"] for r in records] == ["task_start", "deviation", "checkpoint", "check", "task_expand",
                                             "review", "task_done"]
    raw = lines(seeded)
    assert records[0]["prev"] == ledger.GENESIS
    for before, record in zip(raw, records[1:]):
        assert record["prev"] == hashlib.sha256(before.rstrip(b"\n")).hexdigest()
    assert all(r["actor"] == "human" and r["time"].endswith("Z") and r["run_id"] for r in records)
    assert len({r["run_id"] for r in records}) == len(records)
    assert records[3]["status"] == "ok" and records[3]["exit_code"] == 0 and records[3]["files"] == 1
    review = records[5]
    assert review["verdict"] == "pass" and review["head_ref"] == "worktree"
    assert review["base"] == seeded.git("rev-parse", "HEAD") and len(review["evidence_sha256"]) == 64
    assert ledger.verify(seeded.path) is None
    verified = ok(run_ygs("history", "--verify"))
    assert verified.output.strip() == "ledger intact: 7 records"


def test_review_digest_matches_the_evidence_of_its_json_report(seeded, run_ygs):
    seeded.write("b.py", "b = 1\n")
    report = run_ygs("review", "--worktree", "--no-llm", "--format", "json")
    assert report.exit_code == 0, report.output
    evidence = json.loads(report.stdout)["evidence"]
    canonical = json.dumps(evidence, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    record = list(ledger.entries(seeded.path))[-1]
    assert record["run_id"] == json.loads(report.stdout)["run_id"]
    assert record["evidence_sha256"] == hashlib.sha256(canonical.encode()).hexdigest()


def _three_records(repo, run_ygs) -> list[dict]:
    ok(run_ygs("task", "start", "--plan", "a.py", "--title", "demo"))
    for text in ("first deviation", "second deviation"):
        ok(run_ygs("deviation", text))
    return list(ledger.entries(repo.path))


def test_editing_a_middle_record_fails_verify_naming_that_line(seeded, run_ygs):
    records = _three_records(seeded, run_ygs)
    path = ledger.path(seeded.path)
    path.write_bytes(path.read_bytes().replace(b"first deviation", b"harmless note"))
    result = run_ygs("history", "--verify")
    assert result.exit_code == 1
    assert result.output.strip() == (f"ledger does not verify: line 2 (run {records[1]['run_id']}): "
                                     "content does not match its hash (the record was edited)")


def test_a_rehashed_edit_still_breaks_the_chain_at_the_next_record(seeded, run_ygs):
    records = _three_records(seeded, run_ygs)
    forged = {**records[1], "text": "harmless note"}
    forged["hash"] = ledger.content_hash(forged)
    raw = lines(seeded)
    raw[1] = (json.dumps(forged, ensure_ascii=False) + "\n").encode()
    ledger.path(seeded.path).write_bytes(b"".join(raw))
    result = run_ygs("history", "--verify")
    assert result.exit_code == 1
    assert f"line 3 (run {records[2]['run_id']}): chain broken" in result.output


def test_deleting_a_record_fails_verify(seeded, run_ygs):
    records = _three_records(seeded, run_ygs)
    raw = lines(seeded)
    ledger.path(seeded.path).write_bytes(raw[0] + raw[2])
    result = run_ygs("history", "--verify")
    assert result.exit_code == 1
    assert f"line 2 (run {records[2]['run_id']}): chain broken" in result.output


def test_a_line_that_is_not_json_fails_verify(seeded, run_ygs):
    _three_records(seeded, run_ygs)
    raw = lines(seeded)
    ledger.path(seeded.path).write_bytes(raw[0] + b"garbage\n" + raw[1] + raw[2])
    result = run_ygs("history", "--verify")
    assert result.exit_code == 1 and "line 2: content does not parse" in result.output


def test_torn_last_line_is_reported_once_then_sealed_and_the_chain_continues(seeded, run_ygs, capsys):
    records = _three_records(seeded, run_ygs)
    path = ledger.path(seeded.path)
    path.write_bytes(path.read_bytes()[:-25])  # the last record lost its end, newline included
    assert [r["run_id"] for r in ledger.entries(seeded.path)] == [r["run_id"] for r in records[:2]]
    list(ledger.entries(seeded.path))
    assert capsys.readouterr().err.count("line 3 is torn") == 1
    assert ok(run_ygs("history", "--verify")).output.strip() == (
        "ledger intact: 2 records (the last line is torn and will be sealed by the next record)")

    ok(run_ygs("deviation", "after the crash"))
    raw = lines(seeded)
    assert len(raw) == 4 and raw[2].endswith(b"\n")  # the torn line was ended, not merged
    new = json.loads(raw[3])
    assert new["text"] == "after the crash"
    assert new["prev"] == hashlib.sha256(raw[1].rstrip(b"\n")).hexdigest()  # chained to the last whole record
    assert new["sealed"] == {"line": 3, "sha256": hashlib.sha256(raw[2].rstrip(b"\n")).hexdigest()}
    assert [r["event"] for r in ledger.entries(seeded.path)] == ["task_start", "deviation", "deviation"]
    assert ok(run_ygs("history", "--verify")).output.strip() == "ledger intact: 3 records (1 torn line(s) sealed)"


def test_a_green_checkpoint_after_a_torn_line_is_found_by_the_guard(seeded, run_ygs):
    ok(run_ygs("task", "start", "--plan", "a.py", "--title", "demo"))
    seeded.write("a.py", "a = 2\n")
    with open(ledger.path(seeded.path), "ab") as handle:
        handle.write(b'{"event": "checkpoint", "result": "fa')  # a writer killed mid-line
    ok(run_ygs("checkpoint"))
    done = run_ygs("task", "done")
    assert done.exit_code == 0, done.output
    assert "done: 1 file(s) changed" in done.output
    assert ledger.verify(seeded.path) is None


def test_twenty_concurrent_writers_all_land_and_the_chain_holds(tmp_path):
    script = ("import sys; from pathlib import Path; from ygs.guard import ledger; "
              "ledger.append(Path(sys.argv[1]), {'event': 'deviation', 'text': sys.argv[2]})")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    procs = [subprocess.Popen([sys.executable, "-c", script, str(tmp_path), f"writer {n}"], env=env)
             for n in range(20)]
    assert [p.wait(timeout=60) for p in procs] == [0] * 20
    records = list(ledger.entries(tmp_path))
    assert sorted(r["text"] for r in records) == sorted(f"writer {n}" for n in range(20))
    assert len(ledger.path(tmp_path).read_bytes().splitlines()) == 20
    assert ledger.inspect(tmp_path).records == 20 and ledger.verify(tmp_path) is None


@pytest.mark.parametrize(("env", "expected"), [
    ({}, "human"),
    ({"CI": "true"}, "ci"),
    ({"GITHUB_ACTIONS": "true"}, "ci"),
    ({"CI": "false"}, "human"),
    ({"CLAUDECODE": "1"}, "agent"),
    ({"CLAUDECODE": "1", "CI": "true"}, "agent"),
    ({"CODEX_SANDBOX": "seatbelt"}, "agent"),
    ({"GEMINI_CLI": "1"}, "agent"),
])
def test_actor_comes_from_the_environment(seeded, run_ygs, monkeypatch, env, expected):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    ok(run_ygs("check", "--plan", "a.py"))
    assert list(ledger.entries(seeded.path))[-1]["actor"] == expected


def test_agent_hooks_record_as_the_agent_and_the_mark_does_not_leak(tmp_path):
    with ledger.acting_as("agent"):
        inside = ledger.append(tmp_path, {"event": "x"})
    after = ledger.append(tmp_path, {"event": "y"})
    assert (inside["actor"], after["actor"]) == ("agent", "human")


def test_callers_cannot_forge_the_chain_fields(tmp_path):
    record = ledger.append(tmp_path, {"event": "x", "prev": "f" * 64, "hash": "0", "actor": "human",
                                      "time": "1999-01-01T00:00:00Z"})
    assert record["prev"] == ledger.GENESIS and record["time"] != "1999-01-01T00:00:00Z"
    assert ledger.verify(tmp_path) is None


def test_a_ledger_failure_never_changes_the_review_verdict(seeded, run_ygs):
    state.ensure_state_dir(seeded.path)
    ledger.path(seeded.path).mkdir()  # appending and reading both fail
    seeded.write("b.py", "b = 1\n")
    result = run_ygs("review", "--worktree", "--no-llm", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["verdict"] == "pass"
    warning = result.stderr.strip().splitlines()
    assert len(warning) == 1 and warning[0].startswith("ygs: warning: this review was not recorded in the ledger")


def test_an_unreadable_ledger_is_exit_2(seeded, run_ygs):
    state.ensure_state_dir(seeded.path)
    ledger.path(seeded.path).mkdir()
    result = run_ygs("history", "--verify")
    assert result.exit_code == 2 and "cannot read the ledger" in result.stderr


def test_non_utf8_paths_and_unicode_text_round_trip_and_verify(tmp_path):
    odd = b"caf\xe9.py".decode("utf-8", "surrogateescape")  # a Latin-1 file name, as git hands it over
    ledger.append(tmp_path, {"event": "checkpoint", "files": [odd]})
    ledger.append(tmp_path, {"event": "deviation", "text": "Diseño dijo X — hicimos Y"})
    records = list(ledger.entries(tmp_path))
    assert records[0]["files"] == [odd] and records[1]["text"] == "Diseño dijo X — hicimos Y"
    assert "Diseño".encode() in ledger.path(tmp_path).read_bytes()  # readable UTF-8 where possible
    assert ledger.verify(tmp_path) is None


def test_a_ledger_begun_by_an_older_ygs_verifies_and_the_chain_covers_its_last_old_record(seeded, run_ygs):
    state.ensure_state_dir(seeded.path)
    old = b'{"time": "2026-11-01T10:00:00Z", "event": "task_start", "task": "k1"}\n'
    ledger.path(seeded.path).write_bytes(old + old.replace(b"k1", b"k2"))
    ok(run_ygs("check", "--plan", "a.py"))
    assert ok(run_ygs("history", "--verify")).output.strip() == (
        "ledger intact: 3 records (the first 2 written by an older ygs, before the chain began)")
    path = ledger.path(seeded.path)
    path.write_bytes(path.read_bytes().replace(b'"k2"', b'"k9"'))
    assert "line 3" in run_ygs("history", "--verify").output  # the first chained record covers the old bytes
    unchained = path.read_bytes() + old
    path.write_bytes(unchained.replace(b'"k9"', b'"k2"'))
    result = run_ygs("history", "--verify")
    assert result.exit_code == 1 and "line 4: not chained" in result.output


def test_ship_records_its_verdict(seeded, run_ygs):
    seeded.write("README.md", "docs only\n")
    result = run_ygs("ship", "--base", "HEAD", "--json")
    record = list(ledger.entries(seeded.path))[-1]
    assert record["event"] == "ship"
    assert record["verdict"] == ("pass" if result.exit_code == 0 else "fail")
    assert record["failed"] == json.loads(result.output)["failed"]
    assert record["checks"]["tests"] == "pass" and record["base"] == seeded.git("rev-parse", "HEAD")
