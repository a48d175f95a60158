"""File extension -> language, shared by every analyzer."""

from __future__ import annotations

from pathlib import PurePosixPath

LANGUAGES: dict[str, str] = {
    ".py": "python", ".pyi": "python",
    ".js": "javascript", ".mjs": "javascript", ".cjs": "javascript", ".jsx": "javascript",
    ".ts": "typescript", ".tsx": "typescript", ".mts": "typescript", ".cts": "typescript",
    ".go": "go",
    ".java": "java",
    ".rb": "ruby", ".php": "php", ".rs": "rust", ".cs": "csharp", ".kt": "kotlin", ".swift": "swift",
    ".c": "c", ".h": "c", ".cc": "cpp", ".cpp": "cpp", ".hpp": "cpp",
    ".sh": "bash", ".bash": "bash",
    ".sql": "sql",
    ".html": "html", ".htm": "html",
    ".yml": "yaml", ".yaml": "yaml", ".json": "json", ".toml": "toml",
}

SOURCE_LANGUAGES = frozenset(
    {"python", "javascript", "typescript", "go", "java", "ruby", "php", "rust", "csharp", "kotlin", "swift", "c", "cpp"}
)


def language_of(path: str) -> str | None:
    return LANGUAGES.get(PurePosixPath(path).suffix.lower())


def is_test_path(path: str) -> bool:
    """Tests and fixtures: test_x.py, x_test.go, x.test.ts, x.spec.js, tests/…, __tests__/…, fixtures/…"""
    p = PurePosixPath(path)
    parts = {part.lower() for part in p.parts[:-1]}
    if parts & {"test", "tests", "__tests__", "spec", "specs", "testdata", "fixtures", "__fixtures__", "testing"}:
        return True
    name = p.name.lower()
    stem = name.split(".")[0]
    return (
        stem.startswith("test_")
        or stem.endswith(("_test", "_tests", "_spec"))
        or ".test." in name
        or ".spec." in name
        or (name.endswith(".java") and stem.endswith("test"))
    )
