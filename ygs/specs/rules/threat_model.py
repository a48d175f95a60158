"""Threat model rules: every section, and all six STRIDE categories addressed for each subsystem listed
under Threat analysis per subsystem (one `###` heading per subsystem)."""

from __future__ import annotations

import re

from ygs.specs.markdown import Document, Section
from ygs.specs.model import ERROR, WARNING, Context, Reporter
from ygs.specs.rules.common import NOT_ENGLISH_NOTE, SectionSpec, check_sections, find_section, prose

ANALYSIS = SectionSpec("Threat analysis per subsystem", ("Threat analysis", "STRIDE analysis",
                                                         "Bedrohungsanalyse", "Analyse des menaces",
                                                         "Análisis de amenazas"))
SECTIONS = (
    SectionSpec("Scope", ("Umfang", "Geltungsbereich", "Périmètre", "Alcance", "Escopo")),
    SectionSpec("Security tenets", ("Tenets", "Security principles", "Sicherheitsprinzipien",
                                    "Principes de sécurité", "Principios de seguridad")),
    SectionSpec("Assets and sensitivity", ("Assets", "Werte", "Actifs", "Activos", "Ativos")),
    SectionSpec("Trust boundaries", ("Vertrauensgrenzen", "Frontières de confiance", "Límites de confianza")),
    SectionSpec("Data flows", ("Datenflüsse", "Flux de données", "Flujos de datos", "Fluxos de dados")),
    SectionSpec("Threat actors", ("Bedrohungsakteure", "Angreifer", "Acteurs de la menace", "Actores de amenaza")),
    SectionSpec("STRIDE reference", ("STRIDE", "STRIDE-Referenz", "Référence STRIDE", "Referencia STRIDE")),
    ANALYSIS,
    SectionSpec("Mitigations with owners", ("Mitigations", "Gegenmaßnahmen", "Atténuations", "Mitigaciones")),
    SectionSpec("Residual risks", ("Restrisiken", "Risques résiduels", "Riesgos residuales")),
    SectionSpec("Security test plan", ("Sicherheitstestplan", "Plan de tests de sécurité",
                                       "Plan de pruebas de seguridad")),
    SectionSpec("Compliance checklist", ("Compliance", "Conformité", "Cumplimiento")),
    SectionSpec("Review log", ("Änderungsprotokoll", "Journal des revues", "Registro de revisiones")),
)
STRIDE = {
    "Spoofing": r"spoofing",
    "Tampering": r"tampering",
    "Repudiation": r"repudiation",
    "Information disclosure": r"information disclosure|info(?:rmation)? leak|disclosure",
    "Denial of service": r"denial[ -]of[ -]service|dos",
    "Elevation of privilege": r"elevation of privileges?|privilege escalation|eop",
}


def check(doc: Document, ctx: Context, report: Reporter, english: bool) -> None:
    check_sections(doc, SECTIONS, report, english)
    section = find_section(doc, ANALYSIS)
    if section is None or not section.has_content():
        return
    for subsystem in section.children or [section]:
        _check_subsystem(subsystem, report, english)


def _check_subsystem(subsystem: Section, report: Reporter, english: bool) -> None:
    text = prose("\n".join([s.title for s in subsystem.walk()] + [b.text for b in subsystem.all_blocks()]))
    missing = [name for name, pattern in STRIDE.items() if not re.search(rf"\b(?:{pattern})\b", text, re.I)]
    if not missing:
        return
    name = subsystem.title if subsystem.level >= 3 else "the analysis"
    report.add(ERROR if english else WARNING, subsystem.line, "threat-stride-missing",
               f"{name} does not address {', '.join(missing)}",
               "add a row per STRIDE category; write \"not applicable\" and why rather than leaving one out"
               + ("" if english else "." + NOT_ENGLISH_NOTE))
