"""Debris a merge must not carry.

Two views of a change set:

- its files by path (`ctx.changeset.files`, binaries and skipped paths included, deletions never): committed
  `.env` files, keys and keystores, build artifacts and caches, large binaries — whole-file findings on line 1;
- the new-side text of the scanned files (`ctx.files`): debugger calls left in Python / JavaScript / TypeScript,
  merge-conflict markers, and (advisory) TODO / FIXME / XXX / HACK comments.

See docs/review-secrets-hygiene.md for what each rule catches and what it deliberately ignores.
"""

from __future__ import annotations

import bisect
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from ygs import __version__, git
from ygs.config import Config
from ygs.errors import YgsError
from ygs.globs import first_match
from ygs.review.languages import is_test_path, language_of
from ygs.review.model import AnalyzerResult, RawFinding, ScanContext
from ygs.review.analyzers.text import Tokens, lexer_for, line_start, long_line, scan_files

NAME = "hygiene"

BREAKPOINT = "hygiene-breakpoint"
PDB = "hygiene-pdb"
CONSOLE_LOG = "hygiene-console-log"
DEBUGGER = "hygiene-debugger"
CONFLICT_MARKER = "hygiene-conflict-marker"
ENV_FILE = "hygiene-env-file"
CREDENTIAL_FILE = "hygiene-secret-file"
TEST_CREDENTIAL_FILE = "hygiene-test-secret-file"
BUILD_ARTIFACT = "hygiene-build-artifact"
LARGE_BINARY = "hygiene-large-binary"
TODO = "hygiene-todo"
RULE_IDS = (BREAKPOINT, PDB, CONSOLE_LOG, DEBUGGER, CONFLICT_MARKER, ENV_FILE, CREDENTIAL_FILE, TEST_CREDENTIAL_FILE,
            BUILD_ARTIFACT, LARGE_BINARY, TODO)

# --- committed secret files -----------------------------------------------------------------------------------

_ENV_TEMPLATES = frozenset({"example", "sample", "template", "tmpl", "tpl", "dist", "defaults"})
_KEY_NAMES = {
    "id_rsa": "SSH private key", "id_dsa": "SSH private key", "id_ecdsa": "SSH private key",
    "id_ed25519": "SSH private key", ".htpasswd": "password file", ".git-credentials": "git credential store",
}
_KEY_SUFFIXES = {
    ".p12": "PKCS#12 keystore", ".pfx": "PKCS#12 keystore", ".jks": "Java keystore", ".keystore": "keystore",
    ".kdbx": "KeePass database", ".ppk": "PuTTY private key",
}
_PUBLIC_KEYSTORES = frozenset({"debug.keystore"})  # Android's debug keystore: a well-known, public password
_PRIVATE_KEY = re.compile(rb"-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----")
# file name or suffix -> (what it is, content that makes it a secret file)
_CONTENT_FILES: dict[str, tuple[str, re.Pattern[bytes]]] = {
    ".pem": ("private key file `{name}`", _PRIVATE_KEY),
    ".key": ("private key file `{name}`", _PRIVATE_KEY),
    ".npmrc": (".npmrc with an auth token",
               re.compile(rb"(?m)^[^#;\n]*(?:_authToken|_auth|_password)\s*=\s*[^\s$]")),
    ".pypirc": (".pypirc with a password", re.compile(rb"(?m)^\s*password\s*[=:]\s*[^\s$%]")),
    "credentials.json": ("credentials file `{name}`", re.compile(
        rb'"(?:private_key|client_secret|refresh_token|access_token|password|api_key|apikey|token|secret)"'
        rb'\s*:\s*"[^"\s]{8,}"')),
}

# --- build artifacts ------------------------------------------------------------------------------------------

_ARTIFACT_DIRS = frozenset({"__pycache__", "node_modules", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".tox",
                            ".nox", "htmlcov", ".nyc_output", ".next", ".gradle"})
_DEBRIS_NAMES = frozenset({".DS_Store", "Thumbs.db", ".coverage", "coverage.xml", "lcov.info"})
_OUTPUT_SUFFIXES = frozenset({".pyc", ".pyo", ".class", ".o", ".log"})
_LIBRARY_SUFFIXES = frozenset({".so", ".dylib", ".dll"})
_VENDOR_DIRS = frozenset({"vendor", "vendors", "vendored", "third_party", "third-party", "thirdparty", "external",
                          "extern"})
_BUILD_OUTPUTS = frozenset({"lib", "libs", "classes", "intermediates", "outputs", "tmp"})
_BUILD_PREFIXES = ("lib.", "bdist.", "temp.")
_TARGET_OUTPUTS = frozenset({"debug", "release", "classes", "test-classes", "generated-sources", "maven-status",
                             "surefire-reports", "maven-archiver", "CACHEDIR.TAG", ".rustc_info.json"})
