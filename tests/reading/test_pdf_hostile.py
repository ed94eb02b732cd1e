"""Hostile PDFs, made in code: huge page counts, pages of thousands of rectangles, a damaged cross-
reference table, a decompression bomb, filters the stream check cannot measure. Each is read within
bounds or refused with a typed error; a page over budget is read from its text, with a finding."""

from __future__ import annotations

import random
import re
import shutil
import zlib
from pathlib import Path

import pytest

from gov_disclosure import ReadError, UnsafeFileError, read_report
from gov_disclosure.pdf import MAX_PAGES, read_pdf
from gov_disclosure.pdf._pages import MAX_CONTENT_STREAM, check_streams
from gov_disclosure.testing import random_report

from .pdf_make import Page, assemble_pdf, build_pdf, report_pages

REPORT = random_report(random.Random(21), "2021")
REAL = Path(__file__).parents[1] / "data" / "real" / "hongze-gov-2023.pdf"


@pytest.fixture
def no_poppler(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # PDFium alone


def codes(findings: list[object]) -> list[str]:
    return [f.code for f in findings]  # type: ignore[attr-defined]


def test_thousands_of_pages_only_the_first_are_read() -> None:
    blank = Page()
    blank.text(50, 50, 10, "附件")
    pages = report_pages(REPORT) + [blank] * (3 * MAX_PAGES)
    back, findings = read_pdf(build_pdf(pages))
    assert back.cell_map() == REPORT.cell_map()
    (note,) = [f for f in findings if "pages were read" in f.message]
    assert f"only the first {MAX_PAGES} of the PDF's {len(pages)} pages were read" in note.message
    assert note.severity.value == "warning"


def test_a_page_tree_that_lies_about_its_count() -> None:
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    with pytest.raises(ReadError, match="no text layer"):
        read_pdf(assemble_pdf(objs))


@pytest.mark.parametrize("poppler", [True, False])
def test_a_page_of_thousands_of_rectangles_is_read_from_its_text(
    poppler: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = report_pages(REPORT)
    noise = pages[0]
    for k in range(70_000):  # specks: visible, thin, each its own drawing object
        noise.fill(20 + (k % 500), 800 + (k // 500) % 20, 0.4, 0.4)
    if not poppler:
        monkeypatch.setenv("PATH", str(tmp_path))
    back, findings = read_pdf(build_pdf(pages))
    (note,) = [f for f in findings if "drawing objects" in f.message]
    assert note.message.startswith("how the file was read: page 1: more than")
    assert "not read from the ruling lines but from the text layer" in note.message
    placed = {a: v for a, v in back.cell_map().items() if v is not None}
    assert {a: REPORT.cell(a) for a in placed} == placed  # whatever was read is right
    appeals = {a for a in REPORT.cell_map() if a.startswith("appeals/")}  # on page 2, cell by cell
    assert {a: back.cell(a) for a in appeals} == {a: REPORT.cell(a) for a in appeals}


def test_a_grid_of_too_many_cells_is_refused_for_its_page() -> None:
    pages = report_pages(REPORT)
    grid = Page()
    for k in range(250):  # 249 x 249 cells
        grid.line(20 + 3 * k, 20, 20 + 3 * k, 770)
        grid.line(20, 20 + 3 * k, 770, 20 + 3 * k)
    grid.text(30, 800, 10, "行政复议 行政诉讼 结果维持")  # labels: a page to look at
    back, findings = read_pdf(build_pdf([*pages, grid]))
    assert back.cell_map() == REPORT.cell_map()
    assert any("positions" in f.message for f in findings)


def test_a_damaged_cross_reference_table() -> None:
    data = build_pdf(report_pages(REPORT))
    broken = re.sub(rb"\d{10} 00000 n", b"0000000099 00000 n", data)  # every offset wrong
    broken = re.sub(rb"startxref\n\d+", b"startxref\n12", broken)
    back, _ = read_pdf(broken)  # PDFium and pdftotext rebuild the table from the objects
    assert back.cell_map() == REPORT.cell_map()


@pytest.mark.usefixtures("no_poppler")
def test_a_damaged_cross_reference_table_without_poppler() -> None:
    data = build_pdf(report_pages(REPORT))
    broken = re.sub(rb"startxref\n\d+", b"startxref\n999999", data)
    back, _ = read_pdf(broken)
    assert back.cell_map() == REPORT.cell_map()


def test_a_truncated_file_is_a_read_error_or_what_is_there() -> None:
    data = build_pdf(report_pages(REPORT))
    for cut in (len(data) // 3, len(data) // 2, len(data) - 40):
        try:
            back, _ = read_pdf(data[:cut])
        except ReadError:
            continue
        placed = {a: v for a, v in back.cell_map().items() if v is not None}
        assert {a: REPORT.cell(a) for a in placed} == placed


def bomb() -> bytes:
    """A report whose first page also holds a stream inflating past the content limit."""
    pages = report_pages(REPORT)
    data = build_pdf(pages)
    padding = zlib.compress(b" " * (MAX_CONTENT_STREAM + 1024), 9)
    extra = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(padding) + padding + b"\nendstream"
    # appended as an object nobody uses: the check inflates every stream, used or not
    return data.replace(b"xref\n", b"999 0 obj\n" + extra + b"\nendobj\nxref\n", 1)


def test_a_decompression_bomb_is_not_opened() -> None:
    with pytest.raises(UnsafeFileError, match="inflates to more than"):
        check_streams(bomb())
    # no text poppler can read in it (its font needs poppler's language data): refused
    with pytest.raises(UnsafeFileError, match="inflates to more than"):
        read_pdf(bomb())


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_a_decompression_bomb_in_a_real_report_is_read_from_its_text_layer() -> None:
    padding = zlib.compress(b" " * (MAX_CONTENT_STREAM + 1024), 9)
    extra = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(padding) + padding + b"\nendstream"
    data = REAL.read_bytes() + b"\n999 0 obj\n" + extra + b"\nendobj\n"  # after the end: unused
    back, findings = read_pdf(data)
    (note,) = [f for f in findings if "not read from their geometry" in f.message]
    assert "inflates to more than" in note.message
    assert "read from the text layer" in note.message
    ruled, _ = read_pdf(REAL)
    assert back.cell_map() == ruled.cell_map()  # this report has no blank cell: the same cells


@pytest.mark.usefixtures("no_poppler")
def test_a_decompression_bomb_without_poppler_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.pdf"
    path.write_bytes(bomb())
    with pytest.raises(UnsafeFileError, match="inflates to more than"):
        read_report(path)


def test_filters_the_check_cannot_measure_are_not_opened() -> None:
    data = build_pdf(report_pages(REPORT)).replace(b"/Filter /FlateDecode", b"/Filter [/LZWDecode]", 1)
    with pytest.raises(UnsafeFileError, match="filters"):
        check_streams(data)
    hidden = zlib.compress(b"<< /Filter /LZWDecode >>")
    packed = b"<< /Type /ObjStm /Length %d /Filter /FlateDecode >>\nstream\n" % len(hidden) + hidden
    with pytest.raises(UnsafeFileError, match="filters"):
        check_streams(b"%PDF-1.7\n1 0 obj\n" + packed + b"\nendstream\nendobj\n")
