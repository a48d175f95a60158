"""Per-kind rules on in-memory documents: the details the CLI tests do not pin down."""

from __future__ import annotations

from pathlib import Path

import pytest

from ygs import config as cfg
from ygs.specs import markdown
from ygs.specs.model import Context
from ygs.specs.rules.common import has_scenario, is_english, normalize
from ygs.specs.rules.task import find_cycles
from ygs.specs.validate import check_document


def rules(text: str, kind: str, path: str = "doc.md", root: Path = Path("."), **ctx: object) -> list[tuple]:
    doc = markdown.parse(text, Path(path).resolve(), path)
    context = Context(root=root, config=cfg.Config(), **ctx)
    return [(i.level, i.rule, i.line) for i in check_document(doc, kind, context)]


def test_normalize_matches_numbered_and_decorated_headings():
    assert normalize("4. **Architecture** (components)") == "architecture"
    assert normalize("Non-goals") == normalize("non goals")
    assert normalize("_<Subsystem>_") == ""


@pytest.mark.parametrize("text,expected", [
    ("GIVEN a\nWHEN b\nTHEN c", True),
    ("- **Given** a, *when* b, _then_ c", True),
    ("given x when y", False),
    ("WHEN x THEN y GIVEN z", False),
    ("Angenommen a\nWenn b\nDann c", True),
    ("Given a\n  And b\nWhen c\nThen d", True),
])
def test_has_scenario(text, expected):
    assert has_scenario(text) is expected


def test_is_english():
    english = "The user starts an export and the system refuses a second one while the first is running. " * 2
    german = "Der Benutzer startet einen Export und das System lehnt einen zweiten ab, solange der erste läuft. " * 2
    for text, expected in ((english, True), (german, False), ("Kurz.", True)):
        assert is_english(markdown.parse(f"# X\n\n{text}\n", Path("x.md"), "x.md")) is expected


PRD_HEAD = "# PRD: X\n\n## Problem\n\nP.\n\n## Target user\n\nU.\n\n## Success criteria\n\n- 1 %.\n\n" \
           "## Capabilities\n\nC.\n\n## Requirements\n\n"
PRD_TAIL = "\n## Non-goals\n\n- N.\n\n## Constraints\n\nC.\n\n## Open questions\n\nQ.\n"


def prd(requirements: str) -> list[tuple]:
    return rules(PRD_HEAD + requirements + PRD_TAIL, "prd")


def test_prd_priority_rules():
    scenario = "\nGIVEN a\nWHEN b\nTHEN c\n"
    assert prd("### R-1: A\n\nIt must work.\n\nPriority: P0\n" + scenario) == []
    assert prd("### R-1: A\n\nIt MUST work.\n" + scenario) == [("error", "prd-priority-missing", 21)]
    assert prd("### R-1: A\n\nIt MUST work.\n\n**Priority:** P7\n" + scenario) == \
        [("error", "prd-priority-invalid", 25)]
    assert prd("### R-1: A\n\nIt MAY work.\n\n- Priority: P0\n" + scenario) == \
        [("error", "prd-priority-mismatch", 25)]


def test_prd_requirement_shape():
    found = prd("### Overview\n\nText.\n\n#### R-1: Deep\n\nIt MUST work and it MAY log.\n\nPriority: P0\n\n"
                "GIVEN a WHEN b THEN c\n")
    assert ("error", "prd-requirement-heading", 21) in found
    assert ("error", "prd-requirement-level", 25) in found
    assert ("warning", "prd-multiple-keywords", 25) in found
    assert prd("Nothing yet.\n") == [("error", "prd-no-requirements", 19)]


def test_scenario_in_a_code_fence_counts():
    assert prd("### R-1: A\n\nIt MUST work.\n\nPriority: P0\n\n```gherkin\nGiven a\nWhen b\nThen c\n```\n") == []


def test_keyword_in_a_scenario_does_not_count():
    found = prd("### R-1: A\n\nPriority: P0\n\nGIVEN a\nWHEN b\nTHEN it MUST fail\n")
    assert ("error", "prd-keyword-missing", 21) in found


