"""The written document follows the official-document conventions (GB/T 9704) and the official
table layout."""

from __future__ import annotations

import io
import zipfile

import pytest

import docx
from gov_disclosure.core.vocabulary import SECTIONS
from gov_disclosure.docx import DocxStyle, write_docx
from gov_disclosure.testing import sample_report

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def written() -> bytes:
    return write_docx(sample_report("2021"))


def _style(document: docx.document.Document, style_id: str) -> object:
    return document.styles.element.find(f"{W}style[@{W}styleId='{style_id}']")


def _fonts(style: object) -> dict[str, str]:
    rfonts = style.find(f"{W}rPr/{W}rFonts")  # type: ignore[attr-defined]
    return {k.removeprefix(W): v for k, v in rfonts.attrib.items()}


def _size(style: object) -> float:
    return int(style.find(f"{W}rPr/{W}sz").get(f"{W}val")) / 2  # type: ignore[attr-defined]


def test_a4_and_margins(written: bytes) -> None:
    section = docx.Document(io.BytesIO(written)).sections[0]
    for got, want in (
        (section.page_width, 210),
        (section.page_height, 297),
        (section.top_margin, 37),
        (section.bottom_margin, 35),
        (section.left_margin, 28),
        (section.right_margin, 26),
    ):
        assert got is not None
        assert abs(got.mm - want) < 0.1


def test_fonts_and_sizes_set_for_east_asian_text(written: bytes) -> None:
    document = docx.Document(io.BytesIO(written))
    title = _style(document, "ReportTitle")
    heading = _style(document, "ReportHeading1")
    normal = _style(document, "Normal")
    for style, font, size in (
        (title, "方正小标宋简体", 22),
        (heading, "黑体", 16),
        (normal, "仿宋_GB2312", 16),
    ):
        fonts = _fonts(style)
        assert fonts["eastAsia"] == font
        assert fonts["ascii"] == font
        assert fonts["hAnsi"] == font
        assert not any(k.endswith("Theme") for k in fonts)  # theme fonts would override them
        assert _size(style) == size
    assert _size(_style(document, "ReportTableText")) <= 10.5
    # the document defaults do not fall back to theme fonts either
    defaults = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert defaults is not None
    assert defaults.get(f"{W}eastAsia") == "仿宋_GB2312"


def test_title_headings_and_signature(written: bytes) -> None:
    report = sample_report("2021")
    paragraphs = docx.Document(io.BytesIO(written)).paragraphs
    assert paragraphs[0].text == f"{report.agency}{report.year}年政府信息公开工作年度报告"
    assert [p.text for p in paragraphs if p.style.style_id == "ReportHeading1"] == [
        s.heading for s in SECTIONS
    ]
    assert report.published_on is not None
    d = report.published_on
    assert [p.text for p in paragraphs[-2:]] == [report.agency, f"{d.year}年{d.month}月{d.day}日"]


def test_page_numbers_in_odd_and_even_footers(written: bytes) -> None:
    archive = zipfile.ZipFile(io.BytesIO(written))
    footers = [archive.read(n).decode() for n in archive.namelist() if n.startswith("word/footer")]
    assert len(footers) == 2
    for xml in footers:
        assert "PAGE" in xml
        assert "— " in xml
    settings = archive.read("word/settings.xml").decode()
    assert "evenAndOddHeaders" in settings


def test_appeals_table_fits_the_text_width(written: bytes) -> None:
    document = docx.Document(io.BytesIO(written))
    section = document.sections[0]
    assert section.page_width is not None
    assert section.left_margin is not None
    assert section.right_margin is not None
    text_width = (section.page_width - section.left_margin - section.right_margin) / 635  # EMU -> twips
    for table in document.tables:
        grid = table._tbl.find(f"{W}tblGrid")
        widths = [int(col.get(f"{W}w")) for col in grid]
        assert sum(widths) <= text_width + 2
    appeals = document.tables[2]._tbl
    assert len(appeals.find(f"{W}tblGrid")) == 15


def test_official_layout_merges(written: bytes) -> None:
    """Header cells merged as in the official blank: the note 3×3, 申请人情况 over seven columns,
    行政诉讼 over ten, group labels merged vertically."""
    document = docx.Document(io.BytesIO(written))
    applications, appeals = document.tables[1], document.tables[2]
    first = applications.rows[0]._tr.findall(f"{W}tc")
    assert [tc.find(f"{W}tcPr/{W}gridSpan").get(f"{W}val") for tc in first] == ["3", "7"]
    top = appeals.rows[0]._tr.findall(f"{W}tc")
    assert [(tc.find(f"{W}tcPr/{W}gridSpan").get(f"{W}val")) for tc in top] == ["5", "10"]
    assert [c.text for c in appeals.rows[0].cells][::5] == ["行政复议", "行政诉讼", "行政诉讼"]
    merged = [
        tc
        for tr in applications._tbl.findall(f"{W}tr")
        for tc in tr.findall(f"{W}tc")
        if tc.find(f"{W}tcPr/{W}vMerge") is not None
    ]
    assert len(merged) > 25


def test_blank_cells_are_blank_and_totals_as_reported() -> None:
    r = sample_report("2021").with_cells({"appeals/review/upheld": None, "applications/new/total": 12345})
    document = docx.Document(io.BytesIO(write_docx(r)))
    values = document.tables[2].rows[3].cells
    assert values[0].text == ""
    assert document.tables[1].rows[3].cells[9].text == "12345"


def test_custom_style_changes_sizes() -> None:
    data = write_docx(sample_report("2019"), style=DocxStyle(table_size=9, title_font="华文中宋"))
    document = docx.Document(io.BytesIO(data))
    assert _size(_style(document, "ReportTableText")) == 9
    assert _fonts(_style(document, "ReportTitle"))["eastAsia"] == "华文中宋"
