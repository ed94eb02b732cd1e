"""Title, date, signature and sections, shared by the DOCX, HTML and text readers."""

from __future__ import annotations

import datetime as dt

import pytest

from gov_disclosure import NoTablesError, ReadError
from gov_disclosure.reading.engine import GridCell
from gov_disclosure.reading.meta import (
    agency_kind_of,
    assemble,
    find_signature,
    match_heading,
    parse_date,
    parse_title,
    signature,
    split_sections,
)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2021年1月8日", dt.date(2021, 1, 8)),
        ("二〇二一年一月八日", dt.date(2021, 1, 8)),
        ("二〇二〇年十二月三十一日", dt.date(2020, 12, 31)),
        ("二○二二年三月二十日", dt.date(2022, 3, 20)),
        ("２０２１年１月２８日", dt.date(2021, 1, 28)),
        ("2021 年 1 月 8 日", dt.date(2021, 1, 8)),
        ("2021-01-08", dt.date(2021, 1, 8)),
        ("发布日期：2021.1.8", dt.date(2021, 1, 8)),
        ("2021年2月30日", None),
        ("二〇二一年", None),
        ("无日期", None),
    ],
)
def test_parse_date(text: str, date: dt.date | None) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize(
    ("text", "agency", "year"),
    [
        ("二七区科学技术局 2020 年政府信息公开工作 年度报告", "二七区科学技术局", 2020),
        ("2020年区经信局政府信息公开工作年度报告", "区经信局", 2020),
        ("杭州市西湖区人民政府2021年政府信息公开工作年度报告", "杭州市西湖区人民政府", 2021),
        ("某某局2022年度政府信息公开工作年度报告", "某某局", 2022),
        ("某某局关于2020年政府信息公开工作年度报告", "某某局", 2020),
        ("二〇二一年度某某县人民政府政府信息公开工作年度报告", "某某县人民政府", 2021),
        ("关于做好政务公开工作的通知", None, None),
    ],
)
def test_parse_title(text: str, agency: str | None, year: int | None) -> None:
    assert parse_title(text) == (agency, year)


def test_find_signature() -> None:
    paras = ["六、其他需要报告的事项", "无。", "", "舟山市定海区经济和信息化局", "2021年1月8日     ", "   "]
    assert find_signature(paras) == ("舟山市定海区经济和信息化局", dt.date(2021, 1, 8))
    assert signature(paras) == ("舟山市定海区经济和信息化局", dt.date(2021, 1, 8), 3)
    assert find_signature(["无。", "某某局 二〇二一年一月八日"]) == ("某某局", dt.date(2021, 1, 8))
    assert signature(["无其他需要报告的事项。"]) == (None, None, None)
    assert find_signature(["无。", "某某局", "日期：2021年1月8日"]) == ("某某局", dt.date(2021, 1, 8))
    assert find_signature(["六、其他需要报告的事项", "2021年1月8日"]) == (None, dt.date(2021, 1, 8))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("一、总体情况", "overview"),
        ("5、 存在的主要问题及改进情况", "problems"),
        ("五、存在的问题及改进情况", "problems"),
        ("四、政府信息公开行政复议、行政诉讼情况", "appeals"),
        ("三、收到和处理政府信息公开申请情况", "applications"),
        ("二、主动公开政府信息情况", "proactive"),
        ("六、其他需要报告的事项", "other"),
        ("存在的主要问题及改进情况", "problems"),
        ("（一）主动公开情况", None),  # a sub-heading
        ("二、上年结转政府信息公开申请数量", None),  # a row of the applications table
        ("一、本年新收政府信息公开申请数量\t\t0\t0", None),
        ("一是对信息公开重要性的认识还有待提高，依法公开、主动公开的责任意识还需加强；", None),
        ("七、主要工作做法", None),
    ],
)
def test_match_heading(text: str, key: str | None) -> None:
    assert match_heading(text) == key


def test_split_sections_repeated_and_missing() -> None:
    paras = ["一、总体情况", "甲。", "二、主动公开政府信息情况", "乙。", "二、主动公开政府信息情况", "丙。"]
    sections, findings = split_sections(paras)
    assert sections.overview == "甲。"
    assert sections.proactive == "乙。\n丙。"
    assert sections.problems == ""
    assert [f.code for f in findings] == ["GD106"]
    assert findings[0].location == "sections/proactive"


def test_agency_kind() -> None:
    assert agency_kind_of("杭州市西湖区人民政府") == "government"
    assert agency_kind_of("杭州市西湖区人民政府办公室") == "department"
    assert agency_kind_of("郑州市二七区科学技术局") == "department"
    assert agency_kind_of("某某") is None
    assert agency_kind_of(None) is None


def test_assemble_without_tables_is_a_reading_failure() -> None:
    with pytest.raises(NoTablesError, match="none of the three statistical tables"):
        assemble(["某某局2021年政府信息公开工作年度报告", "一、总体情况", "正文。"], [])


def test_assemble_not_a_report() -> None:
    with pytest.raises(ReadError, match="not a report"):
        assemble(["今天天气很好。"], [])


def test_assemble_takes_the_format_from_the_tables() -> None:
    grid = [
        [GridCell("本年制发件数", "t"), GridCell("规章", "t")],
        [GridCell("规章", "t"), *(GridCell("1", "t"),) * 3],
    ]
    r, _ = assemble(["一、总体情况", "正文。"], [grid])
    assert (r.format, r.year) == ("2021", None)
    assert r.cell("proactive/art20_1.rules/in_force") == 1


def test_extra_section_is_reported_and_its_text_kept() -> None:
    paras = ["一、总体情况", "甲。", "二、主要工作做法", "乙。", "五、存在的主要问题及改进情况", "丙。"]
    sections, findings = split_sections(paras)
    assert sections.overview == "甲。\n二、主要工作做法\n乙。"
    assert [(f.code, f.raw) for f in findings] == [("GD106", "二、主要工作做法")]
