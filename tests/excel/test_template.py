"""The blank template: sheets, names, protection, validation, formulas, literal text."""

from __future__ import annotations

import io

import openpyxl
import pytest
from openpyxl.cell.cell import MergedCell
from openpyxl.worksheet.worksheet import Worksheet

from gov_disclosure.core.model import Report
from gov_disclosure.core.vocabulary import (
    APPLICATIONS_NOTE,
    SECTIONS,
    TABLE_TITLES,
    CellKind,
    spec,
)
from gov_disclosure.excel import read_xlsx, write_template, write_xlsx
from gov_disclosure.excel._layout import (
    INFO_LABELS,
    SHEET_GUIDE,
    SHEET_INFO,
    SHEET_TEXT,
    layout,
    name_for,
)

FORMATS = ["2019", "2021"]


def _wb(format: str) -> openpyxl.Workbook:
    data = write_template(None, format)  # type: ignore[arg-type]
    assert isinstance(data, bytes)
    return openpyxl.load_workbook(io.BytesIO(data))


def _ws(wb: openpyxl.Workbook, title: str) -> Worksheet:
    ws = wb[title]
    assert isinstance(ws, Worksheet)
    return ws


def _named(wb: openpyxl.Workbook, key: str) -> tuple[Worksheet, str]:
    dn = wb.defined_names[name_for(key)]
    ((sheet, coord),) = list(dn.destinations)
    return _ws(wb, sheet), coord.replace("$", "")


@pytest.mark.parametrize("format", FORMATS)
def test_sheets_in_order(format: str) -> None:
    wb = _wb(format)
    assert wb.sheetnames == [SHEET_GUIDE, SHEET_INFO, *TABLE_TITLES.values(), SHEET_TEXT]


@pytest.mark.parametrize("format", FORMATS)
def test_every_cell_has_a_defined_name_at_its_labels(format: str) -> None:
    wb = _wb(format)
    for c in spec(format).cells:  # type: ignore[arg-type]
        ws, coord = _named(wb, c.address)
        assert ws.title == TABLE_TITLES[c.table]
        row = ws[coord].row
        if c.table != "appeals":
            labels = [ws.cell(row, col).value for col in range(1, 4)]
            assert c.row_label in labels, (c.address, labels)
    for key in INFO_LABELS:
        ws, coord = _named(wb, f"info/{key}")
        assert ws.cell(ws[coord].row, 1).value == INFO_LABELS[key]
    for sec in SECTIONS:
        ws, coord = _named(wb, f"sections/{sec.key}")
        assert ws.title == SHEET_TEXT
        assert ws.cell(ws[coord].row, 1).value == sec.heading


@pytest.mark.parametrize("format", FORMATS)
def test_only_inputs_are_unlocked_and_sheets_protected(format: str) -> None:
    wb = _wb(format)
    lay = layout(format)  # type: ignore[arg-type]
    inputs = {(c.place.sheet, c.place.row, c.place.col) for c in lay.cells.values() if not c.parts}
    inputs |= {
        (c.unit_place.sheet, c.unit_place.row, c.unit_place.col) for c in lay.cells.values() if c.unit_place
    }
    for title in TABLE_TITLES.values():
        ws = _ws(wb, title)
        assert ws.protection.sheet is True
        assert not ws.protection.password
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell, MergedCell):
                    continue  # part of a merged range: not enterable on its own
                unlocked = cell.protection.locked is False
                assert unlocked == ((title, cell.row, cell.column) in inputs), cell.coordinate


@pytest.mark.parametrize("format", FORMATS)
def test_inputs_carry_data_validation(format: str) -> None:
    wb = _wb(format)
    lay = layout(format)  # type: ignore[arg-type]
    for c in lay.cells.values():
        if c.parts:
            continue
        ws = _ws(wb, c.place.sheet)
        coord = ws.cell(c.place.row, c.place.col).coordinate
        rules = [dv for dv in ws.data_validations.dataValidation if coord in dv.sqref]
        assert len(rules) == 1, c.address
        dv = rules[0]
        assert dv.showErrorMessage
        assert dv.error
        if c.kind is CellKind.COUNT:
            assert (dv.type, dv.operator, dv.formula1) == ("whole", "greaterThanOrEqual", "0")
        elif c.kind is CellKind.SIGNED:
            assert dv.type == "whole"
            assert dv.operator == "between"
            assert int(dv.formula1) < 0
        else:
            assert (dv.type, dv.operator, dv.formula1) == ("decimal", "greaterThanOrEqual", "0")


