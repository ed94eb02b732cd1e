from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gov_disclosure.core.values import Amount, format_cell, parse_cell
from gov_disclosure.core.vocabulary import CellKind

C, S, A = CellKind.COUNT, CellKind.SIGNED, CellKind.AMOUNT


@pytest.mark.parametrize(
    ("text", "kind", "value", "problem"),
    [
        ("12", C, 12, None),
        (" 1", C, 1, None),
        ("１２", C, 12, None),
        ("1,234", C, 1234, None),
        ("3件", C, 3, None),
        ("5 项", C, 5, None),
        ("", C, None, "GD101"),
        ("  ", C, None, "GD101"),
        ("/", C, None, "GD101"),
        ("—", C, None, "GD101"),
        ("无", C, None, "GD101"),
        ("-", C, None, "GD101"),
        ("abc", C, None, "GD102"),
        ("1.5", C, None, "GD103"),
        ("-3", C, -3, "GD103"),
        ("109994元", C, 109994, "GD104"),
        ("-13", S, -13, None),
        ("+1036", S, 1036, None),
        ("减4", S, -4, None),
        ("109994元", A, Amount(Decimal(109994), "yuan"), None),
        ("160.5964万元", A, Amount(Decimal("160.5964"), "wan_yuan"), None),
        ("67", A, Amount(Decimal(67), None), "GD104"),
        ("二十", A, None, "GD102"),
    ],
)
def test_parse_cell(text: str, kind: CellKind, value: object, problem: str | None) -> None:
    parsed = parse_cell(text, kind)
    assert parsed.value == value
    assert parsed.problem == problem


def test_implied_unit_of_the_header() -> None:
    assert parse_cell("12.5", A, "wan_yuan").value == Amount(Decimal("12.5"), "wan_yuan")
    assert parse_cell("12.5", A, "wan_yuan").problem is None


@given(st.integers(0, 10**12))
def test_counts_round_trip_through_text(n: int) -> None:
    assert parse_cell(format_cell(n), C).value == n


@given(
    st.decimals(min_value=0, max_value=10**12, places=6, allow_nan=False, allow_infinity=False),
    st.sampled_from(("yuan", "wan_yuan", None)),
)
def test_amounts_round_trip_exactly(d: Decimal, unit: str | None) -> None:
    a = Amount(d, unit)  # type: ignore[arg-type]
    back = parse_cell(format_cell(a), A).value
    assert isinstance(back, Amount)
    assert back.value == d
    assert back.unit == unit


def test_format_cell_blank_for_missing() -> None:
    assert format_cell(None) == ""
    assert format_cell(Amount(Decimal("1.50"), "wan_yuan"), "wan_yuan") == "1.50"
    assert format_cell(Amount(Decimal(3), "yuan"), "wan_yuan") == "3元"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("3,119", 3119),
        ("１２", 12),
        ("二〇二一", 2021),  # years, digit by digit
        ("一", 1),
        ("十二", 12),
        ("二十一", 21),
        ("三十", 30),
        ("两千零五", 2005),
        ("一千三百", 1300),
        ("二二十", None),
        ("十十", None),
        ("", None),
        ("三件", None),
    ],
)
def test_chinese_number(text: str, number: int | None) -> None:
    from gov_disclosure.core.values import chinese_number

    assert chinese_number(text) == number
