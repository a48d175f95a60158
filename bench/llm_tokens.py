"""What does the LLM pass of `ygs review` cost in input tokens, and what do packing and the cache save?

Builds a generated repository, then for diffs touching 5 / 20 / 100 files runs the real review (real anthropic
SDK) against the local Messages-API stub the tests use, which records every request and reports usage the way
the API does (the system prompt written to the prompt cache once, then read). Token counts are chars/4
estimates, the same rule ygs budgets with. Per diff it prints:

- input tokens per changed (added) line, all input counted (uncached + cache write + cache read);
- the share of hunks served from the ygs cache on a second run over the same diff, and on a PR update that
  touches a tenth of the changed files (what gets re-sent, and its tokens);
- tokens saved by packing (hunks with context) versus sending every changed file whole.

    python bench/llm_tokens.py [--files 200] [--sizes 5,20,100] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "review" / "llm"))  # the one copy of the stub

from messages_stub import MessagesStub, estimate_tokens  # noqa: E402

from ygs import config as cfg  # noqa: E402
from ygs.review import gate  # noqa: E402

SETTINGS = '[tool.ygs.review]\nanalyzers = ["secrets"]\n\n[tool.ygs.llm]\nmax_calls = 50\n'
FUNCTION = '''

def handler_{n}_{k}(request, store):
    """Look the item up and return it, or a default."""
    key = request.get("key")
    if key is None:
        return {{"error": "missing key"}}
    value = store.get(key)
    if value is None:
        log.info("miss %s", key)
        return {{"error": "not found"}}
    return {{"value": value, "source": "store"}}
'''
HEADER = '"""Module {n}."""\nimport logging\n\nlog = logging.getLogger(__name__)\n'


@dataclass
class Run:
    calls: int
    input_tokens: int  # everything billed as input: uncached + cache write + cache read
    payload_tokens: int  # the user messages (diff + known findings), without the system prompt
    hits: int
    misses: int


def git(*args: str, cwd: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


def build_repo(path: Path, files: int) -> None:
    (path / "pkg").mkdir(parents=True)
    git("init", "-q", "-b", "main", cwd=path)
    git("config", "user.email", "bench@example.com", cwd=path)
    git("config", "user.name", "bench", cwd=path)
    git("config", "commit.gpgsign", "false", cwd=path)
    (path / "pyproject.toml").write_text(SETTINGS, encoding="utf-8")
    for n in range(files):
        body = HEADER.format(n=n) + "".join(FUNCTION.format(n=n, k=k) for k in range(12))
        (path / "pkg" / f"mod_{n}.py").write_text(body, encoding="utf-8")
    git("add", "-A", cwd=path)
    git("commit", "-q", "-m", "base", cwd=path)


def change(repo: Path, paths: list[str], tag: str) -> None:
    """Two edits per file: a new function near the top and a changed line near the bottom."""
    for rel in paths:
        target = repo / rel
        lines = target.read_text(encoding="utf-8").splitlines()
        lines[6:6] = [f"def added_{tag}(items):", "    total = 0", "    for item in items:",
                      "        total += item['value']", "    return total", ""]
        lines[-3] = f"        return {{'error': 'not found', 'tag': '{tag}'}}"
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", f"change {tag}", cwd=repo)


def review(repo: Path, stub: MessagesStub) -> Run:
    before = len(stub.message_requests)
    result = gate.review(repo, cfg.load(repo))
    llm = result.evidence["analyzers"]["llm"]
    assert llm["status"] == "ok", llm["reason"]
    usage = llm["usage"]
    sent = stub.message_requests[before:]
    return Run(calls=len(sent),
               input_tokens=usage["input_tokens"] + usage["cache_read_input_tokens"]
               + usage["cache_creation_input_tokens"],
               payload_tokens=sum(estimate_tokens(r.user_text) for r in sent),
               hits=llm["cache"]["hits"], misses=llm["cache"]["misses"])


def naive_payload(repo: Path, paths: list[str]) -> int:
    """Every changed file sent whole, in the same frame."""
    return sum(estimate_tokens((repo / rel).read_text(encoding="utf-8")) + 20 for rel in paths)


def bench(workdir: Path, files: int, size: int, stub: MessagesStub) -> dict[str, float]:
    repo = workdir / f"repo-{size}"
    build_repo(repo, files)
    git("checkout", "-q", "-b", "feature", cwd=repo)
    paths = [f"pkg/mod_{n}.py" for n in range(size)]
    change(repo, paths, "a")
    added = size * 7  # 6 inserted lines + 1 changed line per file
    first = review(repo, stub)
    again = review(repo, stub)
    change(repo, paths[: max(1, size // 10)], "b")
    update = review(repo, stub)
    naive = naive_payload(repo, paths)
    return {
        "files": size, "added": added, "calls": first.calls, "tokens": first.input_tokens,
        "per_line": first.input_tokens / added, "diff_per_line": first.payload_tokens / added,
        "again_cached": again.hits / max(1, again.hits + again.misses), "again_calls": again.calls,
        "update_cached": update.hits / max(1, update.hits + update.misses), "update_calls": update.calls,
        "update_tokens": update.input_tokens, "packed": first.payload_tokens, "naive": naive,
        "saved": 1 - first.payload_tokens / naive,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--sizes", default="5,20,100")
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="ygs-llm-bench-"))
    rows = []
    with MessagesStub() as stub:
        os.environ.update(ANTHROPIC_API_KEY="bench", ANTHROPIC_BASE_URL=stub.url, NO_PROXY="127.0.0.1,localhost")
        try:
            for size in (int(s) for s in args.sizes.split(",")):
                rows.append(bench(workdir, args.files, size, stub))
        finally:
            if args.workdir is None:
                shutil.rmtree(workdir, ignore_errors=True)
    print_table(rows)


def print_table(rows: list[dict[str, float]]) -> None:
    print("input tokens (chars/4), all input counted: uncached + prompt-cache write + prompt-cache read\n")
    print(f"{'files':>5} {'+lines':>6} {'calls':>5} {'tokens':>8} {'tok/line':>8} {'diff tok/line':>13} | "
          f"{'rerun: cached':>13} {'calls':>5} | {'update: cached':>14} {'calls':>5} {'tokens':>7} | "
          f"{'packed':>7} {'whole files':>11} {'saved':>6}")
    for r in rows:
        print(f"{r['files']:>5} {r['added']:>6} {r['calls']:>5} {r['tokens']:>8} {r['per_line']:>8.1f} "
              f"{r['diff_per_line']:>13.1f} | {r['again_cached']:>13.0%} {r['again_calls']:>5} | "
              f"{r['update_cached']:>14.0%} {r['update_calls']:>5} {r['update_tokens']:>7} | "
              f"{r['packed']:>7} {r['naive']:>11} {r['saved']:>6.0%}")


if __name__ == "__main__":
    main()