@pytest.mark.parametrize("format", FORMATS)
def test_totals_and_checks_are_formulas(format: str) -> None:
    wb = _wb(format)
    lay = layout(format)  # type: ignore[arg-type]
    totals = [a for a, c in lay.cells.items() if c.parts]
    s = spec(format)  # type: ignore[arg-type]
    want = {f"applications/{r.key}/total" for r in s.applications_rows}
    want |= {
        f"applications/total/{c}"
        for c in (
            "natural_person",
            "business",
            "research",
            "nonprofit",
            "legal_service",
            "other_org",
            "total",
        )
    }
    want |= {f"appeals/{g}/total" for g in ("review", "suit_direct", "suit_after_review")}
    assert set(totals) == want
    for a in totals:
        ws, coord = _named(wb, a)
        assert ws[coord].data_type == "f"
        assert ws[coord].value.startswith("=IF(COUNT(")
    codes = {chk.code for chk in lay.checks}
    assert codes == {"GD201", "GD202", "GD203", "GD301"}
    apps = _ws(wb, TABLE_TITLES["applications"])
    for chk in lay.checks:
        ws = _ws(wb, chk.place.sheet)
        cell = ws.cell(chk.place.row, chk.place.col)
        assert cell.data_type == "f"
        assert "正确" in cell.value
        assert "错误" in cell.value
    assert len(apps.conditional_formatting) >= 1
    assert apps["A2"].value == APPLICATIONS_NOTE


@pytest.mark.parametrize("format", FORMATS)
def test_blank_template_reads_as_blank_report(format: str) -> None:
    data = write_template(None, format)  # type: ignore[arg-type]
    assert isinstance(data, bytes)
    report, findings = read_xlsx(data)
    assert report == Report.blank(format)  # type: ignore[arg-type]
    cells = {f.location for f in findings if f.code == "GD101"}
    assert cells == {c.address for c in spec(format).cells}  # type: ignore[arg-type]
    assert all(f.source and "!" in f.source for f in findings)


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", '=HYPERLINK("http://x")'])
def test_user_text_is_never_a_formula(text: str, tmp_path: object) -> None:
    r = Report.blank("2021", agency=text, year=2022).with_cells({})
    r = Report.from_cells(
        "2021", {}, agency=text, year=2022, sections=r.sections.__class__(overview=text, problems=text)
    )
    data = write_xlsx(r)
    assert isinstance(data, bytes)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws, coord = _named(wb, "info/agency")
    assert ws[coord].data_type == "s"
    assert ws[coord].value == text
    assert b"<f>" not in _sheet_xml(data, SHEET_INFO)
    back, _ = read_xlsx(data)
    assert back.agency == text
    assert back.sections.overview == text


def _sheet_xml(data: bytes, title: str) -> bytes:
    import zipfile

    wb = openpyxl.load_workbook(io.BytesIO(data))
    index = wb.sheetnames.index(title) + 1
    return zipfile.ZipFile(io.BytesIO(data)).read(f"xl/worksheets/sheet{index}.xml")


def test_control_characters_are_removed_not_crashed_on() -> None:
    from gov_disclosure.core.model import Sections

    r = Report.from_cells(
        "2021",
        {},
        agency="某局\x00\x07\x1b",
        year=2022,
        sections=Sections(overview="第一行\r\n第二行\x0b\x85\ufffe", problems="a\tb"),
    )
    back, _ = read_xlsx(write_xlsx(r))  # type: ignore[arg-type]
    assert back.agency == "某局"
    assert back.sections.overview == "第一行\n第二行"
    assert back.sections.problems == "a\tb"


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        write_template(None, "2020")  # type: ignore[arg-type]


def test_output_is_byte_stable() -> None:
    import time

    from gov_disclosure.testing import sample_report

    r = sample_report("2019")
    first, blank = write_xlsx(r), write_template(None, "2021")
    time.sleep(1.1)  # openpyxl stamps the save time (to the second) into docProps and the zip
    assert write_xlsx(r) == first
    assert write_template(None, "2021") == blank