_DIST_SUFFIXES = (".whl", ".tar.gz", ".egg")

# --- content --------------------------------------------------------------------------------------------------

_GENERIC_COMMENT = re.compile(r"(?m)(?:^|\s)(?:#|//|--|;)|<!--|/\*")  # searched from a line start: (?m)
_PROSE_SUFFIXES = frozenset({".md", ".markdown", ".mdx", ".rst", ".txt", ".adoc"})
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdx"})


class _Check(NamedTuple):
    """A leftover pattern; it starts with a literal so the scan is fast. `lead` must match the text between the
    line start and the hit (it is searched with pos/endpos, so it uses `(?m)^` and `\\Z`)."""

    pattern: re.Pattern[str]
    lead: re.Pattern[str]
    rule: str
    message: str
    hints: tuple[str, ...] = ()  # when given, the text must contain one of them before the pattern runs


_DEBUGGER_MODULES = ("ipdb", "pudb", "pdbpp", "remote_pdb", "web_pdb", "rpdb")  # third-party: never product code
_DEBUGGERS = rf"(?:(?:pdb|{'|'.join(_DEBUGGER_MODULES)}|IPython\.core\.debugger|debugger)\.)"  # set_trace receivers
_NO_NAME_BEFORE = r"(?m)(?:^|[^\w.$])(?<!def )\Z"  # not `obj.name`, `my_name`, `def name`
_DEBUG: dict[str, tuple[_Check, ...]] = {
    "python": (
        _Check(re.compile(r"breakpoint[ \t]*\("), re.compile(_NO_NAME_BEFORE), BREAKPOINT, "breakpoint() call left in"),
        _Check(re.compile(r"set_trace[ \t]*\("), re.compile(rf"(?m)(?:^|[^\w.]){_DEBUGGERS}?(?<!def )\Z"), PDB,
               "debugger set_trace() call left in"),
        _Check(re.compile(rf"(?:import|from)[ \t]+(?:{'|'.join(_DEBUGGER_MODULES)})\b"),
               re.compile(r"(?m)(?:^|;)[ \t]*\Z"), PDB, "interactive debugger import left in", _DEBUGGER_MODULES),
    ),
    "javascript": (
        _Check(re.compile(r"console[ \t]*\.[ \t]*(?:log|debug)[ \t]*\("), re.compile(_NO_NAME_BEFORE), CONSOLE_LOG,
               "console.log() call left in"),
        _Check(re.compile(r"(?m)debugger[ \t]*(?:;|$|//|/\*)"), re.compile(_NO_NAME_BEFORE), DEBUGGER,
               "debugger statement left in"),
    ),
}
_DEBUG["typescript"] = _DEBUG["javascript"]
_TODO = _Check(re.compile(r"(?:TODO|FIXME|XXX|HACK)\b"), re.compile(r"(?m)(?:^|\W)\Z"), TODO, "{} comment added")
_LEAD_WINDOW = 400  # characters before a hit searched for its line start / comment leader
_SCRIPT_DIRS = frozenset({"bin", "scripts", "script"})  # console.log is the output of a command-line script


def applies_to(path: str) -> bool:
    """Every changed file: conflict markers and committed debris know no language."""
    return True


def run(ctx: ScanContext) -> AnalyzerResult:
    started = time.monotonic()
    result = AnalyzerResult(name=NAME, version=__version__, rules_run=len(RULE_IDS))
    scan_files(ctx, result, scan_text)
    findings, problems = path_findings(ctx.changeset, ctx.config)
    result.findings.extend(findings)
    result.unparsed.extend(problems)
    result.duration_s = time.monotonic() - started
    return result


# --- paths ----------------------------------------------------------------------------------------------------


def path_findings(changeset: Any, config: Config) -> tuple[list[RawFinding], list[tuple[str, str]]]:
    """Whole-file findings for every added, modified, renamed or copied regular file of the change set, and the
    (path, reason) of files whose new side could not be read. A context built without a change set has none.

    Paths the project excludes (`[tool.ygs.review] exclude`) are left alone; the default skip list (vendored
    and generated paths such as node_modules/ and dist/) is not: committed output there is the point.
    """
    if changeset is None:
        return [], []
    reader = _NewSide(changeset)
    changes = [c for c in changeset.files if c.status != "deleted" and c.kind == "file"
               and first_match(c.path, config.review.exclude) is None]
    findings: list[RawFinding] = []
    problems: list[tuple[str, str]] = []
    for change in changes:
        try:
            findings.extend(_path_finding(change, reader))
        except (OSError, YgsError) as exc:
            problems.append((change.path, str(exc)))
    large, failed = _large_binaries(reader, [c for c in changes if c.binary], config.review.large_binary_kb)
    return findings + large, problems + failed


