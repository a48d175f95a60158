"""Rules and helpers every kind shares: required sections, unfilled template text, language, scenarios.

Language: the rules never reject a document for missing English prose words other than the RFC 2119
keywords. Headings match known translations; when a document is clearly not English, a missing section
or a missing GIVEN/WHEN/THEN scenario is a warning instead of an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from ygs.specs.markdown import ITEM, PARAGRAPH, PLACEHOLDER, Document, Section
from ygs.specs.model import ERROR, WARNING, Reporter

NOT_ENGLISH_NOTE = (
    " This document does not look English, so this is a warning: ygs matches headings against known "
    "translations only."
)


@dataclass(frozen=True)
class SectionSpec:
    title: str  # the canonical (template) heading
    aliases: tuple[str, ...] = ()  # other names, including translations
    level: int = 2  # the level the template uses (for the hint; any level >= 2 matches)
    empty_ok: bool = False
    empty_rule: str = "section-empty"
    empty_hint: str = ""

    def names(self) -> frozenset[str]:
        return frozenset(normalize(name) for name in (self.title, *self.aliases))


def normalize(title: str) -> str:
    """A heading reduced for comparison: no numbering, emphasis, trailing parenthesis, punctuation, case."""
    text = re.sub(r"[`*_]", "", PLACEHOLDER.sub("", title))
    text = re.sub(r"^\s*\d+(?:\.\d+)*[.)]?\s+", "", text)
    text = re.sub(r"\s*\([^)]*\)\s*$", "", text)
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def find_section(doc: Document, spec: SectionSpec) -> Section | None:
    names = spec.names()
    return next((s for s in doc.sections() if s.level >= 2 and normalize(s.title) in names), None)


def title_line(doc: Document) -> int:
    section = doc.title_section
    return section.line if section else 1


def check_sections(doc: Document, specs: Iterable[SectionSpec], report: Reporter, english: bool) -> None:
    for spec in specs:
        section = find_section(doc, spec)
        if section is None:
            _missing(doc, spec, report, english)
        elif not spec.empty_ok and not section.has_content():
            hint = spec.empty_hint or 'write the section, or "None" and why it does not apply'
            report.error(section.line, spec.empty_rule, f"section '{section.title}' is empty", hint)


def _missing(doc: Document, spec: SectionSpec, report: Reporter, english: bool) -> None:
    hint = f"add a `{'#' * spec.level} {spec.title}` section; if it does not apply, write \"None\" and why"
    report.add(ERROR if english else WARNING, title_line(doc), "section-missing",
               f"missing section '{spec.title}'", hint + ("" if english else "." + NOT_ENGLISH_NOTE))


def check_unfilled(doc: Document, report: Reporter) -> None:
    """One warning per top-level part (the header, each `##` section) that still holds `_<…>_` guidance."""
    for name, line, count in _unfilled_parts(doc):
        report.warning(line, "template-unfilled",
                       f"{name} still holds {count} template placeholder(s) (`_<…>_`)",
                       "replace the guidance with real content (or \"None\" and why), then delete the `_<…>_` text")


def _unfilled_parts(doc: Document) -> Iterator[tuple[str, int, int]]:
    name, first, count = "the header", 0, 0
    for section in doc.root.walk():
        if section.level in (0, 2):
            if count:
                yield name, first, count
            name = f"section '{section.title}'" if section.level else "the header"
            first, count = 0, 0
        for line, n in _placeholders_in(section):
            first = first or line
            count += n
    if count:
        yield name, first, count


def _placeholders_in(section: Section) -> Iterator[tuple[int, int]]:
    if section.level >= 3 and PLACEHOLDER.search(section.title):
        yield section.line, 1
    for block in section.blocks:
        for match in PLACEHOLDER.finditer(block.text):
            yield block.line_at(match.start()), 1


# --- language ------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH_COMMON = frozenset(
    "the a an and or of to in is are be for with on that this it as by not from at we will when if each can "
    "no has have which what who".split()
)


def is_english(doc: Document) -> bool:
    """False only when the prose is clearly in another language; short or empty documents count as English."""
    words = [w.lower() for block in doc.root.all_blocks() if block.kind in (PARAGRAPH, ITEM)
             for w in _WORD.findall(prose(block.filled_text))]
    if len(words) < 20:
        return True
    if sum(w.isascii() for w in words) / len(words) < 0.6:
        return False
    return sum(w in _ENGLISH_COMMON for w in words) / len(words) >= 0.08


def prose(text: str) -> str:
    """Inline text without code spans, link targets and emphasis markers."""
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"https?://\S+", " ", text)
    return re.sub(r"[*_~]", " ", text)


# --- scenarios -------------------------------------------------------------------------------------------

# GIVEN / WHEN / THEN, and the Gherkin keywords of a few other languages.
_GIVEN = r"given|angenommen|gegeben|soit|étant donnée?s?|etant donnee?s?|dad[oa]s?|dato|dati|gegeven|дано|допустим"
_WHEN = r"when|wenn|quand|lorsque|lorsqu|cuando|quando|als|wanneer|когда|если"
_THEN = r"then|dann|alors|entonces|então|entao|allora|dan|тогда|то"
_SCENARIO = re.compile(rf"\b(?:{_GIVEN})\b.+?\b(?:{_WHEN})\b.+?\b(?:{_THEN})\b", re.I | re.S)
SCENARIO_LINE = re.compile(rf"^\W*(?:{_GIVEN}|{_WHEN}|{_THEN}|and|but|und|et|y|e|и)\b", re.I)


def has_scenario(text: str) -> bool:
    """GIVEN … WHEN … THEN …, in that order, in any case, bold or plain."""
    return _SCENARIO.search(prose(PLACEHOLDER.sub(" ", text))) is not None
