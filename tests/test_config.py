from __future__ import annotations

import pytest

from ygs import config as cfg
from ygs.errors import YgsError


def test_defaults_are_the_methodology_numbers():
    c = cfg.Config()
    assert (c.guard.unplanned_files_stop, c.guard.checkpoint_every_files) == (3, 5)
    assert c.code.max_function_lines == 24
    assert c.review.fail_level == "MUST"


@pytest.mark.parametrize(
    "files,lines,tier",
    [(1, 10, "S"), (3, 299, "S"), (3, 300, "M"), (8, 800, "M"), (9, 10, "L"), (2, 801, "L"), (16, 1, "XL"),
     (1, 1501, "XL")],
)
def test_size_tiers(files, lines, tier):
    assert cfg.SizingConfig().tier(files, lines) == tier


@pytest.mark.parametrize(
    "text,message",
    [
        ("[tool.ygs.guard]\nunplaned_files_stop = 4\n", "unknown key tool.ygs.guard.unplaned_files_stop"),
        ("[tool.ygs.guard]\nunplanned_files_stop = 'four'\n", "tool.ygs.guard.unplanned_files_stop must be int"),
        ("[tool.ygs.llm]\nenabled = 1\n", "tool.ygs.llm.enabled must be bool"),
        ("[tool.ygs\n", "invalid TOML"),
    ],
)
def test_bad_config_is_a_one_line_error_naming_the_key(tmp_path, text, message):
    (tmp_path / "pyproject.toml").write_text(text)
    with pytest.raises(YgsError) as err:
        cfg.load(tmp_path)
    assert message in err.value.message
    assert "\n" not in err.value.message
