"""Every rule: valid reports give no finding; breaking exactly one cell gives exactly the expected
codes at exactly the expected locations (derived here from FORMAT.md §6, not from the validator)."""

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gov_disclosure import RULES, Amount, Report, Sections, Severity, validate
from gov_disclosure.core.vocabulary import APPEALS_GROUPS, FORMATS, FormatKey
from gov_disclosure.testing import report_pairs, sample_report, valid_reports

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def found(report: Report, previous: Report | None = None, **kw: object) -> set[tuple[str, str | None]]:
    return {(f.code, f.location) for f in validate(report, previous, **kw).findings}  # type: ignore[arg-type]


def with_agency(r: Report, agency: str) -> Report:
    """The report of another agency: its name changed in the text too (the sample's text names it)."""
    old = r.agency or ""
    sections = Sections(*(getattr(r.sections, k).replace(old, agency) for k in attrs.fields_dict(Sections)))
    return attrs.evolve(r, agency=agency, sections=sections)


@SETTINGS
@given(valid_reports())
def test_valid_reports_pass_every_rule(r: Report) -> None:
    result = validate(r)
    assert result.findings == ()
    assert result.valid
    assert result.not_assessable == ()


@SETTINGS
@given(report_pairs())
def test_consecutive_valid_reports_pass_the_cross_year_rules(pair: tuple[Report, Report]) -> None:
    last, this = pair
    assert validate(this, last).findings == ()


def expected_for_applications(r: Report, row: str, column: str) -> set[tuple[str, str]]:
    """What breaking applications/<row>/<column> by +1 must give (FORMAT.md §6 GD201–GD203)."""
    out = {("GD201", f"applications/{row}/total")}
    if row in r.spec.result_rows or row == "total":
        out.add(("GD202", f"applications/total/{column}"))
    if row in ("new", "carried_over", "total", "carried_forward"):
        out.add(("GD203", f"applications/balance/{column}"))
    return out


@pytest.mark.parametrize("fmt", FORMATS)
@SETTINGS
@given(data=st.data())
def test_breaking_one_applications_cell(fmt: FormatKey, data: st.DataObject) -> None:
    r = data.draw(valid_reports(fmt))
    cell = data.draw(st.sampled_from([c for c in r.spec.cells if c.table == "applications"]))
    value = r.cell(cell.address)
    assert isinstance(value, int)
    broken = r.with_cells({cell.address: value + data.draw(st.integers(1, 50))})
    assert found(broken) == expected_for_applications(r, cell.row, cell.column)


@SETTINGS
@given(
    r=valid_reports(),
    group=st.sampled_from([g.key for g in APPEALS_GROUPS]),
    column=st.sampled_from(["upheld", "corrected", "other", "pending", "total"]),
)
def test_breaking_one_appeals_cell(r: Report, group: str, column: str) -> None:
    address = f"appeals/{group}/{column}"
    value = r.cell(address)
    assert isinstance(value, int)
    broken = r.with_cells({address: value + 1})
    findings = validate(broken).findings
    assert {(f.code, f.location) for f in findings} == {("GD301", f"appeals/{group}/total")}
    (f,) = findings
    total = r.cell(f"appeals/{group}/total")
    if column == "total":
        assert (f.found, f.expected) == (total + 1, total)  # type: ignore[operator]
    else:
        assert (f.found, f.expected) == (total, total + 1)  # type: ignore[operator]
    assert f.cells[0].address == f"appeals/{group}/total"
    assert len(f.cells) == 5


def test_sum_finding_names_every_cell_and_both_sides() -> None:
    r = sample_report("2021")
    total = r.cell("applications/total/research")
    assert isinstance(total, int)
    broken = r.with_cells({"applications/total/research": total + 7})
    (f,) = [f for f in validate(broken).findings if f.code == "GD202"]
    assert f.location == "applications/total/research"
    assert f.found == total + 7
    assert f.expected == total
    assert len(f.cells) == 1 + 21  # the total and every result row
    assert f.severity is Severity.ERROR
    assert "（七）总计" in f.message_zh
    assert "reported" in f.message


