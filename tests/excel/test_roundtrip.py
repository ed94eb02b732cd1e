"""write_xlsx → read_xlsx gives the report back: every generated report, exact amounts, raw texts."""

from __future__ import annotations

import io
from decimal import Decimal

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

from gov_disclosure.core.model import Report, Sections
from gov_disclosure.core.values import Amount, format_cell, parse_cell
from gov_disclosure.excel import read_xlsx, write_xlsx
from gov_disclosure.excel._layout import name_for
from gov_disclosure.excel._write import clean_text
from gov_disclosure.rules import validate
from gov_disclosure.testing import any_reports, report_pairs, sample_report, valid_reports

SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def roundtrip(r: Report) -> tuple[Report, list]:  # type: ignore[type-arg]
    data = write_xlsx(r)
    assert isinstance(data, bytes)
    return read_xlsx(data)


def reader_view(r: Report) -> Report:
    """What any reader can hold for ``r``: raw texts re-read under the raw convention, amounts of a
    header with a unit carry that unit, agency/section text as a cell can store it."""
    cells = {}
    raw = {}
    for c, v in r.cells():
        text = r.raw.get(c.address)
        if text is None:
            if isinstance(v, Amount) and v.unit is None and c.unit is not None:
                v = Amount(v.value, c.unit)  # type: ignore[arg-type]
            cells[c.address] = v
            continue
        t = clean_text(text).strip()
        parsed = parse_cell(t, c.kind, c.unit)  # type: ignore[arg-type]
        cells[c.address] = parsed.value
        if t != format_cell(parsed.value, c.unit):  # type: ignore[arg-type]
            raw[c.address] = t
    sections = Sections(**{k: clean_text(v) for k, v in attrs.asdict(r.sections).items()})
    return Report.from_cells(
        r.format,
        cells,
        raw=raw,
        year=r.year,
        agency=clean_text(r.agency or "") or None,
        agency_kind=r.agency_kind,
        published_on=r.published_on,
        sections=sections,
    )


@pytest.mark.parametrize("format", ["2019", "2021"])
def test_sample_roundtrip_exact_and_valid(format: str) -> None:
    r = sample_report(format)  # type: ignore[arg-type]
    back, findings = roundtrip(r)
    assert back == r
    assert findings == []
    assert validate(back, findings=findings).valid


@SETTINGS
@given(valid_reports())
def test_valid_reports_roundtrip(r: Report) -> None:
    back, findings = roundtrip(r)
    assert back == r
    assert [f for f in findings if f.code != "GD101"] == []


@settings(SETTINGS, max_examples=5)
@given(report_pairs())
def test_pairs_roundtrip(pair: tuple[Report, Report]) -> None:
    for r in pair:
        assert roundtrip(r)[0] == r


@SETTINGS
@given(any_reports())
def test_any_report_roundtrip(r: Report) -> None:
    """Missing cells, broken sums, negative counts, raw texts, odd text: read(write(r)) is what a
    reader can hold of r — and r itself whenever r is in that form."""
    want = reader_view(r)
    back, _ = roundtrip(r)
    assert back == want
    assert roundtrip(want)[0] == want


def test_broken_totals_are_written_as_numbers() -> None:
    r = sample_report("2021")
    r = r.with_cells(
        {"applications/new/total": 999999, "appeals/review/total": 77, "applications/total/business": None}
    )
    data = write_xlsx(r)
    assert isinstance(data, bytes)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    for address, want in (
        ("applications/new/total", 999999),
        ("appeals/review/total", 77),
        ("applications/total/business", None),
    ):
        ((sheet, coord),) = list(wb.defined_names[name_for(address)].destinations)
        cell = wb[sheet][coord.replace("$", "")]
        assert cell.data_type != "f"
        assert cell.value == want
    # an intact total stays a formula
    ((sheet, coord),) = list(wb.defined_names[name_for("applications/granted/total")].destinations)
    assert wb[sheet][coord.replace("$", "")].data_type == "f"
    back, _ = read_xlsx(data)
    assert back == r
    codes = {(f.code, f.location) for f in validate(back).findings}
    assert ("GD201", "applications/new/total") in codes
    assert ("GD301", "appeals/review/total") in codes


@pytest.mark.parametrize(
    "value",
    [
        "0.1",
        "160.5964",
        "123456789012345.123456789",  # the most integer digits an amount may have (10^15)
        "1.50",
        "1000.00",
        "0E-8",
        "-3.25",
        "999999999999999.999",
        "0.30000000000000004",
        "1e-7",
        "123456789012345.6",
    ],
)
@pytest.mark.parametrize("unit", ["yuan", "wan_yuan", None])
@pytest.mark.parametrize(
    ("fmt", "address"),
    [("2019", "proactive/art20_9.procurement/amount"), ("2021", "proactive/art20_8.fees/amount")],
)
def test_amounts_stay_exact(value: str, unit: str | None, fmt: str, address: str) -> None:
    amount = Amount(Decimal(value), unit)  # type: ignore[arg-type]
    r = Report.from_cells(fmt, {address: amount}, year=2020 if fmt == "2019" else 2022)  # type: ignore[arg-type]
    back = roundtrip(r)[0].cell(address)
    assert isinstance(back, Amount)
    assert value_text(back) == value_text(amount)  # same digits, not only the same value
    assert back.unit == (unit if unit or fmt == "2019" else "wan_yuan")


def value_text(a: Amount) -> str:
    return f"{a.value:f}"


def test_raw_texts_are_kept() -> None:
    r = Report.from_cells(
        "2019",
        {
            "applications/new/natural_person": 109994,
            "applications/new/business": None,
            "applications/new/research": None,
            "proactive/art20_5.licensing/change": -4,
        },
        raw={
            "applications/new/natural_person": "109994元",
            "applications/new/business": "/",
            "applications/new/research": "不详",
            "proactive/art20_5.licensing/change": "减4",
        },
        year=2019,
    )
    back, findings = roundtrip(r)
    assert back == r
    by_code = {(f.code, f.location): f for f in findings}
    f = by_code["GD102", "applications/new/research"]
    assert f.raw == "不详"
    assert f.source is not None
    assert f.source.startswith("收到和处理政府信息公开申请情况!")
    assert by_code["GD104", "applications/new/natural_person"].raw == "109994元"
    assert ("GD101", "applications/new/business") in by_code


def test_long_section_text_spans_cells() -> None:
    text = "政务公开" * 20_000  # 80 000 characters, over Excel's 32 767 per cell
    r = Report.blank("2021", year=2022, sections=Sections(overview=text, problems="x"))
    assert roundtrip(r)[0].sections.overview == text


def test_huge_counts_are_exact() -> None:
    from gov_disclosure import ShapeError
    from gov_disclosure.core.values import MAX_COUNT

    r = Report.from_cells("2021", {"applications/new/natural_person": MAX_COUNT}, year=2022)
    assert roundtrip(r)[0].cell("applications/new/natural_person") == MAX_COUNT
    with pytest.raises(ShapeError, match="out of range"):  # beyond the model's bound (and a double's)
        Report.from_cells("2021", {"applications/new/natural_person": 2**60 + 1}, year=2022)
