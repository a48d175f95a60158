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
        ("[tool.ygs.review]\nmax_file_lines = 999\n", "tool.ygs.review.max_file_lines = 999 is below the minimum"),
        ("[tool.ygs.review]\nanalyzer_timeout_s = 9\n", "tool.ygs.review.analyzer_timeout_s = 9 is below the minimum"),
    ],
)
def test_bad_config_is_a_one_line_error_naming_the_key(tmp_path, text, message):
    (tmp_path / "pyproject.toml").write_text(text)
    with pytest.raises(YgsError) as err:
        cfg.load(tmp_path)
    assert message in err.value.message
    assert "\n" not in err.value.message


def test_bounds_accept_the_minimum(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.ygs.review]\nmax_file_lines = 1000\nanalyzer_timeout_s = 10\n")
    review = cfg.load(tmp_path).review
    assert (review.max_file_lines, review.analyzer_timeout_s) == (1000, 10)


def test_load_at_reads_the_commit_or_the_index_never_the_work_tree(repo):
    repo.write("pyproject.toml", "[tool.ygs.guard]\nunplanned_files_stop = 4\n")
    repo.write(".ygs/config.toml", "[guard]\ncheckpoint_every_files = 6\n")
    sha = repo.commit("config")
    repo.write("pyproject.toml", "[tool.ygs.guard]\nunplanned_files_stop = 5\n")
    repo.git("add", "pyproject.toml")
    repo.write("pyproject.toml", "[tool.ygs.guard]\nunplanned_files_stop = 6\n")
    committed, staged, live = cfg.load_at(repo.path, sha), cfg.load_at(repo.path, ""), cfg.load(repo.path)
    assert [c.guard.unplanned_files_stop for c in (committed, staged, live)] == [4, 5, 6]
    assert committed.guard.checkpoint_every_files == 6
    assert committed.sources == (f"pyproject.toml at {sha[:12]}", f".ygs/config.toml at {sha[:12]}")


def test_load_at_a_commit_without_config_is_the_defaults(repo):
    sha = repo.commit("empty")
    assert cfg.load_at(repo.path, sha).review == cfg.ReviewConfig()
