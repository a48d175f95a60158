"""Where the review's policy comes from: the trusted side, never the change under review.

A change that edits ygs's config must not be judged by that config. The effective policy is read from the
base commit when a commit is reviewed, and from HEAD for `--staged` / `--worktree` (defaults in a repository
without commits). The change's own policy is parsed too (its errors stop the review) and compared with the
trusted one key by key: every difference is a `gate-policy-changed` finding, MUST when it loosens the gate,
MAY when it only tightens it. A `.gitattributes` line the change adds that hides files from diffs (binary,
-diff, diff=…, -text, filter=…) is one too.

`--policy head` is the maintainers' visible override: the head's policy is used, the run says so in every
output, and the differences are still listed, as MAY.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable

from ygs import config as cfg
from ygs import diff, git
from ygs.config import Config
from ygs.errors import YgsError
from ygs.resources import data_dir
from ygs.review import analyzers, policy
from ygs.review.findings import redact
from ygs.review.model import FAIL_LEVELS, FILTERS, Finding, Severity, fingerprint

RULE = "gate-policy-changed"
BASE, HEAD = "base", "head"
MODES = (BASE, HEAD)
TABLES = ("review", "llm", "code", "sizing")  # the config tables that change what is scanned or what blocks


def _lower(before: Any, after: Any) -> bool:
    return after < before


def _higher(before: Any, after: Any) -> bool:
    return after > before


def _adds(before: tuple, after: tuple) -> bool:
    return bool(set(after) - set(before))


def _removes(before: tuple, after: tuple) -> bool:
    return bool(set(before) - set(after))


def _never(before: Any, after: Any) -> bool:
    return False


def _down(order: tuple) -> Callable[[Any, Any], bool]:
    """Loosens when the new value sits left of the old one in order (strictest last)."""
    return lambda before, after: order.index(after) < order.index(before)


def _any(before: Any, after: Any) -> bool:
    return True


# How a new value loosens the gate, per key. A key not listed here loosens it on any change.
LOOSENS: dict[str, Callable[[Any, Any], bool]] = {
    "review.fail_level": _down(("never", "MUST", "SHOULD", "MAY")),  # MAY blocks on the most
    "review.filter": _down(FILTERS),  # added lines < hunks < whole files < everything
    "review.skip": _adds,  # more paths not reviewed
    "review.exclude": _adds,
    "review.analyzers": _removes,  # fewer analyzers
    "review.max_file_lines": _lower,  # more files skipped as too large
    "review.large_binary_kb": _any,  # bounds both what is flagged as large and what is read
    "review.analyzer_timeout_s": _never,  # a shorter deadline fails closed (verdict error), a longer one waits
    # a smaller semgrep budget fails closed (the file semgrep gives up on is not reviewed: blocks), a larger one waits
    **{f"review.semgrep_{key}": _never for key in ("timeout_s", "timeout_threshold", "retry_timeout_s")},
    "review.test_paths": _adds,  # more paths where TLS, deserialization, … only advise and helpers are not followed
    "review.honour_foreign_suppressions": _higher,  # false -> true: `# nosec` / `# nosemgrep` silence findings
    "llm.enabled": _down((False, None, True)),  # off < on when ANTHROPIC_API_KEY is set < always
    "llm.required": _lower,  # true -> false: a failed LLM pass no longer blocks
    "llm.model": _any,
    "llm.max_input_tokens": _lower,  # less of the diff is read
    "llm.max_output_tokens": _lower,
    "llm.max_calls": _lower,
    "llm.timeout_s": _lower,  # more calls give up
    "llm.max_attempts": _lower,
    "llm.breaker_failures": _lower,
    "llm.context_lines": _lower,
    "llm.base_delay_s": _lower,  # retries spent faster against rate limits
    "llm.max_delay_s": _lower,
    "code.max_function_lines": _higher,  # longer functions pass
    "code.max_function_growth": _higher,  # long functions grow further unreported
    "code.max_function_concepts": _higher,
    **{f"sizing.{key}": _higher for key in ("s_max_files", "s_max_lines", "m_max_files", "m_max_lines",
                                             "l_max_files", "l_max_lines", "deleted_lines_per_line")},  # bigger changes pass as smaller
}
SEVERITY_ORDER = ("off", "MAY", "SHOULD", "MUST")  # a rule's severity override: lower loosens

# .gitattributes attributes that make git (and GitHub) treat files as binary or hide their diff.
_HIDING = re.compile(r"^(?:binary|[-!](?:diff|text)|(?:diff|filter)=.*)$")


@dataclass(frozen=True)
class Side:
    """One side's policy: the config, the texts it came from, and how to name it."""

    config: Config
    texts: dict[str, str]  # config file name -> text
    rev: str | None  # commit sha, "" = the index, None = the work tree (or defaults)
    source: str  # "base <sha>", "HEAD <sha>", "defaults", "head <sha>", "index", "work tree"
    files: tuple[str, ...] = ()  # the config files that set something, in merge order


