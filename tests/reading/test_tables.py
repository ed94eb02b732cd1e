"""The shared table engine: rows of cells in, report cells out, nothing guessed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gov_disclosure import Amount
from gov_disclosure.reading.engine import GridCell, GridReading, match_label, normalise_label, read_grids

CONT = "^"  # a position covered by a merged cell


def grid(*rows: list[str]) -> list[list[GridCell]]:
    out = []
    last: dict[int, str] = {}
    for i, row in enumerate(rows):
        cells = []
        for j, t in enumerate(row):
            if t == CONT:
                text = cells[-1].text if cells and cells[-1].text else last.get(j, "")
                cells.append(GridCell(text, f"table 1, row {i + 1}, cell {j + 1}", continued=True))
            else:
                cells.append(GridCell(t, f"table 1, row {i + 1}, cell {j + 1}"))
            last[j] = cells[-1].text
        out.append(cells)
    return out


def read(*rows: list[str], format: str | None = None) -> GridReading:
    return read_grids([grid(*rows)], format=format)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("（一）予以公开", "(一)予以公开"),
        ("(一) 予以公开", "(一)予以公开"),
        ("结果维 持", "结果维持"),
        ("本年新\n制作数量", "本年新制作数量"),
        ("1、属于国家秘密", "1.属于国家秘密"),
        ("1，属于国家秘密", "1.属于国家秘密"),
        ("１．属于国家秘密", "1.属于国家秘密"),
        ("商业\u3000企业", "商业企业"),
        ("3.危及“三安全一稳定”", "3.危及三安全一稳定"),
    ],
)
def test_normalise_label(text: str, normal: str) -> None:
    assert normalise_label(text) == normal


@pytest.mark.parametrize(
    ("variant", "key"),
    [
        ("社会组织", "nonprofit"),
        ("6.属于四类过程序性信息", "denied.process_info"),
        ("政府采购", "procurement"),
        ("规范性文件（指本机关制发的规范性文件）", "normative_docs"),
        ("上一年项目数量（指2018年事项数）", "previous_items"),
        ("（二）部分公开", "partial"),
        ("(四) 无法 提供", "（四）无法提供"),
    ],
)
def test_label_variants(variant: str, key: str) -> None:
    assert key in {m.key for m in match_label(variant, "2019")}


def test_unknown_label_matches_nothing() -> None:
    assert match_label("全区", "2019") == ()
    assert match_label("", "2021") == ()


PROACTIVE_2019 = [
    ["第二十条第（一）项", CONT, CONT, CONT],
    ["信息内容", "本年新\n制作数量", "本年新公开数量", "对外公开总数量"],
    ["规章", "0", "1", "2"],
    ["规范性文件", "3", "", "/"],
    ["第二十条第（九）项", CONT, CONT, CONT],
    ["信息内容", "采购项目数量", "采购总金额", CONT],
    ["政府集中采购", "5", "160.5964万元", CONT],
]


def test_proactive_block_with_merges_blanks_and_units() -> None:
    r = read(*PROACTIVE_2019)
    assert r.format == "2019"
    assert r.tables == {"proactive"}
    assert r.cells == {
        "proactive/art20_1.rules/made": 0,
        "proactive/art20_1.rules/published": 1,
        "proactive/art20_1.rules/total": 2,
        "proactive/art20_1.normative_docs/made": 3,
        "proactive/art20_1.normative_docs/published": None,
        "proactive/art20_1.normative_docs/total": None,
        "proactive/art20_9.procurement/projects": 5,
        "proactive/art20_9.procurement/amount": Amount(Decimal("160.5964"), "wan_yuan"),
    }
    assert r.raw == {"proactive/art20_1.normative_docs/total": "/"}
    assert r.findings == ()


def test_format_2021_from_labels() -> None:
    r = read(
        ["第二十条第（一）项", CONT, CONT, CONT],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["行政规范性文件", "1", "0", "12"],
        ["第二十条第（八）项", CONT],
        ["信息内容", "本年收费金额（单位：万元）"],
        ["行政事业性收费", "1.5"],
    )
    assert r.format == "2021"
    assert r.cells["proactive/art20_1.normative_docs/in_force"] == 12
    assert r.cells["proactive/art20_8.fees/amount"] == Amount(Decimal("1.5"), "wan_yuan")


def test_format_2021_from_other_sub_rows() -> None:
    r = read(
        ["（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", *"1000001"],
    )
    assert r.format == "2021"
    assert r.cells["applications/other.no_correction/natural_person"] == 1


def test_forced_format_wins() -> None:
    r = read(["行政许可", "3"], format="2021")
    assert r.format == "2021"
    assert r.cells == {"proactive/art20_5.licensing/decisions": 3}


def test_applications_rows_with_merged_group_labels() -> None:
    r = read(
        ["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密", *"1000001"],
        [CONT, CONT, "2.其他法律行政法规禁止公开", "", "", "", "", "", "", ""],
        [CONT, "（七）总计", CONT, *"2000002"],
    )
    assert r.cells["applications/denied.state_secret/total"] == 1
    assert r.cells["applications/denied.prohibited_by_law/natural_person"] is None
    assert r.cells["applications/total/natural_person"] == 2
    assert r.findings == ()


def test_table_split_in_two_grids_reads_as_one() -> None:
    first = grid(["一、本年新收政府信息公开申请数量", *"3000003"])
    second = grid(["二、上年结转政府信息公开申请数量", *"1000001"])
    r = read_grids([first, second])
    assert r.cells["applications/new/total"] == 3
    assert r.cells["applications/carried_over/total"] == 1


def test_label_split_across_rows_is_joined() -> None:
    r = read(["5.属于三类内部事务信", *"0000000"], ["息"], ["6.属于四类过程性信息", *"1000001"])
    assert r.cells["applications/denied.internal_affairs/total"] == 0
    assert r.cells["applications/denied.process_info/total"] == 1
    assert r.findings == ()


APPEALS_HEAD = [
    ["行政复议", CONT, CONT, CONT, CONT, "行政诉讼", *[CONT] * 9],
    [
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
        "未经复议直接起诉",
        *[CONT] * 4,
        "复议后起诉",
        *[CONT] * 4,
    ],
    [CONT] * 5 + ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2,
]


def test_appeals_row() -> None:
    r = read(*APPEALS_HEAD, [*"000001000110001"])
    assert r.tables == {"appeals"}
    assert r.cells["appeals/suit_direct/total"] == 1
    assert r.cells["appeals/suit_after_review/total"] == 1
    assert len(r.cells) == 15


def test_a_word_among_the_values_is_a_value_not_a_label() -> None:
    values = ["0", "0", "不详", *["0"] * 12]
    r = read(*APPEALS_HEAD, values)
    assert len(r.cells) == 15
    assert r.cells["appeals/review/other"] is None
    assert r.raw == {"appeals/review/other": "不详"}
    assert [(f.code, f.location) for f in r.findings] == [("GD102", "appeals/review/other")]


@pytest.mark.parametrize("n", [10, 16])
def test_appeals_row_that_does_not_fit_is_gd105_with_raw_cells(n: int) -> None:
    values = ["0"] * n
    r = read(*APPEALS_HEAD, values)
    assert r.cells == {}
    (f,) = r.findings
    assert f.code == "GD105"
    assert f.location == "appeals"
    assert f.raw == " | ".join(values)
    assert f"{n} values for 15 columns" in f.message
    assert len(f.cells) == 15


def test_row_with_one_value_too_many() -> None:
    r = read(["（七）总计", *"00000000"])
    assert r.cells == {}
    assert [f.code for f in r.findings] == ["GD105"]
    assert r.findings[0].source == "table 1, row 1, cell 1"


def test_text_in_a_value_cell_is_gd102_with_its_source() -> None:
    r = read(["规章", "0", "见附件", "2"])
    assert r.cells["proactive/art20_1.rules/published"] is None
    assert r.raw["proactive/art20_1.rules/published"] == "见附件"
    (f,) = r.findings
    assert (f.code, f.location, f.source) == (
        "GD102",
        "proactive/art20_1.rules/published",
        "table 1, row 1, cell 3",
    )


def test_merged_value_cells_never_count() -> None:
    r = read(["规章", "1", CONT, CONT])
    assert r.cells == {}
    assert [f.code for f in r.findings] == ["GD105"]


def test_non_standard_table_is_said_and_certain_cells_are_placed() -> None:
    r = read(
        ["第二十条第（一）项"],
        ["信息内容", "全区", "本年新制作数量", "本年新公开数量", "对外公开总数量", "本部门"],
        ["规章", "9", "0", "1", "2", "7"],
        ["其他主动公开文件", "7", "1", "1", "1", "1"],
    )
    assert r.cells == {
        "proactive/art20_1.rules/made": 0,
        "proactive/art20_1.rules/published": 1,
        "proactive/art20_1.rules/total": 2,
    }
    summary = [f for f in r.findings if f.location == "proactive" and f.raw == "全区、本部门"]
    assert len(summary) == 1
    assert "not in the standard format" in summary[0].message
    assert summary[0].raw == "全区、本部门"
    # the row under an unknown label is told, in its table
    assert any("其他主动公开文件" in (f.raw or "") and f.location == "proactive" for f in r.findings)
    assert all(f.code == "GD106" for f in r.findings)


def test_page_furniture_grid_is_ignored() -> None:
    furniture = grid(["首页", "政务公开", "2020"], ["联系我们", "1", "2"])
    r = read_grids([furniture, grid(["规章", "0", "1", "2"])])
    assert r.findings == ()
    assert len(r.cells) == 3


def test_nothing_readable() -> None:
    r = read_grids([])
    assert (r.format, dict(r.cells), r.tables) == (None, {}, frozenset())


def test_repeated_row_with_a_different_value_keeps_the_first() -> None:
    r = read(["规章", "0", "1", "2"], ["规章", "0", "1", "3"])
    assert r.cells["proactive/art20_1.rules/total"] == 2
    assert [f.code for f in r.findings] == ["GD106"]


def test_local_data_collection_sheet_says_it_is_not_the_standard_format() -> None:
    from gov_disclosure import validate
    from gov_disclosure.text import read_text

    sheet = "\n".join(
        [
            "某区2020年政府信息公开工作数据统计表",
            "二、主动公开政府信息情况",
            "第二十条第（一）项\t\t",
            "信息内容\t全区\t本部门",
            "本年新制作数量\t120\t3",
            "本年新公开数量\t118\t3",
            "其他主动公开文件\t56\t2",
            "三、收到和处理政府信息公开申请情况",
            "项目\t全区\t本部门",
            "一、本年新收政府信息公开申请数量\t40\t1",
        ]
    )
    r, findings = read_text(text=sheet)
    assert r.format == "2019"  # from the labels 本年新制作数量 / 本年新公开数量
    summary = [f for f in findings if "not in the standard format" in f.message]
    assert summary
    assert "全区" in (summary[0].raw or "")
    # nothing is placed that is not certain: the applications row has 2 values for 7 columns
    assert all(v is None for v in r.cell_map().values())
    assert any(f.code == "GD105" and f.location == "applications/new" for f in findings)
    assert not validate(r, findings=findings).valid


def test_furniture_with_a_common_label_is_not_a_report_table() -> None:
    furniture = grid(["访问量", "总计"], ["其他", "12"])
    r = read_grids([furniture, grid(["规章", "0", "1", "2"])])
    assert r.findings == ()
    assert r.tables == {"proactive"}
