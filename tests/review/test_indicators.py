"""The indicators against values computed by hand, missing (never 0) when they cannot be computed."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from gov_disclosure import Report
from gov_disclosure.core.indicators import INDICATORS, indicators
from gov_disclosure.testing import sample_report

DENIED = (
    "state_secret",
    "prohibited_by_law",
    "three_securities",
    "third_party",
    "internal_affairs",
    "process_info",
    "enforcement_case",
    "query",
)
UNAVAILABLE = ("not_held", "needs_creation", "unclear")


def _report() -> Report:
    """Figures chosen by hand; the test computes each indicator from them."""
    cells: dict[str, int | None] = {
        "applications/new/total": 90,
        "applications/carried_over/total": 10,
        "applications/granted/total": 40,
        "applications/partial/total": 8,
        "applications/total/total": 80,
        "applications/carried_forward/total": 20,
        "appeals/review/corrected": 3,
        "appeals/review/total": 14,
        "appeals/review/pending": 2,
        "appeals/suit_direct/corrected": 1,
        "appeals/suit_direct/total": 5,
        "appeals/suit_direct/pending": 1,
        "appeals/suit_after_review/corrected": 0,
        "appeals/suit_after_review/total": 2,
        "appeals/suit_after_review/pending": 0,
    }
    for i, key in enumerate(DENIED, start=1):
        cells[f"applications/denied.{key}/total"] = i % 3  # 1+2+0+1+2+0+1+2 = 9
    for key in UNAVAILABLE:
        cells[f"applications/unavailable.{key}/total"] = 4  # 12
    return Report.from_cells("2021", cells, year=2022, agency="某局")


def test_every_indicator_against_hand_computed_values() -> None:
    got = {v.indicator.key: v for v in indicators(_report())}
    assert [i.key for i in INDICATORS] == list(got)
    expected = {
        "disclosure_rate": (48, 80, Fraction(3, 5)),
        "denial_rate": (9, 80, Fraction(9, 80)),
        "unavailable_rate": (12, 80, Fraction(3, 20)),
        "review_correction_rate": (3, 12, Fraction(1, 4)),
        "suit_correction_rate": (1, 6, Fraction(1, 6)),
        "carry_forward_rate": (20, 100, Fraction(1, 5)),
    }
    for key, (num, den, value) in expected.items():
        v = got[key]
        assert (v.numerator, v.denominator, v.value) == (num, den, value), key
        assert v.missing == ()
    assert got["suit_correction_rate"].percent() == Decimal("16.7")
    assert got["suit_correction_rate"].percent(3) == Decimal("16.667")
    assert got["denial_rate"].ratio_text() == "0.112500"
    assert got["disclosure_rate"].percent() == Decimal("60.0")


def test_missing_input_or_zero_denominator_is_missing_not_zero() -> None:
    r = _report()
    gone = {v.indicator.key: v for v in indicators(r.with_cells({"applications/partial/total": None}))}
    assert gone["disclosure_rate"].value is None
    assert gone["disclosure_rate"].missing == ("applications/partial/total",)
    assert gone["disclosure_rate"].percent() is None
    assert gone["disclosure_rate"].ratio_text() == ""
    assert gone["denial_rate"].value == Fraction(9, 80)  # the others are unaffected
    zero = {
        v.indicator.key: v
        for v in indicators(r.with_cells({"appeals/review/total": 2, "applications/total/total": 0}))
    }
    assert zero["review_correction_rate"].value is None  # total − pending = 0
    assert zero["review_correction_rate"].missing == ("denominator",)
    assert zero["disclosure_rate"].value is None
    assert zero["disclosure_rate"].numerator == 48


def test_an_inconsistent_report_gives_what_it_says() -> None:
    """Rates are of the figures as reported: a total smaller than its parts gives more than 100%."""
    v = {x.indicator.key: x for x in indicators(_report().with_cells({"applications/total/total": 40}))}
    assert v["disclosure_rate"].value == Fraction(48, 40)


def test_a_valid_sample_has_every_indicator_in_range() -> None:
    for fmt in ("2019", "2021"):
        for v in indicators(sample_report(fmt)):  # type: ignore[arg-type]
            assert v.value is None or 0 <= v.value <= 1, (fmt, v.indicator.key)
