"""Does the gate block real merged code? Review real projects' newest commits against their parents.

A commit that a project merged is almost always fine, so every block here is a probable false block, and
every advisory finding is noise a maintainer reads. For each repository (a local clone or a bare mirror)
the newest N non-merge commits are reviewed at default settings (`ygs review --no-llm --base C^ --head C
--format json`, the policy read from the parent as always) and the script prints, per repository:
commits reviewed, blocked %, errors, advisory findings per commit, and the rules that blocked.

Targets (issue 11): <= 0.5 % blocked, 0 errors, <= 0.5 advisory findings per commit on average.

    python bench/precision.py /path/to/flask /path/to/express ... [--commits 40] [--jobs 2]
        [--details out.jsonl] [--ygs-root DIR]

--details writes one JSON line per commit (repository, sha, verdict, errors, the findings' rule ids,
severities, paths and lines), for explaining every block in docs/review.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Outcome:
    repo: str
    sha: str
    verdict: str
    seconds: float
    errors: list[str] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)

    @property
    def blocking(self) -> list[dict]:
        return [f for f in self.findings if f["severity"] == "MUST"]

    @property
    def advisory(self) -> list[dict]:
        return [f for f in self.findings if f["severity"] != "MUST"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("repos", nargs="+", type=Path, help="git repositories (work trees or bare mirrors)")
    parser.add_argument("--commits", type=int, default=40, help="newest non-merge commits per repository")
    parser.add_argument("--jobs", type=int, default=2, help="reviews run at once")
    parser.add_argument("--details", type=Path, help="write one JSON line per reviewed commit here")
    parser.add_argument("--ygs-root", type=Path, default=ROOT, help="the ygs checkout to run (default: this one)")
    parser.add_argument("--workdir", type=Path, help="where the clones go (default: a temporary directory)")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="ygs-precision-"))
    outcomes: list[Outcome] = []
    try:
        for repo in args.repos:
            outcomes += review_repo(repo, workdir, args)
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    if args.details:
        with args.details.open("w", encoding="utf-8") as out:
            for o in outcomes:
                out.write(json.dumps(o.__dict__) + "\n")
    print_table(outcomes)
    return 0


def review_repo(repo: Path, workdir: Path, args: argparse.Namespace) -> list[Outcome]:
    name = repo_name(repo)
    clone = workdir / name
    if not clone.exists():
        subprocess.run(["git", "clone", "-q", "--shared", str(repo), str(clone)], check=True)
    shas = subprocess.run(["git", "rev-list", "--no-merges", "--min-parents=1", f"--max-count={args.commits}",
                           "HEAD"], cwd=clone, check=True, capture_output=True, text=True).stdout.split()
    print(f"{name}: reviewing {len(shas)} commits …", file=sys.stderr, flush=True)
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        outcomes = list(pool.map(lambda sha: review_commit(name, clone, sha, args.ygs_root), shas))
    for o in outcomes:
        if o.verdict != "pass":
            rules = ", ".join(sorted({f["rule_id"] for f in o.blocking})) or "; ".join(o.errors)[:200]
            print(f"  {o.sha[:10]} {o.verdict}: {rules}", file=sys.stderr)
    return outcomes


def review_commit(name: str, clone: Path, sha: str, ygs_root: Path) -> Outcome:
    env = {**os.environ, "PYTHONPATH": str(ygs_root), "SEMGREP_ENABLE_VERSION_CHECK": "0", "NO_COLOR": "1"}
    env.pop("ANTHROPIC_API_KEY", None)
    cmd = [sys.executable, "-m", "ygs", "review", "--no-llm", "--base", f"{sha}^", "--head", sha, "--format", "json"]
    started = time.monotonic()
    proc = subprocess.run(cmd, cwd=clone, env=env, capture_output=True, text=True)
    seconds = time.monotonic() - started
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        return Outcome(name, sha, "error", seconds, [f"exit {proc.returncode}, no JSON: {proc.stderr.strip()[-200:]}"])
    findings = [{k: f.get(k) for k in ("rule_id", "severity", "path", "line", "message")}
                for f in report.get("findings", [])]
    return Outcome(name, sha, report.get("verdict", "error"), seconds, list(report.get("errors", [])), findings)


def repo_name(repo: Path) -> str:
    repo = repo.resolve()
    parts = [p for p in repo.parts if p not in ("repo", ".git")]
    return parts[-1].split("+")[-1].removesuffix(".git")


def print_table(outcomes: list[Outcome]) -> None:
    by_repo: dict[str, list[Outcome]] = {}
    for o in outcomes:
        by_repo.setdefault(o.repo, []).append(o)
    header = f"{'repository':<12} {'commits':>7} {'blocked':>8} {'errors':>6} {'advice/commit':>13} {'s/commit':>8}  blocking rules"
    print(header)
    print("-" * len(header))
    for name, items in [*by_repo.items(), ("all", outcomes)]:
        print(row(name, items))
    advice = Counter(f["rule_id"] for o in outcomes for f in o.advisory)
    print("\nadvisory findings by rule: " + (", ".join(f"{r} {n}" for r, n in advice.most_common(12)) or "none"))


def row(name: str, items: list[Outcome]) -> str:
    n = len(items) or 1
    blocked = sum(o.verdict == "fail" for o in items)
    errors = sum(o.verdict == "error" for o in items)
    advice = sum(len(o.advisory) for o in items) / n
    seconds = sum(o.seconds for o in items) / n
    rules = Counter(f["rule_id"] for o in items for f in o.blocking)
    shown = ", ".join(f"{r} {c}" for r, c in rules.most_common(6)) or "-"
    return f"{name:<12} {len(items):>7} {100 * blocked / n:>7.1f}% {errors:>6} {advice:>13.2f} {seconds:>8.1f}  {shown}"


if __name__ == "__main__":
    sys.exit(main())