def test_balance_broken_in_three_columns_gives_three_findings() -> None:
    r = sample_report("2021")
    changes = {}
    for col in ("natural_person", "business", "total"):
        v = r.cell(f"applications/carried_forward/{col}")
        assert isinstance(v, int)
        changes[f"applications/carried_forward/{col}"] = v + 1
    broken = r.with_cells(changes)
    gd203 = [f.location for f in validate(broken).findings if f.code == "GD203"]
    assert sorted(gd203) == [
        "applications/balance/business",
        "applications/balance/natural_person",
        "applications/balance/total",
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_missing_cell_gd101_and_not_assessable(fmt: FormatKey) -> None:
    r = sample_report(fmt)
    address = "applications/granted/research"
    broken = r.with_cells({address: None})
    result = validate(broken)
    assert {(f.code, f.location) for f in result.findings} == {("GD101", address)}
    assert {n.code for n in result.not_assessable} == {"GD201", "GD202"}
    assert all(address in n.missing for n in result.not_assessable)


def test_missing_counts_as_zero_when_asked() -> None:
    r = sample_report("2021")
    address = "applications/granted/natural_person"
    assert r.cell(address) != 0
    broken = r.with_cells({address: None})
    assert found(broken, missing="zero") == {
        ("GD101", address),
        ("GD201", "applications/granted/total"),
        ("GD202", "applications/total/natural_person"),
    }
    assert validate(broken, missing="zero").not_assessable == ()


def test_missing_marker_and_text_in_raw() -> None:
    r = sample_report("2019").with_cells(
        {"appeals/review/upheld": None, "appeals/review/other": None, "applications/new/research": None},
        raw={
            "appeals/review/upheld": "/",
            "appeals/review/other": "不详",
            "applications/new/research": "1.5",
        },
    )
    assert found(r) == {
        ("GD101", "appeals/review/upheld"),
        ("GD102", "appeals/review/other"),
        ("GD103", "applications/new/research"),
    }


@pytest.mark.parametrize("fmt", FORMATS)
def test_negative_count_gd103(fmt: FormatKey) -> None:
    r = sample_report(fmt)
    address = "proactive/art20_6.penalty/decisions"
    assert found(r.with_cells({address: -1})) == {("GD103", address)}


def test_count_carrying_a_unit_gd104() -> None:
    r = sample_report("2019")
    v = r.cell("proactive/art20_1.rules/made")
    assert found(r.with_cells({}, raw={"proactive/art20_1.rules/made": f"{v}元"})) == {
        ("GD104", "proactive/art20_1.rules/made")
    }


def test_amount_units_gd104() -> None:
    address = "proactive/art20_9.procurement/amount"
    r = sample_report("2019")
    assert found(r.with_cells({address: Amount(Decimal(67), None)})) == {("GD104", address)}
    assert found(r.with_cells({address: Amount(Decimal(67), "yuan")})) == set()
    fees = "proactive/art20_8.fees/amount"
    r21 = sample_report("2021")
    assert found(r21.with_cells({fees: Amount(Decimal(67), "yuan")})) == {("GD104", fees)}
    assert found(r21.with_cells({fees: Amount(Decimal(-1), "wan_yuan")})) == {("GD103", fees)}


def test_change_may_be_negative_but_not_below_zero_items() -> None:
    r = sample_report("2019")
    prev = r.cell("proactive/art20_5.licensing/previous_items")
    assert isinstance(prev, int)
    assert found(r.with_cells({"proactive/art20_5.licensing/change": -prev})) == set()
    assert found(r.with_cells({"proactive/art20_5.licensing/change": -prev - 1})) == {
        ("GD402", "proactive/art20_5.licensing/change")
    }


def test_published_above_total_gd401() -> None:
    r = sample_report("2019")
    total = r.cell("proactive/art20_1.normative_docs/total")
    assert isinstance(total, int)
    broken = r.with_cells({"proactive/art20_1.normative_docs/published": total + 1})
    assert found(broken) == {("GD401", "proactive/art20_1.normative_docs/published")}
    assert validate(broken).valid  # a warning


def test_format_year_gd501() -> None:
    r = sample_report("2019")
    assert found(attrs.evolve(r, year=2021, published_on=dt.date(2022, 1, 10))) == {("GD501", "format")}
    r21 = sample_report("2021")
    assert found(attrs.evolve(r21, year=2020, published_on=dt.date(2021, 1, 10))) == {("GD501", "format")}


def test_dates_gd502_gd503() -> None:
    r = attrs.evolve(sample_report("2019"), year=2019, agency_kind="department")
    assert found(attrs.evolve(r, published_on=dt.date(2019, 1, 8))) == {("GD502", "published_on")}
    assert found(attrs.evolve(r, published_on=dt.date(2020, 1, 31))) == set()
    assert found(attrs.evolve(r, published_on=dt.date(2020, 2, 1))) == {("GD503", "published_on")}
    gov = attrs.evolve(r, agency_kind="government")
    assert found(attrs.evolve(gov, published_on=dt.date(2020, 3, 31))) == set()
    assert found(attrs.evolve(gov, published_on=dt.date(2020, 4, 1))) == {("GD503", "published_on")}
    unknown = attrs.evolve(with_agency(r, "某某镇"), agency_kind=None, published_on=dt.date(2020, 6, 1))
    result = validate(unknown)
    assert result.findings == ()
    assert [n.code for n in result.not_assessable] == ["GD503"]


def test_deadline_infers_the_kind_of_agency_from_its_name_and_says_so() -> None:
    r = attrs.evolve(sample_report("2019"), year=2019, agency_kind=None, published_on=dt.date(2020, 2, 1))
    bureau = with_agency(r, "成都市武侯区市场监督管理局")
    (f,) = validate(bureau).findings
    assert (f.code, f.location) == ("GD503", "published_on")
    assert "inferred" in f.message
    assert "成都市武侯区市场监督管理局" in f.message
    assert "推断" in f.message_zh
    assert "2020-01-31" in f.message_zh
    # a government (or its office) has until 31 March
    assert validate(with_agency(r, "杭州市西湖区人民政府")).findings == ()
    assert validate(with_agency(r, "杭州市西湖区人民政府办公室")).findings == ()
    late = validate(attrs.evolve(with_agency(r, "杭州市西湖区人民政府"), published_on=dt.date(2020, 4, 1)))
    assert [(f.code, "2020-03-31" in f.message) for f in late.findings] == [("GD503", True)]
    # a kind given is used as given, and the finding says nothing about inferring
    given = validate(attrs.evolve(bureau, agency_kind="department")).findings
    assert [f.code for f in given] == ["GD503"]
    assert "inferred" not in given[0].message


def test_identity_gd504_and_sections_gd601() -> None:
    r = sample_report("2021")
    assert found(attrs.evolve(r, year=None)) == {("GD504", "year")}
    assert found(attrs.evolve(r, agency="  ")) == {("GD504", "agency")}
    no_problems = attrs.evolve(r, sections=attrs.evolve(r.sections, problems=" \n"))
    assert found(no_problems) == {("GD601", "sections/problems")}
    assert found(attrs.evolve(r, sections=Sections())) == {
        ("GD601", "sections/problems"),
        ("GD601", "sections/overview"),
        ("GD615", "sections/other"),  # the 2021 format's 信息处理费 statement is gone too
    }


@SETTINGS
@given(pair=report_pairs(), column=st.sampled_from(["natural_person", "business", "total"]))
def test_cross_year_carry_over_gd701(pair: tuple[Report, Report], column: str) -> None:
    last, this = pair
    address = f"applications/carried_over/{column}"
    v = this.cell(address)
    assert isinstance(v, int)
    broken = this.with_cells({address: v + 1})
    # the broken carry-over also breaks this report's own balance in that column and row total
    got = found(broken, last)
    assert ("GD701", address) in got
    assert {c for c, loc in got if c.startswith("GD7")} == {"GD701"}
    assert found(broken) == got - {("GD701", address)}


@SETTINGS
@given(report_pairs("2021"))
def test_cross_year_in_force_gd702(pair: tuple[Report, Report]) -> None:
    last, this = pair
    address = "proactive/art20_1.rules/in_force"
    v = this.cell(address)
    assert isinstance(v, int)
    assert found(this.with_cells({address: v + 2}), last) == {("GD702", address)}


@SETTINGS
@given(report_pairs("2019"))
def test_cross_year_items_gd703(pair: tuple[Report, Report]) -> None:
    last, this = pair
    address = "proactive/art20_6.enforcement/previous_items"
    v = this.cell(address)
    assert isinstance(v, int)
    got = found(this.with_cells({address: v + 1}), last)
    assert ("GD703", address) in got
    assert {c for c, _ in got} <= {"GD703", "GD402"}


def test_previous_of_another_year_is_not_paired() -> None:
    last = sample_report("2021")
    this = attrs.evolve(sample_report("2021"), year=(last.year or 0) + 2)
    result = validate(this, last)
    assert not any(f.code.startswith("GD7") for f in result.findings)
    assert any(n.code == "GD701" for n in result.not_assessable)


def test_reader_findings_take_precedence() -> None:
    r = sample_report("2021").with_cells({"appeals/review/upheld": None})
    reader = RULES["GD101"].finding("blank", "空", location="appeals/review/upheld", source="表3!B4")
    result = validate(r, findings=[reader])
    gd101 = [f for f in result.findings if f.code == "GD101"]
    assert gd101 == [reader]


def test_catalogue_is_complete_and_bilingual() -> None:
    spec_codes = {
        f"GD{n}"
        for n in (
            101,
            102,
            103,
            104,
            105,
            201,
            202,
            203,
            301,
            401,
            402,
            501,
            502,
            503,
            504,
            601,
            602,
            701,
            702,
            703,
            704,
        )
    }
    assert spec_codes <= set(RULES)
    for rule in RULES.values():
        assert rule.title
        assert rule.title_zh
        assert any("\u4e00" <= ch <= "\u9fff" for ch in rule.title_zh)
    with pytest.raises(ValueError, match="missing"):
        validate(sample_report("2021"), missing="ignore")  # type: ignore[arg-type]
