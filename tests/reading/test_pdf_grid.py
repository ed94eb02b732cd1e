"""Ruled tables from page geometry (gov_disclosure.pdf._grid), on pages made of characters and
rulings in code: blank cells located, merged cells continued, rulings drawn in pieces, frames and
layout tables left to the text, tables continued over a page break, limits."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from gov_disclosure.pdf._grid import (
    MAX_POSITIONS,
    MAX_RULINGS,
    Char,
    Page,
    Ruling,
    TooComplexError,
    join_pages,
    merge_rulings,
    page_tables,
)
from gov_disclosure.reading.engine import read_grids

Spec = tuple[int, int, int, int, str]  # row, column, rows, columns, text


def chars(text: str, x: float, top: float, size: float = 10.0) -> list[Char]:
    """``text`` set at (x, top), one line per line, 0.8 em a character."""
    out = []
    for n, line in enumerate(text.split("\n")):
        t = top + n * size * 1.2
        for k, ch in enumerate(line):
            x0 = x + k * size * 0.8
            out.append(Char(ch, x0, x0 + size * 0.8, t, t + size, t + size * 0.88))
    return out


def table(
    cells: Sequence[Spec],
    xs: Sequence[float],
    ys: Sequence[float],
    *,
    cut_top: bool = False,
    cut_bottom: bool = False,
) -> tuple[list[Char], list[Ruling]]:
    """A table: each cell's four borders (the neighbours' overlap, as exporters draw them), except
    at a page break cut; its text in its top-left corner."""
    cs: list[Char] = []
    rs: list[Ruling] = []
    last = len(ys) - 2
    for r, c, nr, nc, text in cells:
        x0, x1, y0, y1 = xs[c], xs[c + nc], ys[r], ys[r + nr]
        rs += [Ruling(True, x0, y0, y1), Ruling(True, x1, y0, y1)]
        if not (cut_top and r == 0):
            rs.append(Ruling(False, y0, x0, x1))
        if not (cut_bottom and r + nr - 1 == last):
            rs.append(Ruling(False, y1, x0, x1))
        cs += chars(text, x0 + 2, y0 + 2)
    return cs, rs


def page(number: int, *parts: tuple[list[Char], list[Ruling]], text: Sequence[Char] = ()) -> Page:
    return Page(number, [c for p in parts for c in p[0]] + list(text), [r for p in parts for r in p[1]])


def texts(grid: Sequence[Sequence[object]]) -> list[list[str]]:
    return [["~" * c.continued + c.text for c in row] for row in grid]  # type: ignore[attr-defined]


#: the 2021 table of 第二十条第（一）项 with a blank cell and a title across the columns
ART20_1: list[Spec] = [
    (0, 0, 1, 4, "第二十条第（一）项"),
    (1, 0, 1, 1, "信息内容"),
    (1, 1, 1, 1, "本年制发件数"),
    (1, 2, 1, 1, "本年废止件数"),
    (1, 3, 1, 1, "现行有效件数"),
    (2, 0, 1, 1, "规章"),
    (2, 1, 1, 1, "3"),
    (2, 2, 1, 1, ""),
    (2, 3, 1, 1, "12"),
    (3, 0, 1, 1, "行政规范性文件"),
    (3, 1, 1, 1, ""),
    (3, 2, 1, 1, "0"),
    (3, 3, 1, 1, "7"),
]
XS = [50.0, 200.0, 300.0, 400.0, 500.0]
YS = [100.0, 120.0, 140.0, 160.0, 180.0]


def test_blank_cells_are_located_and_merged_cells_continued() -> None:
    pt = page_tables(page(1, table(ART20_1, XS, YS), text=chars("二、主动公开政府信息情况", 50, 80)))
    (t,) = pt.tables
    assert texts(t.grid) == [
        ["第二十条第（一）项", "~第二十条第（一）项", "~第二十条第（一）项", "~第二十条第（一）项"],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "3", "", "12"],
        ["行政规范性文件", "", "0", "7"],
    ]
    assert t.grid[2][2].source == "page 1, table 1, row 3, cell 3"
    assert pt.lines == ["二、主动公开政府信息情况"]  # the text outside the table
    reading = read_grids([t.grid], format="2021")
    assert reading.cells == {
        "proactive/art20_1.rules/issued": 3,
        "proactive/art20_1.rules/repealed": None,  # blank, and said to be
        "proactive/art20_1.rules/in_force": 12,
        "proactive/art20_1.normative_docs/issued": None,
        "proactive/art20_1.normative_docs/repealed": 0,
        "proactive/art20_1.normative_docs/in_force": 7,
    }
    assert reading.findings == ()


def test_rulings_drawn_in_pieces_off_by_a_point_and_ticks_read_as_one_grid() -> None:
    cs, rs = table(ART20_1, XS, YS)
    pieces: list[Ruling] = []
    for r in rs:  # every ruling drawn in two pieces with a small gap, one piece 1 pt off its line
        mid = (r.start + r.end) / 2
        pieces += [Ruling(r.vertical, r.at, r.start, mid - 1), Ruling(r.vertical, r.at + 1, mid + 1, r.end)]
    ticks = [Ruling(True, 250.0, 95.0, 97.0), Ruling(False, 90.0, 10.0, 12.0)]
    (t,) = page_tables(Page(1, cs, pieces + ticks)).tables
    assert texts(t.grid) == texts(page_tables(page(1, (cs, rs))).tables[0].grid)
    assert len(merge_rulings(pieces + ticks)) == len(merge_rulings(rs))


def test_a_frame_and_a_table_of_other_text_are_text() -> None:
    frame = table([(0, 0, 1, 1, "本报告由办公室编制。\n如有疑问请联系。")], [40.0, 560.0], [40.0, 90.0])
    other = table([(0, 0, 1, 1, "联系人"), (0, 1, 1, 1, "电话")], [40.0, 200.0, 300.0], [700.0, 720.0])
    pt = page_tables(page(1, frame, other, table(ART20_1, XS, YS)))
    assert [t.bbox for t in pt.tables] == [(50.0, 100.0, 500.0, 180.0)]
    assert pt.lines == ["本报告由办公室编制。", "如有疑问请联系。", "联系人  电话"]  # columns apart


def test_a_lone_rule_is_no_table() -> None:
    pt = page_tables(Page(1, chars("政府信息公开工作年度报告", 50, 50), [Ruling(False, 70.0, 50.0, 500.0)]))
    assert pt.tables == []
    assert pt.lines == ["政府信息公开工作年度报告"]


#: the 2021 applications table's top rows (shortened): a label spanning rows and columns
APPLICATIONS: list[Spec] = [
    (0, 0, 1, 2, "一、本年新收政府信息公开申请数量"),
    *[(0, 2 + k, 1, 1, str(k)) for k in range(7)],
    (1, 0, 4, 1, "三、本年度办理结果"),
    (1, 1, 1, 1, "（一）予以公开"),
    *[(1, 2 + k, 1, 1, str(10 + k)) for k in range(7)],
    (2, 1, 1, 1, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    *[(2, 2 + k, 1, 1, "" if k == 3 else str(20 + k)) for k in range(7)],
    (3, 1, 1, 1, "1.属于国家秘密"),
    *[(3, 2 + k, 1, 1, str(30 + k)) for k in range(7)],
    (4, 1, 1, 1, "2.其他法律行政法规禁止公开"),
    *[(4, 2 + k, 1, 1, str(40 + k)) for k in range(7)],
]
AXS = [30.0, 130.0, 380.0, *(380.0 + 30 * k for k in range(1, 8))]


def test_a_table_cut_by_a_page_break_reads_as_one() -> None:
    top = APPLICATIONS[: 1 + 7 + 2 + 7 + 1 + 7]  # rows 0-2 on page 1, the rest on page 2
    rest = [(r - 3, c, n, m, t) for r, c, n, m, t in APPLICATIONS if r >= 3]
    # the label spanning the cut is drawn in two parts, its text on the first only
    first = [s if s[4] != "三、本年度办理结果" else (1, 0, 2, 1, s[4]) for s in top]
    second = [(0, 0, 2, 1, ""), *rest]
    p1 = page(1, table(first, AXS, [600.0, 620.0, 640.0, 660.0], cut_bottom=True))
    p2 = page(2, table(second, AXS, [50.0, 70.0, 90.0], cut_top=True))
    pages = [page_tables(p1), page_tables(p2)]
    ((start, grid),) = join_pages(pages)
    assert start == 1
    assert texts(grid)[3][:3] == ["~三、本年度办理结果", "1.属于国家秘密", "30"]
    assert grid[3][0].source == "page 2, table 1, row 1, cell 1"
    assert texts(grid)[4][:3] == ["~三、本年度办理结果", "2.其他法律行政法规禁止公开", "40"]
    reading = read_grids([grid], format="2021")
    assert reading.cells["applications/denied.prohibited_by_law/total"] == 46
    assert reading.cells["applications/partial/business"] == 21
    assert reading.cells["applications/partial/nonprofit"] is None  # the blank, located
    assert "applications/partial/nonprofit" not in reading.raw
    assert reading.findings == ()


def test_a_one_row_label_is_not_carried_over_a_page_break() -> None:
    """A blank label cell at the top of the next page under a one-row label is the row's own
    (missing) label: its values are nobody's, never the row's above."""
    p1 = page(1, table(APPLICATIONS[:8], AXS, [700.0, 720.0], cut_bottom=True))
    row = [(0, 0, 1, 2, ""), *[(0, 2 + k, 1, 1, "5") for k in range(7)]]
    p2 = page(2, table(row, AXS, [50.0, 70.0], cut_top=True))
    assert page_tables(p2).tables == []  # on its own, a row of numbers is no table of the report
    first = page_tables(p1)
    ((_, grid),) = join_pages([first, page_tables(p2, first.tables[-1])])  # after it, it continues
    assert texts(grid)[1][:2] == ["", "5"]  # its label blank, not the label above
    reading = read_grids([grid], format="2021")
    assert reading.cells["applications/new/total"] == 6
    assert [f.code for f in reading.findings] == ["GD106"]  # the row of 5s has no label


def test_tables_with_other_columns_on_the_next_page_are_not_joined() -> None:
    p1 = page(1, table(APPLICATIONS[:8], AXS, [700.0, 720.0]))
    p2 = page(2, table(ART20_1, XS, YS))
    assert [start for start, _ in join_pages([page_tables(p1), page_tables(p2)])] == [1, 2]


def test_a_ruling_missing_inside_a_table_leaves_each_position_its_own_cell() -> None:
    cs, rs = table(ART20_1, XS, YS)
    # take away the ruling between 规章's two blank-and-3 cells and below one of them: the space
    # they leave is no rectangle, so no merged cell is made of it
    rs = [r for r in rs if not (r.vertical and r.at == 300.0 and r.start == 140.0)]
    rs = [r for r in rs if not (not r.vertical and r.at == 160.0 and r.start == 200.0)]
    (t,) = page_tables(Page(1, cs, rs)).tables
    assert texts(t.grid)[2] == ["规章", "3", "", "12"]
    assert texts(t.grid)[3] == ["行政规范性文件", "", "0", "7"]


def test_limits() -> None:
    many = [Ruling(k % 2 == 0, 5.0 * k, 0.0, 10.0 + k) for k in range(2 * MAX_RULINGS)]
    with pytest.raises(TooComplexError, match="ruling lines"):
        page_tables(Page(1, [], many))
    n = int(MAX_POSITIONS**0.5) + 2  # a grid of n x n lines
    grid = [Ruling(True, 10.0 + 4 * k, 10.0, 10.0 + 4 * n) for k in range(n)]
    grid += [Ruling(False, 10.0 + 4 * k, 10.0, 10.0 + 4 * n) for k in range(n)]
    with pytest.raises(TooComplexError, match="positions"):
        page_tables(Page(1, [], grid))
