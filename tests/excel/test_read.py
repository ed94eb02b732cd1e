"""Reading templates filled by hand (here: by openpyxl, as a clerk's Excel would), and the mess."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import openpyxl.worksheet.cell_range
import openpyxl.worksheet.worksheet
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_disclosure.core.model import Report
from gov_disclosure.core.values import Amount
from gov_disclosure.core.vocabulary import TABLE_TITLES
from gov_disclosure.excel import read_xlsx, write_template, write_xlsx
from gov_disclosure.excel._layout import layout, name_for
from gov_disclosure.rules import validate
from gov_disclosure.testing import sample_report

APPS = TABLE_TITLES["applications"]


def _template(format: str = "2021") -> openpyxl.Workbook:
    data = write_template(None, format)  # type: ignore[arg-type]
    assert isinstance(data, bytes)
    return openpyxl.load_workbook(io.BytesIO(data))


def _coord(wb: openpyxl.Workbook, key: str) -> tuple[str, str]:
    ((sheet, coord),) = list(wb.defined_names[name_for(key)].destinations)
    return sheet, coord.replace("$", "")


def _set(wb: openpyxl.Workbook, key: str, value: object) -> str:
    sheet, coord = _coord(wb, key)
    wb[sheet][coord] = value
    return f"{sheet}!{coord}"


def _save(wb: openpyxl.Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _fill(wb: openpyxl.Workbook, report: Report) -> None:
    """Type the report's input cells into the template, as a clerk would (totals left as formulas)."""
    lay = layout(report.format)
    for c in lay.cells.values():
        v = report.cell(c.address)
        if c.parts or v is None:
            continue
        if isinstance(v, Amount):
            _set(wb, c.address, float(v.value))
        else:
            _set(wb, c.address, v)
    _set(wb, "info/agency", report.agency)
    _set(wb, "info/year", report.year)


def test_filled_by_openpyxl_formula_totals_without_cached_values_are_computed() -> None:
    r = sample_report("2021")
    wb = _template()
    _fill(wb, r)
    back, findings = read_xlsx(_save(wb))
    for c, v in r.cells():
        assert back.cell(c.address) == v, c.address
    assert findings == []
    assert back.agency == r.agency


def test_text_unit_and_blank_cells_give_findings_with_positions() -> None:
    wb = _template()
    _fill(wb, sample_report("2021"))
    text_at = _set(wb, "applications/granted/research", "见附件")
    unit_at = _set(wb, "applications/granted/business", "109994元")
    _set(wb, "applications/partial/business", None)
    _set(wb, "applications/partial/nonprofit", "/")
    back, findings = read_xlsx(_save(wb))
    by = {(f.code, f.location): f for f in findings}
    f = by["GD102", "applications/granted/research"]
    assert (f.source, f.raw) == (text_at, "见附件")
    assert back.cell("applications/granted/research") is None
    assert back.raw["applications/granted/research"] == "见附件"
    f = by["GD104", "applications/granted/business"]
    assert (f.source, f.raw) == (unit_at, "109994元")
    assert back.cell("applications/granted/business") == 109994
    assert ("GD101", "applications/partial/business") in by
    assert back.raw["applications/partial/nonprofit"] == "/"
    # the validator keeps the reader's findings (with positions) and adds the sums
    result = validate(back, findings=findings)
    assert any(x.code == "GD102" and x.source == text_at for x in result.findings)
    # the row total formula over a cell that holds no number: what Excel shows is no reported
    # value (GD111, naming the cells); the text read as a number is said to be text (GD110)
    assert back.cell("applications/granted/total") is None
    computed = by["GD111", "applications/granted/total"]
    assert "科研机构" in computed.message_zh
    assert "商业企业" in computed.message_zh
    assert ("GD110", "applications/granted/business") in by


def test_total_overwritten_by_hand_is_taken_as_reported() -> None:
    r = sample_report("2021")
    wb = _template()
    _fill(wb, r)
    _set(wb, "applications/new/total", 12345)
    _set(wb, "appeals/review/total", 0)
    back, findings = read_xlsx(_save(wb))
    assert back.cell("applications/new/total") == 12345
    assert back.cell("appeals/review/total") == 0
    codes = {(f.code, f.location) for f in validate(back, findings=findings).findings}
    assert ("GD201", "applications/new/total") in codes
    assert ("GD203", "applications/balance/total") in codes


