"""Labels as real reports print them: 规范性文件 for 行政规范性文件 (2021), a 2019 row inside a 2021 table,
misprinted labels (declined, with the official label named), header labels run together, and rows of
values that lost their labels (placed by the format's row order only where that leaves no choice)."""

from __future__ import annotations

import pytest

from gov_disclosure.core.vocabulary import APPLICATIONS_COLUMNS, FormatKey, spec
from gov_disclosure.reading.engine import GridCell, GridReading, decompose_label, match_label, read_grids
from gov_disclosure.testing import sample_report

COLS = [c.key for c in APPLICATIONS_COLUMNS]


def grid(*rows: list[str]) -> list[list[GridCell]]:
    return [[GridCell(t, f"row {n + 1}, cell {k + 1}") for k, t in enumerate(r)] for n, r in enumerate(rows)]


def read(*rows: list[str], format: FormatKey | None = None) -> GridReading:
    return read_grids([grid(*rows)], format=format)


def test_normative_docs_without_行政_in_2021() -> None:
    r = read(["第二十条第（一）项"], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规范性文件", "13", "0", "55"])
    assert r.format == "2021"
    assert r.cells == {
        "proactive/art20_1.normative_docs/issued": 13,
        "proactive/art20_1.normative_docs/repealed": 0,
        "proactive/art20_1.normative_docs/in_force": 55,
    }
    assert r.findings == ()
    # the same words still name the 2019 row, and alone they do not decide the format
    assert match_label("规范性文件", "2019")[0].key == "normative_docs"
    assert match_label("规范性文件（指本年度）", "2021")[0].key == "normative_docs"


def _applications(format: FormatKey) -> list[list[str]]:
    """The applications table of the sample report as rows of a grid (label, 7 values)."""
    r = sample_report(format)
    return [
        [lr.label, *(r.cell_text(f"applications/{lr.key}/{c}") for c in COLS)]
        for lr in spec(format).applications_layout
        if lr.key is not None
    ]


def test_a_2019_row_in_a_2021_table_is_declined_naming_the_2021_rows() -> None:
    rows = _applications("2021")
    other = [i for i, row in enumerate(rows) if row[0].startswith(("1.申请人无正当理由", "2.申请人逾期", "3.其他"))]
    rows[other[0] : other[-1] + 1] = [["（六）其他处理", "0", "0", "0", "0", "0", "0", "0"]]
    r = read(*rows, format="2021")
    assert not any(a.startswith("applications/other.") for a in r.cells)
    hint = [f for f in r.findings if "（六）其他处理" in (f.raw or "")]
    assert len(hint) == 1
    assert hint[0].code == "GD106"
    assert "2019" in hint[0].message
    assert "3.其他" in hint[0].message
    assert {c.address for c in hint[0].cells} == {
        f"applications/other.{k}/{c}" for k in ("no_correction", "unpaid_fee", "other") for c in COLS
    }


def test_a_2021_sub_row_in_a_2019_table_names_the_2019_row() -> None:
    rows = _applications("2019")
    i = next(i for i, row in enumerate(rows) if row[0] == "（六）其他处理")
    rows[i] = ["3.其他", "1", "0", "0", "0", "0", "0", "1"]  # only 2021 has it: (六) is one row in 2019
    rows.insert(i, ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", *["0"] * 7])
    r = read(*rows, format="2019")
    hint = [f for f in r.findings if "1.申请人无正当理由" in (f.raw or "")]
    assert len(hint) == 1
    assert "（六）其他处理" in hint[0].message
    assert {c.address for c in hint[0].cells} == {f"applications/other/{c}" for c in COLS}


@pytest.mark.parametrize(
    ("printed", "official", "row"),
    [
        ("2.其他法律行政止公开", "2.其他法律行政法规禁止公开", "denied.prohibited_by_law"),
        ("5.属于三类内部事物信息", "5.属于三类内部事务信息", "denied.internal_affairs"),
        ("1.本机关不掌握相关政府信", "1.本机关不掌握相关政府信息", "unavailable.not_held"),
    ],
)
def test_a_misprinted_label_is_declined_naming_the_nearest_official_label(
    printed: str, official: str, row: str
) -> None:
    rows = _applications("2021")
    i = next(i for i, r in enumerate(rows) if r[0] == official)
    rows[i] = [printed, *rows[i][1:]]
    r = read(*rows, format="2021")
    assert not any(a.startswith(f"applications/{row}/") for a in r.cells)
    hint = [f for f in r.findings if f.location == f"applications/{row}"]
    assert len(hint) == 1
    assert printed in hint[0].message
    assert official in hint[0].message
    assert official in hint[0].message_zh
    assert len(hint[0].cells) == 7


@pytest.mark.parametrize("printed", ["3.其他法律行政法规禁止公开", "其他主动公开文件", "合计"])
def test_no_official_label_is_named_when_none_is_plainly_meant(printed: str) -> None:
    rows = _applications("2021")
    i = next(i for i, r in enumerate(rows) if r[0] == "2.其他法律行政法规禁止公开")
    rows[i] = [printed, *rows[i][1:]]
    r = read(*rows, format="2021")
    assert not any(a.startswith("applications/denied.prohibited_by_law/") for a in r.cells)
    unplaced = [f for f in r.findings if printed in (f.raw or "")]
    assert unplaced
    assert all("nearest" not in f.message for f in unplaced)
    assert all(f.location in (None, "applications") for f in unplaced)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("行政复议行政诉讼", [("appeals", "review"), ("appeals", "suit")]),
        ("未经复议直接起诉复议后起诉", [("appeals", "suit_direct"), ("appeals", "suit_after_review")]),
        ("信息内容本年处理决定数量", [("proactive", "row_header"), ("proactive", "decisions")]),
        ("规章行政规范性文件", []),  # row labels run together are never split here
        ("结果维持", []),  # one label is not a run
        ("行政复议甲乙", []),
    ],
)
def test_header_labels_run_together(text: str, parts: list[tuple[str, str]]) -> None:
    assert [(p[0].table, p[0].key) for p in decompose_label(text, "2021")] == parts


