"""`ygs new KIND "TITLE"`: a document rendered from its template into its folder, under a safe name.

Template precedence: `<project>/.ygs/templates/<kind>.md` > `<user config>/templates/<kind>.md` > built-in
(the built-in file name also works as an override name, e.g. `spike-findings.md`). Variables: title, id,
date, slug. ADRs and tasks are numbered (next = highest number in the folder + 1).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jinja2

from ygs.errors import YgsError
from ygs.resources import data_dir
from ygs.skills import user_config_dir
from ygs.specs.kinds import KINDS, NAMES, Kind
from ygs.specs.markdown import display_path, read_text

SLUG_MAX = 60
_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "đ": "d",
                       "Đ": "D", "ł": "l", "Ł": "L", "þ": "th", "Þ": "TH", "ı": "i"})
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


@dataclass(frozen=True)
class Created:
    kind: str
    path: Path
    id: str
    title: str
    slug: str
    template: Path

    def to_json(self) -> dict[str, str]:
        return {"kind": self.kind, "path": display_path(self.path), "id": self.id, "title": self.title,
                "slug": self.slug, "template": str(self.template)}


def slugify(title: str) -> str:
    """ASCII, lowercase, hyphenated, at most SLUG_MAX characters; never empty, never a reserved name."""
    folded = unicodedata.normalize("NFKD", title.translate(_FOLD)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if len(slug) > SLUG_MAX:
        cut = slug[:SLUG_MAX]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    if not slug:
        return "doc-" + hashlib.sha256(title.encode()).hexdigest()[:8]
    return f"{slug}-doc" if slug in _RESERVED else slug


def create(kind_name: str, title: str, root: Path, folder: Path | None = None, force: bool = False) -> Created:
    kind = _kind(kind_name)
    title = _clean_title(title)
    folder = folder if folder is not None else root / kind.directory
    slug = slugify(title)
    doc_id, file_name = _naming(kind, slug, folder)
    target = _safe_target(folder, file_name)
    template = template_path(kind, root)
    text = render(template, title=title, id=doc_id, date=date.today().isoformat(), slug=slug)
    _write(target, text, force)
    return Created(kind.name, target, doc_id, title, slug, template)


def _kind(name: str) -> Kind:
    kind = KINDS.get(name)
    if kind is None:
        raise YgsError(f"unknown document kind {name!r}; kinds: {', '.join(NAMES)}")
    return kind


def _clean_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise YgsError("the title is empty; give the document a title")
    parts = re.split(r"[\\/]", title)
    if title.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:[\\/]", title) or ".." in (p.strip() for p in parts):
        raise YgsError(f"refusing title {title!r}: it looks like a path that leaves the target folder; "
                       "give a plain title (the file name is made from it)")
    return title


def _naming(kind: Kind, slug: str, folder: Path) -> tuple[str, str]:
    """(document id, file name)."""
    if not kind.numbered:
        return kind.label, f"{kind.file_prefix}{slug}.md"
    doc_id = kind.number_id(next_number(kind, folder))
    return doc_id, f"{doc_id}-{slug}.md"


def next_number(kind: Kind, folder: Path) -> int:
    pattern = re.compile(rf"{re.escape(kind.label)}-(\d+)(?:\D|$)", re.I)
    names = [p.name for p in folder.iterdir()] if folder.is_dir() else []
    return max((int(m.group(1)) for name in names if (m := pattern.match(name))), default=0) + 1


def _safe_target(folder: Path, file_name: str) -> Path:
    target = folder / file_name
    if target.resolve().parent != folder.resolve() or target.is_symlink():
        raise YgsError(f"refusing to write {target}: it would leave {folder}")
    return target


def template_path(kind: Kind, root: Path) -> Path:
    names = dict.fromkeys([f"{kind.name}.md", kind.template])
    for base in (root / ".ygs" / "templates", user_config_dir() / "templates"):
        for name in names:
            if (base / name).is_file():
                return base / name
    return data_dir("templates") / kind.template


def render(template: Path, **variables: str) -> str:
    # ygs: ignore[bandit-B701] renders Markdown documents for the repository, never HTML for a browser
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False)
    try:
        return env.from_string(read_text(template)).render(**variables)
    except jinja2.TemplateSyntaxError as exc:
        raise YgsError(f"{template}:{exc.lineno}: template error: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise YgsError(f"{template}: template error: {exc} (variables: {', '.join(variables)})") from None


def _write(target: Path, text: str, force: bool) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise YgsError(f"cannot create the folder {display_path(target.parent)}: {exc.strerror or exc}") from None
    try:
        with target.open("w" if force else "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise YgsError(f"{display_path(target)} already exists; pass --force to overwrite it") from None
    except OSError as exc:
        raise YgsError(f"cannot write {display_path(target)}: {exc.strerror or exc}") from None
