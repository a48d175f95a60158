"""How often does the gate block vulnerable code, and how often safe code? Labelled snippets, per class.

The corpus (bench/accuracy/corpus/, see its README) holds one small program per file:
`<lang>/<class>/{vulnerable,safe}/<case>.<ext>` and real-fix pairs `<lang>/<class>/fixes/<case>/{before,after}.<ext>`.
Every case is copied under a neutral name (`cases/c0001.py`: nothing in a path tells the label) into one
commit of a temporary repository and reviewed at once by

- ygs: `ygs review --no-llm --format json` at default settings; a case counts as blocked when a MUST finding
  of the class's CWEs sits in it;
- bare bandit (Python only): `bandit -f json` over the same files; any issue with a class CWE counts;
- bare semgrep with ygs's rules (gates/rules/): any result of a rule whose policy CWE is the class's.

Printed per class: vulnerable cases flagged %, safe cases flagged %, for each tool, and the goal (issue 11);
for fix pairs: the share of `before` files ygs reports (a MUST or SHOULD finding of the class) and blocks,
and of `after` files it still blocks.

    python bench/accuracy/run.py [--corpus DIR] [--lang python|js|all] [--ygs-root DIR] [--cases]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CLASSES = {  # class -> (CWEs that count, goal: % vulnerable flagged at least, % safe flagged at most)
    "sql": ({"CWE-89"}, 90, 15),
    "command": ({"CWE-78"}, 80, 15),
    "code": ({"CWE-94", "CWE-95"}, 90, 15),
    "path": ({"CWE-22"}, 70, 15),
    "xss": ({"CWE-79"}, 70, 15),
    "template": ({"CWE-1336"}, 60, 15),
    "ssrf": ({"CWE-918"}, 60, 15),
    "redirect": ({"CWE-601"}, 60, 15),
    "ldap": ({"CWE-90"}, 60, 15),
    "xpath": ({"CWE-643"}, 60, 15),
    "xxe": ({"CWE-611"}, 60, 15),
    "deserialization": ({"CWE-502"}, 60, 15),
    "cookie": ({"CWE-614", "CWE-1004"}, 60, 15),
    "trust-boundary": ({"CWE-501"}, 60, 15),
}
FIX_GOALS = {"command": 80, "path": 60, "xss": 60}  # % of `before` files found; `after`: <= 5 % blocked
EXTS = {"python": (".py",), "js": (".js", ".ts", ".jsx", ".tsx", ".mjs", ".cjs")}
ENV = {**os.environ, "SEMGREP_ENABLE_VERSION_CHECK": "0", "NO_COLOR": "1"}
ENV.pop("ANTHROPIC_API_KEY", None)


@dataclass(frozen=True)
class Case:
    lang: str
    klass: str
    label: str  # vulnerable, safe, before, after
    source: Path
    name: str  # neutral path inside the review repository


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT / "bench" / "accuracy" / "corpus")
    parser.add_argument("--lang", choices=("python", "js", "all"), default="all")
    parser.add_argument("--ygs-root", type=Path, default=ROOT, help="the ygs checkout to run (default: this one)")
    parser.add_argument("--cases", action="store_true", help="also list every misjudged case")
    args = parser.parse_args()
    cases = collect(args.corpus, args.lang)
    if not cases:
        print(f"no cases under {args.corpus}", file=sys.stderr)
        return 2
    print(f"{len(cases)} cases from {args.corpus}; reviewing …", file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="ygs-accuracy-") as tmp:
        repo = build_repo(Path(tmp), cases)
        blocked, reported = run_ygs(repo, args.ygs_root)
        flagged = {"ygs": blocked, "semgrep": run_semgrep(repo, args.ygs_root)}
        if any(c.lang == "python" for c in cases):
            flagged["bandit"] = run_bandit(repo, [c for c in cases if c.lang == "python"])
    print_table(cases, flagged)
    print_fixes(cases, blocked, reported)
    if args.cases:
        print_misjudged(cases, flagged["ygs"])
    return 0


def collect(corpus: Path, lang: str) -> list[Case]:
    cases: list[Case] = []
    for lang_dir in sorted(p for p in corpus.iterdir() if p.is_dir() and lang in ("all", p.name)):
        exts = EXTS.get(lang_dir.name, ())
        for class_dir in sorted(p for p in lang_dir.iterdir() if p.is_dir()):
            for path in sorted(class_dir.rglob("*")):
                if not path.is_file() or path.suffix not in exts:
                    continue
                parts = path.relative_to(class_dir).parts
                label = parts[0] if parts[0] in ("vulnerable", "safe") else path.stem if parts[0] == "fixes" else ""
                if label not in ("vulnerable", "safe", "before", "after"):
                    continue
                name = f"cases/c{len(cases):04d}{path.suffix}"
                cases.append(Case(lang_dir.name, class_dir.name, label, path, name))
    return cases


def build_repo(tmp: Path, cases: list[Case]) -> Path:
    repo = tmp / "repo"
    repo.mkdir()
    git = lambda *a: subprocess.run(["git", *a], cwd=repo, check=True, capture_output=True)  # noqa: E731
    git("init", "-q", "-b", "main")
    git("-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "--allow-empty", "-m", "base")
    for case in cases:
        target = repo / case.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(case.source, target)
    git("checkout", "-q", "-b", "cases")
    git("add", "-A")
    git("-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "cases")
    return repo


def run_ygs(repo: Path, ygs_root: Path) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Case name -> the CWEs of the MUST findings in it, and of the MUST or SHOULD findings (reported at all)."""
    env = {**ENV, "PYTHONPATH": str(ygs_root)}
    proc = subprocess.run([sys.executable, "-m", "ygs", "review", "--no-llm", "--base", "main", "--head", "cases",
                           "--format", "json"], cwd=repo, env=env, capture_output=True, text=True)
    report = json.loads(proc.stdout)
    for error in report.get("errors", []):
        print(f"ygs error: {error}", file=sys.stderr)
    blocked: dict[str, set[str]] = defaultdict(set)
    reported: dict[str, set[str]] = defaultdict(set)
    for finding in report["findings"]:
        if finding["severity"] in ("MUST", "SHOULD") and finding.get("cwe"):
            reported[finding["path"]].add(finding["cwe"])
            if finding["severity"] == "MUST":
                blocked[finding["path"]].add(finding["cwe"])
    return blocked, reported


