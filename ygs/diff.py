"""git -> change set: which files changed, how, and which new-side lines were added.

Three ways to pick the new side: a commit (`head`), the index (`staged`), or the work tree including
untracked-but-not-ignored files (`worktree`). Paths are decoded with surrogateescape, so non-UTF-8
names survive the round trip to disk. The file list comes from `git diff --raw -z` (exact bytes), the
hunks from the patch, which git emits in the same order.

Whether a file is text is decided by its content, never by `.gitattributes` (`* -diff`, `*.py binary` would
otherwise hide a file from every analyzer): a file git shows as "Binary files … differ" whose new side is
text by content (`is_binary`) is diffed again with `--text`.

New content, not moved content. A diff's `+` lines include code that only moved: a renamed file git could not
pair, a re-indented block, a block moved within the file or to another file of the change, an import whose path
changed. `FileChange.new_lines` are the added lines whose content is new; the review's `added` filter reports only
findings on those. Content is compared through `content_key`, the one normalization:

- whitespace: runs of spaces and tabs are dropped, except one space between two word characters (`return x`
  keeps its space, `f( a,b )` equals `f(a, b)`, any indentation equals any other);
- import lines (Python `import` / `from … import`, JavaScript/TypeScript `import … from`, `export … from`,
  `const … = require(…)`): the names they bind, sorted, not the module path (`from a.b import X` equals
  `from a.c import X`); an import binding no name keeps its whole text.

An added line is moved, not new, when a line with the same key was deleted by this change: first from the same
file (re-indent, move within the file, a rename git paired), then from any other file (a move between files, a
rename git could not pair). Each deleted line vouches for one added line only, so copying old code to a second
place, or pasting it five times after deleting it once, still adds new lines. Lines with no letter or digit
(`}`, `)`, blank) carry no content of their own and are never new. An added line whose key contains the whole
key of a line deleted from the same hunk (`} catch {}` became `} catch {} finally {`) extends that line: the old
part is old (`FileChange.extended`), what was written around it is new. See docs/security.md ("Moved code").
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import subprocess
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from ygs import git
from ygs.errors import YgsError

WORKTREE = "WORKTREE"
INDEX = "INDEX"

_STATUS = {"A": "added", "M": "modified", "D": "deleted", "R": "renamed", "C": "copied", "T": "type_changed"}
_HUNK = re.compile(rb"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_NULL_SHA = "0" * 40
SYMLINK_MODE = "120000"
SUBMODULE_MODE = "160000"
TEXT_SAMPLE = 8000  # git's own window: a NUL in the first 8,000 bytes makes a file binary
CHUNK = 1 << 16  # bytes per read when content is streamed
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])  # not \t\n\v\f\r, ESC


@dataclass(frozen=True)
class Hunk:
    old_start: int
    old_count: int
    new_start: int
    new_count: int
    added: tuple[int, ...] = ()  # new-side line numbers of added lines
    deleted: int = 0
    added_keys: tuple[str, ...] = ()  # content_key of each added line, in the order of `added`
    deleted_keys: tuple[str, ...] = ()  # content_key of each deleted line

    @property
    def new_lines(self) -> range:
        return range(self.new_start, self.new_start + self.new_count)


@dataclass(frozen=True)
class FileChange:
    path: str  # new path; the old path for a deletion
    status: str  # added | modified | deleted | renamed | copied | type_changed
    old_path: str | None = None  # renames and copies
    old_mode: str = "000000"
    new_mode: str = "000000"
    new_blob: str | None = None  # blob sha of the new side (None: read the work tree)
    binary: bool = False
    hunks: tuple[Hunk, ...] = ()
    moved: frozenset[int] = frozenset()  # added lines that are not new: moved, re-indented, no content
    extended: dict[int, str] = field(default_factory=dict, compare=False)  # added line -> key of the old line in it

    @property
    def kind(self) -> str:
        mode = self.old_mode if self.status == "deleted" else self.new_mode
        return {SYMLINK_MODE: "symlink", SUBMODULE_MODE: "submodule"}.get(mode, "file")

    @property
    def mode_changed(self) -> bool:
        return "000000" not in (self.old_mode, self.new_mode) and self.old_mode != self.new_mode

    @cached_property  # read once per finding by the line filter: build it once
    def added_lines(self) -> frozenset[int]:
        return frozenset(n for h in self.hunks for n in h.added)

    @cached_property
    def new_lines(self) -> frozenset[int]:
        """Added lines whose content is new to the change (not moved, re-indented, re-imported; see module doc)."""
        return self.added_lines - self.moved

    @cached_property
    def hunk_lines(self) -> frozenset[int]:
        """New-side lines inside hunks: added lines plus the context git showed around them."""
        return frozenset(n for h in self.hunks for n in h.new_lines)

    @property
    def lines_added(self) -> int:
        return sum(len(h.added) for h in self.hunks)

    @property
    def lines_deleted(self) -> int:
        return sum(h.deleted for h in self.hunks)

    @property
    def scannable(self) -> bool:
        """Has new-side text content an analyzer can read."""
        return self.status != "deleted" and not self.binary and self.kind == "file"


@dataclass(frozen=True)
class ChangeSet:
    root: Path
    base: str  # commit sha, or git.EMPTY_TREE in a repository without commits
    head: str  # commit sha, INDEX or WORKTREE
    files: tuple[FileChange, ...] = ()
    context_lines: int = 3
    _by_path: dict[str, FileChange] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_path.update({f.path: f for f in self.files})

    def get(self, path: str) -> FileChange | None:
        return self._by_path.get(path)

    @property
    def lines_added(self) -> int:
        return sum(f.lines_added for f in self.files)

    @property
    def lines_deleted(self) -> int:
        return sum(f.lines_deleted for f in self.files)

    def base_lines(self, paths: list[str] | tuple[str, ...]) -> dict[str, list[str]]:
        """The base-side text lines of each path that has one (a renamed file's old path), split as `lines_of`."""
        wanted = [(path, change.old_path or path) for path in paths
                  if (change := self._by_path.get(path)) is not None and change.status != "added"]
        objects = git.cat_batch(self.root, [f"{self.base}:{old}" for _, old in wanted])
        out: dict[str, list[str]] = {}
        for (path, _), obj in zip(wanted, objects):
            if obj is not None and obj[0] == b"blob":
                lines = [line.removesuffix("\r") for line in obj[1].decode("utf-8", "replace").split("\n")]
                out[path] = lines[:-1] if lines and lines[-1] == "" else lines
        return out

    def stream(self, paths: list[str] | tuple[str, ...]) -> Iterator[tuple[str, Iterator[bytes]]]:
        """(path, chunks of its new-side content) for each path in order, in bounded memory whatever the file
        size: blobs through one `git cat-file --batch`, work-tree files read in chunks. A path's chunks must be
        used before the next path is asked for; what is left of them is dropped."""
        with _BlobPipe(self.root) as pipe:
            for path in paths:
                change = self._by_path[path]
                blob = change.new_blob if change.new_blob and change.new_blob != _NULL_SHA else None
                chunks = pipe.chunks(blob, path) if blob else _file_chunks(self.root / path)
                try:
                    yield path, chunks
                finally:
                    chunks.close()  # type: ignore[attr-defined]

    def materialize(self, dest: Path, paths: list[str] | tuple[str, ...]) -> None:
        """Write the new-side content of `paths` under dest at the same relative paths."""
        from_blobs: list[tuple[str, str]] = []
        for path in paths:
            change = self._by_path[path]
            if change.new_blob and change.new_blob != _NULL_SHA:
                from_blobs.append((path, change.new_blob))
            else:
                _write(dest / path, (self.root / path).read_bytes())
        for path, data in _cat_blobs(self.root, from_blobs):
            _write(dest / path, data)


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def collect(
    root: Path,
    base: str,
    head: str = WORKTREE,
    context_lines: int = 3,
    include_untracked: bool = True,
) -> ChangeSet:
    """The change set from base (a commit sha or the empty tree) to head (sha, INDEX or WORKTREE)."""
    selector = ["--cached", base] if head == INDEX else [base] if head == WORKTREE else [base, head]
    common = ["--no-color", "--no-ext-diff", "--no-textconv", "-M", "--ignore-submodules=none"]
    raw = git.run("diff", "--raw", "-z", "--no-abbrev", *common, *selector, "--", cwd=root).stdout
    patch = git.run(
        "diff", "-p", f"--unified={context_lines}", "--src-prefix=a/", "--dst-prefix=b/", "--no-relative",
        *common, *selector, "--", cwd=root,
    ).stdout
    entries = _parse_raw(raw)
    sections = _split_patch(patch)
    if len(sections) != len(entries):
        raise YgsError(f"could not parse git diff output ({len(entries)} files, {len(sections)} patches)")
    files = [_file_change(entry, section, head) for entry, section in zip(entries, sections)]
    files = _text_by_content(root, selector, context_lines, files)
    if head == WORKTREE and include_untracked:
        files.extend(_untracked(root))
    files = vouch(files)
    return ChangeSet(root=root, base=base, head=head, files=tuple(files), context_lines=context_lines)


def is_binary(head: bytes) -> bool:
    """Binary by content, whatever `.gitattributes` declares: git's heuristic (a NUL in the first 8,000 bytes),
    except that text with a stray NUL is text (reviewed, decoded with replacement; an analyzer that cannot parse
    it says so). Text here: valid UTF-8 whose control bytes, NULs included, are under a tenth of the sample.
    PNGs, archives, UTF-16 and other real binaries fail one or the other."""
    sample = head[:TEXT_SAMPLE]
    if b"\0" not in sample:
        return False
    if (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) * 10 > len(sample):
        return True
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)  # a cut last character is fine
    except UnicodeDecodeError:
        return True
    return False