@dataclass(frozen=True)
class Change:
    """One difference between the trusted policy and the change's own."""

    key: str  # "review.fail_level", "review.severity.<rule>", ".gitattributes"
    before: Any
    after: Any
    loosens: bool
    path: str
    line: int
    text: str  # 'review.fail_level: "MUST" → "never" (loosens the gate)'
    snippet: str = ""  # the changed line

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "before": self.before, "after": self.after, "path": self.path, "line": self.line,
                "effect": "loosens" if self.loosens else "tightens"}


@dataclass(frozen=True)
class Resolved:
    """The effective policy, where it came from, and what the change would do to it."""

    mode: str  # base | head | given
    trusted: Side
    head: Side
    changes: tuple[Change, ...] = ()

    @property
    def effective(self) -> Side:
        return self.head if self.mode == HEAD else self.trusted

    @property
    def config(self) -> Config:
        return self.effective.config

    @property
    def source(self) -> str:
        return f"{self.head.source} (--policy head)" if self.mode == HEAD else self.trusted.source

    def notices(self) -> list[str]:
        if self.mode != HEAD:
            return []
        return [f"policy taken from the change under review (--policy head: {self.head.source}), "
                f"not from the trusted side ({self.trusted.source})"]

    def findings(self, rules: policy.Policy, secrets: list[str]) -> list[Finding]:
        """One `gate-policy-changed` finding per change: MUST when it loosens the policy in effect. They count
        whatever the line filter and cannot be suppressed: a change must not silence the report on itself."""
        rule = rules.rules.get(RULE)
        suffix = " — accepted by --policy head" if self.mode == HEAD else ""
        out = []
        for index, change in enumerate(self.changes):
            severity = Severity.MUST if change.loosens and self.mode != HEAD else Severity.MAY
            out.append(Finding(
                rule_id=RULE, severity=severity, pass_=1 if severity is Severity.MUST else 2,
                category=rule.category if rule else "review", cwe=None, path=change.path, line=change.line,
                end_line=change.line, message=redact(f"policy change: {change.text}{suffix}", secrets),
                fix=rule.fix if rule else "", sources=("ygs",),
                fingerprint=fingerprint(RULE, change.path, change.text, index), rule_ids=(RULE,),
                snippet=redact(change.snippet, secrets)[:200]))
        return out

    def adding(self, changes: list[Change]) -> Resolved:
        """These changes too (the .gitattributes lines, known once the change set is read)."""
        return replace(self, changes=(*self.changes, *changes))

    def evidence(self) -> dict[str, Any]:
        data = cfg.to_dict(self.config)
        return {
            "mode": self.mode,
            "source": self.source,
            "sha": self.effective.rev or "",
            "files": list(self.effective.files),
            "trusted": self.trusted.source,
            "effective": {table: data[table] for table in TABLES},
            "changes": [c.to_json() for c in self.changes],
        }


def resolve(root: Path, base_sha: str, head_mode: str, mode: str) -> Resolved:
    """The trusted and the head policy of a review from base_sha to head_mode (a sha, diff.INDEX or
    diff.WORKTREE), and their differences; mode picks the effective one."""
    if mode not in MODES:
        raise YgsError(f"invalid policy {mode!r}; valid: {', '.join(MODES)}")
    trusted = _trusted(root, base_sha, head_mode)
    head = _head(root, head_mode)
    _validate(trusted)
    _validate(head)
    return Resolved(mode, trusted, head, tuple(_differences(trusted, head)))


