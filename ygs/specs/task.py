"""Task files (docs/dev/contracts.md, TASK FORMAT) parsed from Markdown tokens, for validate and estimate.

```
# T-001: Title
- **ID:** T-001
- **Size:** S
- **Wave:** 1
- **Depends on:** none
- **Estimate (hours):** 2 / 4 / 8
## Planned files / ## Description / ## Acceptance criteria / ## Checklist / ## Deviation log
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ygs.specs.markdown import CODE, HEADER_ROW, ITEM, PARAGRAPH, Block, Document, Section
from ygs.specs.rules.common import SectionSpec, find_section, prose

TASK_ID = re.compile(r"^[A-Z][A-Z0-9]*-\d+$")
_HEADING = re.compile(r"^\W*([A-Z][A-Z0-9]*-\d+)\s*[:.\-–—]?\s*(.*)$")
_FIELD = re.compile(r"^\s*([^:]{1,40}?)\s*:\s*(.*)$", re.S)
_ESTIMATE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)\b")
_NO_DEPENDENCIES = {"", "none", "-", "—", "n/a", "keine", "aucune", "ninguna", "nenhuma"}

PLANNED_FILES = SectionSpec(
    "Planned files", ("Files", "Geplante Dateien", "Fichiers prévus", "Archivos previstos", "Arquivos previstos"),
    empty_rule="task-planned-files-empty",
    empty_hint="list every file the task will create or change, in backticks; globs allowed",
)
DESCRIPTION = SectionSpec("Description", ("Beschreibung", "Descripción", "Descrição", "Descrizione"))
ACCEPTANCE = SectionSpec(
    "Acceptance criteria", ("Akzeptanzkriterien", "Critères d'acceptation", "Criterios de aceptación",
                            "Critérios de aceitação", "Criteri di accettazione"),
    empty_rule="task-criteria-count", empty_hint="write at least 2 criteria with GIVEN / WHEN / THEN",
)
CHECKLIST = SectionSpec("Checklist", ("Checkliste", "Liste de contrôle", "Lista de verificación"))
DEVIATION_LOG = SectionSpec("Deviation log", ("Abweichungen", "Journal des écarts", "Registro de desviaciones"),
                            empty_ok=True)
SECTIONS = (PLANNED_FILES, DESCRIPTION, ACCEPTANCE, CHECKLIST, DEVIATION_LOG)


@dataclass(frozen=True)
class Field:
    value: str
    line: int


@dataclass(frozen=True)
class Task:
    doc: Document
    heading_id: str | None  # from `# T-001: Title`
    title: str
    line: int  # the heading's line (1 without a heading)
    fields: dict[str, Field]  # "id", "size", "wave", "depends on", "estimate"

    @property
    def id(self) -> str:
        field = self.fields.get("id")
        return field.value if field and field.value else self.heading_id or self.doc.path.stem

    @property
    def depends_on(self) -> tuple[str, ...]:
        field = self.fields.get("depends on")
        if field is None or field.value.strip().lower() in _NO_DEPENDENCIES:
            return ()
        return tuple(part.strip() for part in re.split(r"[,;\s]+", field.value) if part.strip())

    @property
    def estimate(self) -> tuple[float, float, float] | None:
        """(best, likely, worst) when the Estimate line reads `B / M / W` with B <= M <= W."""
        field = self.fields.get("estimate")
        match = _ESTIMATE.match(field.value) if field else None
        if match is None:
            return None
        best, likely, worst = (float(g) for g in match.groups())
        return (best, likely, worst) if best <= likely <= worst else None

    def field_line(self, name: str) -> int:
        field = self.fields.get(name)
        return field.line if field else self.line

    def planned_files(self) -> list[str]:
        section = find_section(self.doc, PLANNED_FILES)
        blocks = section.all_blocks() if section else ()
        return [path for block in blocks if block.kind == ITEM and (path := _path_of(block))]

    def criteria(self) -> list[Block]:
        """The acceptance criteria: each list item or paragraph with real text in the section."""
        section = find_section(self.doc, ACCEPTANCE)
        blocks = section.all_blocks() if section else ()
        return [b for b in blocks if b.kind in (ITEM, PARAGRAPH) and any(c.isalnum() for c in b.filled_text)]

    def scope_text(self) -> str:
        """Title, description and checklist: what the task says it covers (for estimate's coverage check)."""
        parts = [self.title]
        for spec in (DESCRIPTION, CHECKLIST):
            section = find_section(self.doc, spec)
            if section is not None:
                parts.extend(_texts(section))
        return prose("\n".join(parts))


def parse(doc: Document) -> Task:
    title_section = doc.title_section
    match = _HEADING.match(title_section.title) if title_section else None
    heading_id, title = (match.group(1), match.group(2).strip()) if match else (None, doc.title or "")
    return Task(doc, heading_id, title, title_section.line if title_section else 1, _fields(doc))


def _fields(doc: Document) -> dict[str, Field]:
    fields: dict[str, Field] = {}
    for block in _header_blocks(doc):
        match = _FIELD.match(re.sub(r"[*_]{2}", "", block.text))
        if block.kind == ITEM and match:
            fields.setdefault(_field_key(match.group(1)), Field(match.group(2).strip(), block.line))
    return fields


def _header_blocks(doc: Document) -> list[Block]:
    blocks = list(doc.root.blocks)
    title = doc.title_section
    if title is not None:
        blocks.extend(title.blocks)
    return blocks


def _field_key(label: str) -> str:
    key = re.sub(r"\s*\(.*?\)\s*", " ", label).strip().lower()
    return "depends on" if key in ("depends", "dependencies", "depends on") else key


def _path_of(block: Block) -> str:
    code = re.search(r"`([^`]+)`", block.text)
    if code:
        return code.group(1).strip()
    return prose(block.filled_text).strip().split(" ")[0] if block.filled_text.strip() else ""


def _texts(section: Section) -> list[str]:
    return [b.filled_text for b in section.all_blocks() if b.kind not in (CODE, HEADER_ROW)]
