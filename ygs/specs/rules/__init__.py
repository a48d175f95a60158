"""Validation rules, one module per document kind; `ygs.specs.validate.RULES` maps kinds to them."""
