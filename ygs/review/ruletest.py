"""Rule fixtures (gates/tests/) -> every analyzer -> did each rule fire where it should, and only there.

Fixture format: docs/dev/contracts.md ("Rule fixtures"). Every fixture file is materialized into a scan tree
whose change set adds every line, and every registered analyzer runs once over all of them (one semgrep
process, not one per rule). Fixtures under `files/<rule-id>/{bad,good}/` are judged at their path relative to
`bad/` or `good/`; when two of them claim the same path they go into separate trees ("layers").

Checks, per rule id (policy entries, semgrep rule ids and annotated ids together):
- every `ruleid:` line produces the rule, no `ok:` line does; every `bad/` file produces it, no `good/` file;
- the rule has a policy entry, and at least one positive and one negative fixture unless its policy entry
  has `scope = "changeset"` (judged on a whole change set: covered by pytest instead);
- some analyzer reported the rule somewhere (a rule nothing ever emits is dead).
"""

from __future__ import annotations

import dataclasses
import importlib
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from ygs import diff, git
from ygs.config import Config
from ygs.errors import EXIT_ERROR, EXIT_FAIL, EXIT_OK, YgsError
from ygs.review import analyzers, policy
from ygs.review.analyzers.semgrep import rule_ids
from ygs.review.analyzers.tool import ToolError
from ygs.review.model import AnalyzerResult, RawFinding, ScanContext

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FILES_DIR = "files"
CHANGESET_SCOPE = "changeset"
_RULE_ID = re.compile(r"^[a-z0-9]+(-[a-zA-Z0-9]+)*$")  # bandit ids keep bandit's test id: bandit-B608
_ANNOTATION = re.compile(r"^\s*(?:#|//|--|/\*|<!--)\s*(ruleid|ok):\s*(.*?)\s*(?:\*/|-->)?\s*$")


@dataclass(frozen=True)
class Expectation:
    rule_id: str
    positive: bool  # True: must be reported (ruleid:, bad/); False: must not (ok:, good/)
    line: int | None  # None: anywhere in the file


@dataclass(frozen=True)
class Fixture:
    source: str  # path under gates/tests, for messages
    tree_path: str  # the path the analyzers see
    data: bytes
    executable: bool
    expectations: tuple[Expectation, ...]


@dataclass(frozen=True)
class Failure:
    fixture: str
    line: int | None
    positive: bool
    message: str

    def to_json(self) -> dict[str, Any]:
        kind = "positive" if self.positive else "negative"
        return {"fixture": self.fixture, "line": self.line, "kind": kind, "message": self.message}


@dataclass
class RuleReport:
    rule_id: str
    analyzer: str = ""
    changeset_scope: bool = False
    positives_passed: int = 0
    negatives_passed: int = 0
    failures: list[Failure] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # missing fixtures / policy entry, never reported

    @property
    def positives_failed(self) -> int:
        return sum(f.positive for f in self.failures)

    @property
    def negatives_failed(self) -> int:
        return sum(not f.positive for f in self.failures)

    @property
    def ok(self) -> bool:
        return not self.failures and not self.problems

    def to_json(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "analyzer": self.analyzer,
            "ok": self.ok,
            "positives": {"passed": self.positives_passed, "failed": self.positives_failed},
            "negatives": {"passed": self.negatives_passed, "failed": self.negatives_failed},
            "failures": [f.to_json() for f in self.failures],
            "problems": list(self.problems),
        }


