"""Context the maintainers would give: where a blocking rule only advises.

- Test code (`[tool.ygs.review] test_paths`): MUST rules of the policy's `advise_in_tests` categories (TLS,
  deserialization, empty catches, debug: gates/policy.toml) advise there. Tests talk to local self-signed
  servers, pickle their own objects, swallow cleanup errors.
- An empty catch whose catch line or body carries an explanatory comment (words, not only `# noqa` or
  `pass`): MUST rules of the `advise_when_explained` categories advise. Semgrep does not see comments, so the
  finding's source lines are read here.

Advising is SHOULD, pass 2, and the finding's message says why. It is applied per raw finding right after the
policy lookup (the project's severity overrides included), so dedupe, the line filter's report, the foreign
suppressions and the verdict all see the same severity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import Callable

from ygs.globs import first_match
from ygs.review.languages import language_of
from ygs.review.model import RawFinding, Rule, Severity
from ygs.review.policy import Policy

IN_TESTS = "in test code"
EXPLAINED = "a comment explains the empty catch"
MAX_CATCH_LINES = 40  # an empty catch is short: read no more of a finding's span than this
ADVISORY_PASS = 2

_STRING = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`(?:[^`\\]|\\.)*`')
_HASH_COMMENT = re.compile(r"#([^\n]*)")
_SLASH_COMMENT = re.compile(r"//([^\n]*)|/\*([\s\S]*?)\*/")
_HASH_LANGUAGES = frozenset({"python", "ruby", "bash", "yaml", "toml"})
# Tool directives and filler: a comment made only of these explains nothing.
_DIRECTIVES = re.compile(
    r"""(?ix)
    noqa(?::?\s*[a-z]+\d+(?:\s*,\s*[a-z]+\d+)*)? | type:\s*ignore(?:\[[^\]]*\])? | pyright:\s*ignore(?:\[[^\]]*\])?
    | pylint:\s*disable(?:-next)?=[\w,-]+ | pragma:\s*no\s*(?:branch|cover) | nosec\b(?:[\s:]*b\d{3}(?:[\s,]+b\d{3})*)?
    | nosemgrep(?::\s*[\w.-]+(?:\s*,\s*[\w.-]+)*)? | eslint-disable(?:-next-line|-line)?(?:\s+[\w@/-]+(?:\s*,\s*[\w@/-]+)*)?
    | @ts-(?:ignore|expect-error|nocheck) | (?:istanbul|c8)\s+ignore(?:\s+(?:next|else|if|file|start|stop))?
    | prettier-ignore | nolint(?::[\w,]+)? | NOSONAR | lgtm(?:\[[^\]]*\])? | ygs:\s*ignore\[[^\]]*\]
    | \b(?:pass|todo|fixme|xxx|hack|noop|empty|ignore|ignored)\b
    """)
_WORD = re.compile(r"[^\W\d_]{2,}")
MIN_WORDS = 2


@dataclass(frozen=True)
class InContext(Policy):
    """The policy as the review's findings see it: `rule_for` lowers a MUST rule to advice where the context
    says the maintainers would not block on it; `note` says why."""

    test_paths: tuple[str, ...] = ()
    read_line: Callable[[str, int], str] = lambda path, line: ""  # new-side text of a line ("" if none)

    @classmethod
    def of(cls, rules: Policy, test_paths: tuple[str, ...], read_line: Callable[[str, int], str]) -> InContext:
        return cls(**{f.name: getattr(rules, f.name) for f in fields(Policy)}, test_paths=test_paths,
                   read_line=read_line)

    def rule_for(self, raw: RawFinding) -> Rule:
        rule = super().rule_for(raw)
        return replace(rule, severity=Severity.SHOULD, pass_=ADVISORY_PASS) if self._why(raw, rule) else rule

    def note(self, raw: RawFinding) -> str:
        """" (in test code: advises)" when raw was lowered to advice, else ""."""
        why = self._why(raw, super().rule_for(raw))
        return f" ({why}: advises)" if why else ""

    def _why(self, raw: RawFinding, rule: Rule) -> str:
        if rule.severity is not Severity.MUST or not raw.path:
            return ""
        if rule.category in self.advise_in_tests and first_match(raw.path, self.test_paths):
            return IN_TESTS
        if rule.category in self.advise_when_explained and self._explained(raw):
            return EXPLAINED
        return ""

    def _explained(self, raw: RawFinding) -> bool:
        last = min(raw.end_line or raw.line, raw.line + MAX_CATCH_LINES - 1)
        text = "\n".join(self.read_line(raw.path, n) for n in range(raw.line, last + 1))
        return any(explains(comment) for comment in comments(text, raw.path))


def comments(text: str, path: str) -> list[str]:
    """The comments in a piece of source (strings removed first), by the file's language."""
    code = _STRING.sub('""', text)
    if language_of(path) in _HASH_LANGUAGES:
        return [m.group(1) for m in _HASH_COMMENT.finditer(code)]
    return [m.group(1) if m.group(1) is not None else m.group(2) for m in _SLASH_COMMENT.finditer(code)]


def explains(comment: str) -> bool:
    """Words a person wrote, not only tool directives or filler (`# noqa`, `// eslint-disable-line`, `# pass`)."""
    return len(_WORD.findall(_DIRECTIVES.sub(" ", comment))) >= MIN_WORDS