def test_numbers_typed_as_decimals_and_negatives() -> None:
    wb = _template("2019")
    _set(wb, "applications/new/natural_person", 2.5)
    _set(wb, "applications/new/business", -3)
    _set(wb, "proactive/art20_5.licensing/change", -13)
    _set(wb, "proactive/art20_9.procurement/amount", 160.5964)
    _set(wb, "proactive/art20_9.procurement/amount/unit", "万元")
    back, findings = read_xlsx(_save(wb))
    assert back.cell("applications/new/natural_person") is None
    assert back.raw["applications/new/natural_person"] == "2.5"
    assert back.cell("applications/new/business") == -3
    assert back.cell("proactive/art20_5.licensing/change") == -13
    amount = back.cell("proactive/art20_9.procurement/amount")
    assert isinstance(amount, Amount)
    assert (str(amount.value), amount.unit) == ("160.5964", "wan_yuan")
    codes = {(f.code, f.location) for f in findings}
    assert ("GD103", "applications/new/natural_person") in codes
    assert ("GD103", "applications/new/business") in codes
    assert not any(loc == "proactive/art20_5.licensing/change" for _, loc in codes)


def test_metadata_typed_as_text() -> None:
    wb = _template()
    _set(wb, "info/year", "2022年")
    _set(wb, "info/published_on", "2023年1月20日")
    _set(wb, "info/agency_kind", "部门")
    back, findings = read_xlsx(_save(wb))
    assert back.year == 2022
    assert str(back.published_on) == "2023-01-20"
    assert back.agency_kind == "department"
    _set(wb, "info/year", "去年")
    _set(wb, "info/published_on", "春节前")
    back, findings = read_xlsx(_save(wb))
    assert back.year is None
    assert back.published_on is None
    assert {(f.code, f.location, f.raw) for f in findings} >= {
        ("GD106", "year", "去年"),
        ("GD106", "published_on", "春节前"),
    }


def test_renamed_sheets_are_found_by_their_heading() -> None:
    r = sample_report("2021")
    data = write_xlsx(r)
    assert isinstance(data, bytes)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        ws.title = f"表{wb.worksheets.index(ws)}"  # openpyxl does not update the defined names
    back, findings = read_xlsx(_save(wb))
    assert back == r
    assert findings == []


def _insert_rows(ws: openpyxl.worksheet.worksheet.Worksheet, idx: int, n: int) -> None:
    """Insert rows moving cells and merged ranges (as Excel does) but not names or formulas."""
    ranges = [r.coord for r in ws.merged_cells.ranges]
    for coord in ranges:
        ws.unmerge_cells(coord)
    ws.insert_rows(idx, amount=n)
    for coord in ranges:
        rng = openpyxl.worksheet.cell_range.CellRange(coord)
        if rng.min_row >= idx:
            rng.shift(row_shift=n)
        elif rng.max_row >= idx:
            rng.expand(down=n)
        ws.merge_cells(rng.coord)


def test_rows_inserted_are_survived_by_label_check() -> None:
    r = sample_report("2019")
    data = write_xlsx(r)
    assert isinstance(data, bytes)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb[APPS]
    # the defined names and formulas are left pointing at the old cells: the worst case
    _insert_rows(ws, 2, 2)
    ws["A2"] = "本表由XX填报"
    _insert_rows(wb["主动公开政府信息情况"], 5, 1)
    back, findings = read_xlsx(_save(wb))
    lay = layout("2019")
    for c, v in r.cells():
        if not lay.cells[c.address].parts:  # every input cell is found by its row label
            assert back.cell(c.address) == v, c.address
    # formulas that no longer point at their parts and have no saved value: said, not guessed
    unknown = [f for f in findings if f.code == "GD106"]
    assert all(f.location and f.location.startswith("applications/") for f in unknown)
    for f in unknown:
        v = back.cell(f.location)  # type: ignore[arg-type]
        assert v is None or v == r.cell(f.location)  # type: ignore[arg-type]


def test_changed_label_without_name_is_not_guessed() -> None:
    r = sample_report("2021")
    data = write_xlsx(r)
    assert isinstance(data, bytes)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    sheet, coord = _coord(wb, "applications/granted/natural_person")
    del wb.defined_names[name_for("applications/granted/natural_person")]
    ws = wb[sheet]
    row = ws[coord].row
    for col in (1, 2, 3):
        if ws.cell(row, col).value:
            ws.cell(row, col).value = "（一）同意公开"
    back, findings = read_xlsx(_save(wb))
    assert back.cell("applications/granted/natural_person") is None
    assert ("GD106", "applications/granted/natural_person") in {(f.code, f.location) for f in findings}


@pytest.mark.parametrize("address", ["appeals/review/total", "appeals/review/upheld"])
def test_foreign_formula_without_saved_value_is_said(address: str) -> None:
    wb = _template()
    _fill(wb, sample_report("2021"))
    _set(wb, address, "=1+2")
    back, findings = read_xlsx(_save(wb))
    assert back.cell(address) is None
    (f,) = [f for f in findings if f.location == address]
    assert f.code == "GD106"
    assert f.raw == "=1+2"
    assert f.source is not None


def test_path_and_bytes_and_io_read_report(tmp_path: Path) -> None:
    from gov_disclosure.io import read_report

    r = sample_report("2019")
    path = tmp_path / "r.bin"
    write_xlsx(r, path)
    assert read_xlsx(path)[0] == r
    assert read_xlsx(path.read_bytes())[0] == r
    assert read_report(path)[0] == r