def _path_finding(change: Any, reader: _NewSide) -> Iterator[RawFinding]:
    path = change.path
    secret = _secret_file(path, lambda: reader.read(change))
    if secret:
        rule, what = secret
        yield _whole_file(rule if not is_test_path(path) else TEST_CREDENTIAL_FILE, path, f"{what} committed")
    artifact = build_artifact(path)
    if artifact:
        yield _whole_file(BUILD_ARTIFACT, path, f"generated file committed ({artifact})")


def _whole_file(rule_id: str, path: str, message: str) -> RawFinding:
    return RawFinding(rule_id=rule_id, path=path, line=1, message=message, source=NAME, whole_file=True)


def _secret_file(path: str, content: Callable[[], bytes]) -> tuple[str, str] | None:
    """(rule id, what it is) when the path is a file of secrets; `content()` reads it only when the name alone
    cannot tell (a .pem may be a public certificate, an .npmrc may hold no token)."""
    posix = PurePosixPath(path)
    name = posix.name
    if _env_file(name):
        return ENV_FILE, f"environment file `{name}`"
    if name in _KEY_NAMES:
        return CREDENTIAL_FILE, f"{_KEY_NAMES[name]} `{name}`"
    if posix.suffix.lower() in _KEY_SUFFIXES and name.lower() not in _PUBLIC_KEYSTORES:
        return CREDENTIAL_FILE, f"{_KEY_SUFFIXES[posix.suffix.lower()]} `{name}`"
    if path == ".aws/credentials" or path.endswith("/.aws/credentials"):
        return CREDENTIAL_FILE, "AWS credentials file"
    check = _CONTENT_FILES.get(name) or _CONTENT_FILES.get(posix.suffix.lower())
    if check and check[1].search(content()):
        return CREDENTIAL_FILE, check[0].format(name=name)
    return None


def _env_file(name: str) -> bool:
    """`.env` and `.env.<stage>`, but not the templates meant to be committed (`.env.example`, …)."""
    if name == ".env":
        return True
    return name.startswith(".env.") and not set(name.lower().split(".")[2:]) & _ENV_TEMPLATES


def build_artifact(path: str) -> str | None:
    """What makes the path generated output (`__pycache__/`, `*.pyc`, `target/`, …), or None."""
    posix = PurePosixPath(path)
    dirs, name, suffix = posix.parts[:-1], posix.name, posix.suffix.lower()
    for part in dirs:
        if part in _ARTIFACT_DIRS or part.endswith(".egg-info"):
            return f"{part}/"
    if name in _DEBRIS_NAMES or name.startswith(".coverage."):
        return name
    output = _output_dir(dirs, name)
    if output:
        return output
    if is_test_path(path):  # fixtures for tools that read compiled code, libraries or logs
        return None
    if suffix in _OUTPUT_SUFFIXES:
        return f"*{suffix}"
    if suffix in _LIBRARY_SUFFIXES and not set(dirs) & _VENDOR_DIRS:
        return f"*{suffix}"
    return None


def _output_dir(dirs: tuple[str, ...], name: str) -> str | None:
    """Output of setuptools / Gradle (`build/lib/`, `dist/*.whl`), Maven / Cargo (`target/release/`)."""
    for index, part in enumerate(dirs):
        rest = dirs[index + 1:]
        below = rest[0] if rest else name
        if part == "build" and rest and (below in _BUILD_OUTPUTS or below.startswith(_BUILD_PREFIXES)):
            return "build/"
        if part == "dist" and not rest and name.endswith(_DIST_SUFFIXES):
            return "dist/"
        if part == "target" and (below in _TARGET_OUTPUTS or (not rest and name.endswith((".jar", ".war")))):
            return "target/"
    return None


def _large_binaries(
    reader: _NewSide, binaries: list[Any], limit_kb: int
) -> tuple[list[RawFinding], list[tuple[str, str]]]:
    try:
        sizes = reader.sizes(binaries)
    except (OSError, YgsError) as exc:
        return [], [(change.path, str(exc)) for change in binaries]
    findings = [
        _whole_file(LARGE_BINARY, path, f"binary file of {size / 1024:,.0f} KiB (limit {limit_kb:,} KiB)")
        for path, size in sizes.items()
        if size > limit_kb * 1024
    ]
    return findings, []


