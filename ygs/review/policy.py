"""Rule policy: severity, pass, category, CWE and fix hint per rule id.

Lives in gates/policy.toml; a project overrides severities with `[tool.ygs.review.severity]`
(`rule-id = "SHOULD"`, or `"off"` to disable a rule).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from ygs.errors import YgsError
from ygs.review.model import RawFinding, Rule, Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

OFF = "off"


@dataclass(frozen=True)
class Policy:
    rules: dict[str, Rule]
    disabled: frozenset[str] = frozenset()
    overrides: dict[str, Severity] = field(default_factory=dict)  # the project's severities
    advise_in_tests: frozenset[str] = frozenset()  # categories whose MUST rules advise in test code
    advise_when_explained: frozenset[str] = frozenset()  # … on an empty catch a comment explains

    def rule_for(self, raw: RawFinding) -> Rule:
        """The policy entry for a finding; without one, the analyzer's fallbacks. Overrides win for severity."""
        rule = self.rules.get(raw.rule_id) or self._fallback(raw)
        override = self.overrides.get(raw.rule_id)
        return replace(rule, severity=override) if override else rule

    @staticmethod
    def _fallback(raw: RawFinding) -> Rule:
        severity = raw.severity or Severity.SHOULD
        return Rule(
            id=raw.rule_id,
            severity=severity,
            pass_=raw.pass_ or (1 if severity is Severity.MUST else 2),
            category=raw.category or "other",
            title=raw.rule_id,
            fix=raw.fix,
            cwe=raw.cwe,
        )

    def enabled(self, rule_id: str) -> bool:
        return rule_id not in self.disabled

    def note(self, raw: RawFinding) -> str:
        """Why raw's severity differs from its rule's ("" here; see ygs/review/context.py)."""
        return ""


def load(gates_dir: Path, overrides: dict[str, str] | None = None) -> Policy:
    path = gates_dir / "policy.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise YgsError(f"cannot load rule policy {path}: {exc}") from None
    rules = {rule_id: _rule(rule_id, entry, path) for rule_id, entry in data.get("rules", {}).items()}
    disabled, severities = set(), {}
    for rule_id, value in (overrides or {}).items():
        if value.lower() == OFF:
            disabled.add(rule_id)
        elif value in Severity.__members__:
            severities[rule_id] = Severity(value)
        else:
            raise YgsError(f"[tool.ygs.review.severity] {rule_id} = {value!r}: use MUST, SHOULD, MAY or off")
    return Policy(rules=rules, disabled=frozenset(disabled), overrides=severities,
                  advise_in_tests=_categories(data, "advise_in_tests", path),
                  advise_when_explained=_categories(data, "advise_when_explained", path))


def _categories(data: dict, key: str, path: Path) -> frozenset[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise YgsError(f"{path}: {key} must be a list of rule categories")
    return frozenset(value)


def _rule(rule_id: str, entry: dict, path: Path) -> Rule:
    try:
        return Rule(
            id=rule_id,
            severity=Severity(entry["severity"]),
            pass_=int(entry["pass"]),
            category=str(entry["category"]),
            title=str(entry.get("title", rule_id)),
            fix=str(entry.get("fix", "")),
            cwe=entry.get("cwe"),
            help=str(entry.get("help", "")),
        )
    except (KeyError, ValueError) as exc:
        raise YgsError(f"{path}: rule {rule_id}: missing or invalid {exc}") from None
