"""The decision ledger: `.ygs/state/ledger.jsonl`, append-only and tamper-evident.

One JSON object per line. `append` adds to every record:

    run_id   the decision's id (kept when the caller gives one)
    time     UTC, ISO 8601 (`2026-12-03T08:15:02Z`)
    actor    `agent` (an agent hook, or an agent's environment: AGENT_ENV), `ci` (CI, GITHUB_ACTIONS), `human`
    prev     SHA-256 of the previous record's line (its exact bytes, without the newline); GENESIS for the first
    hash     SHA-256 of this record's own content (canonical JSON of every field but `hash`)

Editing a record breaks its `hash`; deleting, inserting or reordering records breaks the next `prev`.
`verify` names the first record where either does not match. A record is written with one `os.write`
on an O_APPEND descriptor, under an inter-process lock (`ledger.lock`, never the state lock), so
concurrent ygs processes never interleave or fork the chain.

A torn last line (a write cut short: no newline) is skipped by `entries` and reported once on stderr.
The next `append` ends it with a newline first, so it never merges with the new record, and the new
record seals it (`sealed`: its line number and SHA-256); the chain skips a sealed line.

Reading imports only the standard library: the agent hooks read the ledger on every edit.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from ygs.errors import YgsError
from ygs.guard import state

LEDGER_FILE = "ledger.jsonl"
LOCK_FILE = "ledger.lock"
LOCK_TIMEOUT_S = 30.0
GENESIS = "0" * 64
OWN_FIELDS = ("time", "actor", "prev", "hash", "sealed")  # set by `append`, never by the caller

# Variables an agent sets in the processes it runs (documented in docs/ledger.md). Exact names, not
# prefixes: a human's shell may well export CLAUDE_CODE_USE_BEDROCK, CODEX_HOME or CURSOR_TRACE_ID.
AGENT_ENV = {
    "CLAUDECODE": "Claude Code",
    "CLAUDE_CODE_ENTRYPOINT": "Claude Code",
    "CODEX_SANDBOX": "Codex CLI",
    "CODEX_SANDBOX_NETWORK_DISABLED": "Codex CLI",
    "CODEX_THREAD_ID": "Codex CLI",
    "CURSOR_AGENT": "Cursor",
    "GEMINI_CLI": "Gemini CLI",
}
CI_ENV = ("CI", "GITHUB_ACTIONS")

_actor_override: str | None = None
_reported: set[tuple[str, int]] = set()  # torn lines already reported by this process


def path(root: Path) -> Path:
    return state.state_dir(root) / LEDGER_FILE


# --- who is acting ---------------------------------------------------------------------------------


@contextmanager
def acting_as(who: str) -> Iterator[None]:
    """Records written inside are `who`'s, whatever the environment says (the agent hooks use "agent")."""
    global _actor_override
    before, _actor_override = _actor_override, who
    try:
        yield
    finally:
        _actor_override = before