def given(config: Config) -> Resolved:
    """A config handed in by the caller (ygs ship, tests): used as is, recorded as such."""
    side = Side(config, {}, None, "given by the caller", config.sources)
    return Resolved("given", side, side)


def _trusted(root: Path, base_sha: str, head_mode: str) -> Side:
    if head_mode in (diff.INDEX, diff.WORKTREE):
        sha, label = git.head_or_none(root) or "", "HEAD"
    else:
        sha, label = base_sha, "base"
    if not sha or sha == git.EMPTY_TREE:
        return Side(cfg.Config(root=root), {}, None, "defaults (no commits yet)")
    return _side(root, sha, f"{label} {sha[:12]}")


def _head(root: Path, head_mode: str) -> Side:
    if head_mode == diff.WORKTREE:
        return _side(root, None, "work tree")
    if head_mode == diff.INDEX:
        return _side(root, "", "index")
    return _side(root, head_mode, f"head {head_mode[:12]}")


def _side(root: Path, rev: str | None, source: str) -> Side:
    texts = cfg.texts_at(root, rev)
    files = tuple(name for name, _ in cfg.tables(root, texts, rev))
    return Side(cfg.from_texts(root, texts, rev), texts, rev, source, files)


def _validate(side: Side) -> None:
    """What the config parser cannot know: the choices the review gate accepts."""
    review = side.config.review
    where = " + ".join(side.config.sources) or side.source
    for key, value, choices in (("fail_level", review.fail_level, FAIL_LEVELS), ("filter", review.filter, FILTERS),
                                *(("analyzers", name, tuple(analyzers.MODULES)) for name in review.analyzers)):
        if value not in choices:
            raise YgsError(f"{where}: [tool.ygs.review] {key}: invalid value {value!r}; valid: {', '.join(choices)}")
    empty = [i for i, glob in enumerate(review.test_paths) if not glob.strip()]
    if empty:
        raise YgsError(f"{where}: [tool.ygs.review] test_paths[{empty[0]}]: an empty glob matches nothing")
    try:
        policy.load(data_dir("gates"), review.severity)
    except YgsError as exc:
        raise YgsError(f"{where}: {exc.message}") from None


def _differences(trusted: Side, head: Side) -> list[Change]:
    before, after = _flat(trusted.config), _flat(head.config)
    out = []
    for key in before:
        if before[key] != after[key]:
            loosens = LOOSENS.get(key, _any)(before[key], after[key])
            out.append(_change(key, before[key], after[key], loosens, trusted, head))
    defaults = {rule_id: rule.severity.value for rule_id, rule in policy.load(data_dir("gates")).rules.items()}
    old, new = trusted.config.review.severity, head.config.review.severity
    for rule_id in sorted(set(old) | set(new)):
        b, a = _severity(old.get(rule_id)), _severity(new.get(rule_id))
        if b != a:
            loosens = _severity_loosens(b or defaults.get(rule_id), a or defaults.get(rule_id))
            out.append(_change(f"review.severity.{rule_id}", b, a, loosens, trusted, head,
                               default=defaults.get(rule_id)))
    return out


def _flat(config: Config) -> dict[str, Any]:
    data = cfg.to_dict(config)
    return {f"{table}.{key}": value for table in TABLES for key, value in data[table].items() if key != "severity"}


def _severity(value: str | None) -> str | None:
    return policy.OFF if value is not None and value.lower() == policy.OFF else value


def _severity_loosens(before: str | None, after: str | None) -> bool:
    if before not in SEVERITY_ORDER or after not in SEVERITY_ORDER:  # a rule without a known default
        return after != Severity.MUST.value
    return SEVERITY_ORDER.index(after) < SEVERITY_ORDER.index(before)


def _change(key: str, before: Any, after: Any, loosens: bool, trusted: Side, head: Side,
            default: str | None = None) -> Change:
    path = _file_for(key, head) or _file_for(key, trusted) or cfg.FILES[0]
    text = head.texts.get(path, "")
    line = _line_of(text, path, key)
    effect = "loosens the gate" if loosens else "tightens the gate"
    what = f"{key}: {_show(before, default)} → {_show(after, default)} ({effect})"
    return Change(key, before, after, loosens, path, line, what, _nth_line(text, line))


