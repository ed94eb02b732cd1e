"""The format's sums are written once (core/sums.py); the validator's and the readers' sums are those.

The expected relations are written out here from FORMAT.md §6 (GD201–GD203, GD301), not from the code.
"""

from __future__ import annotations

import pytest

from gov_disclosure import validate
from gov_disclosure.core.sums import format_sums
from gov_disclosure.core.vocabulary import FORMATS
from gov_disclosure.reading.runs import equations
from gov_disclosure.reading.sums import broken_sums, table_sums
from gov_disclosure.rules.sums import appeals_totals, carry_balances, result_totals, row_totals
from gov_disclosure.testing import sample_report

APPLICANTS = ("natural_person", "business", "research", "nonprofit", "legal_service", "other_org")
RESULTS_COMMON = (
    "granted",
    "partial",
    "denied.state_secret",
    "denied.prohibited_by_law",
    "denied.three_securities",
    "denied.third_party",
    "denied.internal_affairs",
    "denied.process_info",
    "denied.enforcement_case",
    "denied.query",
    "unavailable.not_held",
    "unavailable.needs_creation",
    "unavailable.unclear",
    "not_processed.complaint",
    "not_processed.duplicate",
    "not_processed.publication",
    "not_processed.excessive",
    "not_processed.confirmation",
)
RESULTS = {
    "2019": (*RESULTS_COMMON, "other"),
    "2021": (*RESULTS_COMMON, "other.no_correction", "other.unpaid_fee", "other.other"),
}


@pytest.mark.parametrize("format", FORMATS)
def test_the_sums_of_the_format(format: str) -> None:
    by_name = {s.name: s for s in format_sums(format)}  # type: ignore[arg-type]
    rows = 2 + len(RESULTS[format]) + 2  # 本年新收, 上年结转, the results, （七）总计, 结转下年度
    assert len(by_name) == len(format_sums(format)) == rows + 7 + 7 + 3  # type: ignore[arg-type]
    new = by_name["row new"]
    assert (new.code, new.totals) == ("GD201", ("applications/new/total",))
    assert new.parts == tuple(f"applications/new/{k}" for k in APPLICANTS)
    column = by_name["column research"]
    assert (column.code, column.totals) == ("GD202", ("applications/total/research",))
    assert column.parts == tuple(f"applications/{r}/research" for r in RESULTS[format])
    balance = by_name["balance total"]
    assert balance.code == "GD203"
    assert balance.totals == ("applications/total/total", "applications/carried_forward/total")
    assert balance.parts == ("applications/new/total", "applications/carried_over/total")
    assert balance.location == "applications/balance/total"
    suit = by_name["group suit_after_review"]
    assert (suit.code, suit.label, suit.location) == ("GD301", "复议后起诉", "appeals/suit_after_review/total")
    assert suit.parts == tuple(f"appeals/suit_after_review/{k}" for k in ("upheld", "corrected", "other", "pending"))


@pytest.mark.parametrize("format", FORMATS)
def test_the_validator_and_the_readers_use_the_formats_sums(format: str) -> None:
    sums = format_sums(format)  # type: ignore[arg-type]
    relations = {(s.totals, s.parts) for s in sums}
    assert len(relations) == len(sums)
    rules = (*row_totals(format), *result_totals(format), *carry_balances(format), *appeals_totals(format))  # type: ignore[arg-type]
    assert [(s.location, s.reported, s.parts, s.label) for s in rules] == [
        (s.location, s.totals, s.parts, s.label) for s in sums
    ]
    reading = (*table_sums(format, "applications"), *table_sums(format, "appeals"))  # type: ignore[arg-type]
    assert reading == sums
    assert table_sums(format, "proactive") == ()  # type: ignore[arg-type]
    assert {(e.code, e.minus, e.plus) for e in equations(format)} == {(s.code, s.totals, s.parts) for s in sums}  # type: ignore[arg-type]


def test_a_broken_sum_is_the_one_the_validator_reports() -> None:
    r = sample_report("2021").with_cells({"applications/granted/research": 10**6})
    broken = broken_sums({c.address: v for c, v in r.cells()}, table_sums("2021", "applications"))
    assert [s.name for s in broken] == ["row granted", "column research"]
    found = {(f.code, f.location) for f in validate(r).findings if f.code in ("GD201", "GD202", "GD203")}
    assert found == {(s.code, s.location) for s in broken}
