"""Aggregating the workbooks of many units into one report, and the CLI commands."""

from __future__ import annotations

import io
import multiprocessing
import os
import random
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from gov_disclosure.cli import main
from gov_disclosure.core.model import Report
from gov_disclosure.core.values import Amount
from gov_disclosure.excel import AggregateError, aggregate, read_xlsx, write_summary, write_xlsx
from gov_disclosure.excel._layout import SHEET_UNIT_FINDINGS, SHEET_UNITS
from gov_disclosure.rules import validate
from gov_disclosure.testing import random_report


def _units(n: int, format: str = "2021", year: int = 2022, seed: int = 0) -> list[Report]:
    rng = random.Random(seed)
    return [random_report(rng, format, year=year) for _ in range(n)]  # type: ignore[arg-type]


def test_sum_is_cell_by_cell_and_valid() -> None:
    units = _units(4)
    result = aggregate(units, agency="某区人民政府", agency_kind="government")
    total = result.total
    for c, v in total.cells():
        values = [u.cell(c.address) for u in units]
        if isinstance(v, Amount):
            assert v.unit == "wan_yuan"
            assert v.value == sum((a.value for a in values if isinstance(a, Amount)), Decimal(0))
        else:
            assert v == sum(x for x in values if isinstance(x, int))
    assert total.agency == "某区人民政府"
    assert total.year == 2022
    assert result.valid
    assert result.findings == ()
    assert [u.name for u in result.units] == [u.agency for u in units]


def test_blank_cell_in_a_unit_is_never_a_silent_zero() -> None:
    units = _units(3)
    units[1] = units[1].with_cells({"applications/new/business": None})
    result = aggregate(units, agency="某区")
    assert result.total.cell("applications/new/business") is None
    f = next(f for f in result.findings if f.location == "applications/new/business")
    assert f.code == "GD101"
    assert units[1].agency in f.message_zh
    # with missing="zero" the present values are summed, and it is still said
    result = aggregate(units, agency="某区", missing="zero")
    want = sum(u.cell("applications/new/business") or 0 for u in units)  # type: ignore[misc]
    assert result.total.cell("applications/new/business") == want
    assert any(f.location == "applications/new/business" and "按0计" in f.message_zh for f in result.findings)


def test_which_unit_broke_which_rule() -> None:
    units = _units(3)
    bad = units[2].with_cells({"applications/granted/natural_person": 999})
    units[2] = bad
    result = aggregate(units, agency="某区")
    broken = {(u.name, f.code, f.location) for u, f in result.problems()}
    assert (bad.agency, "GD201", "applications/granted/total") in broken
    assert all(name == bad.agency for name, _, _ in broken)
    assert not result.valid


def test_amounts_are_converted_exactly() -> None:
    a = "proactive/art20_9.procurement/amount"
    units = [
        Report.from_cells("2019", {a: Amount(Decimal(v), u)}, year=2020, agency=f"单位{i}")  # type: ignore[arg-type]
        for i, (v, u) in enumerate([("109994", "yuan"), ("160.5964", "wan_yuan"), ("0.01", "yuan")])
    ]
    total = aggregate(units, agency="某区").total.cell(a)
    assert total == Amount(Decimal("109994") + Decimal("1605964") + Decimal("0.01"), "yuan")
    same = aggregate(units[1:2] * 2, agency="某区").total.cell(a)
    assert same == Amount(Decimal("321.1928"), "wan_yuan")
    unknown = [*units, Report.from_cells("2019", {a: Amount(Decimal(5), None)}, year=2020, agency="无单位局")]
    result = aggregate(unknown, agency="某区")
    assert result.total.cell(a) is None
    f = next(f for f in result.findings if f.location == a)
    assert f.code == "GD104"
    assert "无单位局" in f.message_zh


def test_different_formats_or_years_are_refused() -> None:
    with pytest.raises(AggregateError, match="different formats or years") as info:
        aggregate([*_units(2, "2021", 2022), *_units(1, "2021", 2023)], agency="某区")
    assert "2023" in str(info.value)
    with pytest.raises(AggregateError, match="different formats"):
        aggregate([*_units(1, "2019", 2020), *_units(1, "2021", 2021)], agency="某区")


def test_unreadable_unit_is_named(tmp_path: Path) -> None:
    good = tmp_path / "good.xlsx"
    write_xlsx(_units(1)[0], good)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(AggregateError, match=r"bad\.xlsx"):
        aggregate([good, bad], agency="某区")


