from __future__ import annotations

import sys
from pathlib import Path

# served.py (this directory) and fake_github.py (tests/github) are plain modules, imported by name.
for _path in (Path(__file__).parent, Path(__file__).parents[1] / "github"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))
