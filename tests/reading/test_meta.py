"""Title, date, signature and sections, shared by the DOCX, HTML and text readers."""

from __future__ import annotations

import datetime as dt

import pytest

from gov_disclosure import NoTablesError, ReadError, validate
from gov_disclosure.reading.engine import GridCell
from gov_disclosure.reading.meta import (
    agency_kind_of,
    assemble,
    find_signature,
    is_furniture,
    match_heading,
    parse_date,
    parse_title,
    signature,
    split_run_on,
    split_sections,
    without_furniture,
    year_of_period,
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


# -- page furniture, certainty of the agency ---------------------------------------------------------

PROACTIVE_GRID = [[GridCell("规章", "t"), GridCell("0", "t"), GridCell("0", "t"), GridCell("0", "t")]]


@pytest.mark.parametrize(
    "line",
    [
        "正文",
        "目录",
        "- 2 -",
        "第 2 页 共 5 页",
        "来源：某某区人民政府网",
        "发布时间：2021-01-20 10:30",
        "索引号：000014349/2021-00012",
        "【字体：大 中 小】【打印】【关闭】",
        '<p style="text-align:center">',
        "---",
    ],
)
def test_page_furniture(line: str) -> None:
    assert is_furniture(line)
    assert without_furniture(line) == ""


@pytest.mark.parametrize(
    "line",
    ["某某局2021年政府信息公开工作年度报告", "一、总体情况", "日期：2021年1月8日", "舟山市定海区经济和信息化局"],
)
def test_not_furniture(line: str) -> None:
    assert not is_furniture(line)


@pytest.mark.parametrize(
    ("text", "agency", "year"),
    [
        ("标题:平潭综合实验区2019年政府信息公开工作年度报告", "平潭综合实验区", 2019),
        ("标题：某某县人民政府2021年政府信息公开工作年度报告", "某某县人民政府", 2021),
        ("正文2024 年上海市科委政府信息公开工作年度报告", "上海市科委", 2024),
        ('<p style="x"><b>某某区教育局</b>2021年政府信息公开工作年度报告</p>', "某某区教育局", 2021),
        ("来源：2021年政府信息公开工作年度报告", None, None),  # a crawler's line, not the title
        ("<<<>>>2021年政府信息公开工作年度报告", None, 2021),
    ],
)
def test_parse_title_never_takes_furniture_for_the_agency(text: str, agency: str | None, year: int | None) -> None:
    assert parse_title(text) == (agency, year)


def test_converter_marker_and_crawler_labels_around_the_title() -> None:
    paras = ["正文", "标题：", "2024 年某某市科学技术委员会政府信息公开工作", "年度报告", "一、总体情况", "甲。"]
    r, findings = assemble(paras, [PROACTIVE_GRID])
    assert (r.agency, r.year) == ("某某市科学技术委员会", 2024)
    assert "正文" not in r.sections.overview
    assert not [f for f in findings if f.code == "GD504"]


def test_an_agency_that_is_not_certain_is_left_unknown_with_a_finding() -> None:
    paras = ["<<<>>>2021年政府信息公开工作年度报告", "一、总体情况", "甲。"]
    r, findings = assemble(paras, [PROACTIVE_GRID])
    assert (r.agency, r.year) == (None, 2021)
    gd504 = [f for f in findings if f.code == "GD504"]
    assert [f.location for f in gd504] == ["agency"]
    assert "2021年政府信息公开工作年度报告" in gd504[0].message
    # the validator's own GD504 on the agency is not said twice
    assert [f.location for f in validate(r, findings=findings) if f.code == "GD504"] == ["agency"]


def test_signature_skips_crawler_footer_and_implausible_lines() -> None:
    paras = ["无。", "舟山市定海区经济和信息化局", "2021年1月8日", "来源：定海区政府网", "发布时间：2021-01-20"]
    assert find_signature(paras) == ("舟山市定海区经济和信息化局", dt.date(2021, 1, 8))
    assert find_signature(["无。", "联系电话 0580-1234567", "2021年1月8日"]) == (None, dt.date(2021, 1, 8))


def test_year_from_the_statistical_period() -> None:
    assert year_of_period(["本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。"]) == 2024
    assert year_of_period(["统计周期为 2023 年 1 月 1 日至 12 月 31 日"]) == 2023
    assert year_of_period(["2024年1月1日起施行"]) is None
    r, _ = assemble(["某某局政府信息公开工作年度报告", "本报告数据统计期限为2022年1月1日至12月31日。"], [PROACTIVE_GRID])
    assert (r.year, r.format) == (2022, "2021")


# -- sections behind Markdown markers, in one-line text, without their heading -------------------------


@pytest.mark.parametrize(("text", "key"), [("## 五、存在的主要问题及改进情况", "problems"), ("**一、总体情况**", "overview")])
def test_headings_behind_markdown_markers(text: str, key: str) -> None:
    assert match_heading(text) == key


def test_headings_inside_one_long_line() -> None:
    line = (
        "某某局2021年政府信息公开工作年度报告 一、总体情况 本机关认真贯彻落实条例，持续推进政务公开工作。" * 1
        + "围绕群众关注关切，及时主动公开政策文件。" * 5
        + "二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 "
        + "五、存在的主要问题及改进情况 人手不足，培训不够。六、其他需要报告的事项 无。"
    )
    parts = split_run_on([line])
    assert "一、总体情况" in parts
    assert "五、存在的主要问题及改进情况" in parts
    r, findings = assemble([line], [PROACTIVE_GRID])
    assert r.sections.problems == "人手不足，培训不够。"
    assert r.sections.other == "无。"
    assert "持续推进政务公开工作" in r.sections.overview
    assert not [f for f in validate(r, findings=findings) if f.code == "GD601"]


def test_short_lines_are_not_split() -> None:
    assert split_run_on(["一、总体情况 二、主动公开政府信息情况"]) == ["一、总体情况 二、主动公开政府信息情况"]


def test_problems_section_told_by_its_first_sub_heading() -> None:
    paras = [
        "某某局2021年政府信息公开工作年度报告",
        "一、总体情况",
        "甲。",
        "四、政府信息公开行政复议、行政诉讼情况",
        "（一）主要问题",
        "人手不足。",
        "（二）改进情况",
        "加强培训。",
        "五、其他需要报告的事项",
        "无。",
    ]
    sections, _ = split_sections(paras)
    assert sections.problems == "（一）主要问题\n人手不足。\n（二）改进情况\n加强培训。"
    assert sections.appeals == ""
    assert sections.other == "无。"
    # a sub-heading of the overview is no problems section
    sections, _ = split_sections(["一、总体情况", "（一）主要问题", "甲。"])
    assert sections.problems == ""
