"""`ygs rules`: the review gate's rule catalog, and the fixture tests that keep the rules honest."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ygs.errors import YgsError
from ygs.resources import data_dir
from ygs.review import analyzers, catalog, policy, ruletest
from ygs.review.model import Rule

_GATES_DIR = click.option(
    "--gates-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Use this gates directory (policy.toml, rules/, tests/) instead of the bundled one.",
)
_JSON = click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")


@click.group()
def rules() -> None:
    """The review gate's rules: list them, test them against their fixtures."""


@rules.command("test")
@_JSON
@_GATES_DIR
@click.argument("rule_ids_wanted", metavar="[RULE_ID]...", nargs=-1)
def test(as_json: bool, gates_dir: Path | None, rule_ids_wanted: tuple[str, ...]) -> None:
    """Run every analyzer over gates/tests/ and check each rule against its fixtures.

    A `ruleid:` line must be reported, an `ok:` line must not; every rule needs a positive and a
    negative fixture and a policy entry. With RULE_IDs, only those rules are reported.

    \b
    Exit codes: 0 all rules pass, 1 a rule failed, 2 error (an analyzer could not run).
    """
    result = ruletest.run(gates_dir or data_dir("gates"), only=rule_ids_wanted)
    if as_json:
        click.echo(json.dumps(result.to_json(), indent=2))
    else:
        _echo_test(result)
    if result.errors and not as_json:
        raise YgsError("; ".join(result.errors))
    click.get_current_context().exit(result.exit_code)


def _echo_test(result: ruletest.RuleTestRun) -> None:
    for note in result.notes:
        click.echo(f"note: {note}")
    for report in result.failed:
        click.echo(f"FAIL {report.rule_id}" + (f" ({report.analyzer})" if report.analyzer else ""))
        for failure in report.failures:
            where = failure.fixture if failure.line is None else f"{failure.fixture}:{failure.line}"
            click.echo(f"  {where}: {failure.message}")
        for problem in report.problems:
            click.echo(f"  {problem}")
    click.echo(result.summary_line())


@rules.command("list")
@_JSON
@click.option("--markdown", is_flag=True, help="The catalog tables of docs/rules.md (semgrep rules per language, "
              "bandit tests), generated from policy.toml and the rule files.")
@_GATES_DIR
def list_rules(as_json: bool, markdown: bool, gates_dir: Path | None) -> None:
    """Every rule in the policy: severity, pass, category, CWE, title, and which analyzer emits it."""
    gates = gates_dir or data_dir("gates")
    loaded = policy.load(gates)
    if markdown:
        click.echo(catalog.markdown(gates, loaded), nl=False)
        return
    semgrep_ids = ruletest.semgrep_rule_ids(gates)
    rows = [_row(rule, ruletest.analyzer_of(rule.id, semgrep_ids)) for rule in loaded.rules.values()]
    order = list(analyzers.MODULES)
    rows.sort(key=lambda row: (order.index(row["analyzer"]) if row["analyzer"] in order else len(order), row["id"]))
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        click.echo(f"{row['id']:<44} {row['severity']:<6} pass {row['pass']}  {row['category']:<15} "
                   f"{row['cwe'] or '-':<9} {row['analyzer'] or '-':<9} {row['title']}")


def _row(rule: Rule, analyzer: str) -> dict[str, Any]:
    return {
        "id": rule.id,
        "severity": rule.severity.value,
        "pass": rule.pass_,
        "category": rule.category,
        "cwe": rule.cwe,
        "title": rule.title,
        "analyzer": analyzer,
    }
