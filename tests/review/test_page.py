"""The review page: self-contained, every offending cell marked, and it works in a real browser."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import lxml.html
import openpyxl
import pytest

from gov_disclosure.batch import iter_check
from gov_disclosure.review import Review, build_review, write_page
from gov_disclosure.review.page import page_html

from .png import ink, read_png

#: the cells each broken report must show marked (conftest.broken)
MARKED = {
    "applications/new/total": "e",
    "applications/granted/business": "x",  # 不详: not read (and a GD102)
    "appeals/review/total": "e",
    "applications/carried_over/total": "e",
    "applications/carried_over/natural_person": "e",
    # GD203 (the balance of a column) is shown at the first cell it names, the reported （七）总计
    "applications/total/natural_person": "e",
    "applications/total/total": "e",
}


def _review(corpus: dict[str, Path]) -> Review:
    return build_review(iter_check([corpus["0-2021"].parent], jobs=1, keep_reports=True), keep_reports=True)


def _marked(html: str) -> dict[str, dict[str, str]]:
    """report anchor → {address: class} of every marked cell."""
    doc = lxml.html.fromstring(html)
    out: dict[str, dict[str, str]] = {}
    for details in doc.iter("details"):
        cells = {td.get("data-a"): td.get("class") for td in details.iter("td") if td.get("data-a")}
        out[details.get("id")] = cells
    return out


def test_the_page_is_self_contained_and_marks_every_offending_cell(corpus: dict[str, Path]) -> None:
    review = _review(corpus)
    html = page_html(review)
    # nothing from elsewhere: no links, sources, imports or URLs but the SVG namespace
    assert "<link" not in html
    assert not re.search(r"\ssrc\s*=", html)
    assert "@import" not in html
    assert "url(" not in html
    assert set(re.findall(r"https?://[^\s\"'<>]+", html)) == {"http://www.w3.org/2000/svg"}
    marked = _marked(html)
    anchors = {f.path: f"r{i}" for i, f in enumerate(review.files, start=1)}
    for key in ("0-2022", "1-2022", "2-2022"):
        assert marked[anchors[str(corpus[key])]] == MARKED, key
    for key in ("0-2021", "1-2021", "2-2021"):
        assert marked[anchors[str(corpus[key])]] == {}, key
    # the overview: one row per file, with the indicators; three charts as inline SVG
    doc = lxml.html.fromstring(html)
    rows = doc.get_element_by_id("ov").findall(".//tbody/tr")
    assert len(rows) == 6
    assert len(doc.findall(".//svg")) == 3
    assert "GD201 总计不等于各申请人之和" in html  # the rule chart's labels
    # every finding of a report is listed beside its tables, numbered as the marks in the cells
    details = doc.get_element_by_id(anchors[str(corpus["1-2022"])])
    items = details.findall(".//aside//li")
    assert len(items) == len(
        review.files[[f.path for f in review.files].index(str(corpus["1-2022"]))].all_findings
    )
    for a in details.iter("a"):
        if a.get("class") == "m":
            assert doc.get_element_by_id(a.get("href")[1:]) is not None


def test_english_page(corpus: dict[str, Path]) -> None:
    html = page_html(_review(corpus), lang="en")
    assert '<html lang="en">' in html
    assert "Review of 6 reports" in html
    assert "disclosure rate" in html


@pytest.mark.chromium
def test_chromium_renders_the_page_and_every_marked_cell_is_in_the_dom(
    corpus: dict[str, Path], tmp_path: Path, helpers: Any
) -> None:
    review = _review(corpus)
    broken = str(corpus["1-2022"])
    page = tmp_path / "review.html"
    write_page(review, page, open_reports={broken})
    # the DOM after the scripts ran: every marked cell is there, with its mark
    dom = helpers.chromium(["--dump-dom", page.as_uri()], tmp_path).stdout.decode("utf-8")
    assert _marked(dom) == _marked(page.read_text(encoding="utf-8"))
    assert sum(len(v) for v in _marked(dom).values()) == 3 * len(MARKED)
    # the hash of a report opens it (the overview's links)
    anchor = f"r{[f.path for f in review.files].index(str(corpus['0-2022'])) + 1}"
    opened = helpers.chromium(["--dump-dom", f"{page.as_uri()}#{anchor}"], tmp_path).stdout.decode("utf-8")
    details = lxml.html.fromstring(opened).get_element_by_id(anchor)
    assert details.get("open") is not None
    # a screenshot: not blank, in colour
    shot = tmp_path / "shot.png"
    helpers.chromium([f"--screenshot={shot}", "--window-size=1280,2400", page.as_uri()], tmp_path)
    width, height, rows = read_png(shot)
    assert (width, height) == (1280, 2400)
    share, colours = ink(rows)
    assert share > 0.05, "the screenshot is (nearly) blank"
    assert colours > 30


def test_a_row_of_values_without_a_label_greys_and_counts_the_cells_it_may_fill(tmp_path: Path) -> None:
    """The review's declined cells are the reading quality's (core/quality): a row of values without
    a label of the format (GD106 at the table) leaves its table's empty cells declined, not blank."""
    from gov_disclosure.core.quality import ReadQuality
    from gov_disclosure.core.vocabulary import APPLICATIONS_COLUMNS
    from gov_disclosure.io import read_report
    from gov_disclosure.review import write_review_workbook
    from gov_disclosure.testing import sample_report
    from gov_disclosure.text import write_text

    text = write_text(sample_report("2021")).replace("一、本年新收政府信息公开申请数量", "本年度收到的各类来信", 1)
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    report, read = read_report(path)
    assert [(f.code, f.location, f.cells) for f in read] == [("GD106", "applications", ())]
    new_row = {f"applications/new/{c.key}" for c in APPLICATIONS_COLUMNS}
    assert set(ReadQuality.of(report, read).declined_cells) == new_row
    review = build_review(iter_check([path], jobs=1, keep_reports=True), keep_reports=True)
    (file,) = review.files
    assert file.quality is not None
    assert (file.quality.placed, file.quality.declined, file.quality.blank) == (193, 7, 0)
    (cells,) = _marked(page_html(review)).values()
    assert {a for a, klass in cells.items() if klass == "x"} == new_row
    write_review_workbook(review, tmp_path / "review.xlsx")
    overview = openpyxl.load_workbook(tmp_path / "review.xlsx")["总览"]
    assert [c.value for c in overview[2]][4:6] == [193, 7]