@dataclass
class RuleTestRun:
    rules: dict[str, RuleReport]
    analyzers: list[AnalyzerResult]
    errors: list[str] = field(default_factory=list)  # analyzers that failed: their rules were not really tested
    notes: list[str] = field(default_factory=list)  # skipped analyzers, fixture files an analyzer could not parse
    duration_s: float = 0.0

    @property
    def failed(self) -> list[RuleReport]:
        return [report for report in self.rules.values() if not report.ok]

    @property
    def exit_code(self) -> int:
        return EXIT_ERROR if self.errors else EXIT_FAIL if self.failed else EXIT_OK

    def summary(self) -> dict[str, Any]:
        reports = list(self.rules.values())
        return {
            "rules": len(reports),
            "passed": sum(r.ok for r in reports),
            "failed": len(self.failed),
            "positives": {"passed": sum(r.positives_passed for r in reports),
                          "total": sum(r.positives_passed + r.positives_failed for r in reports)},
            "negatives": {"passed": sum(r.negatives_passed for r in reports),
                          "total": sum(r.negatives_passed + r.negatives_failed for r in reports)},
            "with_problems": sum(bool(r.problems) for r in reports),
            "duration_s": round(self.duration_s, 2),
        }

    def summary_line(self) -> str:
        s = self.summary()
        return (
            f"{s['rules']} rules: {s['passed']} passed, {s['failed']} failed; "
            f"positives {s['positives']['passed']}/{s['positives']['total']}, "
            f"negatives {s['negatives']['passed']}/{s['negatives']['total']}; "
            f"{s['with_problems']} with missing fixtures or other problems ({s['duration_s']:.1f} s)"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.exit_code == EXIT_OK,
            "summary": self.summary(),
            "errors": list(self.errors),
            "notes": list(self.notes),
            "analyzers": [{"name": r.name, **r.evidence()} for r in self.analyzers],
            "rules": [report.to_json() for report in self.rules.values()],
        }


# --- discovery ----------------------------------------------------------------------------------------------


def discover(tests_dir: Path) -> list[Fixture]:
    """Every fixture file under tests_dir: inline-annotated files, then files/<rule-id>/{bad,good}/…"""
    if not tests_dir.is_dir():
        raise YgsError(f"rule fixtures directory not found: {tests_dir}")
    files_root = tests_dir / FILES_DIR
    fixtures = []
    for path in sorted(p for p in tests_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(tests_dir)
        if rel.parts[0] == FILES_DIR:
            fixtures.extend(_file_fixture(path, files_root))
        else:
            expectations = _annotations(path.read_bytes(), rel.as_posix())
            fixtures.append(_fixture(path, rel.as_posix(), rel.as_posix(), expectations))
    return fixtures


def _file_fixture(path: Path, files_root: Path) -> list[Fixture]:
    parts = path.relative_to(files_root).parts
    if len(parts) < 3 or parts[1] not in ("bad", "good"):
        raise YgsError(f"{path}: file fixtures live in {FILES_DIR}/<rule-id>/bad/… or …/good/…")
    expectation = Expectation(rule_id=parts[0], positive=parts[1] == "bad", line=None)
    source = Path(FILES_DIR, *parts).as_posix()
    return [_fixture(path, source, Path(*parts[2:]).as_posix(), (expectation,))]


def _fixture(path: Path, source: str, tree_path: str, expectations: tuple[Expectation, ...]) -> Fixture:
    return Fixture(source=source, tree_path=tree_path, data=path.read_bytes(),
                   executable=bool(path.stat().st_mode & 0o111), expectations=expectations)


def _annotations(data: bytes, source: str) -> tuple[Expectation, ...]:
    """`ruleid:`/`ok:` comment lines apply to the next line that is not itself an annotation."""
    out: list[Expectation] = []
    pending: list[tuple[str, bool]] = []
    for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), start=1):
        match = _ANNOTATION.match(line)
        if match:
            ids = [rule_id.strip() for rule_id in match.group(2).split(",") if rule_id.strip()]
            pending.extend((rule_id, match.group(1) == "ruleid") for rule_id in ids)
            continue
        out.extend(Expectation(rule_id=rule_id, positive=positive, line=number) for rule_id, positive in pending)
        pending = []
    if pending:
        raise YgsError(f"rule fixture {source}: the last annotation has no line after it to apply to")
    return tuple(out)


