import datetime as dt
from decimal import Decimal

import attrs
import pytest

from gov_disclosure import Amount, Report, ShapeError
from gov_disclosure.core.model import ApplicationsRow
from gov_disclosure.testing import sample_report


def test_blank_report_has_every_cell_missing() -> None:
    r = Report.blank("2021", year=2021, agency="某局")
    assert all(v is None for _, v in r.cells())
    assert len(r.cell_map()) == 200


def test_from_cells_and_access_by_address() -> None:
    r = Report.from_cells(
        "2019",
        {
            "applications/denied.state_secret/natural_person": 0,
            "proactive/art20_5.licensing/change": -13,
            "proactive/art20_9.procurement/amount": Amount(Decimal("160.5964"), "wan_yuan"),
        },
        year=2019,
        agency="某局",
    )
    assert r.cell("applications/denied.state_secret/natural_person") == 0
    assert r.applications["denied.state_secret"].natural_person == 0
    assert r.cell("proactive/art20_5.licensing/change") == -13
    assert r.proactive["art20_9"]["procurement"]["amount"] == Amount(Decimal("160.5964"), "wan_yuan")
    assert r.cell("applications/new/total") is None


def test_cells_iterate_in_spec_order() -> None:
    r = sample_report("2019")
    addresses = [c.address for c, _ in r.cells()]
    assert addresses == [c.address for c in r.spec.cells]
    assert addresses.index("applications/new/natural_person") < addresses.index("applications/total/total")
    assert addresses[-1] == "appeals/suit_after_review/total"


def test_unknown_address_is_refused() -> None:
    r = Report.blank("2021")
    with pytest.raises(ShapeError) as exc:
        r.with_cells({"applications/other/total": 1})  # 2019-only row
    assert exc.value.problems[0][0] == "applications/other/total"
    with pytest.raises(KeyError):
        r.cell("proactive/art20_9.procurement/amount")


@pytest.mark.parametrize(
    ("change", "address"),
    [
        ({"year": "2021"}, "year"),
        ({"agency_kind": "ministry"}, "agency_kind"),
        ({"applications": {}}, "applications/new"),
        ({"raw": {"applications/nope/total": "x"}}, "raw/applications/nope/total"),
    ],
)
def test_shape_is_enforced(change: dict[str, object], address: str) -> None:
    with pytest.raises(ShapeError) as exc:
        attrs.evolve(sample_report("2021"), **change)
    assert address in [a for a, _ in exc.value.problems]


def test_kinds_are_enforced() -> None:
    r = Report.blank("2021")
    with pytest.raises(ShapeError):
        r.with_cells({"applications/new/total": 1.5})  # type: ignore[dict-item]
    with pytest.raises(ShapeError):
        r.with_cells({"applications/new/total": True})  # type: ignore[dict-item]
    with pytest.raises(ShapeError):
        r.with_cells({"proactive/art20_8.fees/amount": 3})
    with pytest.raises(ShapeError):
        r.with_cells({"proactive/art20_1.rules/issued": Amount(Decimal(1), "yuan")})
    with pytest.raises(TypeError):
        Amount(Decimal("NaN"), "yuan")
    with pytest.raises(ValueError, match="unit"):
        Amount(Decimal(1), "dollars")  # type: ignore[arg-type]


def test_a_report_breaking_every_sum_is_still_a_report() -> None:
    r = sample_report("2021")
    broken = r.with_cells({c.address: 10**6 for c, _ in r.cells() if c.column == "total"})
    assert broken != r
    assert broken.cell("applications/total/total") == 10**6


def test_with_cells_keeps_raw_unless_replaced() -> None:
    r = Report.blank("2019").with_cells({"applications/new/total": None}, raw={"applications/new/total": "/"})
    assert r.raw == {"applications/new/total": "/"}
    r2 = r.with_cells({"applications/new/total": 3}, raw={})
    assert r2.raw == {}
    assert r.with_cells({"applications/new/natural_person": 1}).raw == r.raw


def test_reports_compare_by_value() -> None:
    a = sample_report("2019")
    b = sample_report("2019")
    assert a == b
    assert a.with_cells({"appeals/review/upheld": 99}) != b
    assert isinstance(a.published_on, dt.date)
    assert ApplicationsRow() == ApplicationsRow(None, None, None, None, None, None, None)


def test_cell_text_is_what_writers_print() -> None:
    r = Report.blank("2021").with_cells(
        {
            "applications/new/total": 3,
            "appeals/review/upheld": None,
            "proactive/art20_8.fees/amount": Amount(Decimal("1.50"), "wan_yuan"),
            "proactive/art20_1.rules/issued": 7,
        },
        raw={"appeals/review/upheld": "/", "proactive/art20_1.rules/issued": "7件"},
    )
    assert r.cell_text("applications/new/total") == "3"
    assert r.cell_text("applications/new/natural_person") == ""
    assert r.cell_text("appeals/review/upheld") == "/"
    assert r.cell_text("proactive/art20_8.fees/amount") == "1.50"  # the header says 万元
    assert r.cell_text("proactive/art20_1.rules/issued") == "7件"


_ODD_VALUES: list[object] = [
    None,
    0,
    -1,
    7,
    10**15,
    -(10**15),
    10**16,
    2**63,
    -(10**30),
    True,
    False,
    1.0,
    Decimal("3"),
    "5",
    Amount(Decimal("1.5"), "yuan"),
    Amount(Decimal("1E+20"), None),
    Amount(Decimal("-0.000000000000000000000001"), "wan_yuan"),
    [1],
]


@pytest.mark.parametrize(
    "address",
    [
        "proactive/art20_1.rules/issued",  # a count in a proactive block with amounts
        "proactive/art20_8.fees/amount",  # an amount
        "applications/new/natural_person",
        "applications/total/total",
        "appeals/suit_after_review/pending",
    ],
)
def test_the_quick_shape_pass_accepts_only_what_the_cell_check_accepts(address: str) -> None:
    """The shape check looks at every value in one quick pass and asks the per-cell check only about
    values that are not plainly of their kind: whatever the per-cell check refuses (today's kinds, or
    bounds added later) must be refused by the report too."""
    from gov_disclosure.core.model import _kind_problem

    r = sample_report("2021")
    c = r.spec.cell(address)
    for value in _ODD_VALUES:
        problem = _kind_problem(c, value)
        if problem is None:
            assert r.with_cells({address: value}).cell(address) == value  # type: ignore[dict-item]
        else:
            with pytest.raises(ShapeError, match=address):
                r.with_cells({address: value})  # type: ignore[dict-item]
            with pytest.raises(ShapeError, match=address):
                Report.from_cells("2021", {address: value})  # type: ignore[dict-item]


@pytest.mark.parametrize("format", ["2019", "2021"])
def test_from_values_rebuilds_the_tables(format: str) -> None:
    r = sample_report(format)  # type: ignore[arg-type]
    again = Report.from_values(r.format, [v for _, v in r.cells()], year=r.year, agency=r.agency)
    assert again.cell_map() == r.cell_map()
    assert again == attrs.evolve(
        r, agency_kind=None, published_on=None, sections=again.sections, raw={}
    )
    with pytest.raises(ShapeError, match="values"):
        Report.from_values(r.format, [v for _, v in r.cells()][:-1])
    with pytest.raises(ShapeError, match="format"):
        Report.from_values("2020", [])  # type: ignore[arg-type]
    bad = [v for _, v in r.cells()]
    bad[0] = "7"
    with pytest.raises(ShapeError, match=r.spec.cells[0].address):
        Report.from_values(r.format, bad)
