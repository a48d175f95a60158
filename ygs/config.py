"""One typed configuration.

Defaults are the methodology's seed numbers. A project overrides them in `[tool.ygs]` of its
pyproject.toml or in `.ygs/config.toml` (same tables without the `tool.ygs` prefix; it wins over
pyproject). Unknown keys and wrong types are errors that name the key: a typo must not silently
fall back to a default.
"""

from __future__ import annotations

import dataclasses
import sys
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ygs.errors import YgsError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@dataclass(frozen=True)
class GuardConfig:
    unplanned_files_stop: int = 3
    checkpoint_every_files: int = 5


@dataclass(frozen=True)
class SizingConfig:
    """Task size tiers. A change is the larger of its tier by files and its tier by changed lines."""

    s_max_files: int = 3
    s_max_lines: int = 299
    m_max_files: int = 8
    m_max_lines: int = 800
    l_max_files: int = 15
    l_max_lines: int = 1500
    # the review's size tier counts this many deleted lines as one changed line: deleting is cheap to review
    deleted_lines_per_line: int = 4

    def tier(self, files: int, lines: int) -> str:
        return max(self._tier(files, self.s_max_files, self.m_max_files, self.l_max_files),
                   self._tier(lines, self.s_max_lines, self.m_max_lines, self.l_max_lines),
                   key=TIERS.index)

    @staticmethod
    def _tier(value: int, s: int, m: int, l: int) -> str:
        if value <= s:
            return "S"
        if value <= m:
            return "M"
        return "L" if value <= l else "XL"


TIERS = ("S", "M", "L", "XL")


@dataclass(frozen=True)
class CodeConfig:
    max_function_lines: int = 24
    # an existing function already over max_function_lines is reported again only when a change grows it by more
    max_function_growth: int = 5
    max_function_concepts: int = 7


@dataclass(frozen=True)
class QaConfig:
    categories: tuple[str, ...] = ("functional", "edge cases", "error paths", "regressions", "performance")
    category_max: int = 10


@dataclass(frozen=True)
class CapacityShare:
    name: str
    low: int
    high: int


_DEFAULT_CAPACITY = (
    CapacityShare("feature work", 50, 60),
    CapacityShare("KTLO (keep the lights on)", 20, 30),
    CapacityShare("on-call / interrupts", 5, 15),
    CapacityShare("leave and holidays", 10, 15),
    CapacityShare("meetings and ceremonies", 5, 10),
)


@dataclass(frozen=True)
class EstimateConfig:
    feature_share: float = 0.55  # share of calendar time that goes to feature work
    testing_share_low: int = 20
    testing_share_high: int = 40
    coding_only_multiplier: float = 2.0
    capacity: tuple[CapacityShare, ...] = _DEFAULT_CAPACITY


DEFAULT_SKIP_GLOBS = (
    "vendor/**", "**/vendor/**", "third_party/**", "**/third_party/**", "node_modules/**", "**/node_modules/**",
    "dist/**", "**/*.min.js", "**/*.min.css", "**/*.map", "**/*_pb2.py", "**/*_pb2_grpc.py", "**/*.pb.go",
    "**/*.generated.*", "**/generated/**", "**/__generated__/**", "**/package-lock.json", "**/yarn.lock",
    "**/pnpm-lock.yaml", "**/poetry.lock", "**/Cargo.lock", "**/go.sum", "**/uv.lock", "**/Pipfile.lock",
)


# Test code, per language's conventions: rules of the policy's `advise_in_tests` categories (TLS, deserialization,
# empty catches, debug) advise there instead of blocking. Unanchored like `skip`: a pattern without a slash
# matches the file name in any directory.
DEFAULT_TEST_PATHS = (
    "**/tests/**", "**/test/**", "**/__tests__/**", "**/spec/**", "**/specs/**", "**/testing/**", "**/testdata/**",
    "**/fixtures/**", "**/__fixtures__/**", "**/benchmark/**", "**/benchmarks/**", "test_*.py", "*_test.py",
    "*_tests.py", "conftest.py", "*.test.*", "*.spec.*", "*_test.go", "*Test.java", "*Tests.java",
)