class _NewSide:
    """The new side of a change set's files: a blob when the change set names one, else the work tree."""

    def __init__(self, changeset: Any) -> None:
        self._root = Path(changeset.root)

    def read(self, change: Any) -> bytes:
        if change.new_blob:
            return git.run("cat-file", "blob", change.new_blob, cwd=self._root).stdout
        return (self._root / change.path).read_bytes()

    def sizes(self, changes: list[Any]) -> dict[str, int]:
        """Byte sizes, blobs through one `git cat-file --batch-check`."""
        sizes = {c.path: (self._root / c.path).stat().st_size for c in changes if not c.new_blob}
        blobs = [c for c in changes if c.new_blob]
        if not blobs:
            return sizes
        request = "".join(f"{c.new_blob}\n" for c in blobs).encode()
        answer = git.run("cat-file", "--batch-check", cwd=self._root, input=request).stdout.decode()
        for change, line in zip(blobs, answer.splitlines()):
            fields = line.split()
            if len(fields) != 3:
                raise YgsError(f"git object {change.new_blob} for {change.path} is missing")
            sizes[change.path] = int(fields[2])
        return sizes


# --- content --------------------------------------------------------------------------------------------------


def scan_text(path: str, text: str) -> list[RawFinding]:
    """Debugger leftovers, conflict markers and TODO comments in one file's new-side text.

    The patterns run over the raw text; only a file with a hit is lexed, to drop hits inside strings and
    comments, and only a file holding `<<<<<<<` or `>>>>>>>` is read line by line for conflict markers.
    """
    found = [*_conflict_findings(path, text), *_code_findings(path, text)]
    if not found:
        return []
    newlines = [match.start() for match in re.finditer("\n", text)]
    return [
        RawFinding(rule_id=rule, path=path, line=bisect.bisect_left(newlines, offset) + 1, message=message,
                   source=NAME)
        for offset, rule, message in found
    ]


def _conflict_findings(path: str, text: str) -> Iterator[tuple[int, str, str]]:
    """`<<<<<<<` / `>>>>>>>` lines, and `|||||||` / `=======` between them (an RST underline is no marker).
    Skipped: data files in test paths (fixtures of merge tooling) and fenced code in Markdown."""
    if ("<<<<<<<" not in text and ">>>>>>>" not in text) or (is_test_path(path) and lexer_for(path) is None):
        return
    markdown = PurePosixPath(path).suffix.lower() in _MARKDOWN_SUFFIXES
    inside = fenced = False
    offset = 0
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        if markdown and line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if fenced or not _marker(line.rstrip("\r")):
            continue
        if line.startswith(("<<<<<<<", ">>>>>>>")):
            inside = line.startswith("<")
        elif not inside:
            continue
        yield start, CONFLICT_MARKER, f"merge conflict marker `{line[:7]}` left in"


def _marker(line: str) -> bool:
    head, tail = line[:7], line[7:]
    if head == "=======":
        return not tail.strip()
    return head in ("<<<<<<<", ">>>>>>>", "|||||||") and (tail == "" or tail.startswith(" "))


def _code_findings(path: str, text: str) -> Iterator[tuple[int, str, str]]:
    language = language_of(path) or ""
    checks = [c for c in _DEBUG.get(language, ()) if c.rule != CONSOLE_LOG or _logs_are_debris(path, text)]
    hits = [hit for check in (*checks, _TODO) for hit in _hits(check, text)]
    if not hits:
        return
    lexer = lexer_for(path)
    if lexer is None:
        yield from (hit for hit in hits if hit[1] == TODO and _plain_comment(path, text, hit[0]))
        return
    tokens = Tokens(lexer, text)
    yield from (hit for hit in hits if tokens.kind_at(hit[0]) == ("comment" if hit[1] == TODO else "code"))


def _hits(check: _Check, text: str) -> Iterator[tuple[int, str, str]]:
    if check.hints and not any(hint in text for hint in check.hints):
        return
    for match in check.pattern.finditer(text):
        start = match.start()
        if check.lead.search(text, line_start(text, start, _LEAD_WINDOW), start) and not long_line(text, start):
            yield start, check.rule, check.message.format(match.group())


def _logs_are_debris(path: str, text: str) -> bool:
    """console.log is the output of a test or a command-line script, not debris, there."""
    in_scripts = bool(set(PurePosixPath(path).parts[:-1]) & _SCRIPT_DIRS)
    return not (is_test_path(path) or in_scripts or text.startswith("#!"))


def _plain_comment(path: str, text: str, offset: int) -> bool:
    """Is the offset after a comment leader on its line? For files without a lexer (shell, YAML, SQL, INI, …);
    prose (Markdown, reStructuredText, plain text) has no comments to speak of."""
    if PurePosixPath(path).suffix.lower() in _PROSE_SUFFIXES:
        return False
    return _GENERIC_COMMENT.search(text, line_start(text, offset, _LEAD_WINDOW), offset) is not None


