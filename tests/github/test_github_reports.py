"""`--format github` (annotations + step summary), the Markdown summary's limits, and the comment bodies."""

from __future__ import annotations

from github_builders import finding, result

from ygs.github import bodies
from ygs.review.model import Severity
from ygs.review.reports import github as report
from ygs.review.reports import markdown


def test_annotation_escapes_data_and_properties():
    hit = finding(3, path="dir,a:b/x%.py", message="50% wrong\nsecond line", rule="r:1")
    line = report.annotation(hit)
    assert line.startswith("::error file=dir%2Ca%3Ab/x%25.py,line=3,endLine=3,title=MUST r%3A1::")
    assert line.endswith("50%25 wrong%0Asecond line%0AFix: Use parameterized queries.") and "\n" not in line


def test_at_most_ten_annotations_per_kind_most_severe_first_and_the_rest_in_the_summary(tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    found = [finding(n, severity=Severity.MUST) for n in range(1, 16)]
    found += [finding(n, severity=Severity.SHOULD, rule="weak-hash") for n in range(1, 4)]
    review = result("b" * 40, "h" * 40, found)
    lines = report.render(review).splitlines()
    assert sum(x.startswith("::error ") for x in lines) == 10 and sum(x.startswith("::warning ") for x in lines) == 3
    assert lines[-1] == "ygs review: fail (15 blocking, 18 findings)"
    text = summary.read_text(encoding="utf-8")
    assert "5 finding(s) are not annotated" in text and text.count("| MUST |") == 15


def test_step_summary_is_written_once_per_text(tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    review = result("b" * 40, "h" * 40, [finding(1)])
    report.render(review)
    report.render(review)  # --publish github and --format github in one run share it
    assert summary.read_text(encoding="utf-8").count("ygs review blocked") == 1


def test_step_summary_is_skipped_without_the_variable(monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert report.write_step_summary("x") is False


def test_render_within_counts_what_it_leaves_out():
    review = result("b" * 40, "h" * 40, [finding(n, message="m" * 500) for n in range(1, 200)])
    text = markdown.render_within(20_000, review)
    shown = text.count("| MUST |")
    assert len(text.encode()) <= 20_000 and 0 < shown < 199
    assert f"… and {199 - shown} more finding(s) not listed here" in text and "</details>" in text


def test_markdown_cells_cannot_open_html_or_break_the_table():
    review = result("b" * 40, "h" * 40, [finding(1, message="<!-- ygs-review --> a|b <img src=x>")])
    text = markdown.render(review)
    assert "&lt;!-- ygs-review --&gt; a\\|b &lt;img src=x&gt;" in text and "<img" not in text


def test_inline_body_round_trips_its_marker_and_neutralises_html():
    hit = finding(4, message="see <!-- ygs-fp:deadbeef -->", sources=("semgrep", "bandit"))
    body = bodies.inline(hit)
    marker = bodies.marker_of(body)
    assert marker == bodies.Marker(hit.fingerprint, ("semgrep", "bandit"), False)
    assert body.count("<!-- ygs-fp:") == 1
    fixed = bodies.fixed(body)
    assert bodies.marker_of(fixed).fixed and bodies.marker_of(fixed).fingerprint == hit.fingerprint


def test_markers_must_open_the_body():
    assert bodies.marker_of("> <!-- ygs-fp:abc sources:x -->") is None
    assert not bodies.is_summary("quoting <!-- ygs-review -->")


def test_non_utf8_paths_do_not_crash_any_github_output(tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    odd = "caf\udce9.py"  # a Latin-1 file name, as git.diff decodes it (surrogateescape)
    review = result("b" * 40, "h" * 40, [finding(1, path=odd)])
    text = report.render(review)
    # the odd byte is shown as an escape, never written raw (0x80-0x9f would be C1 controls to a terminal)
    assert "::error file=caf\\xe9.py" in text and "caf\\xe9.py" in summary.read_text(encoding="utf-8")
    assert bodies.inline(finding(1, path=odd, message=f"in {odd}")).encode("utf-8")
