"""How well a file was read: cells placed / declined / blank, from the report and the reader's findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from gov_disclosure import ReadQuality, read_report_info, validate
from gov_disclosure.core.codes import CODES
from gov_disclosure.core.findings import CellRef
from gov_disclosure.testing import sample_report


def test_placed_declined_blank() -> None:
    r = sample_report("2021").with_cells(
        {
            "applications/new/natural_person": None,  # declined: a finding lists the cell
            "applications/granted/business": None,  # declined: its row did not fit
            "applications/granted/total": None,
            "appeals/review/upheld": None,  # declined: the table's values were seen, not placed
            "proactive/art20_1.rules/issued": None,  # blank: nothing said about it
        }
    )
    findings = [
        CODES["GD102"].finding(
            "x",
            "x",
            location="applications/new/natural_person",
            cells=[CellRef("applications/new/natural_person", None)],
        ),
        CODES["GD105"].finding("x", "x", location="applications/granted"),
        CODES["GD106"].finding("x", "x", location="appeals"),
        CODES["GD106"].finding("x", "x"),  # nowhere in particular: covers nothing
        CODES["GD101"].finding("x", "x", location="proactive/art20_1.rules/issued"),  # not a reader's
    ]
    q = ReadQuality.of(r, findings)
    assert (q.placed, q.declined, q.blank, q.cells) == (195, 4, 1, 200)
    assert q.declined_cells == (
        "applications/new/natural_person",
        "applications/granted/business",
        "applications/granted/total",
        "appeals/review/upheld",
    )
    assert q.to_dict() == {"placed": 195, "declined": 4, "blank": 1, "cells": 200}


def test_a_validators_findings_do_not_make_cells_declined() -> None:
    r = sample_report("2019").with_cells({"applications/new/total": None})
    q = ReadQuality.of(r, validate(r).findings)
    assert (q.declined, q.blank) == (0, 1)


def test_the_official_blank_form_is_read_with_every_cell_blank() -> None:
    pytest.importorskip("docx")
    info = read_report_info(Path(__file__).parent.parent / "data" / "official-blank-2021.docx")
    assert (info.quality.placed, info.quality.declined, info.quality.blank) == (0, 0, 200)
    assert len([f for f in validate(info.report, findings=info.findings) if f.code == "GD101"]) == 200


def test_a_total_computed_over_blanks_is_declined_but_its_blank_parts_are_blank(tmp_path: Path) -> None:
    """A filled template where a clerk left three applicant cells blank: the total's formula shows
    the sum of the others (GD111: declined), the three parts are blank, not declined, and a number
    typed as text (GD110) is placed."""
    pytest.importorskip("openpyxl")
    import openpyxl

    from gov_disclosure.excel import read_xlsx, write_xlsx

    path = tmp_path / "filled.xlsx"
    write_xlsx(sample_report("2021"), path)
    wb = openpyxl.load_workbook(path)

    def cell(address: str) -> openpyxl.cell.cell.Cell:
        ((sheet, coord),) = list(wb.defined_names["gd." + address.replace("/", ".")].destinations)
        return wb[sheet][coord.replace("$", "")]

    blanked = ["applications/new/business", "applications/new/research", "applications/new/nonprofit"]
    for address in blanked:
        cell(address).value = None
    typed = cell("applications/granted/natural_person")
    typed.value, typed.data_type = str(typed.value), "s"
    wb.save(path)
    report, findings = read_xlsx(path)
    assert {f.code for f in findings} >= {"GD110", "GD111"}
    q = ReadQuality.of(report, findings)
    assert "applications/new/total" in q.declined_cells
    assert not set(blanked) & set(q.declined_cells)
    assert "applications/granted/natural_person" not in q.declined_cells
    assert report.cell("applications/granted/natural_person") is not None
    blank_here = {f.location for f in validate(report, findings=findings).findings if f.code == "GD101"}
    assert set(blanked) <= blank_here  # said blank, once each
