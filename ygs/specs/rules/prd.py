"""PRD rules: sections, requirements (`### R-<n>: title`, an RFC 2119 keyword, a matching priority, a
GIVEN/WHEN/THEN scenario, unique IDs), non-empty non-goals, and vague words without a number."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ygs.specs.markdown import CODE, HEADER_ROW, Block, Document, Section
from ygs.specs.model import ERROR, WARNING, Context, Reporter
from ygs.specs.rules.common import (
    NOT_ENGLISH_NOTE,
    SCENARIO_LINE,
    SectionSpec,
    check_sections,
    find_section,
    has_scenario,
    prose,
)

NON_GOALS = SectionSpec(
    "Non-goals", ("Non goals", "Out of scope", "Nicht-Ziele", "Nichtziele", "Hors périmètre", "Non-objectifs",
                  "Fuera de alcance", "No objetivos", "Fora de escopo", "Não objetivos"),
    empty_rule="prd-non-goals-empty",
    empty_hint="list what is out of scope and why; non-goals stop scope creep later",
)
REQUIREMENTS = SectionSpec("Requirements", ("Anforderungen", "Exigences", "Requisitos", "Requisiti"))
SECTIONS = (
    SectionSpec("Problem", ("Problem statement", "Problemstellung", "Problème", "Problema")),
    SectionSpec("Target user", ("Target users", "Users", "Zielgruppe", "Zielnutzer", "Utilisateurs cibles",
                                "Usuario objetivo", "Usuarios objetivo", "Público-alvo")),
    SectionSpec("Success criteria", ("Success metrics", "Erfolgskriterien", "Critères de succès",
                                     "Criterios de éxito", "Critérios de sucesso")),
    SectionSpec("Capabilities", ("Fähigkeiten", "Funktionen", "Capacités", "Capacidades")),
    REQUIREMENTS,
    NON_GOALS,
    SectionSpec("Constraints", ("Einschränkungen", "Randbedingungen", "Contraintes", "Restricciones",
                                "Restrições")),
    SectionSpec("Open questions", ("Offene Fragen", "Questions ouvertes", "Preguntas abiertas",
                                   "Perguntas em aberto")),
)

REQUIREMENT_HEADING = re.compile(r"^\W*(R-\d+)\b\s*[:.\-–—]?\s*(.*)$")
PRIORITY_LINE = re.compile(
    r"^\W*(?:priority|priorität|prioritaet|priorité|priorite|prioridad|prioridade|priorità|приоритет)"
    r"\W*:\W*(\S+)", re.I | re.M)
_KEYWORDS = {"MUST": "P0", "SHALL": "P0", "REQUIRED": "P0", "SHOULD": "P1", "RECOMMENDED": "P1", "MAY": "P2",
             "OPTIONAL": "P2"}
_UPPER = re.compile(r"\b(MUST|SHALL|REQUIRED|SHOULD|RECOMMENDED|MAY|OPTIONAL)\b")
_LOWER = re.compile(r"\b(must|shall|should|may)\b", re.I)
PRIORITIES = ("P0", "P1", "P2")
VAGUE = re.compile(r"\b(fast|quick|quickly|scalable|real-time|realtime|user-friendly|robust|easy|intuitive|"
                   r"seamless|efficient|performant)\b", re.I)


@dataclass(frozen=True)
class Requirement:
    id: str
    title: str
    line: int
    keyword: str | None  # the strongest RFC 2119 keyword in the statement
    priority: str | None  # as written on the Priority line
    priority_line: int

    @property
    def expected_priority(self) -> str | None:
        return _KEYWORDS[self.keyword.upper()] if self.keyword else None

    @property
    def effective_priority(self) -> str | None:
        """The declared priority, else the one its keyword implies (for traceability)."""
        return self.priority if self.priority in PRIORITIES else self.expected_priority


def requirement_sections(doc: Document) -> list[Section]:
    return [s for s in doc.sections() if s.level >= 2 and REQUIREMENT_HEADING.match(s.title)]


def parse_requirement(section: Section) -> Requirement:
    """A requirement from its section (one of `requirement_sections`)."""
    match = REQUIREMENT_HEADING.match(section.title)
    req_id, title = (match.group(1), match.group(2)) if match else ("", section.title)
    blocks = list(section.all_blocks())
    priority, line = _priority(blocks)
    return Requirement(req_id, title.strip(), section.line, _keyword(blocks), priority, line or section.line)


def _statement_lines(blocks: list[Block]) -> list[str]:
    lines = [line for b in blocks if b.kind not in (CODE, HEADER_ROW) for line in b.filled_text.splitlines()]
    return [prose(line) for line in lines if not SCENARIO_LINE.match(prose(line)) and not PRIORITY_LINE.match(line)]


def _keyword(blocks: list[Block]) -> str | None:
    text = "\n".join(_statement_lines(blocks))
    found = _UPPER.findall(text) or _LOWER.findall(text)
    return min(found, key=lambda k: _KEYWORDS[k.upper()]) if found else None


def _all_upper_keywords(blocks: list[Block]) -> set[str]:
    return {_KEYWORDS[k] for k in _UPPER.findall("\n".join(_statement_lines(blocks)))}


def _priority(blocks: list[Block]) -> tuple[str | None, int]:
    for block in blocks:
        text = prose(block.text)
        match = PRIORITY_LINE.search(text)
        if match:
            return match.group(1).strip(".,;").upper(), block.line_at(match.start())
    return None, 0


def requirements(doc: Document) -> list[Requirement]:
    return [parse_requirement(s) for s in requirement_sections(doc)]


def check(doc: Document, ctx: Context, report: Reporter, english: bool) -> None:
    check_sections(doc, SECTIONS, report, english)
    _check_requirement_headings(doc, report)
    seen: dict[str, int] = {}
    for section in requirement_sections(doc):
        req = parse_requirement(section)
        _check_unique(req, seen, report)
        _check_requirement(section, req, report, english)
    _check_vague(doc, report)


def _check_requirement_headings(doc: Document, report: Reporter) -> None:
    section = find_section(doc, REQUIREMENTS)
    if section is None:
        return
    for child in section.children:
        if not REQUIREMENT_HEADING.match(child.title) and child.title.strip():
            report.error(child.line, "prd-requirement-heading",
                         f"'{child.title}' under Requirements is not a requirement heading",
                         "write each requirement as `### R-<n>: <title>` (n unique, never reused)")
    if section.has_content() and not requirement_sections(doc):
        report.error(section.line, "prd-no-requirements", "no requirements found",
                     "add requirements as `### R-1: <title>` headings under `## Requirements`")


def _check_unique(req: Requirement, seen: dict[str, int], report: Reporter) -> None:
    if req.id in seen:
        report.error(req.line, "prd-duplicate-id", f"{req.id} is already used at line {seen[req.id]}",
                     "give this requirement the next unused number; never reuse an ID")
        return
    seen[req.id] = req.line


def _check_requirement(section: Section, req: Requirement, report: Reporter, english: bool) -> None:
    if section.level != 3:
        report.error(req.line, "prd-requirement-level", f"{req.id} is a level-{section.level} heading",
                     "requirements are level-3 headings under `## Requirements`: `### R-<n>: <title>`")
    _check_keyword_and_priority(section, req, report)
    text = "\n".join(b.text for b in section.all_blocks())
    if not has_scenario(text):
        report.add(ERROR if english else WARNING, req.line, "prd-scenario-missing",
                   f"{req.id} has no scenario with GIVEN, WHEN and THEN",
                   "add a scenario: a GIVEN line, a WHEN line and a THEN line; cover the unhappy path too"
                   + ("" if english else "." + NOT_ENGLISH_NOTE))


def _check_keyword_and_priority(section: Section, req: Requirement, report: Reporter) -> None:
    if req.keyword is None:
        report.error(req.line, "prd-keyword-missing", f"{req.id} has no RFC 2119 keyword",
                     "state the requirement with MUST (P0), SHOULD (P1) or MAY (P2)")
    elif len(_all_upper_keywords(list(section.all_blocks()))) > 1:
        report.warning(req.line, "prd-multiple-keywords", f"{req.id} mixes RFC 2119 keywords of different strength",
                       "one behaviour per requirement: split it, one keyword each")
    if req.priority is None:
        report.error(req.line, "prd-priority-missing", f"{req.id} has no `Priority:` line",
                     f"add `Priority: {req.expected_priority or 'P0'}` (MUST -> P0, SHOULD -> P1, MAY -> P2)")
    elif req.priority not in PRIORITIES:
        report.error(req.priority_line, "prd-priority-invalid", f"{req.id} has priority {req.priority!r}",
                     "use P0, P1 or P2 (MUST -> P0, SHOULD -> P1, MAY -> P2)")
    elif req.expected_priority and req.priority != req.expected_priority:
        report.error(req.priority_line, "prd-priority-mismatch",
                     f"{req.id} says {req.keyword} but has priority {req.priority}",
                     f"{req.keyword.upper()} means {req.expected_priority}: change the priority or the keyword")


def _check_vague(doc: Document, report: Reporter) -> None:
    for block in doc.root.all_blocks():
        if block.kind in (CODE, HEADER_ROW):
            continue
        text = prose(block.filled_text)
        match = VAGUE.search(text)
        if match and not re.search(r"\d", text):
            report.warning(block.line_at(text.find(match.group(0))), "prd-vague-word",
                           f"'{match.group(0)}' without a number", "make it measurable: a metric, a target and a "
                           "time frame (\"fast\" -> \"p95 under 200 ms\")")