def test_appeals_header_lines_glued_by_a_converter_still_say_the_table() -> None:
    r = read(
        ["一、本年新收政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"],
        ["行政复议行政诉讼", "未经复议直接起诉复议后起诉", "结果结果其他尚未", "总计总计"],
        ["维持", "纠正", "结果", "审结", "其他", "尚未"],
        ["1", "0", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"],
        format="2021",
    )
    assert r.cells["appeals/review/upheld"] == 1
    assert r.cells["appeals/review/total"] == 1
    assert r.findings == ()


# -- rows of values without their labels ----------------------------------------------------------


def _without_label(rows: list[list[str]], *labels: str) -> list[list[str]]:
    return [r[1:] if r[0] in labels else r for r in rows]


def test_unlabelled_rows_between_placed_rows_take_the_rows_the_format_has_there() -> None:
    rows = _without_label(
        _applications("2021"), "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1.本机关不掌握相关政府信息",
        "2.没有现成信息需要另行制作",
    )
    r = read(*rows, format="2021")
    expected = sample_report("2021")
    assert all(r.cells[a] == expected.cell(a) for a in r.cells)
    assert len([a for a in r.cells if a.startswith("applications/")]) == 25 * 7
    assert r.findings == ()


def test_unlabelled_rows_are_not_placed_when_their_number_does_not_fit_the_gap() -> None:
    rows = _applications("2021")
    i = next(i for i, r in enumerate(rows) if r[0] == "1.本机关不掌握相关政府信息")
    rows[i : i + 2] = [rows[i][1:]]  # two rows of the format, one row of values without a label
    r = read(*rows, format="2021")
    assert not any(a.startswith(("applications/unavailable.not_held/", "applications/unavailable.needs_creation/")) for a in r.cells)
    assert any(f.location == "applications" and f.code == "GD106" for f in r.findings)


def test_unlabelled_rows_are_not_placed_when_the_sums_do_not_confirm_them() -> None:
    rows = _without_label(_applications("2021"), "2.重复申请")
    i = next(i for i, r in enumerate(rows) if r[0] == "（七）总计")
    rows[i] = [rows[i][0], str(int(rows[i][1]) + 1), *rows[i][2:]]  # the report's own sum broken
    r = read(*rows, format="2021")
    assert not any(a.startswith("applications/not_processed.duplicate/") for a in r.cells)


def test_unlabelled_rows_are_not_placed_next_to_an_unknown_row() -> None:
    rows = _without_label(_applications("2021"), "2.重复申请")
    i = next(i for i, r in enumerate(rows) if r[0] == "3.要求提供公开出版物")
    rows.insert(i, ["其中：网上申请", "1", "0", "0", "0", "0", "0", "1"])  # a local extra row
    r = read(*rows, format="2021")
    assert not any(a.startswith("applications/not_processed.duplicate/") for a in r.cells)


def test_unlabelled_rows_are_not_placed_when_rows_are_out_of_order() -> None:
    rows = _without_label(_applications("2021"), "2.重复申请")
    a = next(i for i, r in enumerate(rows) if r[0] == "1.属于国家秘密")
    b = next(i for i, r in enumerate(rows) if r[0] == "8.属于行政查询事项")
    rows[a], rows[b] = rows[b], rows[a]
    r = read(*rows, format="2021")
    assert not any(a.startswith("applications/not_processed.duplicate/") for a in r.cells)


def test_a_subtotal_on_a_group_row_is_declined_naming_the_rows_under_it() -> None:
    rows = _applications("2021")
    i = next(i for i, r in enumerate(rows) if r[0] == "1.属于国家秘密")
    rows.insert(i, ["（三）不予公开", "9", "0", "0", "0", "0", "0", "9"])
    r = read(*rows, format="2021")
    (hint,) = [f for f in r.findings if "（三）不予公开" in (f.raw or "")]
    assert "heads rows of its own in the 2021 format" in hint.message
    assert "8.属于行政查询事项" in hint.message_zh
    assert len(hint.cells) == 8 * 7
    # the rows under it are read by their own labels
    expected = sample_report("2021")
    assert r.cells["applications/denied.state_secret/total"] == expected.cell("applications/denied.state_secret/total")
