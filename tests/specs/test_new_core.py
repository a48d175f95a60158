"""Slugs and numbering for `ygs new`."""

from __future__ import annotations

import pytest

from ygs.specs.kinds import KINDS, detect
from ygs.specs.new import SLUG_MAX, next_number, slugify


@pytest.mark.parametrize("title,slug", [
    ("Export limits", "export-limits"),
    ("  Ünïcödé   Títle ", "unicode-title"),
    ("Straße & Œuvre", "strasse-oeuvre"),
    ("../../etc/x", "etc-x"),
    ("CON", "con-doc"),
    ("a--b__c", "a-b-c"),
])
def test_slugify(title, slug):
    assert slugify(title) == slug


def test_slug_is_capped_at_a_word_boundary():
    slug = slugify("alpha " * 30)
    assert len(slug) <= SLUG_MAX and not slug.endswith("-") and slug.startswith("alpha-alpha")


def test_slug_never_empty():
    assert slugify("导出").startswith("doc-") and slugify("导出") != slugify("限制")


def test_next_number(tmp_path):
    task = KINDS["task"]
    assert next_number(task, tmp_path / "none") == 1
    for name in ("T-002-a.md", "T-010.md", "TRD-x.md", "notes.md"):
        (tmp_path / name).write_text("")
    assert next_number(task, tmp_path) == 11


def test_detect_kind_by_heading_then_name_then_folder(tmp_path):
    assert detect(tmp_path / "x.md", "ADR-0003: Queue") is KINDS["adr"]
    assert detect(tmp_path / "x.md", "Threat model: Payments") is KINDS["threat-model"]
    assert detect(tmp_path / "TRD-x.md", "Something") is KINDS["trd"]
    assert detect(tmp_path / "docs" / "spikes" / "x.md", None) is KINDS["spike"]
    assert detect(tmp_path / "docs" / "tasks" / "README.md", "Tasks") is None
    assert detect(tmp_path / "notes.md", "Notes") is None
