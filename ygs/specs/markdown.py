"""Markdown documents as a tree of sections holding blocks, built from markdown-it-py tokens.

Rules work on this tree, never on raw text: a `## Requirements` inside a code fence is not a section, and
every heading, paragraph, list item, table row and code block carries the 1-based line it starts on.
Regexes are applied only to one block's inline source text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ygs.errors import YgsError

PARAGRAPH = "paragraph"
ITEM = "item"  # a top-level list item, with everything nested in it
ROW = "row"  # a table body row
HEADER_ROW = "header_row"
CODE = "code"

PLACEHOLDER = re.compile(r"_<[^\n]*?>_")
_FRONTMATTER = re.compile(r"\A---\r?\n.*?\r?\n---\r?\n", re.S)
_PARSER = MarkdownIt("commonmark").enable("table")


@dataclass(frozen=True)
class Block:
    kind: str
    text: str  # inline source text; lines of a paragraph or item joined with "\n"
    line: int
    cells: tuple[str, ...] = ()  # table rows only

    def line_at(self, offset: int) -> int:
        """The source line of a character offset in text (exact for paragraphs, close for items)."""
        return self.line + self.text.count("\n", 0, offset)

    @property
    def placeholders(self) -> list[str]:
        return PLACEHOLDER.findall(self.text)

    @property
    def filled_text(self) -> str:
        """The text with template placeholders removed."""
        return PLACEHOLDER.sub("", self.text)

    @property
    def is_content(self) -> bool:
        """Counts toward a section being non-empty: real text, or a placeholder to fill."""
        if self.kind == HEADER_ROW:
            return False
        return bool(self.placeholders) or any(c.isalnum() for c in self.text)


@dataclass
class Section:
    title: str  # the heading's inline text ("" for the part before the first heading)
    level: int  # 1-6; 0 for the document root
    line: int
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    def walk(self) -> Iterator[Section]:
        """This section and every section below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def all_blocks(self) -> Iterator[Block]:
        for section in self.walk():
            yield from section.blocks

    def has_content(self) -> bool:
        return any(block.is_content for block in self.all_blocks()) or len(self.children) > 0


@dataclass
class Document:
    path: Path
    display: str  # the path as reported to the user
    root: Section

    @property
    def title_section(self) -> Section | None:
        return next((s for s in self.root.walk() if s.level == 1), None)

    @property
    def title(self) -> str | None:
        section = self.title_section
        return section.title if section else None

    def sections(self) -> Iterator[Section]:
        """Every heading's section, in document order (the root excluded)."""
        return (s for s in self.root.walk() if s.level > 0)


def read_text(path: Path) -> str:
    """A document's text; a binary or non-UTF-8 file is an error naming it."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise YgsError(f"cannot read {path}: {exc.strerror or exc}") from None
    if b"\0" in data[:8192]:
        raise YgsError(f"{path} is a binary file, not a Markdown document")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YgsError(f"{path} is not UTF-8 text (byte {exc.start}): save it as UTF-8") from None


def load(path: Path, display: str) -> Document:
    return parse(read_text(path), path, display)


def parse(text: str, path: Path, display: str) -> Document:
    root = Section(title="", level=0, line=1)
    _Builder(root).feed(_PARSER.parse(_blank_frontmatter(text)))
    return Document(path=path, display=display, root=root)


def _blank_frontmatter(text: str) -> str:
    """YAML frontmatter would parse as a heading; keep its lines (for line numbers) but empty them."""
    match = _FRONTMATTER.match(text)
    if not match:
        return text
    return "\n" * match.group(0).count("\n") + text[match.end():]


class _Builder:
    """Folds the flat token stream into sections and blocks."""

    def __init__(self, root: Section) -> None:
        self.stack = [root]
        self.item_depth = 0
        self.item: tuple[int, list[str]] | None = None  # (line, inline texts) of the open top-level item
        self.row: tuple[int, str, list[str]] | None = None  # (line, kind, cells) of the open table row
        self.in_head = False
        self.handlers = {
            "list_item_open": self._item_open,
            "list_item_close": self._item_close,
            "thead_open": self._head_open,
            "thead_close": self._head_close,
            "tr_open": self._row_open,
            "tr_close": self._row_close,
            "inline": self._inline,
            "fence": self._code,
            "code_block": self._code,
        }

    def feed(self, tokens: list[Token]) -> None:
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token.type == "heading_open":
                self._heading(token, tokens[i + 1].content)
                i += 3
                continue
            self._token(token)
            i += 1

    def _heading(self, token: Token, title: str) -> None:
        level = int(token.tag[1])
        while self.stack[-1].level >= level:
            self.stack.pop()
        section = Section(title=title.strip(), level=level, line=_line(token))
        self.stack[-1].children.append(section)
        self.stack.append(section)

    def _token(self, token: Token) -> None:
        handler = self.handlers.get(token.type)
        if handler is not None:
            handler(token)

    def _head_open(self, token: Token) -> None:
        self.in_head = True

    def _head_close(self, token: Token) -> None:
        self.in_head = False

    def _add(self, block: Block) -> None:
        self.stack[-1].blocks.append(block)

    def _item_open(self, token: Token) -> None:
        if self.item_depth == 0:
            self.item = (_line(token), [])
        self.item_depth += 1

    def _item_close(self, token: Token) -> None:
        self.item_depth -= 1
        if self.item_depth == 0 and self.item is not None:
            line, parts = self.item
            self._add(Block(ITEM, "\n".join(parts), line))
            self.item = None

    def _row_open(self, token: Token) -> None:
        self.row = (_line(token), HEADER_ROW if self.in_head else ROW, [])

    def _row_close(self, token: Token) -> None:
        if self.row is None:
            return
        line, kind, cells = self.row
        self._add(Block(kind, " | ".join(cells), line, tuple(cells)))
        self.row = None

    def _inline(self, token: Token) -> None:
        if self.row is not None:
            self.row[2].append(token.content.strip())
        elif self.item is not None:
            self.item[1].append(token.content)
        else:
            self._add(Block(PARAGRAPH, token.content, _line(token)))

    def _code(self, token: Token) -> None:
        first = _line(token) + (1 if token.type == "fence" else 0)
        if self.item is not None:
            self.item[1].append(token.content.rstrip("\n"))
            return
        self._add(Block(CODE, token.content.rstrip("\n"), first))


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 1


def display_path(path: Path) -> str:
    """path relative to the working directory when it is inside it, POSIX-style; else as given."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def find_documents(paths: list[Path]) -> list[tuple[Path, bool]]:
    """(resolved file, given explicitly) for each file, and each Markdown file under each folder, once."""
    seen: dict[Path, bool] = {}
    for path in paths:
        if path.is_dir():
            for found in _markdown_files(path):
                seen.setdefault(found.resolve(), False)
        elif path.exists():
            seen[path.resolve()] = True
        else:
            raise YgsError(f"no such file or directory: {path}")
    return list(seen.items())


def _markdown_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.md")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts))
