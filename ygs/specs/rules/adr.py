"""ADR rules: every section, including Reversibility, and a known status."""

from __future__ import annotations

import re

from ygs.specs.markdown import ITEM, Document
from ygs.specs.model import Context, Reporter
from ygs.specs.rules.common import SectionSpec, check_sections, prose, title_line

SECTIONS = (
    SectionSpec("Context", ("Kontext", "Contexte", "Contexto", "Contesto")),
    SectionSpec("Decision", ("Entscheidung", "Décision", "Decisión", "Decisão", "Decisione")),
    SectionSpec("Rationale", ("Begründung", "Justification", "Justificación", "Justificativa", "Motivazione")),
    SectionSpec("Consequences", ("Konsequenzen", "Folgen", "Conséquences", "Consecuencias", "Consequências")),
    SectionSpec("Alternatives considered", ("Alternatives", "Alternativen", "Alternatives envisagées",
                                            "Alternativas consideradas", "Alternativas")),
    SectionSpec("Reversibility", ("Reversibilität", "Umkehrbarkeit", "Réversibilité", "Reversibilidad",
                                  "Reversibilidade")),
)
STATUSES = ("proposed", "accepted", "rejected", "deprecated", "superseded")
_STATUS = re.compile(r"^\W*status\W*:\s*(\w*)", re.I)


def check(doc: Document, ctx: Context, report: Reporter, english: bool) -> None:
    check_sections(doc, SECTIONS, report, english)
    _check_status(doc, report)


def _check_status(doc: Document, report: Reporter) -> None:
    header = doc.root.blocks + (doc.title_section.blocks if doc.title_section else [])
    for block in header:
        match = _STATUS.match(prose(block.filled_text)) if block.kind == ITEM else None
        if match is None:
            continue
        if match.group(1).lower() not in STATUSES:
            report.warning(block.line, "adr-status", f"unknown status {match.group(1)!r}",
                           "use Proposed, Accepted, Rejected, Deprecated or Superseded by ADR-…")
        return
    report.warning(title_line(doc), "adr-status", "no `Status:` line", "add `- **Status:** Proposed` under the title")