def _text_by_content(root: Path, selector: list[str], context_lines: int,
                     files: list[FileChange]) -> list[FileChange]:
    """Files git showed as binary (by attributes, or a NUL on either side) whose new side is text by content,
    with their hunks from `git diff --text`. Renames among them count as added files (every line reviewed)."""
    marked = [f for f in files if f.binary and f.status != "deleted" and f.kind == "file"]
    if not marked:
        return files
    changeset = ChangeSet(root=root, base="", head="", files=tuple(marked))
    text = [path for path, chunks in changeset.stream([f.path for f in marked]) if not is_binary(_head(chunks))]
    if not text:
        return files
    hunks = _text_hunks(root, selector, context_lines, text)
    return [replace(f, binary=False, hunks=hunks[f.path]) if f.path in hunks else f for f in files]


def _head(chunks: Iterator[bytes]) -> bytes:
    head = b""
    for chunk in chunks:
        head += chunk
        if len(head) >= TEXT_SAMPLE:
            break
    return head


def _text_hunks(root: Path, selector: list[str], context_lines: int, paths: list[str]) -> dict[str, tuple[Hunk, ...]]:
    common = ["--no-color", "--no-ext-diff", "--no-textconv", "--no-renames", "--text", "--ignore-submodules=none"]
    pathspecs = [f":(literal){path}" for path in paths]
    raw = git.run("diff", "--raw", "-z", "--no-abbrev", *common, *selector, "--", *pathspecs, cwd=root).stdout
    patch = git.run("diff", "-p", f"--unified={context_lines}", "--src-prefix=a/", "--dst-prefix=b/",
                    "--no-relative", *common, *selector, "--", *pathspecs, cwd=root).stdout
    entries, sections = _parse_raw(raw), _split_patch(patch)
    found = {entry[4]: _parse_hunks(section) for entry, section in zip(entries, sections) if entry[3] != "D"}
    if len(entries) != len(sections) or set(paths) - set(found):
        raise YgsError(f"could not parse git diff --text output for {len(paths)} file(s) git calls binary")
    return found