def test_files_in_worker_processes_match_serial(tmp_path: Path) -> None:
    units = _units(16, seed=3)
    paths = []
    for i, r in enumerate(units):
        paths.append(tmp_path / f"u{i:02}.xlsx")
        write_xlsx(r, paths[-1])
    seen: list[int] = []
    parallel = aggregate(paths, agency="某区", jobs=2, on_progress=lambda d, t, s: seen.append(d))
    serial = aggregate(units, agency="某区")
    assert parallel.total == serial.total
    assert [u.report for u in parallel.units] == units
    assert seen == list(range(1, 17))


def test_unreadable_units_in_worker_processes_are_all_named(tmp_path: Path) -> None:
    """Every bad unit is listed (a truncated workbook, a named pipe that must not block), and no
    worker process is left behind."""
    paths = []
    for i, r in enumerate(_units(16, seed=4)):
        paths.append(tmp_path / f"u{i:02}.xlsx")
        write_xlsx(r, paths[-1])
    paths[3].write_bytes(b"PK\x03\x04 truncated")
    if hasattr(os, "mkfifo"):
        paths[11].unlink()
        os.mkfifo(paths[11])
    with pytest.raises(AggregateError) as info:
        aggregate(paths, agency="某区", jobs=2)
    message = str(info.value)
    assert "u03.xlsx" in message
    assert ("u11.xlsx" in message and "not a regular file" in message) or not hasattr(os, "mkfifo")
    assert multiprocessing.active_children() == []


def test_summary_workbook(tmp_path: Path) -> None:
    units = _units(3)
    units[0] = units[0].with_cells({"appeals/review/total": 99})
    result = aggregate(units, agency="某区人民政府")
    path = tmp_path / "summary.xlsx"
    write_summary(result, path)
    back, _ = read_xlsx(path)
    assert back == result.total
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET_UNITS]
    header = [c.value for c in ws[1]]
    assert header[4:] == ["某区人民政府（合计）", *(u.agency for u in units)]
    row = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[3] == "applications/new/total")
    assert list(row[4:]) == [
        result.total.cell("applications/new/total"),
        *(u.cell("applications/new/total") for u in units),
    ]
    findings = list(wb[SHEET_UNIT_FINDINGS].iter_rows(min_row=2, values_only=True))
    assert any(r[0] == units[0].agency and r[2] == "GD301" for r in findings)


def test_cli_template_to_xlsx_aggregate(tmp_path: Path) -> None:
    runner = CliRunner()
    blank = tmp_path / "blank.xlsx"
    res = runner.invoke(main, ["template", "--format", "2019", "-o", str(blank)])
    assert res.exit_code == 0, res.output
    assert read_xlsx(blank)[0] == Report.blank("2019")
    units = _units(2)
    files = []
    for i, r in enumerate(units):
        json_path = tmp_path / f"u{i}.json"
        from gov_disclosure.core.serialize import to_json

        json_path.write_text(to_json(r), encoding="utf-8")
        files.append(tmp_path / f"u{i}.xlsx")
        res = runner.invoke(main, ["to-xlsx", str(json_path), "-o", str(files[-1])])
        assert res.exit_code == 0, res.output
        assert read_xlsx(files[-1])[0] == r
    out = tmp_path / "sum.xlsx"
    res = runner.invoke(main, ["aggregate", *map(str, files), "-o", str(out), "--agency", "某区"])
    assert res.exit_code == 0, res.output
    assert validate(read_xlsx(out)[0]).codes()["GD201"] == 0
    # a broken unit: exit 1 and the unit named
    broken = units[1].with_cells({"appeals/review/total": 1000})
    write_xlsx(broken, files[1])
    res = runner.invoke(main, ["aggregate", *map(str, files), "-o", str(out), "--agency", "某区"])
    assert res.exit_code == 1
    assert f"{broken.agency}: GD301" in res.output
    # different years: exit 2 with a clear message
    write_xlsx(_units(1, year=2023)[0], files[1])
    res = runner.invoke(main, ["aggregate", *map(str, files), "-o", str(out), "--agency", "某区"])
    assert res.exit_code == 2
    assert "different formats or years" in res.output
    res = runner.invoke(main, ["to-xlsx", str(tmp_path / "missing.json"), "-o", str(out)])
    assert res.exit_code == 2


def test_summary_bytes_roundtrip() -> None:
    result = aggregate(_units(2), agency="某区")
    data = write_summary(result)
    assert isinstance(data, bytes)
    assert read_xlsx(io.BytesIO(data).getvalue())[0] == result.total
