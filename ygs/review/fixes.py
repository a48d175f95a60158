"""`ygs review --fix`: apply the rules' mechanical fixes (Finding.suggestion) to the work tree.

A fix is applied only where the file in the work tree still has, on that line, exactly the text that was
reviewed: a line that changed since (or a review of a commit the work tree has moved away from) is left
alone and reported. Each file is rewritten atomically, keeping its line endings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ygs.fs import atomic_write
from ygs.review.model import Finding


@dataclass
class Applied:
    fixed: dict[str, int] = field(default_factory=dict)  # path -> fixes applied
    stale: list[str] = field(default_factory=list)  # "path:line" whose text changed since the review


def apply(root: Path, findings: list[Finding]) -> Applied:
    out = Applied()
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.suggestion is not None:
            by_path.setdefault(finding.path, []).append(finding)
    for path, mine in sorted(by_path.items()):
        target = root / path
        try:
            data = target.read_bytes()
        except OSError:
            out.stale += [f"{path}:{f.line}" for f in mine]
            continue
        lines = data.decode("utf-8", "surrogateescape").splitlines(keepends=True)
        count = 0
        for finding in mine:
            fix = finding.suggestion
            assert fix is not None
            index = fix.line - 1
            current = lines[index] if 0 <= index < len(lines) else None
            body = current.rstrip("\r\n") if current is not None else None
            if body != fix.old:
                out.stale.append(f"{path}:{fix.line}")
                continue
            lines[index] = fix.new + current[len(body):]  # type: ignore[index]
            count += 1
        if count:
            atomic_write(target, "".join(lines).encode("utf-8", "surrogateescape"), mode=target.stat().st_mode & 0o7777)
            out.fixed[path] = count
    return out