def _parse_raw(raw: bytes) -> list[tuple[str, str, str, str, str, str | None]]:
    """(old_mode, new_mode, new_sha, status, path, old_path) per file, in git's order."""
    parts = raw.split(b"\0")
    entries = []
    i = 0
    while i < len(parts) and parts[i]:
        meta = parts[i].decode("ascii").lstrip(":").split()
        old_mode, new_mode, new_sha, status = meta[0], meta[1], meta[3], meta[4][0]
        if status in "RC":
            old_path, path = os.fsdecode(parts[i + 1]), os.fsdecode(parts[i + 2])
            i += 3
        else:
            old_path, path = None, os.fsdecode(parts[i + 1])
            i += 2
        entries.append((old_mode, new_mode, new_sha, status, path, old_path))
    return entries


def _split_patch(patch: bytes) -> list[list[bytes]]:
    sections: list[list[bytes]] = []
    for line in patch.split(b"\n"):
        if line.startswith(b"diff --git "):
            sections.append([])
        if sections:
            sections[-1].append(line)
    return sections


def _file_change(entry: tuple, section: list[bytes], head: str) -> FileChange:
    old_mode, new_mode, new_sha, status, path, old_path = entry
    binary = any(line.startswith(b"Binary files ") for line in section[:8])
    return FileChange(
        path=path,
        status=_STATUS.get(status, "modified"),
        old_path=old_path,
        old_mode=old_mode,
        new_mode=new_mode,
        new_blob=None if head == WORKTREE or new_sha == _NULL_SHA else new_sha,
        binary=binary,
        hunks=() if binary else _parse_hunks(section),
    )


