"""Where the bundled skills/, templates/ and gates/ live at run time.

In a built wheel they are force-included under `ygs/_data/`; in a source checkout (editable install,
tests) they sit at the repository top level next to the `ygs` package.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from ygs.errors import YgsError

KINDS = ("skills", "templates", "gates")


@lru_cache(maxsize=None)
def data_dir(kind: str) -> Path:
    if kind not in KINDS:
        raise ValueError(kind)
    bundled = Path(str(resources.files("ygs"))) / "_data" / kind
    if bundled.is_dir():
        return bundled
    checkout = Path(__file__).resolve().parent.parent / kind
    if checkout.is_dir():
        return checkout
    raise YgsError(f"ygs installation is incomplete: bundled {kind}/ not found (reinstall ygs)")
