"""`ygs history`: listing, filtering and JSON over a ledger written by real CLI runs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from ygs.commands.history import parse_since
from ygs.guard import ledger

UTC = dt.timezone.utc


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch):
    for name in (*ledger.AGENT_ENV, *ledger.CI_ENV):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def worked(repo, run_ygs, monkeypatch):
    """A task started by a human, a deviation by an agent, a check in CI."""
    repo.write("a.py", "a = 1\n")
    repo.commit("seed")
    assert run_ygs("task", "start", "--plan", "a.py", "--title", "Fix login").exit_code == 0
    monkeypatch.setenv("CLAUDECODE", "1")
    assert run_ygs("deviation", "Design said X, did Y because Z").exit_code == 0
    monkeypatch.delenv("CLAUDECODE")
    monkeypatch.setenv("CI", "true")
    repo.write("a.py", "a = 2\n")
    assert run_ygs("check").exit_code == 0
    monkeypatch.delenv("CI")
    return list(ledger.entries(repo.path))


def test_table_lists_every_decision_with_time_actor_event_run_and_summary(worked, run_ygs):
    result = run_ygs("history")
    assert result.exit_code == 0, result.output
    header, *rows = result.output.splitlines()
    assert header.split() == ["TIME", "ACTOR", "EVENT", "RUN", "SUMMARY"]
    assert len(rows) == 3
    assert rows[0].split()[1:4] == ["human", "task_start", worked[0]["run_id"]]
    assert rows[1].split()[1:4] == ["agent", "deviation", worked[1]["run_id"]]
    assert rows[2].split()[1:4] == ["ci", "check", worked[2]["run_id"]]
    assert "Design said X, did Y because Z" in rows[1]
    assert "ok (exit 0): 1 file(s) changed, 0 unplanned" in rows[2]
    assert len({row.index(worked[n]["run_id"]) for n, row in enumerate(rows)}) == 1  # aligned columns


def test_json_is_the_list_of_records(worked, run_ygs):
    result = run_ygs("history", "--json")
    assert result.exit_code == 0
    assert json.loads(result.output) == worked


def test_filter_by_event_and_run(worked, run_ygs):
    events = json.loads(run_ygs("history", "--json", "--event", "check,deviation").output)
    assert [r["event"] for r in events] == ["deviation", "check"]
    assert [r["event"] for r in json.loads(run_ygs("history", "--json", "--event", "check").output)] == ["check"]
    run = worked[1]["run_id"]
    by_run = json.loads(run_ygs("history", "--json", "--run", run[:6]).output)
    assert [r["run_id"] for r in by_run] == [run]
    assert run_ygs("history", "--run", "no-such-run").output.strip() == "no decisions match"


def test_since_takes_ages_and_iso_times(worked, run_ygs):
    assert len(json.loads(run_ygs("history", "--json", "--since", "2h").output)) == 3
    assert json.loads(run_ygs("history", "--json", "--since", "2999-01-01").output) == []
    last = worked[-1]["time"]
    assert [r["event"] for r in json.loads(run_ygs("history", "--json", "--since", last).output)][-1] == "check"
    bad = run_ygs("history", "--since", "yesterday")
    assert bad.exit_code == 2 and "is not a time" in bad.output


def test_parse_since():
    now = dt.datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
    assert parse_since("2h", now) == dt.datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
    assert parse_since("3d", now) == dt.datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    assert parse_since("45m", now) == dt.datetime(2026, 12, 3, 11, 15, tzinfo=UTC)
    assert parse_since("2026-12-01", now) == dt.datetime(2026, 12, 1, tzinfo=UTC)
    assert parse_since("2026-12-01T09:30:00Z", now) == dt.datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    assert parse_since("2026-12-01T11:30+02:00", now) == dt.datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    with pytest.raises(ValueError):
        parse_since("2 fortnights", now)


def test_control_characters_in_recorded_text_are_escaped(repo, run_ygs):
    repo.write("a.py", "a = 1\n")
    repo.commit("seed")
    assert run_ygs("task", "start", "--plan", "a.py", "--title", "evil\x1b]0;owned\x07").exit_code == 0
    output = run_ygs("history").output
    assert "\x1b" not in output and "\x07" not in output and "evil\\x1b]0;owned\\x07" in output


def test_empty_ledger_and_verify_json(repo, run_ygs):
    repo.commit("seed")
    assert "no decisions recorded yet" in run_ygs("history").output
    intact = run_ygs("history", "--verify")
    assert intact.exit_code == 0 and intact.output.strip() == "ledger intact: 0 records"
    data = json.loads(run_ygs("history", "--verify", "--json").output)
    assert data["intact"] is True and data["records"] == 0 and data["head"] == ledger.GENESIS


def test_verify_json_names_the_broken_record(worked, run_ygs):
    path = ledger.path(Path.cwd())
    path.write_bytes(path.read_bytes().replace(b"did Y", b"did W"))
    result = run_ygs("history", "--verify", "--json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["intact"] is False and data["records"] == 1
    assert data["problem"]["line"] == 2 and data["problem"]["run_id"] == worked[1]["run_id"]


def test_help_teaches(run_ygs):
    text = run_ygs("history", "--help").output
    for expected in ("--since", "--run", "--event", "--json", "--verify", "2h", "Exit codes"):
        assert expected in text


def test_a_non_utf8_path_in_a_record_prints_in_table_and_json(repo, run_ygs):
    repo.commit("seed")
    odd = b"caf\xe9.py".decode("utf-8", "surrogateescape")
    ledger.append(repo.path, {"event": "task_expand", "files": [odd], "reason": "approved"})
    table = run_ygs("history")
    assert table.exit_code == 0 and "caf\\udce9.py" in table.output
    raw = run_ygs("history", "--json")
    assert raw.exit_code == 0 and b"caf\xe9.py" in raw.stdout_bytes