def actor(environ: dict[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    if _actor_override:
        return _actor_override
    if any(env.get(name) for name in AGENT_ENV):
        return "agent"
    if any(env.get(name, "").lower() not in ("", "0", "false", "no") for name in CI_ENV):
        return "ci"
    return "human"


# --- writing ---------------------------------------------------------------------------------------


def append(root: Path, entry: dict[str, Any]) -> dict[str, Any]:
    """Append one record (chained to the last one) and return it as written."""
    from filelock import FileLock, Timeout  # only writers pay for it; the hooks mostly read

    directory = state.ensure_state_dir(root)
    try:
        with FileLock(str(directory / LOCK_FILE), timeout=LOCK_TIMEOUT_S):
            return _append_locked(directory / LEDGER_FILE, entry)
    except Timeout:
        raise YgsError(f"the ledger is locked by another ygs process ({directory / LOCK_FILE}) "
                       f"for more than {LOCK_TIMEOUT_S:.0f}s; try again") from None


def record(root: Path, entry: dict[str, Any]) -> dict[str, Any] | None:
    """Append a gate's decision without letting the ledger change the gate's answer: where ygs cannot
    write its state (a read-only checkout) nothing is recorded, silently; any other failure is one
    warning line on stderr. Returns the record, or None when none was written."""
    if not _writable(root):
        return None
    try:
        return append(root, entry)
    except (OSError, YgsError) as exc:
        reason = exc.message if isinstance(exc, YgsError) else f"{type(exc).__name__}: {exc}"
        print(f"ygs: warning: this {entry.get('event', 'decision')} was not recorded in the ledger ({reason})",
              file=sys.stderr)
        return None


def _writable(root: Path) -> bool:
    """Whether ygs may keep state here: the nearest existing of .ygs/state, .ygs, the root is writable."""
    for candidate in (state.state_dir(root), root / ".ygs", root):
        if candidate.exists():
            return candidate.is_dir() and os.access(candidate, os.W_OK | os.X_OK)
    return False


def _append_locked(file: Path, entry: dict[str, Any]) -> dict[str, Any]:
    fd = os.open(file, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        lines = _split(_read_fd(fd))
        torn = lines[-1] if lines and not lines[-1].endswith(b"\n") else None
        new = {"time": state.now(), "actor": actor(), **{k: v for k, v in entry.items() if k not in OWN_FIELDS}}
        new["run_id"] = new.get("run_id") or state.new_key()
        if torn is not None:
            new["sealed"] = {"line": len(lines), "sha256": _sha(torn)}
        last = _last_record(lines)
        new["prev"] = GENESIS if last is None else _sha(last)
        new["hash"] = content_hash(new)
        data = (b"\n" if torn is not None else b"") + _encode(new) + b"\n"
        if os.write(fd, data) != len(data):  # a short write is torn: the next append seals it
            raise OSError(f"short write to {file}")
        return new
    finally:
        os.close(fd)


def _last_record(lines: list[bytes]) -> bytes | None:
    """The line the next record chains to: the last complete line that is not sealed."""
    complete = [line for line in lines if line.endswith(b"\n")]
    sealed = _sealed_lines(lines)
    for number in range(len(complete), 0, -1):
        if number not in sealed:
            return complete[number - 1]
    return None


def _encode(record: dict[str, Any]) -> bytes:
    """One line of UTF-8; a path that is not valid UTF-8 (a surrogate escape) falls back to \\u escapes."""
    try:
        return json.dumps(record, ensure_ascii=False, default=str).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(record, default=str).encode("ascii")


def content_hash(record: dict[str, Any]) -> str:
    """SHA-256 of every field but `hash`, as canonical JSON: sorted keys, no spaces, non-ASCII as \\u escapes."""
    body = {k: v for k, v in record.items() if k != "hash"}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def _sha(line: bytes) -> str:
    return hashlib.sha256(line[:-1] if line.endswith(b"\n") else line).hexdigest()


# --- reading ---------------------------------------------------------------------------------------


def _read_fd(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def _read(root: Path) -> bytes:
    """The ledger's bytes; b"" when there is none. Unreadable: YgsError (exit 2)."""
    try:
        return path(root).read_bytes()
    except FileNotFoundError:
        return b""
    except OSError as exc:
        raise YgsError(f"cannot read the ledger {path(root)}: {exc.strerror or exc}") from None


def _split(data: bytes) -> list[bytes]:
    """Lines with their newline (only b"\\n" ends a line); the last one lacks it when torn."""
    lines = [line + b"\n" for line in data.split(b"\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def _parse(line: bytes) -> dict[str, Any] | None:
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _sealed_lines(lines: list[bytes]) -> set[int]:
    """Line numbers (1-based) a later record sealed as torn, when the seal matches the line's bytes."""
    sealed = set()
    for number, line in enumerate(lines, 1):
        if b'"sealed"' not in line:
            continue
        seal = (_parse(line) or {}).get("sealed")
        if isinstance(seal, dict) and seal.get("line") == number - 1 and number >= 2 \
                and seal.get("sha256") == _sha(lines[number - 2]):
            sealed.add(number - 1)
    return sealed


def entries(root: Path) -> Iterator[dict[str, Any]]:
    """Every record, oldest first. Torn, sealed and foreign lines are skipped, never fatal;
    a torn last line is reported once on stderr."""
    lines = _split(_read(root))
    sealed = _sealed_lines(lines)
    for number, line in enumerate(lines, 1):
        if not line.endswith(b"\n"):
            _report_torn(root, number)
            continue
        record = None if number in sealed else _parse(line)
        if record is not None:
            yield record


def _report_torn(root: Path, number: int) -> None:
    key = (str(path(root)), number)
    if key in _reported:
        return
    _reported.add(key)
    print(f"ygs: warning: {path(root)} line {number} is torn (an interrupted write): skipped; "
          "the next record seals it", file=sys.stderr)


# --- verifying -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """The first record whose content or chain does not match."""

    line: int
    run_id: str | None
    reason: str

    def describe(self) -> str:
        run = f" (run {self.run_id})" if self.run_id else ""
        return f"line {self.line}{run}: {self.reason}"


@dataclass(frozen=True)
class Verification:
    records: int
    head: str  # the SHA-256 the next record will chain to (GENESIS for an empty ledger)
    problem: Problem | None = None
    sealed: int = 0  # torn lines sealed by the record after them
    torn_tail: bool = False  # the last line is torn and not sealed yet (the next append seals it)
    legacy: int = 0  # leading records an older ygs wrote, before the chain began (not chained)

    @property
    def intact(self) -> bool:
        return self.problem is None


def verify(root: Path) -> Problem | None:
    """The first record whose content or chain does not match, or None when the ledger is intact."""
    return inspect(root).problem


def inspect(root: Path) -> Verification:
    """Walk the chain from the genesis: every record must hash to its `hash` and chain to the one before.
    Records an older ygs wrote (no `prev`, no `hash`) are accepted only before the first chained one."""
    lines = _split(_read(root))
    sealed = _sealed_lines(lines)
    expected, records, legacy = GENESIS, 0, 0
    for number, line in enumerate(lines, 1):
        if not line.endswith(b"\n"):
            return Verification(records, expected, None, len(sealed), True, legacy)
        if number in sealed:
            continue
        if records == legacy and _is_legacy(line):
            expected, records, legacy = _sha(line), records + 1, legacy + 1
            continue
        problem = _check(number, line, expected)
        if problem is not None:
            return Verification(records, expected, problem, len(sealed), False, legacy)
        expected, records = _sha(line), records + 1
    return Verification(records, expected, None, len(sealed), False, legacy)


def _is_legacy(line: bytes) -> bool:
    record = _parse(line)
    return record is not None and "prev" not in record and "hash" not in record


def _check(number: int, line: bytes, expected_prev: str) -> Problem | None:
    record = _parse(line)
    if record is None:
        return Problem(number, None, "content does not parse as a JSON object")
    run_id = record.get("run_id") if isinstance(record.get("run_id"), str) else None
    if "hash" not in record or "prev" not in record:
        return Problem(number, run_id, "not chained (no prev/hash) after chained records: written by hand")
    if record["hash"] != content_hash(record):
        return Problem(number, run_id, "content does not match its hash (the record was edited)")
    if record["prev"] != expected_prev:
        return Problem(number, run_id, "chain broken: prev does not match the record before it "
                                       "(a record was removed, inserted or edited before this one)")
    return None
