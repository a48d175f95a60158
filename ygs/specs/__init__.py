"""Specs as checked artifacts: `ygs new` (documents from templates), `ygs validate` (their rules),
`ygs estimate` (PERT over task files) and `ygs ship` (the pre-merge checks)."""
