"""Spike findings and retros: checked for their sections only."""

from __future__ import annotations

from ygs.specs.markdown import Document
from ygs.specs.model import Context, Reporter
from ygs.specs.rules.common import SectionSpec, check_sections

SPIKE_SECTIONS = (
    SectionSpec("Question", ("Frage", "Question posée", "Pregunta", "Pergunta")),
    SectionSpec("Hypothesis", ("Hypothese", "Hypothèse", "Hipótesis", "Hipótese")),
    SectionSpec("Scope and time box", ("Scope", "Time box", "Umfang und Zeitrahmen", "Périmètre et durée",
                                       "Alcance y tiempo")),
    SectionSpec("Experiment", ("Experiment", "Expérience", "Experimento")),
    SectionSpec("Evidence", ("Results", "Ergebnisse", "Belege", "Résultats", "Resultados", "Evidencia")),
    SectionSpec("Verdict", ("Conclusion", "Urteil", "Fazit", "Verdicto", "Veredicto")),
    SectionSpec("Next steps", ("Nächste Schritte", "Prochaines étapes", "Próximos pasos", "Próximos passos")),
)
RETRO_SECTIONS = (
    SectionSpec("Timeline", ("Zeitleiste", "Chronologie", "Cronología", "Linha do tempo")),
    SectionSpec("Keep", ("Beibehalten", "Garder", "Mantener", "Manter")),
    SectionSpec("Start", ("Anfangen", "Commencer", "Empezar", "Começar")),
    SectionSpec("Stop", ("Aufhören", "Arrêter", "Dejar", "Parar")),
    SectionSpec("Patterns", ("Muster", "Tendances", "Patrones", "Padrões")),
    SectionSpec("Five Whys", ("5 Whys", "Fünf Warum", "Cinq pourquoi", "Cinco porqués", "Cinco porquês")),
    SectionSpec("Structural fixes", ("Strukturelle Korrekturen", "Correctifs structurels",
                                     "Correcciones estructurales")),
)


def check_spike(doc: Document, ctx: Context, report: Reporter, english: bool) -> None:
    check_sections(doc, SPIKE_SECTIONS, report, english)


def check_retro(doc: Document, ctx: Context, report: Reporter, english: bool) -> None:
    check_sections(doc, RETRO_SECTIONS, report, english)
