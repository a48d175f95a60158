"""Values of `.env`-style files never leave ygs.

A committed `.env` is reported by the hygiene analyzer (`hygiene-env-file`), and its lines may be the snippet of
a finding or rows sent to the LLM pass; what they hold is by definition secret, whether or not the secrets
detector recognises it. So every line of such a file is shown with its key and without its value
(`API_KEY=***`), in every report format and in the LLM prompt. Templates (`.env.example`) are redacted too:
nothing is lost by hiding a placeholder, and a real value pasted into a template stays hidden.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

MASK = "***"
_NAMES = frozenset({".env", ".envrc", ".flaskenv"})
# KEY=value, export KEY=value, KEY: value, and the same commented out (`# OLD_KEY=value` is still a secret)
_ASSIGNMENT = re.compile(r"^(\s*(?:#\s*)?(?:export\s+)?[A-Za-z_][\w.-]*\s*[=:]\s*)(.*)$")


def is_env_file(path: str) -> bool:
    """`.env`, `.env.<anything>`, `<anything>.env`, `.envrc`, `.flaskenv`."""
    name = PurePosixPath(path).name.lower()
    return name in _NAMES or name.startswith(".env.") or name.endswith(".env")


def redact_line(path: str, line: str) -> str:
    """`line` of the file at `path`, with the value masked when the file is `.env`-style: the key is kept, a
    comment or blank line is kept, anything else (a continued multi-line value) is masked whole."""
    if not is_env_file(path):
        return line
    match = _ASSIGNMENT.match(line)
    if match:
        return match.group(1) + (MASK if match.group(2).strip() else match.group(2))
    if not line.strip() or line.lstrip().startswith("#"):
        return line
    return MASK