def _nth_line(text: str, number: int) -> str:
    lines = text.split("\n")
    return lines[number - 1].strip() if 0 < number <= len(lines) else ""


def _show(value: Any, default: str | None) -> str:
    if value is None and default is not None:
        return f"{json.dumps(default)} (default)"
    return "unset" if value is None else json.dumps(value, ensure_ascii=False)


def _file_for(key: str, side: Side) -> str | None:
    """The config file of side that sets key (the later file wins, as when merging)."""
    root = side.config.root or Path(".")
    parts = key.split(".", 2) if key.startswith("review.severity.") else key.split(".")
    for name, table in reversed(cfg.tables(root, side.texts, side.rev)):
        node: Any = table
        for part in parts:
            node = node.get(part) if isinstance(node, dict) else None
        if node is not None:
            return name
    return None


_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]")
_KEY = r"(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')"  # a bare or quoted TOML key
_ASSIGN = re.compile(rf"^\s*({_KEY}(?:\s*\.\s*{_KEY})*)\s*=")


def _line_of(text: str, name: str, key: str) -> int:
    """The line of text (a config file) that sets key, else the header of its closest table, else 1."""
    prefix = ("tool", "ygs") if name == "pyproject.toml" else ()
    parts = key.split(".", 2) if key.startswith("review.severity.") else key.split(".")
    wanted = (*prefix, *parts)
    table: tuple[str, ...] = ()
    best, best_depth = 1, 0
    for number, line in enumerate(text.split("\n"), 1):
        header = _HEADER.match(line)
        if header and not line.lstrip().startswith("[["):
            table = _key_parts(header.group(1))
            if wanted[: len(table)] == table and len(table) > best_depth:
                best, best_depth = number, len(table)
            continue
        assign = _ASSIGN.match(line)
        if assign:
            keys = (*table, *_key_parts(assign.group(1)))
            if len(keys) > len(prefix) and wanted[: len(keys)] == keys:
                return number
    return best


def _key_parts(text: str) -> tuple[str, ...]:
    parts = re.findall(r"\"([^\"]*)\"|'([^']*)'|([A-Za-z0-9_-]+)", text)
    return tuple(next(p for p in groups if p) if any(groups) else "" for groups in parts)


def attribute_changes(changeset: diff.ChangeSet) -> list[Change]:
    """Lines the change adds to any .gitattributes that mark paths binary / not diffable. Read from both
    sides' content, not from the diff's hunks: `* -diff` hides the .gitattributes diff itself."""
    out = []
    for change in changeset.files:
        if Path(change.path).name != ".gitattributes" or change.status == "deleted" or change.kind != "file":
            continue
        lines = _new_text(changeset, change).split("\n")
        old = git.show_files(changeset.root, changeset.base, (change.old_path or change.path,))
        before = {line.strip() for line in b"".join(old.values()).decode("utf-8", "replace").split("\n")}
        macros = _hiding_macros(lines)
        for number, line in enumerate(lines, 1):
            fields = line.split()
            if line.strip() in before or not fields or fields[0].startswith("#"):
                continue
            hiding = [a for a in fields[1:] if _HIDING.match(a) or a in macros]
            if hiding:
                text = (f"{change.path}: {line.strip()!r} marks {fields[0]} as {' '.join(hiding)}: git and GitHub "
                        f"then show those files as binary or hide their diff")
                out.append(Change(".gitattributes", None, line.strip(), True, change.path, number, text, line.strip()))
    return out


def _hiding_macros(lines: list[str]) -> set[str]:
    """`[attr]name …` macros that expand to a hiding attribute."""
    out = set()
    for line in lines:
        fields = line.split()
        if fields and fields[0].startswith("[attr]") and any(_HIDING.match(a) for a in fields[1:]):
            out.add(fields[0][len("[attr]"):])
    return out


def _new_text(changeset: diff.ChangeSet, change: diff.FileChange) -> str:
    if change.new_blob and change.new_blob.strip("0"):
        data = git.run("cat-file", "blob", change.new_blob, cwd=changeset.root).stdout
    else:
        data = (changeset.root / change.path).read_bytes()
    return data.decode("utf-8", "replace")
