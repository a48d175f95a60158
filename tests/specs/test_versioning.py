"""Version sources and the suggested semantic-version bump."""

from __future__ import annotations

import pytest

from ygs.specs import versioning as v


def reader(files: dict[str, str]) -> v.Reader:
    return files.get


@pytest.mark.parametrize("files,expected", [
    ({"pyproject.toml": '[project]\nversion = "1.2.3"\n'}, {"pyproject.toml": "1.2.3"}),
    ({"pyproject.toml": '[tool.poetry]\nversion = "0.9.0"\n'}, {"pyproject.toml": "0.9.0"}),
    ({"pyproject.toml": '[project]\ndynamic = ["version"]\n[tool.hatch.version]\npath = "pkg/__init__.py"\n',
      "pkg/__init__.py": '__version__ = "2.0.1"\n'}, {"pyproject.toml": "2.0.1"}),
    ({"package.json": '{"version": "3.1.0"}', "Cargo.toml": '[package]\nversion = "0.1.0"\n'},
     {"package.json": "3.1.0", "Cargo.toml": "0.1.0"}),
    ({"Cargo.toml": '[package]\nversion.workspace = true\n[workspace.package]\nversion = "4.0.0"\n'},
     {"Cargo.toml": "4.0.0"}),
    ({"VERSION": "1.0.0\n"}, {"VERSION": "1.0.0"}),
    ({"pyproject.toml": "not toml [", "package.json": "{"}, {}),
])
def test_version_sources(files, expected):
    assert v.versions(reader(files)) == expected


def test_changes_compare_base_and_new():
    [change] = v.changes(reader({"VERSION": "1.2.3"}), reader({"VERSION": "1.3.0"}))
    assert change.bumped and change.level == "minor" and not change.backwards
    [same] = v.changes(reader({"VERSION": "1.2.3"}), reader({"VERSION": "1.2.3"}))
    assert not same.bumped and same.level is None
    [down] = v.changes(reader({"VERSION": "1.2.3"}), reader({"VERSION": "1.2.0"}))
    assert down.backwards
    [new] = v.changes(reader({}), reader({"VERSION": "0.1.0"}))
    assert new.bumped


@pytest.mark.parametrize("subjects,bodies,level", [
    (["fix: a", "docs: b"], ["", ""], "patch"),
    (["fix: a", "feat(ui): b"], ["", ""], "minor"),
    (["feat!: a"], [""], "major"),
    (["chore: a"], ["BREAKING CHANGE: config key renamed"], "major"),
    (["Add CSV export"], [""], "minor"),
    (["Breaking: drop Python 3.8"], [""], "major"),
    (["Tidy imports"], [""], "patch"),
    ([], [], "patch"),
])
def test_suggest(subjects, bodies, level):
    history = [(f"{i:040d}", s, b) for i, (s, b) in enumerate(zip(subjects, bodies))]
    assert v.suggest(history).level == level


@pytest.mark.parametrize("version,level,expected", [
    ("1.2.3", "patch", "1.2.4"), ("1.2.3", "minor", "1.3.0"), ("1.2.3", "major", "2.0.0"),
    ("0.4.2", "major", "0.5.0"), ("1.0.0-rc.1", "patch", "1.0.1"),
])
def test_bump(version, level, expected):
    assert v.bump(version, level) == expected