def _parse_hunks(section: list[bytes]) -> tuple[Hunk, ...]:
    starts = [i for i, line in enumerate(section) if _HUNK.match(line)]
    ends = [*starts[1:], len(section)]
    return tuple(_hunk(section[start], section[start + 1 : end]) for start, end in zip(starts, ends))


def _hunk(header: bytes, body: list[bytes]) -> Hunk:
    old_start, old_count, new_start, new_count = _HUNK.match(header).groups()  # type: ignore[union-attr]
    line = int(new_start)
    added: list[int] = []
    added_keys: list[str] = []
    deleted_keys: list[str] = []
    for text in body:
        if text.startswith(b"+"):
            added.append(line)
            added_keys.append(content_key(_decoded(text[1:])))
            line += 1
        elif text.startswith(b"-"):
            deleted_keys.append(content_key(_decoded(text[1:])))
        elif text.startswith(b" "):
            line += 1
    return Hunk(int(old_start), _count(old_count), int(new_start), _count(new_count), tuple(added),
                len(deleted_keys), tuple(added_keys), tuple(deleted_keys))


def _count(value: bytes | None) -> int:
    return 1 if value is None else int(value)


def _decoded(line: bytes) -> str:
    return line.decode("utf-8", "replace").removesuffix("\r")


# --- new content, not moved content (see the module docstring) ------------------------------------------------

_SPACE = re.compile(r"\s+")
_SPACE_NOT_BETWEEN_WORDS = re.compile(r" (?!\w)|(?<!\w) ")
_CONTENT = re.compile(r"[^\W_]")  # a letter or a digit
_PY_FROM = re.compile(r"^from\s+[\w.]+\s+import\s+(?P<names>.*)$")
_PY_IMPORT = re.compile(r"^import\s+(?P<names>[\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)$")
_JS_FROM = re.compile(r"^(?:import|export)\s+(?:type\s+)?(?P<names>.*?)\s*\bfrom\s*(['\"`]).*\2\s*;?$")
_JS_REQUIRE = re.compile(r"^(?:const|let|var)\s+(?P<names>.+?)\s*=\s*require\s*\(\s*(['\"`]).*\2\s*\)\s*;?$")
_NAME = re.compile(r"(?:(?:[\w$.]+|\*)\s+as\s+)?([\w$.]+)")
_MAX_EXTENDED_PAIRS = 40_000  # deleted x added lines of one hunk compared for extensions; beyond: no extensions


def content_key(line: str) -> str:
    """What a line says, for deciding whether an added line's content is new (the one normalization)."""
    text = _SPACE.sub(" ", line).strip()
    names = _imported_names(text)
    if names:
        return "import " + ",".join(names)
    return _SPACE_NOT_BETWEEN_WORDS.sub("", text)


def has_content(key: str) -> bool:
    """A key with a letter or digit; `}`, `);`, blank lines carry nothing new on their own."""
    return bool(_CONTENT.search(key))


def _imported_names(text: str) -> list[str]:
    """The names an import line binds, sorted; [] for any other line (or an import that binds none)."""
    text = text.split(" #", 1)[0].split(" //", 1)[0].strip()
    match = _PY_FROM.match(text) or _PY_IMPORT.match(text) or _JS_FROM.match(text) or _JS_REQUIRE.match(text)
    if not match:
        return []
    names = match.group("names").strip("(){}[] \\;")
    return sorted({m.group(1) for m in _NAME.finditer(names.replace("{", ",").replace("}", ","))})


def vouch(files: list[FileChange]) -> list[FileChange]:
    """Mark the added lines that are not new content. Each line the change deleted vouches for one added line,
    nearest first: an equal line of the same hunk (re-indent), then a line of the same hunk that contains it whole
    (an old line that gained code around it), then an equal line of the same file (a move within the file), then of
    any file (a move between files, a rename git did not pair)."""
    moved: list[set[int]] = [set() for _ in files]
    extended: list[dict[int, str]] = [{} for _ in files]
    left_in_file: list[Counter[str]] = []
    waiting: list[tuple[int, int, str]] = []  # (file index, line, key) not vouched for inside its hunk
    for index, change in enumerate(files):
        file_left: Counter[str] = Counter()
        for hunk in change.hunks:
            hunk_left, unmatched = _within_hunk(hunk, moved[index], extended[index])
            file_left += hunk_left
            waiting += [(index, line, key) for line, key in unmatched]
        left_in_file.append(file_left)
    elsewhere: list[tuple[int, int, str]] = []
    for index, line, key in waiting:
        if left_in_file[index][key] > 0:
            left_in_file[index][key] -= 1
            moved[index].add(line)
        else:
            elsewhere.append((index, line, key))
    pool: Counter[str] = sum(left_in_file, Counter())
    for index, line, key in elsewhere:
        if pool[key] > 0:
            pool[key] -= 1
            moved[index].add(line)
    return [replace(change, moved=frozenset(moved[i]), extended=extended[i]) for i, change in enumerate(files)]


