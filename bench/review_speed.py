"""How fast is `ygs review --no-llm` compared with the bare analyzers it wraps?

Builds a generated repository (2,000 Python files by default), then for diffs of 10 / 100 / 1,000 /
10,000 changed files measures wall time and peak RSS of `ygs review --no-llm`, of semgrep alone (our rules,
same files) and of bandit alone (same .py files), and prints the ratios.

Targets: ygs <= 1.3x the slower bare analyzer; time roughly linear in changed files; peak RSS < 500 MB at
10,000 files.

    python bench/review_speed.py [--files 2000] [--sizes 10,100,1000,10000] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENV = {**os.environ, "SEMGREP_ENABLE_VERSION_CHECK": "0", "NO_COLOR": "1"}
ENV.pop("ANTHROPIC_API_KEY", None)

TEMPLATE = '''"""Module {n}."""
import json
import logging

log = logging.getLogger(__name__)


def load_{n}(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def total_{n}(items):
    result = 0
    for item in items:
        if item.get("active"):
            result += item["value"]
    return result


class Service{n}:
    def __init__(self, store):
        self.store = store

    def get(self, key):
        value = self.store.get(key)
        if value is None:
            log.info("miss %s", key)
        return value
'''


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def build_repo(workdir: Path, files: int) -> Path:
    repo = workdir / "repo"
    if repo.exists():
        shutil.rmtree(repo)
    repo.mkdir(parents=True)
    git("init", "-q", "-b", "main", cwd=repo)
    git("config", "user.email", "bench@example.com", cwd=repo)
    git("config", "user.name", "bench", cwd=repo)
    for n in range(files):
        path = repo / f"pkg{n // 100}" / f"mod_{n}.py"
        path.parent.mkdir(exist_ok=True)
        path.write_text(TEMPLATE.format(n=n))
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "base", cwd=repo)
    return repo


def make_change(repo: Path, size: int, existing: int) -> list[str]:
    """Modify min(size, existing) files and add the rest as new files, on a fresh branch."""
    git("checkout", "-q", "-B", f"change-{size}", "main", cwd=repo)
    changed = []
    for n in range(size):
        rel = f"pkg{n // 100}/mod_{n}.py" if n < existing else f"new{n // 100}/added_{n}.py"
        path = repo / rel
        path.parent.mkdir(exist_ok=True)
        body = path.read_text() if path.exists() else TEMPLATE.format(n=n)
        path.write_text(body + f"\n\ndef extra_{n}(x):\n    return x * {n}\n")
        changed.append(rel)
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", f"change {size}", cwd=repo)
    return changed


def measure(cmd: list[str], cwd: Path, repeat: int) -> tuple[float, float]:
    """(best wall seconds of `repeat` runs, peak RSS in MB of the largest process in the tree)."""
    walls, peaks = [], []
    for _ in range(repeat):
        started = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(proc.pid, 0)
        walls.append(time.monotonic() - started)
        peaks.append(usage.ru_maxrss / 1024)
    return min(walls), max(peaks)


def bench(repo: Path, size: int, existing: int, repeat: int) -> dict[str, float]:
    changed = make_change(repo, size, existing)
    ygs_t, ygs_rss = measure([str(BIN / "ygs"), "review", "--no-llm", "--format", "json", "--base", "main"], repo, repeat)
    rules = ROOT / "gates" / "rules"
    semgrep_cmd = [str(BIN / "semgrep"), "scan", "--config", str(rules), "--metrics=off", "--disable-version-check",
                   "--json", "--quiet", "--no-git-ignore", *changed]
    if len(" ".join(changed)) > 100_000:  # keep the command line sane: scan the tree the files live in
        semgrep_cmd = semgrep_cmd[: -len(changed)] + sorted({p.split("/")[0] for p in changed})
    sg_t, sg_rss = measure(semgrep_cmd, repo, repeat)
    bandit_cmd = [sys.executable, "-m", "bandit", "-q", "-f", "json", *changed]
    if len(" ".join(changed)) > 100_000:
        bandit_cmd = [sys.executable, "-m", "bandit", "-q", "-f", "json", "-r", *sorted({p.split("/")[0] for p in changed})]
    bd_t, bd_rss = measure(bandit_cmd, repo, repeat)
    return {"size": size, "ygs_s": ygs_t, "ygs_mb": ygs_rss, "semgrep_s": sg_t, "semgrep_mb": sg_rss,
            "bandit_s": bd_t, "bandit_mb": bd_rss}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--sizes", default="10,100,1000,10000")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is kept")
    args = parser.parse_args()
    repeat = max(1, args.repeat)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="ygs-bench-"))
    print(f"generating {args.files} files in {workdir} …", flush=True)
    repo = build_repo(workdir, args.files)
    print(f"{'changed':>8} {'ygs s':>8} {'semgrep s':>10} {'bandit s':>9} {'ratio':>6} {'s/file':>8} "
          f"{'ygs MB':>7} {'sg MB':>6} {'bd MB':>6}")
    for size in (int(s) for s in args.sizes.split(",")):
        row = bench(repo, size, args.files, repeat)
        slower = max(row["semgrep_s"], row["bandit_s"])
        print(f"{size:>8} {row['ygs_s']:>8.2f} {row['semgrep_s']:>10.2f} {row['bandit_s']:>9.2f} "
              f"{row['ygs_s'] / slower:>5.2f}x {row['ygs_s'] / size:>8.4f} {row['ygs_mb']:>7.0f} "
              f"{row['semgrep_mb']:>6.0f} {row['bandit_mb']:>6.0f}", flush=True)
    print(f"best of {repeat} runs each; ratio = ygs wall time / the slower bare analyzer (target <= 1.3x); "
          "peak RSS target < 500 MB")


if __name__ == "__main__":
    main()
