"""TRD and design doc rules: sections (with Entities), and a traceability table that names only requirement
IDs the PRD has and traces every P0 requirement.

The PRD is, in order: `--prd FILE`; the file the header's `PRD:` line links to; `PRD-<slug>.md` (same slug
as this document) in the same folder or docs/prd/; the only PRD in those folders. Without one, the IDs
are not checked (an info issue says so).
"""

from __future__ import annotations

import re
from pathlib import Path

from ygs.specs import kinds, markdown
from ygs.specs.markdown import ROW, Document, Section
from ygs.specs.model import Context, Reporter
from ygs.specs.rules import prd
from ygs.specs.rules.common import SectionSpec, check_sections, find_section, prose

ENTITIES = ("Domain model", "Entitäten", "Domänenmodell", "Entités", "Entidades", "Entità")
TRD_TRACE = SectionSpec("Requirements traceability", ("Traceability", "Rückverfolgbarkeit", "Traçabilité",
                                                      "Trazabilidad", "Rastreabilidade"))
DESIGN_TRACE = SectionSpec("Functional requirements", ("Funktionale Anforderungen", "Exigences fonctionnelles",
                                                       "Requisitos funcionales", "Requisitos funcionais"))
TRD_SECTIONS = (
    SectionSpec("Overview", ("Summary", "Überblick", "Übersicht", "Vue d'ensemble", "Resumen", "Visão geral")),
    SectionSpec("Goals and non-goals", ("Goals", "Ziele und Nicht-Ziele", "Ziele", "Objectifs", "Objetivos")),
    SectionSpec("Entities", ENTITIES),
    SectionSpec("Architecture", ("Architektur", "Arquitectura", "Arquitetura", "Architettura")),
    SectionSpec("Design decisions", ("Decisions", "Entwurfsentscheidungen", "Entscheidungen",
                                     "Décisions de conception", "Decisiones de diseño")),
    TRD_TRACE,
    SectionSpec("Security", ("Sicherheit", "Sécurité", "Seguridad", "Segurança")),
    SectionSpec("Testing strategy", ("Test strategy", "Teststrategie", "Stratégie de test", "Estrategia de pruebas")),
    SectionSpec("Risks", ("Risiken", "Risques", "Riesgos", "Riscos")),
    SectionSpec("Migration", ("Migración", "Migração")),
    SectionSpec("Open questions", ("Offene Fragen", "Questions ouvertes", "Preguntas abiertas")),
)
DESIGN_SECTIONS = (
    SectionSpec("Executive summary", ("Summary", "Zusammenfassung", "Résumé", "Resumen ejecutivo")),
    SectionSpec("Background and problem", ("Background", "Hintergrund", "Contexte", "Antecedentes")),
    SectionSpec("Proposal", ("Vorschlag", "Proposition", "Propuesta", "Proposta")),
    SectionSpec("Architecture", ("Architektur", "Arquitectura", "Arquitetura", "Architettura")),
    SectionSpec("Entities", ENTITIES, level=3),
    SectionSpec("Alternatives considered", ("Alternatives", "Alternativen", "Alternativas")),
    DESIGN_TRACE,
    SectionSpec("Non-functional requirements", ("Nichtfunktionale Anforderungen", "Exigences non fonctionnelles",
                                                "Requisitos no funcionales")),
    SectionSpec("Rollout plan", ("Rollout", "Einführungsplan", "Plan de déploiement", "Plan de despliegue")),
    SectionSpec("Decision log", ("Decisions", "Entscheidungslog", "Journal des décisions", "Registro de decisiones")),
)

_REQ_ID = re.compile(r"\bR-\d+\b")
_PRD_FIELD = re.compile(r"^\W*PRD\W*:\s*(.*)$", re.I | re.S)


def check_trd(doc: Document, ctx: Context, report: Reporter, english: bool) -> None:
    check_sections(doc, TRD_SECTIONS, report, english)
    _check_trace(doc, TRD_TRACE, ctx, report)