def run_semgrep(repo: Path, ygs_root: Path) -> dict[str, set[str]]:
    cwes = {rid: rule.get("cwe") for rid, rule in tomllib.loads(
        (ygs_root / "gates" / "policy.toml").read_text(encoding="utf-8"))["rules"].items()}
    cmd = [str(BIN / "semgrep"), "scan", "--config", str(ygs_root / "gates" / "rules"), "--json", "--quiet",
           "--metrics=off", "--disable-version-check", "--disable-nosem", "--no-git-ignore", "cases"]
    output = json.loads(subprocess.run(cmd, cwd=repo, env=ENV, capture_output=True, text=True).stdout)
    out: dict[str, set[str]] = defaultdict(set)
    for result in output.get("results", []):
        cwe = cwes.get(result["check_id"].rsplit(".", 1)[-1])
        if cwe:
            out[result["path"]].add(cwe)
    return out


def run_bandit(repo: Path, cases: list[Case]) -> dict[str, set[str]]:
    cmd = [str(BIN / "bandit"), "-q", "-f", "json", *[c.name for c in cases]]
    output = json.loads(subprocess.run(cmd, cwd=repo, capture_output=True, text=True).stdout or "{}")
    out: dict[str, set[str]] = defaultdict(set)
    for result in output.get("results", []):
        out[result["filename"].removeprefix("./")].add(f"CWE-{result.get('issue_cwe', {}).get('id')}")
    return out


def hit(case: Case, flagged: dict[str, set[str]]) -> bool:
    return bool(flagged.get(case.name, set()) & CLASSES.get(case.klass, (set(), 0, 0))[0])


def rate(cases: list[Case], flagged: dict[str, set[str]] | None) -> str:
    if flagged is None or not cases:
        return "    -"
    return f"{100 * sum(hit(c, flagged) for c in cases) / len(cases):4.0f}%"


def print_table(cases: list[Case], flagged: dict[str, dict[str, set[str]]]) -> None:
    groups: dict[tuple[str, str], list[Case]] = defaultdict(list)
    for case in cases:
        groups[(case.lang, case.klass)].append(case)
    tools = [t for t in ("ygs", "bandit", "semgrep") if t in flagged]
    head = f"{'class':<16} {'lang':<7} {'vuln':>4} {'safe':>4}  " + "  ".join(f"{t + ' vuln/safe':>17}" for t in tools)
    print(head + "   goal (vuln>= / safe<=)")
    print("-" * (len(head) + 24))
    for (lang, klass), items in sorted(groups.items()):
        vuln = [c for c in items if c.label == "vulnerable"]
        safe = [c for c in items if c.label == "safe"]
        if not vuln and not safe:
            continue
        cells = []
        for tool in tools:
            table = flagged[tool] if tool != "bandit" or lang == "python" else None
            cells.append(f"{rate(vuln, table)} / {rate(safe, table)}".rjust(17))
        _, low, high = CLASSES.get(klass, (set(), 0, 0))
        print(f"{klass:<16} {lang:<7} {len(vuln):>4} {len(safe):>4}  " + "  ".join(cells) + f"   {low}% / {high}%")


def print_fixes(cases: list[Case], blocked: dict[str, set[str]], reported: dict[str, set[str]]) -> None:
    """Real-fix pairs: `before` found (a MUST or SHOULD finding of the class: a fix in library code has no
    request to prove a flow from, so the vulnerable sink is reported as advice) and blocked; `after` blocked."""
    rows = []
    by_class: dict[str, list[Case]] = defaultdict(list)
    for case in cases:
        if case.label in ("before", "after"):
            by_class[case.klass].append(case)
    for klass, items in sorted(by_class.items()):
        before = [c for c in items if c.label == "before"]
        after = [c for c in items if c.label == "after"]
        if before:
            goal = FIX_GOALS.get(klass, 60)
            rows.append(f"{klass:<16} {len(before):>5}  found {rate(before, reported)} (goal >= {goal}%), blocked "
                        f"{rate(before, blocked)}   MUST on the fixed code {rate(after, blocked)} (goal <= 5%)")
    if rows:
        print("\nreal-fix pairs (ygs)")
        print("\n".join(rows))


def print_misjudged(cases: list[Case], ygs: dict[str, set[str]]) -> None:
    print("\nmisjudged by ygs:")
    for case in cases:
        blocked = hit(case, ygs)
        if blocked != (case.label in ("vulnerable", "before")):
            print(f"  {'blocked' if blocked else 'missed '} {case.label:<10} {case.source}")


if __name__ == "__main__":
    sys.exit(main())
