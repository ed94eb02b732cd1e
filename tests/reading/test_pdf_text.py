"""Reports printed to PDF (LibreOffice) and pulled out again with pdftotext, as found online."""

from __future__ import annotations

import random
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from gov_disclosure import Report
from gov_disclosure.html import write_html
from gov_disclosure.testing import random_report, sample_report
from gov_disclosure.text import read_text

pytestmark = pytest.mark.libreoffice

REPORTS: dict[str, Report] = {
    "s2019": sample_report("2019"),
    "s2021": sample_report("2021"),
    "b2019": random_report(random.Random(3), "2019", big=True),
    "b2021": random_report(random.Random(4), "2021", big=True),
}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    soffice = shutil.which("soffice")
    assert soffice is not None
    d = tmp_path_factory.mktemp("pdf")
    for name, r in REPORTS.items():
        (d / f"{name}.html").write_text(write_html(r), encoding="utf-8")
    profile = f"file:///tmp/lo-reading-{uuid.uuid4().hex}"
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(d),
         *(str(d / f"{n}.html") for n in REPORTS)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return {n: d / f"{n}.pdf" for n in REPORTS}


def pdftotext(pdf: Path, *args: str) -> str:
    out = subprocess.run(["pdftotext", *args, str(pdf), "-"], check=True, capture_output=True, timeout=60)
    return out.stdout.decode("utf-8")


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_pdftotext_layout_reads_every_cell(pdfs: dict[str, Path], name: str) -> None:
    r = REPORTS[name]
    back, findings = read_text(text=pdftotext(pdfs[name], "-layout"))
    assert back.format == r.format
    assert back.cell_map() == r.cell_map()
    assert findings == []
    assert back.published_on == r.published_on
    assert back.agency == r.agency


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_pdftotext_raw_never_places_a_wrong_value(pdfs: dict[str, Path], name: str) -> None:
    """Without -layout the cells of wide tables come out of order: what cannot be placed is a
    finding, and nothing is placed wrongly."""
    r = REPORTS[name]
    back, findings = read_text(text=pdftotext(pdfs[name]))
    placed = {a: v for a, v in back.cell_map().items() if v is not None}
    assert placed, "the simple tables are read"
    assert {a: r.cell(a) for a in placed} == placed
    if len(placed) < len(r.cell_map()):
        assert findings