@dataclass(frozen=True)
class ReviewConfig:
    fail_level: str = "MUST"
    filter: str = "added"
    skip: tuple[str, ...] = DEFAULT_SKIP_GLOBS  # vendored / generated: skipped and listed
    exclude: tuple[str, ...] = ()  # the project's own excludes, on top of `skip`
    analyzers: tuple[str, ...] = ("semgrep", "bandit", "secrets", "hygiene", "size", "functions")
    max_file_lines: int = 20000  # larger files are skipped (and listed) instead of scanned
    large_binary_kb: int = 1024
    analyzer_timeout_s: int = 600
    # semgrep's per-file budget: seconds one rule may run on one file, and how many rules may time out on a file
    # before semgrep gives up on it (0: no limit; semgrep's own defaults are 5 s and 3)
    semgrep_timeout_s: int = 5
    semgrep_timeout_threshold: int = 3
    # a file semgrep gave up on is scanned once more, alone, with this many seconds per rule (0: no limit), within
    # analyzer_timeout_s; a file it gives up on again is not reviewed (a blocking `review-unparsed`)
    semgrep_retry_timeout_s: int = 30
    severity: dict[str, str] = field(default_factory=dict)  # rule id -> MUST|SHOULD|MAY override
    test_paths: tuple[str, ...] = DEFAULT_TEST_PATHS  # test code (globs): some categories advise there
    honour_foreign_suppressions: bool = True  # existing `# nosec` / `# nosemgrep` markers carry over


@dataclass(frozen=True)
class LlmConfig:
    enabled: bool | None = None  # None: on when ANTHROPIC_API_KEY is set
    required: bool = False
    model: str = "claude-sonnet-5-5"
    max_input_tokens: int = 60000
    max_output_tokens: int = 4096
    max_calls: int = 8
    timeout_s: float = 120.0
    max_attempts: int = 4
    breaker_failures: int = 3
    context_lines: int = 3
    base_delay_s: float = 1.0  # first retry backoff; doubles per attempt, with jitter (retry-after wins)
    max_delay_s: float = 30.0  # cap on one backoff wait, retry-after included


@dataclass(frozen=True)
class GithubConfig:
    """`ygs review --publish github`."""

    max_inline_comments: int = 30  # live ygs inline comments per pull request; the rest go in the summary
    api_attempts: int = 3  # tries per API call on 5xx / network errors (rate limits: max_rate_limit_wait_s)
    api_backoff_s: float = 2.0  # wait before the 2nd try; doubles each try
    api_timeout_s: int = 30  # per request
    write_interval_s: float = 1.0  # pause between writes (GitHub's guidance against secondary rate limits)
    max_rate_limit_wait_s: float = 300.0  # total wait for GitHub rate limits per publish; a longer wait gives up


@dataclass(frozen=True)
class Config:
    test_command: str = ""
    guard: GuardConfig = GuardConfig()
    sizing: SizingConfig = SizingConfig()
    code: CodeConfig = CodeConfig()
    qa: QaConfig = QaConfig()
    estimate: EstimateConfig = EstimateConfig()
    review: ReviewConfig = ReviewConfig()
    llm: LlmConfig = LlmConfig()
    github: GithubConfig = GithubConfig()
    root: Path | None = None  # the project root the config was read from (not a config key)
    sources: tuple[str, ...] = ()  # files that contributed, for `--help`/debug output (not a config key)


_NOT_KEYS = {"root", "sources"}
FILES = ("pyproject.toml", ".ygs/config.toml")  # where a project's config lives; the later one wins
# Lower bounds: below them the gate would skip or abandon what it should review.
MINIMUMS = {"tool.ygs.review.max_file_lines": 1000, "tool.ygs.review.analyzer_timeout_s": 10,
            "tool.ygs.sizing.deleted_lines_per_line": 1, "tool.ygs.code.max_function_growth": 0,
            **{f"tool.ygs.review.semgrep_{key}": 0 for key in ("timeout_s", "timeout_threshold", "retry_timeout_s")}}


def load(root: str | Path | None) -> Config:
    """The config for the project at root, from its work tree (None: defaults only)."""
    if root is None:
        return Config()
    return from_texts(Path(root), texts_at(root, None), None)


def load_at(root: str | Path, rev: str) -> Config:
    """The config as committed at rev (a commit sha; "" = the index), read from git, never the work tree."""
    return from_texts(Path(root), texts_at(root, rev), rev)


