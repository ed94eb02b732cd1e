"""PDF files read directly (through poppler's pdftotext -layout): reports printed by LibreOffice,
damaged and scanned PDFs, a missing pdftotext, a time limit, and PDFs in a batch run."""

from __future__ import annotations

import random
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from gov_disclosure import MissingToolError, ReadError, Report, batch, read_report
from gov_disclosure.cli import main
from gov_disclosure.docx import write_docx
from gov_disclosure.pdf import pdf_text, read_pdf
from gov_disclosure.testing import random_report, sample_report

REPORTS: dict[str, Report] = {
    "s2019": sample_report("2019"),
    "r2021": random_report(random.Random(11), "2021"),
}

#: a valid PDF of one empty page: what a scan without OCR looks like to pdftotext
NO_TEXT_PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)


# Only the tests that print a report to PDF need LibreOffice (the ``pdfs`` fixture); the damaged,
# scanned and slow PDFs need pdftotext alone, and the test with neither reader needs nothing.


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    soffice = shutil.which("soffice")
    assert soffice is not None
    d = tmp_path_factory.mktemp("pdf-direct")
    for name, r in REPORTS.items():  # as most PDFs are made: a Word document saved as PDF
        write_docx(r, d / f"{name}.docx")
    profile = f"file:///tmp/lo-pdf-{uuid.uuid4().hex}"
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(d),
         *(str(d / f"{n}.docx") for n in REPORTS)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    for n in REPORTS:
        (d / f"{n}.docx").unlink()
    return {n: d / f"{n}.pdf" for n in REPORTS}


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", sorted(REPORTS))
def test_a_printed_report_reads_back_cell_for_cell(pdfs: dict[str, Path], name: str) -> None:
    r = REPORTS[name]
    back, findings = read_report(pdfs[name])  # recognised by content
    assert [f for f in findings if f.code != "GD107"] == []
    assert [f.code for f in findings] == ["GD107"]  # which way the pages were read
    assert back.format == r.format
    assert back.cell_map() == r.cell_map()
    assert (back.agency, back.year, back.published_on) == (r.agency, r.year, r.published_on)
    # the prose comes back with the line breaks of the page
    assert "".join(back.sections.overview.split()) == "".join(r.sections.overview.split())
    from_bytes, _ = read_pdf(pdfs[name].read_bytes())
    assert from_bytes.cell_map() == r.cell_map()


@pytest.mark.poppler
def test_a_damaged_pdf(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n this is not really a PDF")
    with pytest.raises(ReadError, match=r"damaged PDF|no text layer"):
        read_report(bad)
    with pytest.raises(ReadError, match="not a PDF"):
        read_pdf(b"hello")


@pytest.mark.poppler
def test_a_scan_without_text_says_to_run_ocr(tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(NO_TEXT_PDF)
    with pytest.raises(ReadError, match=r"no text layer.*OCR"):
        read_report(scan)


@pytest.mark.libreoffice
def test_without_pdftotext_pdfium_reads_the_pdf(
    pdfs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no pdftotext on it: a Windows user's machine
    r = REPORTS["s2019"]
    back, findings = read_report(pdfs["s2019"])
    assert back.cell_map() == r.cell_map()
    assert (back.agency, back.year, back.published_on) == (r.agency, r.year, r.published_on)
    assert [f.code for f in findings] == ["GD107"]
    assert "PDFium" in findings[0].message
    with pytest.raises(MissingToolError, match="poppler-utils"):
        pdf_text(pdfs["s2019"])  # the text layout itself is poppler's
    result = CliRunner().invoke(main, ["validate", str(pdfs["s2019"])])
    assert result.exit_code == 0, result.output


_WITHOUT_PDFIUM = """
import sys
sys.modules["pypdfium2"] = None  # as if the pdf extra were not installed
from gov_disclosure import MissingToolError
from gov_disclosure.pdf import read_pdf
try:
    report, findings = read_pdf(sys.argv[1])
except MissingToolError as exc:
    print("MissingToolError:", exc)
else:
    print("read", report.format, [f.code for f in findings], findings[0].message)
"""


@pytest.mark.libreoffice
def test_without_the_pdf_extra_pdftotext_reads_and_with_neither_the_error_says_what_to_install(
    pdfs: dict[str, Path], tmp_path: Path
) -> None:
    import os
    import sys

    def run(path: str) -> str:
        env = {**os.environ, "PATH": path}
        done = subprocess.run(
            [sys.executable, "-c", _WITHOUT_PDFIUM, str(pdfs["s2019"])],
            capture_output=True, text=True, timeout=120, env=env, check=True,
        )  # fmt: skip
        return done.stdout

    with_poppler = run(os.environ["PATH"])
    assert with_poppler.startswith("read 2019 ['GD107', 'GD107']"), with_poppler  # the way, the pages
    assert 'pip install "gov-disclosure[pdf]"' in with_poppler  # the note says what it would take
    neither = run(str(tmp_path))
    assert neither.startswith("MissingToolError"), neither
    assert "gov-disclosure[pdf]" in neither
    assert "poppler-utils" in neither


def test_with_neither_reader_the_error_says_what_to_install(tmp_path: Path) -> None:
    """Needs no program at all: a PDF, no pdftotext on the PATH, no PDFium."""
    import os
    import sys

    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(NO_TEXT_PDF)
    done = subprocess.run(
        [sys.executable, "-c", _WITHOUT_PDFIUM, str(pdf)],
        capture_output=True, text=True, timeout=120, env={**os.environ, "PATH": str(tmp_path)}, check=True,
    )  # fmt: skip
    assert done.stdout.startswith("MissingToolError"), done.stdout
    assert "poppler-utils" in done.stdout


@pytest.mark.poppler
def test_pdftotext_has_a_time_limit() -> None:
    with pytest.raises(ReadError, match=r"did not finish within 0\.001 s"):
        pdf_text(NO_TEXT_PDF, timeout=0.001)


@pytest.mark.libreoffice
def test_cli_read_and_batch_check_take_pdfs(pdfs: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["read", str(pdfs["s2019"]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists()
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, pdf in pdfs.items():
        shutil.copy(pdf, folder / f"{name}.pdf")
    (folder / "scan.pdf").write_bytes(NO_TEXT_PDF)
    run = batch.check_paths([folder], jobs=1)
    by_name = {Path(r.path).name: r for r in run.results}
    assert set(by_name) == {"s2019.pdf", "r2021.pdf", "scan.pdf"}
    assert by_name["s2019.pdf"].readable
    assert [f.code for f in by_name["s2019.pdf"].findings] == ["GD107"]
    assert by_name["r2021.pdf"].format == "2021"
    assert "OCR" in (by_name["scan.pdf"].error or "")
    assert run.summary.exit_code == 2