def _within_hunk(hunk: Hunk, moved: set[int], extended: dict[int, str]) -> tuple[Counter[str], list[tuple[int, str]]]:
    """Vouch inside one hunk (equal lines, then containing lines); the deleted keys left, the added lines left."""
    left = Counter(k for k in hunk.deleted_keys if has_content(k))
    rest: list[tuple[int, str]] = []
    for line, key in zip(hunk.added, hunk.added_keys):
        if not has_content(key):
            moved.add(line)
        elif left[key] > 0:
            left[key] -= 1
            moved.add(line)
        else:
            rest.append((line, key))
    old = list((+left).elements())
    if not old or len(old) * len(rest) > _MAX_EXTENDED_PAIRS:
        return +left, rest
    unmatched = []
    for line, key in rest:
        inside = next((k for k in old if k in key), None)
        if inside is None:
            unmatched.append((line, key))
        else:
            old.remove(inside)
            left[inside] -= 1
            extended[line] = inside
    return +left, unmatched


def _untracked(root: Path) -> list[FileChange]:
    out = git.run("ls-files", "--others", "--exclude-standard", "-z", cwd=root).stdout
    return [_untracked_file(root, os.fsdecode(p)) for p in out.split(b"\0") if p]


def _untracked_file(root: Path, path: str) -> FileChange:
    full = root / path
    info = full.lstat()
    if stat.S_ISLNK(info.st_mode):
        mode, data = SYMLINK_MODE, os.fsencode(os.readlink(full))
    else:
        mode = "100755" if info.st_mode & 0o111 else "100644"
        data = full.read_bytes()
    binary = is_binary(data)
    lines = [] if binary else data.split(b"\n")
    lines = lines[:-1] if lines and lines[-1] == b"" else lines
    count = len(lines)
    keys = tuple(content_key(_decoded(line)) for line in lines)
    hunks = () if binary or count == 0 else (Hunk(0, 0, 1, count, tuple(range(1, count + 1)), 0, keys),)
    return FileChange(path=path, status="added", new_mode=mode, binary=binary, hunks=hunks)


def _file_chunks(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            yield chunk


class _BlobPipe:
    """One `git cat-file --batch`, started on first use, that streams blobs one after another."""

    def __init__(self, root: Path) -> None:
        self._root = root
        self._proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> _BlobPipe:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.communicate()

    def chunks(self, sha: str, path: str) -> Iterator[bytes]:
        proc = self._start()
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(f"{sha}\n".encode())
        proc.stdin.flush()
        header = proc.stdout.readline().split()
        if len(header) < 3 or header[1] != b"blob":
            raise YgsError(f"git object {sha} for {path} is missing")
        left = int(header[2])
        try:
            while left:
                chunk = proc.stdout.read(min(CHUNK, left))
                if not chunk:
                    raise YgsError(f"git cat-file stopped while reading {path}")
                left -= len(chunk)
                yield chunk
        finally:
            while left:  # the consumer stopped early: drop the rest of this blob
                dropped = len(proc.stdout.read(min(CHUNK, left)))
                left = left - dropped if dropped else 0
            proc.stdout.read(1)  # the newline after the content

    def _start(self) -> subprocess.Popen[bytes]:
        if self._proc is None:
            try:
                self._proc = subprocess.Popen(["git", "cat-file", "--batch"], cwd=self._root, env=git.git_env(),
                                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                              stderr=subprocess.DEVNULL)
            except FileNotFoundError:
                raise YgsError("git is not installed or not on PATH") from None
        return self._proc


def _cat_blobs(root: Path, wanted: list[tuple[str, str]]):
    """Yield (path, content) for blob shas, in one `git cat-file --batch` process."""
    for (path, sha), obj in zip(wanted, git.cat_batch(root, [sha for _, sha in wanted])):
        if obj is None:
            raise YgsError(f"git object {sha} for {path} is missing")
        yield path, obj[1]