def test_threat_model_needs_all_six_stride_categories_per_subsystem():
    sections = ["Scope", "Security tenets", "Assets and sensitivity", "Trust boundaries", "Data flows",
                "Threat actors", "STRIDE reference", "Mitigations with owners", "Residual risks",
                "Security test plan", "Compliance checklist", "Review log"]
    body = "".join(f"## {s}\n\nText.\n\n" for s in sections)
    analysis = ("## Threat analysis per subsystem\n\n### API\n\n| Category | Threat |\n|---|---|\n"
                "| Spoofing | x |\n| Tampering | x |\n| Repudiation | x |\n| Information disclosure | x |\n"
                "| Denial of service | x |\n| Elevation of privilege | x |\n\n"
                "### Worker\n\n| Category | Threat |\n|---|---|\n| Spoofing | x |\n| DoS | x |\n\n")
    text = "# Threat model: X\n\n" + body + analysis
    found = rules(text, "threat-model")
    line = text.splitlines().index("### Worker") + 1
    assert found == [("error", "threat-stride-missing", line)]


def test_adr_needs_reversibility_and_a_known_status():
    text = ("# ADR-0001: X\n\n- **Status:** Maybe\n\n## Context\n\nC.\n\n## Decision\n\nWe will.\n\n"
            "## Rationale\n\nR.\n\n## Consequences\n\nC.\n\n## Alternatives considered\n\nA.\n")
    assert rules(text, "adr") == [("error", "section-missing", 1), ("warning", "adr-status", 3)]


TASK = """\
# T-001: X

- **ID:** T-002
- **Size:** S
- **Wave:** one
- **Depends on:** T-000, later
- **Estimate (hours):** 8 / 4 / 2

## Planned files

- `a.py`
- `b.py`
- `c.py`
- `d.py`

## Description

D.

## Acceptance criteria

- GIVEN a WHEN b THEN c
- GIVEN d WHEN e THEN f

## Checklist

- [ ] done

## Deviation log
"""


def test_task_fields():
    found = rules(TASK, "task")
    assert found == [
        ("error", "task-id-mismatch", 3),
        ("warning", "task-size-files", 4),
        ("error", "task-wave-invalid", 5),
        ("error", "task-depends-invalid", 6),
        ("error", "task-estimate-invalid", 7),
    ]
    missing = rules("# T-001: X\n\n- **Size:** M\n\n" + TASK.split("\n\n", 2)[2], "task")
    assert [r for r in missing if r[1] == "task-field-missing"] == [("error", "task-field-missing", 1)] * 4


def test_find_cycles():
    graph = {"T-3": ["T-1"], "T-1": ["T-2"], "T-2": ["T-3"], "T-4": ["T-4"], "T-5": ["T-1"]}
    assert sorted(find_cycles(graph)) == [["T-1", "T-2", "T-3"], ["T-4"]]
    assert find_cycles({"T-1": ["T-2"], "T-2": []}) == []


def test_design_doc_finds_entities_under_architecture(tmp_path):
    sections = ["Executive summary", "Background and problem", "Proposal", "Alternatives considered",
                "Non-functional requirements", "Rollout plan", "Decision log"]
    body = "".join(f"## {i}. {s}\n\nText.\n\n" for i, s in enumerate(sections, 1))
    text = ("# Design doc: X\n\n" + body + "## Architecture\n\nA.\n\n### Entities\n\nExport.\n\n"
            "## Functional requirements\n\n| PRD requirement | Design element |\n|---|---|\n| R-1 | x |\n")
    assert rules(text, "design-doc", path=str(tmp_path / "x.md"), root=tmp_path) == \
        [("info", "trace-prd-not-found", text.splitlines().index("## Functional requirements") + 1)]
    broken = text.replace("# Design doc: X\n", "# Design doc: X\n\n- **PRD:** [p](../prd/PRD-gone.md)\n")
    assert ("warning", "trace-prd-link-broken", 3) in rules(broken, "design-doc", path=str(tmp_path / "x.md"),
                                                             root=tmp_path)
