"""Reports with blank cells in random places, written by write_docx and printed to PDF by
LibreOffice (one soffice run for all of them): read back from the ruled tables, every blank is
located and every value is right; the text-layer reading of the same files declines the rows with
blanks instead (GD105), never guessing."""

from __future__ import annotations

import random
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from gov_disclosure import Report
from gov_disclosure.core.vocabulary import FormatKey
from gov_disclosure.docx import write_docx
from gov_disclosure.pdf import pdf_text, read_pdf
from gov_disclosure.testing import random_report
from gov_disclosure.text import read_text

pytestmark = pytest.mark.libreoffice


def with_blanks(seed: int, format: FormatKey, share: float) -> Report:
    rng = random.Random(seed)
    r = random_report(rng, format)
    addresses = list(r.cell_map())
    return r.with_cells(dict.fromkeys(rng.sample(addresses, int(len(addresses) * share))))


REPORTS: dict[str, Report] = {
    "b2019": with_blanks(31, "2019", 0.15),
    "b2021": with_blanks(32, "2021", 0.15),
    "sparse2021": with_blanks(33, "2021", 0.6),
}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    soffice = shutil.which("soffice")
    assert soffice is not None
    d = tmp_path_factory.mktemp("pdf-blanks")
    for name, r in REPORTS.items():
        write_docx(r, d / f"{name}.docx")
    profile = f"file:///tmp/lo-pdf-{uuid.uuid4().hex}"
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(d),
         *(str(d / f"{n}.docx") for n in REPORTS)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return {n: d / f"{n}.pdf" for n in REPORTS}


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_blank_located_every_value_right(pdfs: dict[str, Path], name: str) -> None:
    r = REPORTS[name]
    back, findings = read_pdf(pdfs[name])
    assert [f.code for f in findings] == ["GD107"]
    assert back.cell_map() == r.cell_map()
    assert (back.agency, back.year, back.published_on) == (r.agency, r.year, r.published_on)


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_the_text_layer_alone_declines_rows_with_blanks(pdfs: dict[str, Path], name: str) -> None:
    r = REPORTS[name]
    back, findings = read_text(text=pdf_text(pdfs[name]))
    placed = {a: v for a, v in back.cell_map().items() if v is not None}
    assert {a: r.cell(a) for a in placed} == placed  # nothing wrong ...
    assert len(placed) < sum(1 for v in r.cell_map().values() if v is not None)  # ... but less read
    assert any(f.code == "GD105" for f in findings)
