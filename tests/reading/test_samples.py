"""The two real reports in tests/data, read as found. The expected cells are written by hand from
the files (not from the reader's output)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from gov_disclosure import Amount, validate
from gov_disclosure.core.values import Cell
from gov_disclosure.core.vocabulary import APPLICATIONS_COLUMNS, spec
from gov_disclosure.text import read_text

DATA = Path(__file__).parent.parent / "data"
COLS = [c.key for c in APPLICATIONS_COLUMNS]


def _row(key: str, values: list[Cell]) -> dict[str, Cell]:
    assert len(values) == 7
    return {f"applications/{key}/{c}": v for c, v in zip(COLS, values, strict=True)}


# -- 舟山市定海区经济和信息化局, 2020 (tables one cell per tab-led line, NBSP for blank cells) -------

B = None  # a blank cell
DINGHAI: dict[str, Cell] = {
    "proactive/art20_1.rules/made": 0,
    "proactive/art20_1.rules/published": 0,
    "proactive/art20_1.rules/total": 0,
    "proactive/art20_1.normative_docs/made": 2,
    "proactive/art20_1.normative_docs/published": 2,
    "proactive/art20_1.normative_docs/total": 2,
    "proactive/art20_5.licensing/previous_items": 3,
    "proactive/art20_5.licensing/change": -1,
    "proactive/art20_5.licensing/decisions": 2,
    "proactive/art20_5.other_services/previous_items": 21,
    "proactive/art20_5.other_services/change": -14,
    "proactive/art20_5.other_services/decisions": 5,
    "proactive/art20_6.penalty/previous_items": 0,
    "proactive/art20_6.penalty/change": 0,
    "proactive/art20_6.penalty/decisions": 0,
    "proactive/art20_6.enforcement/previous_items": 0,
    "proactive/art20_6.enforcement/change": 0,
    "proactive/art20_6.enforcement/decisions": 0,
    "proactive/art20_8.fees/previous_items": 0,
    "proactive/art20_8.fees/change": 0,
    "proactive/art20_9.procurement/projects": 5,
    "proactive/art20_9.procurement/amount": Amount(Decimal("109994"), "yuan"),
    **_row("new", [1, B, B, B, B, B, B]),
    **_row("carried_over", [0, B, B, B, B, B, B]),
    **_row("granted", [1, B, B, B, B, B, B]),
    **_row("total", [B, B, B, B, B, B, B]),  # (七)总计 left blank
    **_row("carried_forward", [0, B, B, B, B, B, B]),
    "appeals/review/total": 0,
    "appeals/suit_direct/total": 0,
    "appeals/suit_after_review/total": 0,
}


def test_dinghai_cells() -> None:
    r, findings = read_text(DATA / "dinghai-econ-2020.txt")
    assert (r.format, r.year, r.agency) == ("2019", 2020, "舟山市定海区经济和信息化局")
    assert r.agency_kind == "department"
    assert r.published_on == dt.date(2021, 1, 8)
    for c in spec("2019").cells:
        assert r.cell(c.address) == DINGHAI.get(c.address), c.address
    assert r.raw == {}  # "109994元" is the canonical spelling of 109994 yuan
    assert findings == []


def test_dinghai_findings() -> None:
    r, findings = read_text(DATA / "dinghai-econ-2020.txt")
    result = validate(r, findings=findings)
    codes = result.codes()
    assert set(codes) == {"GD101"}  # blank cells only; section 六 is absent but not required
    blank = {f.location for f in result if f.code == "GD101"}
    assert {f"applications/total/{c}" for c in COLS} <= blank  # the blank (七)总计
    assert "applications/new/business" in blank
    assert "appeals/review/upheld" in blank
    assert "proactive/art20_9.procurement/amount" not in blank
    # 109994元 in 采购总金额: an amount with its unit, not a unit problem
    assert "GD104" not in codes
    # the sums over blank cells are not assessable rather than wrong
    assert not any(f.code.startswith("GD2") for f in result)
    assert any(n.code == "GD202" for n in result.not_assessable)


def test_dinghai_sections() -> None:
    r, _ = read_text(DATA / "dinghai-econ-2020.txt")
    assert r.sections.overview.startswith("2020年，定海区经济和信息化局政务公开工作")
    assert "（五）强化监督，建言献策。" in r.sections.overview
    # renumbered heading "5、 存在的主要问题及改进情况"
    assert "政务信息公开时效性不强" in r.sections.problems
    assert r.sections.problems.endswith("提高公开的时效性。")
    # the tables are not prose
    assert "第二十条" not in r.sections.proactive
    assert r.sections.applications == ""
    assert r.sections.appeals == ""
    assert r.sections.other == ""


# -- 二七区科学技术局, 2020 (tables tab-separated) ----------------------------------------------------

ZERO7: list[Cell] = [0, 0, 0, 0, 0, 0, 0]
ERQI_ROWS = [
    "new", "carried_over", "granted", "partial",
    "denied.state_secret", "denied.prohibited_by_law", "denied.three_securities", "denied.third_party",
    "denied.internal_affairs",  # label split over two lines: 5.属于三类内部事务信 / 息
    "denied.process_info", "denied.enforcement_case", "denied.query",
    "unavailable.not_held", "unavailable.needs_creation", "unavailable.unclear",
    "not_processed.complaint", "not_processed.duplicate", "not_processed.publication",
    "not_processed.excessive", "not_processed.confirmation",
    "carried_forward",
]  # fmt: skip
ERQI: dict[str, Cell] = {
    "proactive/art20_1.rules/made": 0,
    "proactive/art20_1.rules/published": 0,
    "proactive/art20_1.rules/total": 0,
    "proactive/art20_1.normative_docs/made": 0,
    "proactive/art20_1.normative_docs/published": 0,
    "proactive/art20_1.normative_docs/total": 0,
    "proactive/art20_5.licensing/previous_items": 0,
    "proactive/art20_5.licensing/change": 0,
    "proactive/art20_5.licensing/decisions": 0,
    "proactive/art20_5.other_services/previous_items": 0,
    "proactive/art20_5.other_services/change": 0,
    "proactive/art20_5.other_services/decisions": 0,
    "proactive/art20_6.penalty/previous_items": 0,
    "proactive/art20_6.penalty/change": 0,
    "proactive/art20_6.penalty/decisions": 0,
    "proactive/art20_6.enforcement/previous_items": 0,
    "proactive/art20_6.enforcement/change": 0,
    "proactive/art20_6.enforcement/decisions": 0,
    "proactive/art20_8.fees/previous_items": 0,
    "proactive/art20_8.fees/change": 0,
    "proactive/art20_9.procurement/projects": 0,
    "proactive/art20_9.procurement/amount": Amount(Decimal(0)),  # a bare 0: unit unknown
    **{k: v for row in ERQI_ROWS for k, v in _row(row, ZERO7).items()},
    # (六)其他处理 and (七)总计 carry 8 values for 7 columns: not read (GD105)
    # the appeals row has 10 values for 15 columns: not read (GD105)
}


def test_erqi_cells() -> None:
    r, _ = read_text(DATA / "erqi-sci-2020.txt")
    assert (r.format, r.year, r.agency) == ("2019", 2020, "二七区科学技术局")
    assert r.published_on == dt.date(2020, 1, 8)
    for c in spec("2019").cells:
        assert r.cell(c.address) == ERQI.get(c.address), c.address


def test_erqi_findings() -> None:
    r, findings = read_text(DATA / "erqi-sci-2020.txt")
    misfits = {f.location: f for f in findings if f.code == "GD105"}
    assert set(misfits) == {"applications/other", "applications/total", "appeals"}
    assert misfits["appeals"].raw == " | ".join(["0"] * 10)
    assert "10 values for 15 columns" in misfits["appeals"].message
    assert misfits["applications/total"].source == "line 87, field 1"
    assert "8 values for 7 columns" in misfits["applications/total"].message
    result = validate(r, findings=findings)
    codes = result.codes()
    assert codes["GD502"] == 1  # signed 2020年1月8日, before the 2020 period ended
    assert codes["GD104"] == 1  # 采购总金额 "0" without a unit
    assert "GD602" not in codes  # "未收到任何形式的信息公开申请" and the table agree
    assert not any(f.code == "GD106" for f in findings)


def test_erqi_sections() -> None:
    r, _ = read_text(DATA / "erqi-sci-2020.txt")
    # the introduction before 一、总体情况 is kept at the start of the overview
    assert r.sections.overview.startswith("根据《中华人民共和国政府信息公开条例》规定")
    assert "（一）主动公开情况" in r.sections.overview  # a sub-heading, not section 二
    assert "我局未收到任何形式的信息公开申请" in r.sections.overview
    assert r.sections.problems.startswith("虽然 2020 年我局政府信息公开工作")
    assert r.sections.other.endswith("无其他需要报告的事项。")


@pytest.mark.parametrize("name", ["dinghai-econ-2020.txt", "erqi-sci-2020.txt"])
def test_samples_read_the_same_from_bytes_path_and_text(name: str) -> None:
    p = DATA / name
    a = read_text(p)
    assert read_text(p.read_bytes()) == a
    assert read_text(text=p.read_text(encoding="utf-8")) == a
    assert read_text(str(p)) == a  # a str is a path
    assert read_text(p.read_text(encoding="utf-8").encode("gb18030")) == a


def test_headings_missing_and_furniture_before_the_title() -> None:
    from gov_disclosure.testing import sample_report
    from gov_disclosure.text import write_text

    r = sample_report("2019")
    text = write_text(r)
    for heading in (
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    ):
        text = text.replace(heading + "\n", "")
    text = "索引号：11410103/2021-00012\n发布日期：2021-01-20\n" + text
    back, findings = read_text(text=text)
    assert back.cell_map() == r.cell_map()
    assert (back.year, back.agency) == (r.year, r.agency)
    assert findings == []
