"""The rules of the outline, the text, the prose against the tables, year-on-year anomalies and text
lint (GD603–GD616, GD705, GD801–GD803): each one thing broken in a valid report gives exactly its
finding at exactly its place, what is right gives none (the doublings Chinese uses, a comparison of
years, an abbreviated agency name …)."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from gov_disclosure import Report, validate
from gov_disclosure.core.model import Heading, Sections
from gov_disclosure.core.vocabulary import SECTIONS
from gov_disclosure.rules.outline import heading_number
from gov_disclosure.testing import OUTLINE, report_pairs, sample_pair, sample_report, valid_reports

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
KEYS = [s.key for s in SECTIONS]


def found(report: Report, previous: Report | None = None) -> set[tuple[str, str | None]]:
    return {(f.code, f.location) for f in validate(report, previous).findings}


def with_text(r: Report, **texts: str) -> Report:
    return attrs.evolve(r, sections=attrs.evolve(r.sections, **texts))


def added(r: Report, key: str, text: str) -> Report:
    return with_text(r, **{key: getattr(r.sections, key) + "\n" + text})


def with_outline(r: Report, *headings: tuple[str, str | None]) -> Report:
    return attrs.evolve(r, outline=tuple(Heading(t, k) for t, k in headings))


H = [(h.text, h.section) for h in OUTLINE]


# -- the outline (GD603–GD607) --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        (H, set()),
        ([h for h in H if h[1] != "appeals"], {("GD603", "sections/appeals"), ("GD607", "sections/problems")}),
        ([*H[:4], ("5、存在的主要问题及改进情况", "problems"), H[5]], {("GD605", "sections/problems")}),
        ([*H[:4], ("五.存在的问题及改进情况", "problems"), H[5]], {("GD605", "sections/problems")}),
        ([*H[:4], ("第五部分 存在的主要问题及改进情况", "problems"), H[5]], {("GD605", "sections/problems")}),
        (  # unnumbered: 六、 then follows 四、
            [*H[:4], ("存在的主要问题及改进情况", "problems"), H[5]],
            {("GD605", "sections/problems"), ("GD607", "sections/other")},
        ),
        (
            [H[0], ("二、工作机制保障", None), *H[1:]],
            {("GD606", "sections/overview"), ("GD607", "sections/proactive")},
        ),
        ([*H, ("七、主要工作做法", None)], {("GD606", "sections/other")}),
        ([*H, ("一、附表", None)], {("GD606", "sections/other"), ("GD607", "sections/other")}),
        (
            [H[0], H[2], H[1], *H[3:]],
            {
                ("GD604", "sections/proactive"),
                ("GD607", "sections/applications"),  # 一 → 三
                ("GD607", "sections/proactive"),  # 三 → 二
                ("GD607", "sections/appeals"),  # 二 → 四
            },
        ),
        # a heading repeated (the tables' section numbers printed again): the numbering goes back
        (
            [*H[:3], ("一、主动公开政府信息情况", "proactive"), *H[3:]],
            {("GD607", "sections/proactive"), ("GD607", "sections/appeals")},  # 三 → 一 → 四
        ),
    ],
)
def test_the_outline(headings: list[tuple[str, str | None]], expected: set[tuple[str, str]]) -> None:
    assert found(with_outline(sample_report("2021"), *headings)) == expected


def test_a_missing_required_section_is_gd601s_not_gd603s() -> None:
    r = with_text(with_outline(sample_report("2021"), *[h for h in H if h[1] != "problems"]), problems="")
    assert found(r) == {("GD601", "sections/problems"), ("GD607", "sections/other")}


def test_no_outline_is_not_assessable() -> None:
    result = validate(attrs.evolve(sample_report("2021"), outline=()))
    assert result.findings == ()
    assert {(n.code, n.location) for n in result.not_assessable} == {
        (c, "outline") for c in ("GD603", "GD604", "GD605", "GD606", "GD607")
    }


@pytest.mark.parametrize(
    ("text", "number", "token", "official"),
    [
        ("一、总体情况", 1, "一、", True),
        ("六、其他需要报告的事项", 6, "六、", True),
        ("5、 存在的主要问题及改进情况", 5, "5、", False),
        ("五．存在的问题", 5, "五.", False),
        ("第三部分 收到和处理政府信息公开申请情况", 3, "第三部分", False),
        ("总体情况", None, "", False),
        ("十二、附则", 12, "十二、", True),
    ],
)
def test_heading_numbers(text: str, number: int | None, token: str, official: bool) -> None:
    assert heading_number(text) == (number, token, official)


# -- the text (GD608–GD612) -----------------------------------------------------------------------


OVERVIEW = {
    "主动公开": "（一）主动公开。及时主动公开政策文件。",
    "依申请公开": "（二）依申请公开。规范依申请公开办理流程。",
    "政府信息管理": "（三）政府信息管理。落实公开属性源头认定。",
    "平台建设": "（四）平台建设。加强政府网站建设。",
    "监督保障": "（五）监督保障。将政务公开纳入绩效考核。",
}


@pytest.mark.parametrize("aspect", list(OVERVIEW))
def test_each_missing_aspect_of_the_overview_is_named(aspect: str) -> None:
    r = sample_report("2021")
    assert found(with_text(r, overview="\n".join(OVERVIEW.values()))) == set()
    text = "\n".join(v for k, v in OVERVIEW.items() if k != aspect)
    (f,) = validate(with_text(r, overview=text)).findings
    assert (f.code, f.location) == ("GD608", "sections/overview")
    assert f"未涉及{aspect}" in f.message_zh
    assert f"nothing of {aspect}" in f.message


def test_the_aspects_are_a_2021_format_rule() -> None:
    r = sample_report("2019")
    assert found(with_text(r, overview="本年度，本机关认真做好政务公开工作，取得了一定成效。")) == set()
    r21 = sample_report("2021")
    assert {c for c, _ in found(with_text(r21, overview="本年度，本机关认真做好政务公开工作。"))} == {"GD608"}
    assert len(validate(with_text(r21, overview="本年度，本机关认真做好各项工作。")).findings) == 5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("无", {("GD609", "sections/problems")}),
        ("暂无。", {("GD609", "sections/problems")}),
        ("政策解读不够及时。", {("GD609", "sections/problems")}),
        ("五、存在的主要问题及改进情况", {("GD610", "sections/problems")}),
        ("（文字描述）", {("GD610", "sections/problems")}),
        ("", {("GD601", "sections/problems")}),
        (
            "（一）存在的主要问题。政策解读的形式还不够丰富，解读质量有待进一步提高。"
            "（二）改进情况。下一步将丰富政策解读形式，运用图表、视频等方式提升解读效果。",
            set(),
        ),
    ],
)
def test_a_thin_problems_section(text: str, expected: set[tuple[str, str]]) -> None:
    assert found(with_text(sample_report("2021"), problems=text)) == expected


@pytest.mark.parametrize("key", KEYS)
def test_a_section_that_only_repeats_its_heading(key: str) -> None:
    r = sample_report("2019")
    heading = next(s.heading for s in SECTIONS if s.key == key)
    assert found(with_text(r, **{key: heading.split("、", 1)[1]})) == {("GD610", f"sections/{key}")}
    assert found(with_text(r, **{key: heading})) == {("GD610", f"sections/{key}")}


@pytest.mark.parametrize(
    ("sentence", "stale"),
    [
        ("{last}年，本机关加强政务公开工作。", True),
        ("{last}年度，本机关加强政务公开工作。", True),
        ("{last}年我局加强政务公开工作。", True),
        ("（一）主动公开。{last}年，本机关主动公开政府信息。", True),
        ("本报告中所列数据的统计期限自{last}年1月1日起至{last}年12月31日止。", True),
        ("{last}年，本机关主动公开信息10条，{year}年主动公开信息12条。", False),
        ("{last}年，本机关主动公开信息10条，同比增长20%。", False),
        ("与{last}年相比，本机关主动公开信息增加。", False),
        ("{year}年，本机关在{last}年工作基础上继续推进政务公开。", False),
        ("公开了{last}年度部门决算。", False),
        ("{year}年，本机关加强政务公开工作。", False),
    ],
)
def test_last_year_spoken_of_as_the_current_year(sentence: str, stale: bool) -> None:
    r = sample_report("2021")
    year = r.year or 0
    text = sentence.format(year=year, last=year - 1)
    expected = {("GD611", "sections/proactive")} if stale else set()
    assert found(added(r, "proactive", text)) == expected
    if stale:
        (f,) = validate(added(r, "proactive", text)).findings
        assert f.raw
        assert f.raw in text
        assert str(year - 1) in f.raw


@pytest.mark.parametrize(
    ("sentence", "other"),
    [
        ("本报告由舟山市定海区民政局负责编制。", True),
        ("根据《条例》规定，现公布郑州市二七区科学技术局2021年政府信息公开工作年度报告。", True),
        ("本报告由{agency}办公室负责编制。", False),
        ("本报告由本机关办公室负责编制。", False),
        ("现公布天河区教育局2021年政府信息公开工作年度报告。", False),  # the agency, without its city
    ],
)
def test_another_agency_named(sentence: str, other: bool) -> None:
    r = sample_report("2021")
    assert r.agency == "广州市天河区教育局"
    text = sentence.format(agency=r.agency)
    assert found(added(r, "overview", text)) == ({("GD612", "sections/overview")} if other else set())


def test_an_abbreviated_name_is_the_same_agency() -> None:
    from gov_disclosure.rules.text import _distinct

    assert not _distinct("市科委", "上海市科学技术委员会")
    assert not _distinct("定海区经信局", "舟山市定海区经济和信息化局")
    assert not _distinct("淮安市洪泽区人民政府办公室", "洪泽区人民政府")
    assert _distinct("舟山市定海区民政局", "舟山市定海区经济和信息化局")


# -- the prose against the tables (GD613–GD616) -----------------------------------------------------


def sample_with(**cells: int) -> Report:
    return sample_report("2021").with_cells({k.replace("__", "/").replace("_dot_", "."): v for k, v in cells.items()})


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        ("所有申请均已按时办结。", True),
        ("全年收到的申请全部按时答复。", True),
        ("对收到的申请均已依法予以答复。", True),
        ("上年结转的申请均已办结。", False),  # about last year's carried-over ones
        ("申请答复率达到100%，未全部办结的已结转下年度。", False),
        ("本机关认真做好答复工作。", False),
    ],
)
def test_all_answered_while_some_are_carried_forward(sentence: str, said: bool) -> None:
    r = sample_report("2021")
    cf = r.cell("applications/carried_forward/total")
    assert isinstance(cf, int)
    assert cf > 0
    got = found(added(r, "applications", sentence))
    assert got == ({("GD613", "sections/applications")} if said else set())


def test_all_answered_when_nothing_is_carried_forward_is_right() -> None:
    import random

    from gov_disclosure.testing import random_report

    rng = random.Random(12)
    r = next(r for r in (random_report(rng, "2021") for _ in range(200)) if r.cell("applications/carried_forward/total") == 0)
    assert found(added(r, "applications", "所有申请均已按时办结。")) == set()


@pytest.mark.parametrize(
    ("sentence", "case"),
    [
        ("本年度本机关被申请行政复议，复议机关维持了原答复。", "行政复议"),
        ("本年度本机关应诉政府信息公开行政诉讼案件。", "行政诉讼"),
        ("本年度未发生政府信息公开行政复议案件。", None),
        ("告知申请人依法享有申请行政复议或提起行政诉讼的权利。", None),
        ("如对答复不服，可以依法申请行政复议。", None),
        ("本年度发生行政复议案件0件。", None),
        # the list of the report's sections (Shanghai's introduction) names no case
        ("报告全文包括收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况等六部分。", None),
    ],
)
def test_a_case_the_appeals_table_lacks(sentence: str, case: str | None) -> None:
    r = sample_report("2021").with_cells({c.address: 0 for c in sample_report("2021").spec.cells if c.table == "appeals"})
    r = with_text(r, appeals="本年度未发生政府信息公开行政复议、行政诉讼案件。")
    assert found(r) == set()
    got = validate(added(r, "appeals", sentence)).findings
    assert {(f.code, f.location) for f in got} == ({("GD614", "sections/appeals")} if case else set())
    if case:
        assert case in got[0].message_zh


def test_a_case_counted_in_the_table_is_right() -> None:
    r = sample_report("2021")
    assert r.cell("appeals/review/total") != 0
    assert found(added(r, "appeals", "本年度本机关被申请行政复议，复议机关维持了原答复。")) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本年度未收取信息处理费。", set()),
        ("无其他需要报告的事项。", {("GD615", "sections/other")}),
        ("", {("GD615", "sections/other")}),
        ("本年度未发出信息处理费收费通知。", {("GD616", "sections/other")}),
        ("本年度未发生政府信息公开收费事项。", {("GD616", "sections/other")}),
        ("本年度发出收费通知8件，申请人均未缴纳。", set()),
    ],
)
def test_the_fee_statement(text: str, expected: set[tuple[str, str]]) -> None:
    r = sample_report("2021")
    assert r.cell("applications/other.unpaid_fee/total") == 8
    assert found(with_text(r, other=text)) == expected
    # without applicants who did not pay, a text saying no notice was issued is right
    unpaid = {f"applications/other.unpaid_fee/{c}": 0 for c in ("natural_person", "business", "research", "nonprofit", "legal_service", "other_org", "total")}
    moved = r.with_cells(unpaid)
    assert ("GD616", "sections/other") not in found(with_text(moved, other=text))


def test_the_fee_rules_are_of_the_2021_format() -> None:
    assert found(with_text(sample_report("2019"), other="")) == set()


# -- year-on-year anomalies (GD705) -----------------------------------------------------------------


@SETTINGS
@given(report_pairs())
def test_counts_near_last_years_are_no_anomaly(pair: tuple[Report, Report]) -> None:
    last, this = pair
    assert not [f for f in validate(this, last).findings if f.code == "GD705"]


@pytest.mark.parametrize(
    ("last_value", "this_value", "expected"),
    [
        (30, 151, "grew"),
        (30, 150, None),
        (100, 19, "fell"),
        (100, 20, None),
        (0, 25, "grew"),
        (0, 19, None),  # below the minimum base
        (3, 19, None),
    ],
)
def test_a_count_far_from_last_years(last_value: int, this_value: int, expected: str | None) -> None:
    last, this = sample_pair("2021")
    address = "proactive/art20_5.licensing/decisions"
    last = last.with_cells({address: last_value})
    this = this.with_cells({address: this_value})
    result = validate(this, last).findings
    assert {(f.code, f.location) for f in result} == ({("GD705", address)} if expected else set())
    if expected:
        (f,) = result
        assert f.severity.value == "info"
        assert f.found == this_value
        assert [c.value for c in f.cells] == [this_value, last_value]
        assert "本年" in f.message_zh
        assert str(last_value) in f.message_zh
        assert ("more than" in f.message) == (expected == "grew")


def test_anomalies_compare_the_cells_both_formats_share() -> None:
    from gov_disclosure.rules.anomalies import anomaly_cells

    across = {a for a, _ in anomaly_cells("2019", "2021")}
    assert "applications/new/total" in across
    assert "applications/new/natural_person" not in across  # only the 总计 column
    assert "proactive/art20_6.penalty/decisions" in across
    assert "applications/other.unpaid_fee/total" not in across  # not in the 2019 format
    assert not any(a.endswith(("/previous_items", "/change", "/amount")) for a in across)


# -- text lint (GD801–GD803) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("本机关进一步加大政务公开工作工作力度。", "GD801"),
        ("本机关认真的的做好各项工作。", "GD801"),
        ("政府信息公开政府信息公开工作稳步推进。", "GD801"),
        ("本机关严格落实制度,确保公开规范。", "GD802"),
        ("本机关严格落实制度 ; 确保公开规范。", "GD802"),
        ("本机关加强政务公开(见附件)工作。", "GD802"),
        ("本机关认真落实《条例》要求（详见附件。", "GD803"),
        ("本机关认真落实《条例要求。", "GD803"),
        ("本机关认真落实“公开为常态的要求。", "GD803"),
        ("本机关认真落实条例》要求。", "GD803"),
        # right: doublings Chinese uses, words that meet on a character, list numbers
        ("常常深入基层，人人参与，年年开展，方方面面。", None),
        ("本机关的的确确做好了工作，为了了解群众需求，不了了之的问题得到解决。", None),
        ("以营利为目的的申请，部门门户网站，会议议程，公开开展情况，年报报送。", None),
        ("一个一个落实，一项一项推进，研究研究再定。", None),
        ("1）加强领导；2）完善制度；一）健全机制。", None),
        ("联系电话：0517-87222589，网址：https://example.gov.cn。", None),
        ("本年度主动公开信息1,234条。", None),
    ],
)
def test_text_lint(sentence: str, code: str | None) -> None:
    r = added(sample_report("2021"), "proactive", sentence)
    assert found(r) == ({(code, "sections/proactive")} if code else set())


def test_lint_reads_prose_not_headings_or_tables_left_in_a_section() -> None:
    r = added(sample_report("2021"), "appeals", "行政复议行政诉讼\n结果结果其他尚未\n总计总计\n| 维持 | 纠正 |")
    assert found(r) == set()


def test_lint_joins_lines_a_pdf_broke_inside_a_sentence() -> None:
    r = added(sample_report("2021"), "proactive", "本机关进一步加大政务公开工作\n工作力度，取得成效。")
    assert found(r) == {("GD801", "sections/proactive")}
    # but a sub-heading and the paragraph under it are not one sentence
    r = added(sample_report("2021"), "proactive", "（二）依申请公开\n依申请公开工作规范有序。")
    assert found(r) == set()


def test_lint_gives_one_finding_per_section_counting_the_others() -> None:
    r = added(sample_report("2021"), "proactive", "工作工作推进。公开公开推进。")
    r = added(r, "problems", "问题问题较多，需要改进改进。")
    result = validate(r).findings
    assert {(f.code, f.location) for f in result} == {("GD801", "sections/proactive"), ("GD801", "sections/problems")}
    (p,) = [f for f in result if f.location == "sections/proactive"]
    assert "工作工作" in p.message_zh
    assert "另有1处" in p.message_zh


# -- the generated reports ------------------------------------------------------------------------


@SETTINGS
@given(valid_reports())
def test_generated_prose_speaks_of_what_each_heading_names(r: Report) -> None:
    s = r.sections
    assert "主动公开" in s.proactive
    assert "申请" in s.applications
    assert "行政复议" in s.appeals
    assert "行政诉讼" in s.appeals
    assert "问题" in s.problems
    assert "改进" in s.problems
    assert s.overview.startswith("根据")
    if r.format == "2021":
        assert "信息处理费" in s.other
    assert [h.section for h in r.outline] == KEYS


def test_the_sample_reports_text_is_sections_own() -> None:
    """Issue 10: section 五 is no praise and section 二 does not talk about applications."""
    r = sample_report("2021")
    assert "申请" not in r.sections.proactive
    assert "有待" in r.sections.problems or "不够" in r.sections.problems
    assert isinstance(r.sections, Sections)
