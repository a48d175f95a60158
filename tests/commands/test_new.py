"""`ygs new`: paths, numbering, templates and their overrides, and refusing unsafe input."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

EXPECTED_PATHS = {
    "prd": "docs/prd/PRD-export-limits.md",
    "trd": "docs/trd/TRD-export-limits.md",
    "design-doc": "docs/design/export-limits.md",
    "threat-model": "docs/threat-models/export-limits.md",
    "adr": "docs/adr/ADR-0001-export-limits.md",
    "task": "docs/tasks/T-001-export-limits.md",
    "spike": "docs/spikes/export-limits.md",
    "retro": "docs/retros/export-limits.md",
}


@pytest.mark.parametrize("kind,path", sorted(EXPECTED_PATHS.items()))
def test_new_writes_the_kind_into_its_folder(repo, run_ygs, kind, path):
    result = run_ygs("new", kind, "Export limits")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == path
    text = (repo.path / path).read_text(encoding="utf-8")
    assert "Export limits" in text.splitlines()[0]
    assert "{{" not in text and "{%" not in text


def test_variables_are_filled(repo, run_ygs):
    run_ygs("new", "spike", "Fast JSON parsing")
    text = (repo.path / "docs/spikes/fast-json-parsing.md").read_text()
    assert text.startswith("# Spike: Fast JSON parsing\n")
    assert f"- **Date:** {datetime.date.today().isoformat()}" in text
    assert "`spike/fast-json-parsing`" in text


def test_numbers_continue_after_the_highest(repo, run_ygs):
    repo.write("docs/tasks/T-007-old.md", "# T-007: Old\n")
    repo.write("docs/adr/ADR-0012-old.md", "# ADR-0012: Old\n")
    assert run_ygs("new", "task", "Next").stdout.strip() == "docs/tasks/T-008-next.md"
    assert run_ygs("new", "task", "After").stdout.strip() == "docs/tasks/T-009-after.md"
    assert run_ygs("new", "adr", "Use Postgres").stdout.strip() == "docs/adr/ADR-0013-use-postgres.md"
    assert (repo.path / "docs/tasks/T-008-next.md").read_text().startswith("# T-008: Next\n\n- **ID:** T-008\n")


def test_no_overwrite_without_force(repo, run_ygs):
    run_ygs("new", "prd", "Export limits")
    target = repo.path / "docs/prd/PRD-export-limits.md"
    target.write_text("my edits")
    again = run_ygs("new", "prd", "Export limits")
    assert again.exit_code == 2
    assert "already exists" in again.stderr and "--force" in again.stderr
    assert target.read_text() == "my edits"
    forced = run_ygs("new", "prd", "Export limits", "--force")
    assert forced.exit_code == 0
    assert target.read_text().startswith("# PRD: Export limits")


def test_dir_option(repo, run_ygs):
    result = run_ygs("new", "adr", "Queue choice", "--dir", "architecture/decisions")
    assert result.stdout.strip() == "architecture/decisions/ADR-0001-queue-choice.md"


@pytest.mark.parametrize("title", ["../../etc/x", "../x", "/etc/passwd", "a/../../b", "C:\\Windows\\x"])
def test_a_title_that_would_escape_is_refused(repo, run_ygs, title):
    result = run_ygs("new", "prd", title, "--dir", "docs/prd")
    assert result.exit_code == 2
    assert "refusing" in result.stderr
    assert not (repo.path / "docs").exists()
    assert not (repo.path.parent / "etc").exists()


def test_slug_is_safe_ascii(repo, run_ygs):
    result = run_ygs("new", "prd", "Größere Exporte: schnell & sicher!")
    assert result.stdout.strip() == "docs/prd/PRD-grossere-exporte-schnell-sicher.md"
    assert "Größere Exporte" in (repo.path / result.stdout.strip()).read_text(encoding="utf-8")


def test_long_titles_are_capped_and_cjk_titles_still_get_a_name(repo, run_ygs):
    long = run_ygs("new", "retro", "word " * 40).stdout.strip()
    assert len(Path(long).stem) <= 60
    cjk = run_ygs("new", "retro", "导出限制").stdout.strip()
    assert cjk.startswith("docs/retros/doc-") and cjk.endswith(".md")


def test_project_template_beats_user_template_beats_built_in(repo, run_ygs, tmp_path, monkeypatch):
    user = tmp_path / "user-config"
    monkeypatch.setenv("YGS_CONFIG_HOME", str(user))
    (user / "templates").mkdir(parents=True)
    (user / "templates" / "retro.md").write_text("# {{ id }}: {{ title }} (user)\n")
    run_ygs("new", "retro", "One")
    assert (repo.path / "docs/retros/one.md").read_text() == "# Retro: One (user)\n"
    repo.write(".ygs/templates/retro.md", "# {{ id }}: {{ title }} ({{ slug }}, project)\n")
    run_ygs("new", "retro", "Two")
    assert (repo.path / "docs/retros/two.md").read_text() == "# Retro: Two (two, project)\n"
    repo.write(".ygs/templates/spike-findings.md", "# {{ id }}: {{ title }} (project spike)\n")
    run_ygs("new", "spike", "Three")
    assert (repo.path / "docs/spikes/three.md").read_text() == "# Spike: Three (project spike)\n"


def test_broken_template_is_a_clean_error(repo, run_ygs):
    repo.write(".ygs/templates/adr.md", "# {{ id }}: {{ titel }}\n")
    result = run_ygs("new", "adr", "X")
    assert result.exit_code == 2
    assert "adr.md" in result.stderr and "titel" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_kind_lists_the_kinds(repo, run_ygs):
    result = run_ygs("new", "memo", "X")
    assert result.exit_code == 2
    for kind in EXPECTED_PATHS:
        assert kind in result.output


def test_empty_title_is_refused(repo, run_ygs):
    result = run_ygs("new", "prd", "   ")
    assert result.exit_code == 2 and "title" in result.stderr


def test_json(repo, run_ygs):
    data = json.loads(run_ygs("new", "task", "Add export", "--json").stdout)
    assert data["path"] == "docs/tasks/T-001-add-export.md"
    assert (data["kind"], data["id"], data["slug"], data["title"]) == ("task", "T-001", "add-export", "Add export")


def test_works_outside_a_git_repository(tmp_path, run_ygs, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_ygs("new", "prd", "Loose")
    assert result.exit_code == 0
    assert (tmp_path / "docs/prd/PRD-loose.md").is_file()
