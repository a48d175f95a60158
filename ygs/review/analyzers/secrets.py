"""Hard-coded credentials in any text file: pure-Python patterns plus Shannon entropy.

Three families of detectors run over the new-side text of every scanned file:

- tokens with a vendor shape (AWS, GitHub, GitLab, Slack, Stripe, Google, OpenAI, Anthropic, npm, PyPI, JWT),
  one pattern each over the whole text, starting with the vendor prefix so the regex engine skips ahead;
- PEM private key blocks, reported only when they carry key material (a header constant is not a key);
- context detectors: passwords inside URLs, and random-looking values assigned to secret-looking names in code
  and config (an AWS secret access key is one of those, by its name).

Hits in test and example files become `secret-in-test-file` (advisory); placeholders and values vendors publish
as documentation examples are dropped. Every finding carries the secret in `redact`; a message shows at most the
vendor prefix (`AKIA…`). See docs/review-secrets-hygiene.md.

The files no other analyzer reads (`ctx.secrets_only`: vendored, generated, excluded, too large, binary) are
scanned too, streamed from the change set in bounded memory: text in steps with overlapping context, binaries up
to `large_binary_kb` through their printable strings (as `strings` shows them); larger binaries are listed in
the evidence as not scanned.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import itertools
import json
import math
import re
import string
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from ygs import __version__
from ygs.errors import YgsError
from ygs.review.analyzers.text import MAX_LINE, Tokens, lexer_for, line_start, long_line, scan_files
from ygs.review.languages import is_test_path, language_of
from ygs.review.model import AnalyzerResult, RawFinding, ScanContext

NAME = "secrets"
TEST_RULE = "secret-in-test-file"

# --- tokens with a vendor shape -------------------------------------------------------------------------------

_TOKEN_CHARS = frozenset(string.ascii_letters + string.digits + "_-")  # a token glued to these is not a token
_END = r"(?![A-Za-z0-9_\-])"


@dataclass(frozen=True)
class _Shape:
    kind: str  # rule-id suffix: "aws-access-key"
    label: str  # what it is, for the message
    shown: int  # length of the public prefix a message may show ("AKIA")
    pattern: re.Pattern[str]  # starts with a literal, so the regex engine skips ahead to it (fast on big files)
    check: str = "token"  # the validator a match must pass (_CHECKS)


def _shape(kind: str, label: str, shown: int, pattern: str, check: str = "token") -> _Shape:
    return _Shape(kind, label, shown, re.compile(pattern), check)


_SHAPES: tuple[_Shape, ...] = (
    _shape("aws-access-key", "AWS access key id", 4, r"A(?:KIA|SIA|BIA|CCA)[A-Z2-7]{16}(?![A-Z0-9])"),
    _shape("github-token", "GitHub token", 4, rf"gh[pousr]_[A-Za-z0-9]{{36,255}}{_END}"),
    _shape("github-token", "GitHub fine-grained token", 11, rf"github_pat_[A-Za-z0-9_]{{60,255}}{_END}"),
    _shape("gitlab-token", "GitLab personal access token", 6, rf"glpat-[A-Za-z0-9_\-]{{20,}}{_END}"),
    _shape("slack-token", "Slack token", 5, rf"xox[abprs]-\d{{6,}}-[A-Za-z0-9\-]{{10,}}{_END}"),
    _shape("slack-webhook", "Slack webhook URL", 23,
           r"https://hooks\.slack\.com/(?:services|workflows)/T[A-Z0-9]{6,}/B[A-Z0-9]{6,}/[A-Za-z0-9]{20,}"),
    _shape("stripe-key", "Stripe live key", 8, rf"sk_live_[A-Za-z0-9]{{24,}}{_END}"),
    _shape("stripe-key", "Stripe restricted live key", 8, rf"rk_live_[A-Za-z0-9]{{24,}}{_END}"),
    _shape("stripe-test-key", "Stripe test secret key", 8, rf"sk_test_[A-Za-z0-9]{{24,}}{_END}"),
    _shape("google-api-key", "Google API key", 4, rf"AIza[0-9A-Za-z_\-]{{35}}{_END}", "google"),
    _shape("anthropic-key", "Anthropic API key", 7, rf"sk-ant-[a-z]+\d*-[A-Za-z0-9_\-]{{32,}}{_END}"),
    _shape("openai-key", "OpenAI API key", 8, rf"sk-(?:proj|svcacct|admin)-[A-Za-z0-9_\-]{{40,}}{_END}"),
    _shape("openai-key", "OpenAI-style API key", 3, rf"sk-[A-Za-z0-9]{{32,}}{_END}", "openai"),
    _shape("npm-token", "npm access token", 4, rf"npm_[A-Za-z0-9]{{36}}{_END}"),
    _shape("pypi-token", "PyPI API token", 5, rf"pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{{50,}}{_END}"),
    _shape("jwt", "JSON Web Token", 3,
           rf"eyJ[A-Za-z0-9_\-]{{8,}}\.eyJ[A-Za-z0-9_\-]{{8,}}\.[A-Za-z0-9_\-]{{16,}}{_END}", "jwt"),
)
_AWS_SECRET_NAME = re.compile(r"(?i)(?:aws_?secret_?(?:access_?)?key|secret_?access_?key)\Z")
_AWS_SECRET_VALUE = re.compile(r"[A-Za-z0-9/+]{40}")
RULE_IDS: tuple[str, ...] = tuple(sorted(
    {f"secret-{shape.kind}" for shape in _SHAPES}
    | {"secret-aws-secret-key", "secret-private-key", "secret-password-in-url", "secret-generic-assignment",
       TEST_RULE}
))

# Values vendors publish in their documentation: never real, never reported.
KNOWN_EXAMPLES = frozenset({
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
    "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
})
_JWT_CLAIMS = frozenset({"iss", "sub", "aud", "exp", "nbf", "iat", "jti"})
_JWT_IO_SIGNATURE = "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
_PLACEHOLDER_WORDS = ("example", "dummy", "placeholder", "changeme", "sample", "fake", "redacted", "xxxx", "your")

# --- private keys ---------------------------------------------------------------------------------------------

_PEM_HEADER = re.compile(r"-----BEGIN ((?:[A-Z0-9]+ ){0,3})PRIVATE KEY(?: BLOCK)?-----")
_PEM_END = "-----END"
_PEM_FIELD = re.compile(r"\s*[A-Za-z][A-Za-z-]*: .*")  # Proc-Type:, DEK-Info:, Version:, Comment:
_PEM_NOISE = re.compile(r"[\s\"'+,;\\]*")
_PEM_LINE = re.compile(r"[\s\"'+,;\\]*([A-Za-z0-9+/=]{16,})[\s\"'+,;\\]*")
_PEM_WINDOW = 16384  # characters after a header searched for the key body
_PEM_MAX_LINES = 200

# --- context detectors ----------------------------------------------------------------------------------------

_URL_CREDENTIALS = re.compile(
    r"://(?P<user>[^\s:/?#@'\"`<>{}\[\]]*):(?P<password>[^\s:,/?#@'\"`<>]+)@"
    r"(?P<host>\[[0-9A-Fa-f:.]+\]|[^\s/?#:@'\"`<>,;)]+)"
)
_SCHEME = re.compile(r"(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]{1,30}\Z")  # right before "://"
_URL_PLACEHOLDERS = frozenset({"tiger", "guest", "admin", "root", "user", "postgres", "mysql", "token", "none",
                               "null", "secret", "password", "passwd", "changeit"})
_URL_MIN_PASSWORD = 6  # shorter ones (pw, pass, bar, 1234) are documentation, not credentials
_LOCAL_HOSTS = frozenset({"localhost", "host.docker.internal"})
_LOCAL_PREFIXES = ("127.", "0.", "[")  # loopback, "this network" (0.0.0.0/8), IPv6 literals
_RESERVED_DOMAINS = (".local", ".localhost", ".test", ".example", ".invalid", "example.com", "example.org",
                     "example.net")

_KEYWORD = re.compile(r"(?i)pass|pwd|secret|token|key")
_OPERATOR = r"(?::=|=>|\?\?=|\|\|=|=(?![=>~])|:(?![:=]))"  # no lookbehind: it would make the scan slow
_NOT_OPERATOR_BEFORE = frozenset("!=<>")  # a `=` preceded by one of these is a comparison
_QUOTED_VALUE = re.compile(_OPERATOR + r"""[ \t]*(?P<q>["'`])(?P<value>[^"'`\\\s]{10,500})(?P=q)""")
_BARE_VALUE = re.compile(  # a YAML tag (!Ref), anchor (&a) or alias (*a) is no value
    _OPERATOR + r"""[ \t]*(?P<value>[^\s"'`!&*][^\s"'`]{9,499})(?:[ \t]+[#;].*)?[ \t\r]*$""", re.M
)
_NAME = re.compile(r"(?<![\w.\-])[A-Za-z_][\w.\-]{0,80}(?=(?:[\"']\]?|\])?[ \t]*\Z)")  # right before the operator
_NAME_WINDOW = 100
_NAME_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_SECRET_TAILS = frozenset({"password", "passwd", "pwd", "pass", "passphrase", "secret", "token"})
_SECRET_SUFFIXES = ("password", "passwd", "passphrase", "secret", "token", "apikey", "accesskey", "secretkey",
                    "privatekey", "authkey")
_KEY_QUALIFIERS = frozenset({"api", "private", "access", "secret", "auth", "signing", "encryption", "master",
                             "client", "app", "license", "consumer"})
_VALUE_WORDS = _PLACEHOLDER_WORDS + ("changeit", "test", "password", "passwd", "secret", "token", "apikey",
                                     "api_key", "api-key", "private", "credential", "todo", "xxx", "***")
_TEMPLATE_MARKS = ("{{", "${", "<%", "://", "%s", "%(", "$(", "#{")
_TEMPLATE_STARTS = ("$", "{", "<", "%", "@", "./", "../", "~/")
_SEPARATORS = re.compile(r"[-_./:@\[\]]+")
_WORDISH = re.compile(r"[A-Z]*[a-z]*(?:[A-Z][a-z]+)*\d{0,3}|\d+")  # Default, ClusterParameters, HTTP, v1, sha256
_CAMEL = re.compile(r"[A-Za-z]?[a-z]+(?:[A-Z]{1,2}[a-z]+)+")  # preferredAuthentication, MyAppSecret
_HUMAN = re.compile(r"[A-Za-z][a-z]+(?:\d+[^A-Za-z0-9]*|[^A-Za-z0-9]+\d*)")  # Summer2023!, rootpass123
_FILE_LIKE = re.compile(r".*\.[a-z]{2,5}|[A-Za-z]:\\.*|[^@]+@[^@]+\.[a-z]{2,}")  # paths, files, e-mail
_LETTERS = re.compile(r"[A-Za-z]{10,19}")  # short letters-only values are words (IAmSensitive), not generated
_HEX = re.compile(r"[0-9a-f]+|[0-9A-F]+")
_LEET = str.maketrans("@4310$5!7", "aaeiossit")
_DOC_SUFFIXES = frozenset({".md", ".markdown", ".mdx", ".rst", ".txt", ".adoc"})  # examples, not assignments
_MARKUP_SUFFIXES = frozenset({".html", ".htm", ".xml", ".svg"})
_COMMENT_LINE = re.compile(r"(?m)^[ \t]*(?:#|;|//|--|<!--)")
_BARE_LANGUAGES = frozenset({"yaml", "toml", "bash"})
_EXAMPLE_SUFFIXES = frozenset({"example", "sample", "template", "tmpl", "tpl", "dist"})
_TEST_CONTEXT = " (in a test or example file)"


@dataclass(frozen=True)
class _Hit:
    kind: str  # rule-id suffix: "aws-access-key"
    label: str  # what the message says; never the secret
    start: int  # offsets in the file text
    end: int
    redact: tuple[str, ...]  # the secret values
    last: int | None = None  # offset of the last line of a multi-line hit (private key blocks)
    muted: bool = False  # a vendor-shaped placeholder / example / public key: not reported, but claims its span


def applies_to(path: str) -> bool:
    """Every text file: credentials hide in code, config, docs and dotfiles alike."""
    return True


def run(ctx: ScanContext) -> AnalyzerResult:
    result = AnalyzerResult(name=NAME, version=__version__, rules_run=len(RULE_IDS))
    scan_files(ctx, result, scan_text)
    if ctx.secrets_only:
        _scan_unread(ctx, result)
    return result


def scan_text(path: str, text: str) -> list[RawFinding]:
    """Every credential in one file's text, on new-side line numbers (1-based, `\\n`-separated like git's)."""
    return _findings(path, text, _hits(path, text))


def _hits(path: str, text: str) -> list[_Hit]:
    primary = [*_token_hits(text), *_private_key_hits(text)]
    return [hit for hit in primary + _outside(primary, _context_hits(path, text)) if not hit.muted]


def _findings(path: str, text: str, hits: list[_Hit], lines_before: int = 0) -> list[RawFinding]:
    """Findings for hits in `text`, which starts after `lines_before` newlines of the file."""
    if not hits:
        return []
    newlines = [match.start() for match in re.finditer("\n", text)]
    context = _TEST_CONTEXT if _test_or_example(path) else ""
    return [_finding(path, hit, newlines, context, lines_before) for hit in hits]


def _finding(path: str, hit: _Hit, newlines: list[int], context: str, lines_before: int = 0) -> RawFinding:
    line = lines_before + bisect.bisect_left(newlines, hit.start) + 1
    last = lines_before + bisect.bisect_left(newlines, hit.last) + 1 if hit.last is not None else line
    return RawFinding(
        rule_id=TEST_RULE if context else f"secret-{hit.kind}",
        path=path,
        line=line,
        end_line=last if last > line else None,
        message=hit.label + context,
        source=NAME,
        redact=hit.redact,
    )


def _outside(primary: list[_Hit], secondary: Iterator[_Hit]) -> list[_Hit]:
    """Secondary hits that do not overlap a primary one (a token inside a URL or an assignment is one finding)."""
    spans = sorted((hit.start, hit.end) for hit in primary)
    starts = [start for start, _ in spans]
    out = []
    for hit in secondary:
        before = bisect.bisect_left(starts, hit.end)
        if before and spans[before - 1][1] > hit.start:
            continue
        out.append(hit)
    return out


def _test_or_example(path: str) -> bool:
    parts = PurePosixPath(path).name.lower().split(".")
    return is_test_path(path) or bool(set(parts[1:]) & _EXAMPLE_SUFFIXES)


# --- files no other analyzer reads ---------------------------------------------------------------------------

_STEP = 1 << 20  # bytes of a large text file scanned per step
_OVERLAP = 1 << 15  # bytes of context either side of a step: more than a private key block (_PEM_WINDOW)
_ASCII_RUN = re.compile(rb"[\x20-\x7e\t]{8,}")  # what `strings` shows: 8+ printable characters in a row
_UTF16_RUN = re.compile(rb"(?:[\x20-\x7e\t]\x00){8,}")  # the same in UTF-16LE (`strings -el`)


def _scan_unread(ctx: ScanContext, result: AnalyzerResult) -> None:
    """Secrets in the changed files the other analyzers skip; the evidence lists which were scanned."""
    limit_kb = ctx.config.review.large_binary_kb
    scanned: list[str] = []
    not_scanned: list[dict[str, str]] = []
    for path, chunks in ctx.changeset.stream(ctx.secrets_only):
        try:
            if ctx.changeset.get(path).binary:
                data = _read_at_most(chunks, limit_kb * 1024)
                if data is None:
                    not_scanned.append({"path": path, "reason": f"larger than large_binary_kb = {limit_kb:,} KiB"})
                    continue
                result.findings.extend(binary_findings(path, data))
            else:
                result.findings.extend(stream_findings(path, chunks))
        except (OSError, YgsError) as exc:
            result.unparsed.append((path, f"unreadable: {getattr(exc, 'strerror', None) or exc}"))
            continue
        scanned.append(path)
    result.files_applicable += len(ctx.secrets_only) - len(not_scanned)
    result.files_scanned += len(scanned)
    result.extra["skipped_paths_scanned"] = scanned
    result.extra["skipped_paths_not_scanned"] = not_scanned


def _read_at_most(chunks: Iterator[bytes], limit: int) -> bytes | None:
    data = bytearray()
    for chunk in chunks:
        data += chunk
        if len(data) > limit:
            return None
    return bytes(data)


def stream_findings(path: str, chunks: Iterator[bytes]) -> list[RawFinding]:
    """scan_text over a text file of any size in bounded memory: steps of _STEP bytes, each scanned with up to
    _OVERLAP bytes of context either side; a hit belongs to the step it starts in."""
    out: list[RawFinding] = []
    lines = 0  # newlines before the current step
    for before, step, after in _steps(chunks):
        head, body = before.decode("utf-8", "replace"), step.decode("utf-8", "replace")
        text = head + body + after.decode("utf-8", "replace")
        own = range(len(head), len(head) + len(body))
        hits = [hit for hit in _hits(path, text) if hit.start in own]
        out.extend(_findings(path, text, hits, lines - before.count(b"\n")))
        lines += step.count(b"\n")
    return out


def _steps(chunks: Iterator[bytes]) -> Iterator[tuple[bytes, bytes, bytes]]:
    """(context before, step, context after): the steps tile the stream."""
    buffer = bytearray()
    before = b""
    for chunk in chunks:
        buffer += chunk
        while len(buffer) >= _STEP + _OVERLAP:
            step = bytes(buffer[:_STEP])
            del buffer[:_STEP]
            yield before, step, bytes(buffer[:_OVERLAP])
            before = step[-_OVERLAP:]
    yield before, bytes(buffer), b""


def binary_findings(path: str, data: bytes) -> list[RawFinding]:
    """Secrets in a binary's printable strings (ASCII and UTF-16LE runs of 8+ characters). Lines mean nothing
    in a binary: each finding is about the whole file and names the byte offset."""
    runs = [(m.start(), 1, m.group().decode("ascii")) for m in _ASCII_RUN.finditer(data)]
    runs += [(m.start(), 2, m.group()[::2].decode("ascii")) for m in _UTF16_RUN.finditer(data)]
    text = "\n".join(run for _, _, run in runs)
    starts = list(itertools.accumulate((len(run) + 1 for _, _, run in runs[:-1]), initial=0))
    context = _TEST_CONTEXT if _test_or_example(path) else ""
    out = []
    for hit in _hits(path, text):
        index = bisect.bisect_right(starts, hit.start) - 1
        offset, width, _ = runs[index]
        where = offset + (hit.start - starts[index]) * width
        out.append(RawFinding(rule_id=TEST_RULE if context else f"secret-{hit.kind}", path=path, line=1,
                              message=f"{hit.label} in binary content (byte {where:,}){context}", source=NAME,
                              redact=hit.redact, whole_file=True))
    return out


# --- tokens ---------------------------------------------------------------------------------------------------


def _token_hits(text: str) -> Iterator[_Hit]:
    for shape in _SHAPES:
        yield from _shape_hits(shape, text)


def _shape_hits(shape: _Shape, text: str) -> Iterator[_Hit]:
    for match in shape.pattern.finditer(text):
        value, start = match.group(), match.start()
        if start and text[start - 1] in _TOKEN_CHARS:
            continue
        label = f"{shape.label} ({value[: shape.shown]}…) hard-coded"
        muted = not _CHECKS[shape.check](value, shape.shown, text)
        yield _Hit(shape.kind, label, start, match.end(), (value,), muted=muted)


def _token_ok(value: str, prefix: int, text: str) -> bool:
    return value not in KNOWN_EXAMPLES and not _placeholder(value[prefix:])


def _google_ok(value: str, prefix: int, text: str) -> bool:
    """Firebase web config keys (the file mentions firebaseapp.com) are public by design."""
    return "firebaseapp.com" not in text and _token_ok(value, prefix, text)


def _openai_ok(value: str, prefix: int, text: str) -> bool:
    """OpenAI keys embed T3BlbkFJ (base64 of "OpenAI"); other `sk-` keys must at least look random."""
    body = value[prefix:]
    if not _token_ok(value, prefix, text):
        return False
    return "T3BlbkFJ" in body or (_classes(body) == 3 and entropy(body) >= _entropy_floor(body))


def _jwt_ok(value: str, prefix: int, text: str) -> bool:
    """A decodable, signed token with a registered claim (documentation samples like {"some": "payload"} have
    none); not jwt.io's sample, not a Supabase-style `anon` key (public by design)."""
    header, payload, signature = value.split(".")
    fields, claims = _b64_json(header), _b64_json(payload)
    if not isinstance(fields, dict) or "alg" not in fields or not isinstance(claims, dict):
        return False
    if str(fields["alg"]).lower() == "none" or signature == _JWT_IO_SIGNATURE:
        return False
    return bool(claims.keys() & _JWT_CLAIMS) and claims.get("role") != "anon"


def _b64_json(segment: str) -> object:
    try:
        return json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
    except (binascii.Error, ValueError, RecursionError):
        return None


_CHECKS: dict[str, Callable[[str, int, str], bool]] = {
    "token": _token_ok, "google": _google_ok, "openai": _openai_ok, "jwt": _jwt_ok,
}


def _placeholder(value: str) -> bool:
    """Documentation filler: a marker word, few distinct characters, or a run like 123456 / AAAAAA."""
    lowered = value.lower()
    if any(word in lowered for word in _PLACEHOLDER_WORDS):
        return True
    return len(set(value)) < min(8, len(value) // 3 + 1) or _has_run(value, 6)


def _has_run(value: str, length: int) -> bool:
    """`length` consecutive characters in alphabet order (abcdef, 123456) or one character repeated."""
    run_up = run_same = 1
    for previous, current in zip(value, value[1:]):
        run_up = run_up + 1 if ord(current) == ord(previous) + 1 else 1
        run_same = run_same + 1 if current == previous else 1
        if max(run_up, run_same) >= length:
            return True
    return False


# --- private keys ---------------------------------------------------------------------------------------------


def _private_key_hits(text: str) -> Iterator[_Hit]:
    if "PRIVATE KEY" not in text:
        return
    for match in _PEM_HEADER.finditer(text):
        window = text[match.end(): match.end() + _PEM_WINDOW]
        close = window.find(_PEM_END)
        material = _key_material(window if close < 0 else window[:close])
        if not material:
            continue
        yield _Hit("private-key", _key_label(text, match), match.start(), match.end(), material,
                   last=match.end() + close if close >= 0 else None)


def _key_label(text: str, header: re.Match[str]) -> str:
    if '"private_key"' in text[max(0, header.start() - 40): header.start()]:
        return "Google service-account private key hard-coded"
    kind = header.group(1).strip()
    return f"{kind} private key hard-coded" if kind else "Private key hard-coded"


def _key_material(block: str) -> tuple[str, ...]:
    """The base64 lines of a key body, or () when the block holds no key (a header constant, `...`, `<key>`)."""
    runs: list[str] = []
    for line in block.replace("\\n", "\n").replace("\\r", "\n").split("\n")[:_PEM_MAX_LINES]:
        if _PEM_NOISE.fullmatch(line) or (not runs and _PEM_FIELD.fullmatch(line)):
            continue
        match = _PEM_LINE.fullmatch(line)
        if match is None:
            break
        runs.append(match.group(1))
    if not runs or len(runs[0]) < 40:
        return ()
    sample = "".join(runs[:4])
    if len(set(sample)) < 16 or _has_run(sample, 8) or entropy(sample) < 4.0:
        return ()
    return tuple(dict.fromkeys(runs))


# --- context detectors ----------------------------------------------------------------------------------------


def _context_hits(path: str, text: str) -> Iterator[_Hit]:
    """Secrets known by their context: a password inside a URL; a value assigned to a secret-named variable in
    live code or config (not in documentation, comments or docstrings, where such values are examples)."""
    if "://" in text:
        yield from _url_hits(text)
    suffix = PurePosixPath(path).suffix.lower()
    if suffix in _DOC_SUFFIXES:
        return
    code = _Code(path, text)
    yield from _assignment_hits(text, _QUOTED_VALUE, code)
    if language_of(path) in _BARE_LANGUAGES or (language_of(path) is None and suffix not in _MARKUP_SUFFIXES):
        yield from _assignment_hits(text, _BARE_VALUE, code)


class _Code:
    """Is an offset live code? Lexed on first use (strings and comments apart); files without a lexer only lose
    their comment lines."""

    def __init__(self, path: str, text: str) -> None:
        self._text = text
        self._lexer = lexer_for(path)
        self._tokens: Tokens | None = None

    def at(self, offset: int) -> bool:
        if self._lexer is None:
            return not _COMMENT_LINE.match(self._text, line_start(self._text, offset, MAX_LINE))
        if self._tokens is None:
            self._tokens = Tokens(self._lexer, self._text)
        return self._tokens.kind_at(offset) == "code"


def _url_hits(text: str) -> Iterator[_Hit]:
    for match in _URL_CREDENTIALS.finditer(text):
        password, host = match.group("password"), match.group("host")
        scheme = _SCHEME.search(text, max(0, match.start() - 32), match.start())
        if scheme is None or _url_placeholder(password, match.group("user")) or _local_host(host):
            continue
        if long_line(text, match.start()):
            continue
        label = f"Password hard-coded in a {scheme.group()}:// URL for {host}"
        yield _Hit("password-in-url", label, match.start("password"), match.end("password"), (password,))


def _url_placeholder(password: str, user: str) -> bool:
    lowered = password.lower()
    if len(password) < _URL_MIN_PASSWORD or lowered in _URL_PLACEHOLDERS or password == user or len(set(password)) == 1:
        return True
    if password.startswith(_TEMPLATE_STARTS) or any(mark in password for mark in _TEMPLATE_MARKS):
        return True
    normalized = lowered.translate(_LEET)
    return any(word in normalized for word in ("password", "passwd", "secret", *_PLACEHOLDER_WORDS))


def _local_host(host: str) -> bool:
    """Loopback, single-label service names (db, redis), reserved example domains, templated hosts."""
    lowered = host.lower().rstrip(".")
    if lowered in _LOCAL_HOSTS or lowered.startswith(_LOCAL_PREFIXES) or "." not in lowered:
        return True
    if lowered.startswith(_TEMPLATE_STARTS) or any(word in lowered for word in _PLACEHOLDER_WORDS):
        return True
    return lowered.endswith(_RESERVED_DOMAINS)


def _assignment_hits(text: str, values: re.Pattern[str], code: _Code) -> Iterator[_Hit]:
    for match in values.finditer(text):
        value, operator = match.group("value"), match.start()
        if operator and text[operator - 1] in _NOT_OPERATOR_BEFORE:
            continue
        window = line_start(text, operator, _NAME_WINDOW)
        if not _KEYWORD.search(text, window, operator):
            continue
        name = _NAME.search(text, window, operator)
        kind = _assignment_kind(name.group(), value) if name else None
        if kind is None or long_line(text, operator) or not code.at(operator):
            continue
        label = f"{kind[1]} hard-coded in `{name.group()}`"
        yield _Hit(kind[0], label, match.start("value"), match.end("value"), (value,))


def _assignment_kind(name: str, value: str) -> tuple[str, str] | None:
    """(rule-id suffix, what it is) of a secret assigned to `name`, or None when the value is no secret."""
    if not secret_name(name):
        return None
    if _AWS_SECRET_NAME.search(name) and _aws_secret(value):
        return "aws-secret-key", "AWS secret access key"
    return ("generic-assignment", "Random-looking value") if high_entropy_secret(value) else None


def _aws_secret(value: str) -> bool:
    if not _AWS_SECRET_VALUE.fullmatch(value) or value in KNOWN_EXAMPLES or _placeholder(value):
        return False
    return _classes(value) >= 3 and entropy(value) >= 4.0


def secret_name(name: str) -> bool:
    """Does the name say it holds a secret? The secret word must be the name's head: `db_password`, `apiKey`,
    `client_secret`, `SECRET_KEY`, but not `password_hash`, `token_url`, `secret_name`, `max_tokens`."""
    words = [word.lower() for word in _NAME_WORDS.findall(name)]
    if not words:
        return False
    last = words[-1]
    if last in _SECRET_TAILS or last.endswith(_SECRET_SUFFIXES):
        return True
    return last in ("key", "keys") and len(words) > 1 and words[-2] in _KEY_QUALIFIERS


def high_entropy_secret(value: str) -> bool:
    """A generated-looking secret: not a placeholder, template, path, identifier or human-chosen word."""
    if value.startswith(_TEMPLATE_STARTS) or any(mark in value for mark in _TEMPLATE_MARKS):
        return False
    if _FILE_LIKE.fullmatch(value) or _identifier(value) or _HUMAN.fullmatch(value):
        return False
    normalized = value.lower().translate(_LEET)
    if any(word in normalized for word in _VALUE_WORDS) or _has_run(value, 5):
        return False
    if _classes(value) < 2 or len(set(value)) < min(10, len(value) // 4) or _LETTERS.fullmatch(value):
        return False
    return entropy(value) >= _entropy_floor(value)


def _identifier(value: str) -> bool:
    """Names, not secrets: my-app-credentials, DB_PASSWORD, Jobs[-1].JobId, spec.preferredAuthentication."""
    parts = [part for part in _SEPARATORS.split(value) if part]
    if len(parts) == 1:
        return bool(_CAMEL.fullmatch(value))
    return all(_WORDISH.fullmatch(part) for part in parts)


def _entropy_floor(value: str) -> float:
    """Bits per character that a random string of this length and alphabet clears ~99 % of the time."""
    bits = math.log2(len(value))
    return min(3.0, 0.7 * bits) if _HEX.fullmatch(value) else min(3.5, 0.8 * bits)


def entropy(value: str) -> float:
    """Shannon entropy in bits per character."""
    size = len(value)
    return -sum(count / size * math.log2(count / size) for count in Counter(value).values()) if size else 0.0


def _classes(value: str) -> int:
    """How many of lowercase, uppercase, digits and other characters the value uses."""
    return sum((
        any(c.islower() for c in value),
        any(c.isupper() for c in value),
        any(c.isdigit() for c in value),
        any(not c.isalnum() for c in value),
    ))
