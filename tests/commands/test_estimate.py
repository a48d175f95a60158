"""`ygs estimate`: PERT from arguments and from task files, ranges, calendar time, coverage warning."""

from __future__ import annotations

import json
import math

import pytest


def task(number: int, estimate: str, title: str = "Add the export endpoint", checklist: str = "- [ ] Code") -> str:
    return f"""\
# T-{number:03d}: {title}

- **ID:** T-{number:03d}
- **Size:** S
- **Wave:** 1
- **Depends on:** none
- **Estimate (hours):** {estimate}

## Planned files

- `app.py`

## Description

Build it.

## Acceptance criteria

- GIVEN a WHEN b THEN c
- GIVEN d WHEN e THEN f

## Checklist

{checklist}

## Deviation log
"""


def test_three_numbers(repo, run_ygs):
    result = run_ygs("estimate", "--best", "2", "--likely", "4", "--worst", "12")
    assert result.exit_code == 0, result.output
    assert "expected: 5.0 h" in result.stdout
    assert "~95 %: 1.7 – 8.3 h" in result.stdout
    assert "multiply by 2" in result.stdout
    data = json.loads(run_ygs("estimate", "--best", "2", "--likely", "4", "--worst", "12", "--json").stdout)
    assert data["total"] == {"expected": 5.0, "sigma": 1.7, "range_68": [3.3, 6.7], "range_95": [1.7, 8.3]}
    assert data["calendar"]["expected"] == round(5.0 / 0.55, 1)


def test_calendar_uses_the_configured_feature_share(repo, run_ygs):
    repo.write("pyproject.toml", "[tool.ygs.estimate]\nfeature_share = 0.5\n")
    data = json.loads(run_ygs("estimate", "--best", "2", "--likely", "4", "--worst", "12", "--json").stdout)
    assert data["calendar"]["expected"] == 10.0
    assert "at 50% feature work: 10.0 h" in run_ygs("estimate", "--best", "2", "--likely", "4", "--worst", "12").stdout


def test_totals_over_task_files(repo, run_ygs):
    repo.write("docs/tasks/T-001-a.md", task(1, "2 / 4 / 12"))
    repo.write("docs/tasks/T-002-b.md", task(2, "1 / 2 / 3"))
    repo.write("docs/tasks/README.md", "# Tasks\n")
    data = json.loads(run_ygs("estimate", "--json").stdout)
    assert [t["id"] for t in data["tasks"]] == ["T-001", "T-002"]
    assert data["total"]["expected"] == 7.0
    assert data["total"]["sigma"] == round(math.sqrt((10 / 6) ** 2 + (2 / 6) ** 2), 1)
    text = run_ygs("estimate", "docs/tasks").stdout
    assert "T-001" in text and "expected: 7.0 h" in text


def test_warns_when_tasks_cover_only_coding(repo, run_ygs):
    repo.write("docs/tasks/T-001-a.md", task(1, "2 / 4 / 12"))
    result = run_ygs("estimate", "docs/tasks")
    assert result.exit_code == 0
    assert "warning: no task covers testing, deploy, observability, runbook, migration, docs work" in result.stdout
    assert "multiply by 2" in result.stdout


def test_whole_job_tasks_cover_the_categories(repo, run_ygs):
    repo.write("docs/tasks/T-001-a.md", task(1, "2 / 4 / 12", checklist="- [ ] Tests\n- [ ] Docs and changelog"))
    repo.write("docs/tasks/T-002-b.md", task(2, "1 / 2 / 3", title="Deploy behind a feature flag with alerts"))
    repo.write("docs/tasks/T-003-c.md", task(3, "1 / 2 / 3", title="Runbook and data migration with backfill"))
    data = json.loads(run_ygs("estimate", "docs/tasks", "--json").stdout)
    assert data["uncovered"] == []


def test_task_without_a_usable_estimate_fails_and_is_named(repo, run_ygs):
    repo.write("docs/tasks/T-001-a.md", task(1, "2 / 4 / 12"))
    repo.write("docs/tasks/T-002-b.md", task(2, "lots"))
    result = run_ygs("estimate", "docs/tasks")
    assert result.exit_code == 1
    assert "docs/tasks/T-002-b.md: estimate 'lots' is not `B / M / W`" in result.stdout
    assert "expected: 5.0 h" in result.stdout


@pytest.mark.parametrize("args", [
    ("--best", "2", "--likely", "4"),
    ("--best", "5", "--likely", "4", "--worst", "6"),
    ("--best", "2", "--likely", "4", "--worst", "6", "docs/tasks"),
    ("--best", "x", "--likely", "4", "--worst", "6"),
])
def test_usage_errors(repo, run_ygs, args):
    result = run_ygs("estimate", *args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_no_tasks_folder_is_a_usage_error(repo, run_ygs):
    result = run_ygs("estimate")
    assert result.exit_code == 2
    assert "docs/tasks" in result.output


def test_a_folder_without_tasks_is_an_error(repo, run_ygs):
    repo.write("docs/tasks/README.md", "# Tasks\n")
    result = run_ygs("estimate")
    assert result.exit_code == 2
    assert "no task files" in result.stderr