def layers(fixtures: list[Fixture]) -> list[dict[str, Fixture]]:
    """Group fixtures into as few trees as possible without two of them at the same path."""
    out: list[dict[str, Fixture]] = []
    for fixture in fixtures:
        layer = next((layer for layer in out if fixture.tree_path not in layer), None)
        if layer is None:
            layer = {}
            out.append(layer)
        layer[fixture.tree_path] = fixture
    return out


# --- running ------------------------------------------------------------------------------------------------


def run(gates_dir: Path, only: tuple[str, ...] = ()) -> RuleTestRun:
    """Run every analyzer over every fixture under gates_dir/tests and judge every rule (or only those)."""
    started = time.monotonic()
    scopes = _policy_scopes(gates_dir)
    semgrep_ids = semgrep_rule_ids(gates_dir)
    trees = layers(discover(gates_dir / "tests"))
    wanted = _wanted(only, scopes, semgrep_ids, trees)
    modules, notes = _modules()
    with tempfile.TemporaryDirectory(prefix="ygs-rules-") as tmp:
        per_layer = [_run_layer(Path(tmp) / f"layer-{i}", tree, modules, gates_dir) for i, tree in enumerate(trees)]
    merged = _merge_results(per_layer) + [AnalyzerResult(name=name, status="skipped", reason=why)
                                          for name, why in _skipped(modules)]
    observed = [(i, raw) for i, results in enumerate(per_layer) for result in results for raw in result.findings]
    reports = _judge(trees, observed, scopes, semgrep_ids)
    return RuleTestRun(
        rules={rule_id: reports[rule_id] for rule_id in wanted},
        analyzers=merged,
        errors=[f"analyzer {r.name} {r.status.replace('_', ' ')}: {r.reason}" for r in merged
                if r.status in ("failed", "timed_out")],
        notes=notes + _unparsed_notes(per_layer, trees),
        duration_s=time.monotonic() - started,
    )


def _wanted(only: tuple[str, ...], scopes: dict[str, str], semgrep_ids: list[str],
            trees: list[dict[str, Fixture]]) -> list[str]:
    """The rules to report, in id order: every known rule, or the requested ones (all of them known)."""
    annotated = {e.rule_id for tree in trees for fixture in tree.values() for e in fixture.expectations}
    known = set(scopes) | set(semgrep_ids) | annotated
    unknown = [rule_id for rule_id in only if rule_id not in known]
    if unknown:
        raise YgsError(f"unknown rule id {unknown[0]!r} (see `ygs rules list`)")
    return sorted(set(only) if only else known)


def _policy_scopes(gates_dir: Path) -> dict[str, str]:
    """rule id -> its policy scope ("" unless `scope = "changeset"`); validates the policy on the way."""
    policy.load(gates_dir)
    data = tomllib.loads((gates_dir / "policy.toml").read_text(encoding="utf-8"))
    return {rule_id: str(entry.get("scope", "")) for rule_id, entry in data.get("rules", {}).items()}


def semgrep_rule_ids(gates_dir: Path) -> list[str]:
    """The ids of the semgrep rules under gates_dir/rules (a YgsError when they cannot be read)."""
    try:
        return rule_ids(gates_dir / "rules")
    except ToolError as exc:
        raise YgsError(str(exc)) from None


def _modules() -> tuple[dict[str, ModuleType | str], list[str]]:
    """name -> module, or -> why it is not importable (an analyzer still being written is skipped)."""
    out: dict[str, ModuleType | str] = {}
    for name, module_name in analyzers.MODULES.items():
        try:
            out[name] = importlib.import_module(module_name)
        except Exception as exc:  # noqa: BLE001 - an analyzer still being written must not stop the others
            out[name] = f"not importable: {type(exc).__name__}: {exc}"
    notes = [f"analyzer {name} skipped ({why}): its rules are not tested" for name, why in _skipped(out)]
    return out, notes