@pytest.mark.parametrize("value", [True, "1,234", "１２", " 7 件"])
def test_odd_cell_values(value: object) -> None:
    wb = _template()
    _set(wb, "applications/new/natural_person", value)
    back, _ = read_xlsx(_save(wb))
    got = back.cell("applications/new/natural_person")
    assert got == {True: None, "1,234": 1234, "１２": 12, " 7 件": 7}[value]  # type: ignore[index]


def _with_foreign_formulas(data: bytes, changes: dict[str, dict[str, tuple[str, str]]]) -> bytes:
    """Replace cells by formulas with saved values (as Excel or LibreOffice save them)."""
    import re
    import zipfile

    wb = openpyxl.load_workbook(io.BytesIO(data))
    parts = {f"xl/worksheets/sheet{wb.sheetnames.index(t) + 1}.xml": cells for t, cells in changes.items()}
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in src.namelist():
            body = src.read(name)
            for coord, (formula, value) in parts.get(name, {}).items():
                body, n = re.subn(
                    rb'<c r="' + coord.encode() + rb'"[^>]*?(/>|>.*?</c>)',
                    f'<c r="{coord}"><f>{formula}</f><v>{value}</v></c>'.encode(),
                    body,
                    count=1,
                )
                assert n == 1, coord
            zf.writestr(name, body)
    return out.getvalue()


def test_foreign_formulas_with_saved_values_in_several_sheets() -> None:
    r = sample_report("2021")
    data = write_xlsx(r)
    assert isinstance(data, bytes)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    apps, new_total = _coord(wb, "applications/new/total")
    appeals, review_total = _coord(wb, "appeals/review/total")
    pro, issued = _coord(wb, "proactive/art20_1.rules/issued")
    changed = _with_foreign_formulas(
        data,
        {
            pro: {issued: ("1+1", "2")},
            apps: {new_total: ("D5*2", "4242")},
            appeals: {review_total: ("A5+B5", "77")},
        },
    )
    back, findings = read_xlsx(changed)
    assert back.cell("proactive/art20_1.rules/issued") == 2
    assert back.cell("applications/new/total") == 4242
    assert back.cell("appeals/review/total") == 77
    assert not [f for f in findings if f.code == "GD106"]


_TEMPLATE_2019 = write_template(None, "2019")


@settings(max_examples=30, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("0123456789１２,.-+ 元万件/无abc减增=\n"), max_size=12),
    index=st.integers(0, 10_000),
)
def test_nothing_typed_is_silently_dropped(text: str, index: int) -> None:
    """Whatever text is typed into an input cell comes back as its value (canonical spelling) or as
    raw text, and a finding says what was wrong with it."""
    from gov_disclosure.core.values import format_cell, parse_cell

    assert isinstance(_TEMPLATE_2019, bytes)
    wb = openpyxl.load_workbook(io.BytesIO(_TEMPLATE_2019))
    lay = layout("2019")
    inputs = [c for c in lay.cells.values() if not c.parts]
    c = inputs[index % len(inputs)]
    ((sheet, coord),) = list(wb.defined_names[name_for(c.address)].destinations)
    cell = wb[sheet][coord.replace("$", "")]
    cell.value = text
    cell.data_type = "s"
    back, findings = read_xlsx(_save(wb))
    t = text.strip()
    parsed = parse_cell(t, c.kind)
    assert back.cell(c.address) == parsed.value
    kept = back.raw.get(c.address, format_cell(back.cell(c.address)))
    assert kept == t
    if parsed.problem is not None:
        assert any(f.location == c.address and f.code == parsed.problem for f in findings)


def test_sheet_renamed_with_names_updated_as_excel_does() -> None:
    """Excel renames the sheet in every defined name; a quote in the new name is escaped."""
    from openpyxl.utils import quote_sheetname

    r = sample_report("2021")
    data = write_xlsx(r)
    assert isinstance(data, bytes)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    for ws in list(wb.worksheets):
        old, new = ws.title, f"O'{wb.worksheets.index(ws)} 表"
        ws.title = new
        ws["A1"] = "本单位自定义标题"  # no heading to fall back on: the names must do
        for dn in wb.defined_names.values():
            prefix = quote_sheetname(old) + "!"
            if dn.attr_text.startswith(prefix):
                dn.attr_text = quote_sheetname(new) + "!" + dn.attr_text[len(prefix) :]
    # Excel writes the first character of a name as it was typed; names are case-insensitive
    dn = wb.defined_names.pop(name_for("applications/new/total"))
    dn.name = dn.name.upper()
    wb.defined_names[dn.name] = dn
    back, findings = read_xlsx(_save(wb))
    assert back == r
    assert findings == []
