"""Write a blank template, fill a few cells as a clerk would (here with openpyxl), read it back.

    python examples/excel_roundtrip.py [OUT_DIR]

Cells are found by their defined names (``gd.`` + the FORMAT.md address with dots), so filling does
not depend on cell positions.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import openpyxl

from gov_disclosure import validate
from gov_disclosure.excel import read_xlsx, write_template


def cell_of(wb: openpyxl.Workbook, address: str) -> openpyxl.cell.cell.Cell:
    """The cell of a FORMAT.md address (or ``info/agency``, ``sections/problems``)."""
    name = "gd." + address.replace("/", ".")
    ((sheet, coord),) = list(wb.defined_names[name].destinations)
    cell = wb[sheet][coord.replace("$", "")]
    assert isinstance(cell, openpyxl.cell.cell.Cell)
    return cell


def main(out_dir: Path) -> None:
    blank = out_dir / "blank-2021.xlsx"
    write_template(blank, "2021")

    wb = openpyxl.load_workbook(blank)
    cell_of(wb, "info/agency").value = "某市某区某某局"
    cell_of(wb, "info/year").value = 2023
    cell_of(wb, "applications/new/natural_person").value = 12
    cell_of(wb, "applications/carried_over/natural_person").value = 1
    cell_of(wb, "applications/granted/natural_person").value = 10
    cell_of(wb, "applications/carried_forward/natural_person").value = 3
    cell_of(wb, "applications/new/business").value = "见附件"  # text in a number cell
    cell_of(wb, "proactive/art20_8.fees/amount").value = 1.5  # 万元, as the header says
    cell_of(wb, "sections/problems").value = "=政策解读不够深入"  # stays text, never a formula
    filled = out_dir / "filled-2021.xlsx"
    wb.save(filled)

    report, findings = read_xlsx(filled)
    # (七)总计 is the template's formula over the result rows, most of them left blank: Excel shows
    # 10, but nobody reported it, so it reads as missing with a GD111 finding
    print(
        f"{report.agency} {report.year}: (七)总计/自然人 = {report.cell('applications/total/natural_person')}"
    )
    print(f"fees: {report.cell('proactive/art20_8.fees/amount')}")
    print(f"problems section: {report.sections.problems!r}")
    result = validate(report, findings=findings)
    for f in result.findings:
        if f.code != "GD101":  # blank cells: too many to print here
            print(f"{f.code} {f.severity.value:<7} {f.location} {f.source or ''} {f.message}")
    print(f"{len(result.findings)} findings ({result.codes()['GD101']} blank cells)")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            main(Path(tmp))