def _skipped(modules: dict[str, ModuleType | str]) -> list[tuple[str, str]]:
    return [(name, module) for name, module in modules.items() if isinstance(module, str)]


def _run_layer(tree: Path, layer: dict[str, Fixture], modules: dict[str, ModuleType | str],
               gates_dir: Path) -> list[AnalyzerResult]:
    ctx = _context(tree, layer, gates_dir)
    runnable = [(name, module) for name, module in modules.items() if not isinstance(module, str)]
    with ThreadPoolExecutor(max_workers=max(1, len(runnable))) as pool:
        return list(pool.map(lambda item: _run_one(item[0], item[1], ctx), runnable))


def _run_one(name: str, module: ModuleType, ctx: ScanContext) -> AnalyzerResult:
    try:
        return module.run(ctx)
    except Exception as exc:  # noqa: BLE001 - a crashing analyzer is reported, not a crash of the harness
        return AnalyzerResult(name=name, status="failed", reason=f"raised {type(exc).__name__}: {exc}")


def _context(tree: Path, layer: dict[str, Fixture], gates_dir: Path) -> ScanContext:
    changes = []
    for path, fixture in sorted(layer.items()):
        target = tree / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(fixture.data)
        if fixture.executable:
            target.chmod(0o755)
        changes.append(_added(path, fixture))
    changeset = diff.ChangeSet(root=tree, base=git.EMPTY_TREE, head=diff.WORKTREE, files=tuple(changes))
    text_files = tuple(change.path for change in changes if change.scannable)
    return ScanContext(tree=tree, files=text_files, config=dataclasses.replace(Config(), root=tree),
                       gates_dir=gates_dir, changeset=changeset)


def _added(path: str, fixture: Fixture) -> diff.FileChange:
    """A change that adds the whole file: every line is an added line."""
    binary = b"\0" in fixture.data[:8000]
    count = 0 if binary else len(fixture.data.splitlines())
    hunks = () if binary or count == 0 else (diff.Hunk(0, 0, 1, count, tuple(range(1, count + 1))),)
    mode = "100755" if fixture.executable else "100644"
    return diff.FileChange(path=path, status="added", new_mode=mode, binary=binary, hunks=hunks)


def _merge_results(per_layer: list[list[AnalyzerResult]]) -> list[AnalyzerResult]:
    """One evidence record per analyzer across all layers (the worst status wins)."""
    by_name: dict[str, list[AnalyzerResult]] = defaultdict(list)
    for layer_results in per_layer:
        for result in layer_results:
            by_name[result.name].append(result)
    return [_merge(results) for results in by_name.values()]


def _merge(results: list[AnalyzerResult]) -> AnalyzerResult:
    rank = {"failed": 3, "timed_out": 2, "ok": 1, "skipped": 0}
    worst = max(results, key=lambda r: rank.get(r.status, 0))
    return AnalyzerResult(
        name=worst.name, status=worst.status, reason=worst.reason, version=worst.version,
        rules_run=max(r.rules_run for r in results), required=worst.required,
        files_applicable=sum(r.files_applicable for r in results), files_scanned=sum(r.files_scanned for r in results),
        duration_s=sum(r.duration_s for r in results), findings=[f for r in results for f in r.findings],
        unparsed=[u for r in results for u in r.unparsed], partial=[u for r in results for u in r.partial],
        parser_gaps={p for r in results for p in r.parser_gaps},
    )


def _unparsed_notes(per_layer: list[list[AnalyzerResult]], trees: list[dict[str, Fixture]]) -> list[str]:
    return [
        f"{result.name} could not parse fixture {trees[index][path].source}: {why}"
        for index, layer_results in enumerate(per_layer)
        for result in layer_results
        for path, why in [*result.unparsed, *((part.path, part.reason) for part in result.partial)]
        if path in trees[index]
    ]


# --- judging ------------------------------------------------------------------------------------------------


