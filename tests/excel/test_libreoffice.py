"""The real thing: LibreOffice recalculates our formulas and check cells, saves, and renders."""

from __future__ import annotations

import io
import random
import subprocess
from pathlib import Path

import openpyxl
import pytest

from gov_disclosure.core.model import Report
from gov_disclosure.core.values import Amount
from gov_disclosure.core.vocabulary import APPLICATIONS_NOTE, SECTIONS, UNIT_LABELS, spec
from gov_disclosure.excel import read_xlsx, write_template, write_xlsx
from gov_disclosure.excel._layout import CHECK_BAD, CHECK_OK, layout, name_for
from gov_disclosure.rules import validate
from gov_disclosure.testing import random_report, sample_report

from .conftest import PDFTOPPM, needs_libreoffice, render_tables_png, soffice_convert_many

pytestmark = [pytest.mark.libreoffice, needs_libreoffice]

XLSX = "xlsx:Calc MS Excel 2007 XML"

_CHECK_LOCATION = {
    "GD201": "applications/{}/total",
    "GD202": "applications/total/{}",
    "GD203": "applications/balance/{}",
    "GD301": "appeals/{}/total",
}


def _messy(rng: random.Random, format: str) -> Report:
    """A report with broken sums and missing cells, but no text in number cells."""
    r = random_report(rng, format)  # type: ignore[arg-type]
    cells = {}
    for c in r.spec.cells:
        roll = rng.random()
        if roll < 0.05:
            cells[c.address] = None
        elif roll < 0.12 and not isinstance(r.cell(c.address), Amount):
            cells[c.address] = rng.randint(0, 50)
    return r.with_cells(cells)


def _typed_in_template(r: Report) -> bytes:
    """The template filled by typing inputs only: every total stays a formula."""
    data = write_template(None, r.format)
    assert isinstance(data, bytes)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    for c in layout(r.format).cells.values():
        v = r.cell(c.address)
        if c.parts or v is None:
            continue
        ((sheet, coord),) = list(wb.defined_names[name_for(c.address)].destinations)
        wb[sheet][coord.replace("$", "")] = float(v.value) if isinstance(v, Amount) else v
        if isinstance(v, Amount) and v.unit and c.unit_place:
            wb[sheet].cell(c.unit_place.row, c.unit_place.col).value = UNIT_LABELS[v.unit]
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_recalculated_totals_and_checks_agree_with_the_library(tmp_path: Path) -> None:
    rng = random.Random(20240601)
    cases: dict[str, tuple[Report, bytes]] = {}
    for i in range(3):
        for format in ("2019", "2021"):
            r = _messy(rng, format)
            cases[f"written-{format}-{i}"] = (r, write_xlsx(r))  # type: ignore[assignment]
            cases[f"typed-{format}-{i}"] = (r, _typed_in_template(r))
    srcs = []
    for name, (_, data) in cases.items():
        srcs.append(tmp_path / f"{name}.xlsx")
        srcs[-1].write_bytes(data)
    outs = soffice_convert_many(srcs, tmp_path / "lo", XLSX)
    for out, (name, (r, _)) in zip(outs, cases.items(), strict=True):
        back, findings = read_xlsx(out)
        lay = layout(r.format)
        typed = name.startswith("typed")
        values = openpyxl.load_workbook(out, data_only=True)
        if not typed:
            assert back == r, name
        for c, v in back.cells():
            if not lay.cells[c.address].parts:
                assert v == r.cell(c.address), (name, c.address)
                continue
            ((sheet, coord),) = list(values.defined_names[name_for(c.address)].destinations)
            shown = values[sheet][coord.replace("$", "")].value  # what LibreOffice computed and saved
            shown = None if shown == "" else shown
            computed = [f for f in findings if f.code == "GD111" and f.location == c.address]
            if computed:
                # a formula over blank (or text) cells: no reported value; the finding says what
                # the spreadsheet shows
                assert shown is None or f"shows {shown}" in computed[0].message, (name, c.address)
                continue
            assert shown == v, (name, c.address)
        result = validate(back, findings=findings)
        errors = {(f.code, f.location) for f in result.findings}
        unknown = {(n.code, n.location) for n in result.not_assessable}
        for chk in lay.checks:
            location = _CHECK_LOCATION[chk.code].format(chk.key)
            shown = values[chk.place.sheet].cell(chk.place.row, chk.place.col).value
            if (chk.code, location) in errors:
                assert shown == CHECK_BAD, (name, chk.code, location)
            elif (chk.code, location) in unknown:
                assert shown in (None, ""), (name, chk.code, location)
            else:
                assert shown == CHECK_OK, (name, chk.code, location, shown)


def test_libreoffice_keeps_names_literals_and_values(tmp_path: Path) -> None:
    r = sample_report("2021")
    r = Report.from_cells(
        "2021",
        r.cell_map(),
        year=r.year,
        agency="=1+1",
        agency_kind=r.agency_kind,
        published_on=r.published_on,
        sections=r.sections,
    )
    src = tmp_path / "literal.xlsx"
    write_xlsx(r, src)
    (out,) = soffice_convert_many([src], tmp_path / "lo", XLSX)
    back, findings = read_xlsx(out)
    assert back == r
    assert findings == []
    wb = openpyxl.load_workbook(out, data_only=True)
    ((sheet, coord),) = list(wb.defined_names[name_for("info/agency")].destinations)
    assert wb[sheet][coord.replace("$", "")].value == "=1+1"  # not 2


@pytest.mark.skipif(PDFTOPPM is None, reason="pdftoppm (poppler-utils) is not installed")
@pytest.mark.parametrize("format", ["2019", "2021"])
def test_blank_template_renders_with_the_official_labels(format: str, tmp_path: Path) -> None:
    src = tmp_path / f"template-{format}.xlsx"
    write_template(src, format)  # type: ignore[arg-type]
    width, height = render_tables_png(src, tmp_path / "tables.png", tmp_path)
    assert width > 800
    assert height > 900
    assert (tmp_path / "tables.png").read_bytes().startswith(b"\x89PNG")
    pdf = tmp_path / f"template-{format}.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True, timeout=60)
    assert "Pages:           6" in info.stdout  # one page per sheet
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    flat = "".join(text.split())
    s = spec(format)  # type: ignore[arg-type]
    assert "".join(APPLICATIONS_NOTE.split()) in flat
    for block in s.proactive:
        assert block.title in flat
    for row in s.applications_rows:
        assert "".join(row.label.split())[:6] in flat, row.label
    for sec in SECTIONS:
        assert sec.heading in flat