def texts_at(root: str | Path, rev: str | None) -> dict[str, str]:
    """The config files' texts (name in FILES -> text) at rev: a commit sha, "" = the index, None = the work tree."""
    root = Path(root)
    if rev is None:
        raw = {name: _read_bytes(root / name) for name in FILES if (root / name).is_file()}
    else:
        from ygs import git

        raw = git.show_files(root, rev, FILES)
    return {name: _decode(data, _label(root, name, rev)) for name, data in raw.items()}


def _label(root: Path, name: str, rev: str | None) -> str:
    if rev is None:
        return str(root / name)
    return f"{name} at {rev[:12]}" if rev else f"{name} in the index"


def from_texts(root: Path, texts: dict[str, str], rev: str | None) -> Config:
    """Parse the config files' texts (see texts_at); rev only names the files in error messages."""
    merged: dict[str, Any] = {}
    sources: list[str] = []
    for name, table in tables(root, texts, rev):
        _deep_merge(merged, table)
        sources.append(_label(root, name, rev))
    origin = " + ".join(sources) or "defaults"
    values = _build(Config, merged, "tool.ygs", origin)
    return dataclasses.replace(values, root=root, sources=tuple(sources))


def tables(root: Path, texts: dict[str, str], rev: str | None) -> list[tuple[str, dict[str, Any]]]:
    """(file name, its ygs table) for each file that has one, in merge order."""
    out = []
    for name in FILES:
        if name not in texts:
            continue
        data = _parse_toml(texts[name], _label(root, name, rev))
        table = data.get("tool", {}).get("ygs") if name == "pyproject.toml" else data
        if table is not None:
            out.append((name, table))
    return out


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise YgsError(f"cannot read {path}: {exc}") from None


def _decode(data: bytes, origin: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise YgsError(f"cannot read {origin}: {exc}") from None


def _parse_toml(text: str, origin: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise YgsError(f"{origin}: invalid TOML: {exc}") from None


def _deep_merge(into: dict[str, Any], new: dict[str, Any]) -> None:
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _deep_merge(into[key], value)
        else:
            into[key] = value


def _build(cls: type, data: Any, where: str, origin: str) -> Any:
    if not isinstance(data, dict):
        raise YgsError(f"{origin}: [{where}] must be a table")
    hints = typing.get_type_hints(cls)
    fields = {f.name for f in dataclasses.fields(cls) if f.name not in _NOT_KEYS}
    unknown = sorted(set(data) - fields)
    if unknown:
        raise YgsError(f"{origin}: unknown key {where}.{unknown[0]} (known: {', '.join(sorted(fields))})")
    return cls(**{k: _bounded(_coerce(hints[k], v, f"{where}.{k}", origin), f"{where}.{k}", origin)
                  for k, v in data.items()})


def _bounded(value: Any, where: str, origin: str) -> Any:
    minimum = MINIMUMS.get(where)
    if minimum is not None and value < minimum:
        raise YgsError(f"{origin}: {where} = {value!r} is below the minimum {minimum}")
    return value


def _coerce(hint: Any, value: Any, where: str, origin: str) -> Any:
    if dataclasses.is_dataclass(hint):
        return _build(hint, value, where, origin)
    origin_type = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin_type in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        return _coerce(next(a for a in args if a is not type(None)), value, where, origin)
    if origin_type is tuple:
        if not isinstance(value, list):
            raise YgsError(f"{origin}: {where} must be an array")
        return tuple(_coerce(args[0], item, f"{where}[{i}]", origin) for i, item in enumerate(value))
    if origin_type is dict:
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise YgsError(f"{origin}: {where} must be a table of strings")
        return dict(value)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if hint is bool and not isinstance(value, bool) or hint is not bool and isinstance(value, bool):
        raise YgsError(f"{origin}: {where} must be {hint.__name__}, got {value!r}")
    if not isinstance(value, hint):
        raise YgsError(f"{origin}: {where} must be {hint.__name__}, got {type(value).__name__} {value!r}")
    return value


def to_dict(config: Config) -> dict[str, Any]:
    """The effective config as plain data (for `--json` and docs)."""
    data = dataclasses.asdict(config)
    for key in _NOT_KEYS:
        data.pop(key, None)
    return data


def project_root(start: str | Path = ".") -> Path:
    """The git work tree containing start, else start itself (skills can be installed anywhere)."""
    from ygs import git

    proc = git.run("rev-parse", "--show-toplevel", cwd=start, check=False)
    if proc.returncode == 0:
        return Path(proc.stdout.decode("utf-8", "surrogateescape").strip())
    return Path(start).resolve()