def _judge(trees: list[dict[str, Fixture]], observed: list[tuple[int, RawFinding]], scopes: dict[str, str],
           semgrep_ids: list[str]) -> dict[str, RuleReport]:
    hits = _hits(observed)
    sources = _sources(observed)
    reports = {rule_id: RuleReport(rule_id=rule_id, analyzer=analyzer_of(rule_id, semgrep_ids, sources),
                                   changeset_scope=scopes.get(rule_id) == CHANGESET_SCOPE)
               for rule_id in _wanted((), scopes, semgrep_ids, trees)}
    for index, tree in enumerate(trees):
        for fixture in tree.values():
            for expectation in fixture.expectations:
                _check(reports[expectation.rule_id], fixture, expectation, hits[(index, fixture.tree_path)])
    defined = Counter(semgrep_ids)
    for report in reports.values():
        report.problems = _problems(report, scopes, sources, defined[report.rule_id])
    return reports


def _hits(observed: list[tuple[int, RawFinding]]) -> defaultdict[tuple[int, str], dict[str, set[int]]]:
    """(layer, path) -> rule id -> lines reported."""
    out: defaultdict[tuple[int, str], dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for index, raw in observed:
        out[(index, raw.path)][raw.rule_id].add(raw.line)
    return out


def _sources(observed: list[tuple[int, RawFinding]]) -> dict[str, Counter[str]]:
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for _, raw in observed:
        out[raw.rule_id][raw.source] += 1
    return out


def _check(report: RuleReport, fixture: Fixture, expectation: Expectation, hits: dict[str, set[int]]) -> None:
    lines = hits.get(expectation.rule_id, set())
    reported = bool(lines) if expectation.line is None else expectation.line in lines
    if reported == expectation.positive:
        if expectation.positive:
            report.positives_passed += 1
        else:
            report.negatives_passed += 1
        return
    report.failures.append(Failure(fixture=fixture.source, line=expectation.line, positive=expectation.positive,
                                   message=_failure_message(expectation, hits)))


def _failure_message(expectation: Expectation, hits: dict[str, set[int]]) -> str:
    where = "in this file" if expectation.line is None else f"on line {expectation.line}"
    if not expectation.positive:
        return f"{expectation.rule_id} reported {where}, expected not to be"
    others = sorted(rule_id for rule_id, lines in hits.items()
                    if expectation.line is None or expectation.line in lines)
    got = f" (reported there: {', '.join(others)})" if others else ""
    return f"expected {expectation.rule_id} {where}, not reported{got}"


def _problems(report: RuleReport, scopes: dict[str, str], sources: dict[str, Counter[str]],
              definitions: int) -> list[str]:
    problems = []
    if not _RULE_ID.match(report.rule_id):
        problems.append("rule ids are lowercase words joined by hyphens (no dots, no spaces)")
    if definitions > 1:
        problems.append(f"defined {definitions} times in gates/rules/")
    if report.rule_id not in scopes:
        problems.append("no entry in gates/policy.toml")
    if report.changeset_scope:
        return problems
    if not report.positives_passed + report.positives_failed:
        problems.append("no positive fixture (`ruleid:` line or files/<rule-id>/bad/)")
    if not report.negatives_passed + report.negatives_failed:
        problems.append("no negative fixture (`ok:` line or files/<rule-id>/good/)")
    if report.rule_id not in sources:
        problems.append("no analyzer reported it on any fixture")
    return problems


def analyzer_of(rule_id: str, semgrep_ids: list[str], sources: dict[str, Counter[str]] | None = None) -> str:
    """Which analyzer emits a rule: what was observed, else semgrep's rule files, else the id's prefix."""
    if sources and rule_id in sources:
        return sources[rule_id].most_common(1)[0][0]
    if rule_id in semgrep_ids:
        return "semgrep"
    prefix = rule_id.split("-", 1)[0]
    return next((name for name in analyzers.MODULES if prefix in (name, name.rstrip("s"))), "")
