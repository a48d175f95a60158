"""The token tree: sections, blocks and their lines; placeholders; unreadable files."""

from __future__ import annotations

from pathlib import Path

import pytest

from ygs.errors import YgsError
from ygs.specs import markdown
from ygs.specs.markdown import CODE, HEADER_ROW, ITEM, PARAGRAPH, ROW

TEXT = """\
---
title: front matter
---
# Title

Intro _<guidance>_ text.

## Section

- item one
  - nested GIVEN
- item two

| a | b |
|---|---|
| R-1 | x |

```
## not a heading
```

### Sub

Para line one
line two
"""


def doc() -> markdown.Document:
    return markdown.parse(TEXT, Path("x.md"), "x.md")


def test_sections_nest_by_level_and_skip_code_and_front_matter():
    d = doc()
    assert [(s.level, s.title, s.line) for s in d.sections()] == [(1, "Title", 4), (2, "Section", 8), (3, "Sub", 22)]
    assert d.title == "Title"


def test_blocks_carry_kind_text_and_line():
    section = next(s for s in doc().sections() if s.title == "Section")
    assert [(b.kind, b.line) for b in section.blocks] == [(ITEM, 10), (ITEM, 12), (HEADER_ROW, 14), (ROW, 16),
                                                          (CODE, 19)]
    assert section.blocks[0].text == "item one\nnested GIVEN"
    assert section.blocks[3].cells == ("R-1", "x")


def test_line_at_offset_inside_a_paragraph():
    block = next(s for s in doc().sections() if s.title == "Sub").blocks[0]
    assert block.kind == PARAGRAPH
    assert block.line_at(block.text.index("line two")) == 25


def test_placeholders_and_content():
    intro = doc().title_section.blocks[0]
    assert intro.placeholders == ["_<guidance>_"]
    assert intro.filled_text == "Intro  text."
    empty = markdown.parse("# T\n\n## Empty\n\n## Full\n\n_<fill me>_\n", Path("y.md"), "y.md")
    sections = {s.title: s for s in empty.sections()}
    assert not sections["Empty"].has_content() and sections["Full"].has_content()


def test_unreadable_files_are_errors_naming_them(tmp_path):
    binary = tmp_path / "b.md"
    binary.write_bytes(b"\x00\x01")
    latin = tmp_path / "l.md"
    latin.write_bytes("caf\xe9".encode("latin-1"))
    for path, word in ((binary, "binary"), (latin, "UTF-8"), (tmp_path / "missing.md", "cannot read")):
        with pytest.raises(YgsError, match=word) as info:
            markdown.load(path, path.name)
        assert str(path) in info.value.message
