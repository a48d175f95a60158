"""The rule catalog of docs/rules.md, generated from gates/policy.toml and the semgrep rule files.

`ygs rules list --markdown` prints it; a test keeps the copy in docs/rules.md equal to it.
"""

from __future__ import annotations

from pathlib import Path

from ygs.review.analyzers.semgrep import rules_in
from ygs.review.model import Rule
from ygs.review.policy import Policy

LANGUAGES = {"python": "Python", "js": "JavaScript / TypeScript", "go": "Go", "java": "Java"}


def markdown(gates_dir: Path, rules: Policy) -> str:
    """One table per semgrep language directory, then bandit's tests with a policy entry."""
    sections = []
    for directory, title in LANGUAGES.items():
        kinds = semgrep_kinds(gates_dir / "rules" / directory)
        entries = _ordered([rules.rules[rule_id] for rule_id in kinds if rule_id in rules.rules])
        if entries:
            sections.append(_semgrep_table(title, entries, kinds))
    bandit = _ordered([r for r in rules.rules.values() if r.id.startswith("bandit-")])
    if bandit:
        sections.append(_bandit_table(bandit))
    return "\n".join(sections)


def semgrep_kinds(directory: Path) -> dict[str, str]:
    """Rule id -> taint or pattern, for every rule file in directory."""
    kinds: dict[str, str] = {}
    for path in sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")]):
        for rule in rules_in(path):
            kinds[str(rule.get("id", ""))] = "taint" if rule.get("mode") == "taint" else "pattern"
    return kinds


def _semgrep_table(title: str, entries: list[Rule], kinds: dict[str, str]) -> str:
    lines = [f"### {title} ({len(entries)} rules)", "",
             "| Rule | Sev. | Pass | CWE | Kind | What it catches | Safe form |", "|---|---|---|---|---|---|---|"]
    lines += [f"| `{r.id}` | {r.severity.value} | {r.pass_} | {r.cwe or '—'} | {kinds[r.id]} | "
              f"{_cell(r.help or r.title)} | {_cell(r.fix)} |" for r in entries]
    return "\n".join(lines) + "\n"


def _bandit_table(entries: list[Rule]) -> str:
    lines = [f"### Bandit ({len(entries)} tests with a policy entry)", "",
             "| Rule | Sev. | Pass | CWE | What it flags | Fix |", "|---|---|---|---|---|---|"]
    lines += [f"| `{r.id}` | {r.severity.value} | {r.pass_} | {r.cwe or '—'} | {_cell(r.title)} | {_cell(r.fix)} |"
              for r in entries]
    return "\n".join(lines) + "\n"


def _ordered(entries: list[Rule]) -> list[Rule]:
    """Blocking rules first, then by id."""
    return sorted(entries, key=lambda r: (-r.severity.rank, r.id))


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