def check_design(doc: Document, ctx: Context, report: Reporter, english: bool) -> None:
    check_sections(doc, DESIGN_SECTIONS, report, english)
    _check_trace(doc, DESIGN_TRACE, ctx, report)


def _check_trace(doc: Document, spec: SectionSpec, ctx: Context, report: Reporter) -> None:
    section = find_section(doc, spec)
    if section is None or not section.has_content():
        return
    traced = _traced_ids(section)
    if not traced and not any(b.placeholders for b in section.all_blocks()):
        report.error(section.line, "trace-empty", "the traceability table names no requirement IDs",
                     "add a table whose first column holds PRD requirement IDs (R-1, R-2 …), one per row")
    prd_path = find_prd(doc, ctx, report)
    if prd_path is None:
        report.info(section.line, "trace-prd-not-found", "no PRD found: requirement IDs were not checked",
                    "link it in the header (`- **PRD:** [PRD](../prd/PRD-<slug>.md)`) or pass --prd FILE")
        return
    prd_doc = markdown.load(prd_path, markdown.display_path(prd_path))
    _compare(section, traced, prd_doc, report)


def _traced_ids(section: Section) -> dict[str, int]:
    traced: dict[str, int] = {}
    for block in section.all_blocks():
        if block.kind == ROW and block.cells:
            for req_id in _REQ_ID.findall(block.cells[0]):
                traced.setdefault(req_id, block.line)
    return traced


def _compare(section: Section, traced: dict[str, int], prd_doc: Document, report: Reporter) -> None:
    requirements = {r.id: r for r in prd.requirements(prd_doc)}
    for req_id, line in traced.items():
        if req_id not in requirements:
            report.error(line, "trace-unknown-requirement", f"{req_id} is not a requirement in {prd_doc.display}",
                         "trace only IDs the PRD defines; fix the ID, or add the requirement to the PRD first")
    for req in requirements.values():
        if req.id in traced:
            continue
        if req.effective_priority == "P0":
            report.error(section.line, "trace-p0-missing", f"P0 requirement {req.id} ({req.title}) is not traced",
                         f"add a row for {req.id} naming the design element that satisfies it")
        else:
            report.warning(section.line, "trace-requirement-missing", f"requirement {req.id} ({req.title}) is not "
                           "traced", f"add a row for {req.id}, or say in the PRD why it is out of this design")


def find_prd(doc: Document, ctx: Context, report: Reporter) -> Path | None:
    if ctx.prd is not None:
        return ctx.prd
    linked = _linked_prd(doc, ctx.root, report)
    if linked is not None:
        return linked
    folders = [doc.path.parent, ctx.root / kinds.KINDS["prd"].directory]
    prds = sorted({p.resolve() for folder in folders if folder.is_dir() for p in folder.glob("*.md")
                   if p.resolve() != doc.path and kinds.detect(p, None) is kinds.KINDS["prd"]})
    slug = re.sub(r"^(trd|design|dd)-", "", doc.path.stem, flags=re.I).lower()
    same = [p for p in prds if p.stem.lower() in (f"prd-{slug}", slug)]
    return same[0] if same else prds[0] if len(prds) == 1 else None


def _linked_prd(doc: Document, root: Path, report: Reporter) -> Path | None:
    for block in doc.root.blocks + (doc.title_section.blocks if doc.title_section else []):
        match = _PRD_FIELD.match(prose(block.filled_text).strip())
        target = _link_target(block.filled_text) if match else None
        if not target:
            continue
        for base in (doc.path.parent, root):
            candidate = (base / target).resolve()
            if candidate.is_file():
                return candidate
        report.warning(block.line, "trace-prd-link-broken", f"the PRD link {target!r} points to no file",
                       "fix the link (relative to this document or the project root)")
    return None


def _link_target(text: str) -> str | None:
    link = re.search(r"\]\(([^)\s#]+)", text) or re.search(r"`([^`]+\.md)`", text)
    bare = re.search(r"(\S+\.md)\b", text)
    found = link or bare
    return found.group(1) if found else None
