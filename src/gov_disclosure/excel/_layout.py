"""Where everything sits in our workbook: the one layout the template writer, the filled-workbook
writer and the reader share.

Every cell address of FORMAT.md gets a place (sheet, row, column) and a defined name derived from the
address (``gd.applications.denied.state_secret.total``). Reading goes by defined name first and
checks the labels around the named cell, so a renamed sheet or inserted rows do not mislead it.

The total formulas and the check cells (勾稽关系) are the format's sums, from
:func:`gov_disclosure.core.sums.format_sums`: nothing here says which cells add up to which.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

import attrs

from ..core.sums import Sum, SumKind, format_sums
from ..core.vocabulary import (
    APPEALS_COLUMNS,
    APPEALS_GROUPS,
    APPEALS_SUIT_LABEL,
    APPLICATIONS_COLUMNS,
    APPLICATIONS_HEADER,
    APPLICATIONS_ORG_COLUMNS,
    PROACTIVE_ROW_HEADER,
    SECTIONS,
    TABLE_TITLES,
    CellKind,
    FormatKey,
    spec,
)

# Words of the workbook that are ours, not the official format's (the official wording comes
# from the vocabulary module).
SHEET_GUIDE: Final = "填报说明"
SHEET_INFO: Final = "基本信息"
SHEET_TEXT: Final = "文字部分"
SHEET_UNITS: Final = "分单位明细"
SHEET_UNIT_FINDINGS: Final = "分单位校验"
INFO_LABELS: Final[dict[str, str]] = {
    "agency": "报送单位",
    "year": "年度",
    "agency_kind": "单位类型",
    "published_on": "落款日期",
    "format": "格式版本",
}
UNIT_HEADER: Final = "单位"
CHECK_HEADER: Final = "校验"
CHECK_OK: Final = "正确"
CHECK_BAD: Final = "错误"
#: the label of each row of check cells, by the kind of sum it checks
CHECK_ROW_LABELS: Final[dict[SumKind, str]] = {
    "column": "校验：（七）总计＝各项办理结果之和",
    "balance": "校验：第一项＋第二项＝第三项＋第四项",
    "group": "校验：总计＝结果维持＋结果纠正＋其他结果＋尚未审结",
}

NAME_PREFIX: Final = "gd."


def name_for(key: str) -> str:
    """The defined name of a cell address (``applications/new/total``) or of ``info/agency``,
    ``sections/overview``, ``<address>/unit``."""
    return NAME_PREFIX + key.replace("/", ".")


@attrs.frozen
class Place:
    sheet: str
    row: int
    col: int


@attrs.frozen
class CellPlace:
    """Where one table cell sits and the labels that identify it."""

    address: str
    place: Place
    kind: CellKind
    #: (column, text) of the row label in the same row, or None (appeals)
    row_label: tuple[int, str] | None
    #: the column header printed above the cell (the nearest header in the same column)
    column_label: str
    #: the parts this cell sums, if it is a formula total in the template
    parts: tuple[str, ...] = ()
    #: the unit selector cell, for amounts without an official unit (2019)
    unit_place: Place | None = None
    #: (offset to the group's first column, group label above it), for the appeals groups
    group_label: tuple[int, str] | None = None


@attrs.frozen
class Check:
    """A visible check cell: shows 正确/错误 for one 勾稽关系 (blank while cells are missing)."""

    code: str
    key: str  #: column or group key
    place: Place
    left: tuple[str, ...]  #: addresses summed on the left side
    right: tuple[str, ...]  #: addresses summed on the right side

    @classmethod
    def of(cls, s: Sum, place: Place) -> Check:
        """The check of one sum of the format. A balance reads as its label does (第一项＋第二项＝
        第三项＋第四项: 本年新收 + 上年结转 on the left); every other sum has its total on the left."""
        left, right = (s.parts, s.totals) if s.kind == "balance" else (s.totals, s.parts)
        return cls(s.code, s.key, place, left, right)


@attrs.frozen
class Merge:
    sheet: str
    first_row: int
    first_col: int
    last_row: int
    last_col: int


@attrs.frozen
class Label:
    place: Place
    text: str
    kind: str = "label"  #: "title", "header", "label", "note"


@attrs.frozen
class Layout:
    format: FormatKey
    cells: dict[str, CellPlace]
    checks: tuple[Check, ...]
    labels: tuple[Label, ...]
    merges: tuple[Merge, ...]
    info: dict[str, Place]
    sections: dict[str, Place]
    sheets: tuple[str, ...]
    #: sheet → the heading in its A1, which identifies a renamed sheet
    headings: dict[str, str]
    widths: dict[str, dict[int, float]]

    def formula_cells(self) -> list[CellPlace]:
        """The formula totals, in an order where every part comes before its total."""
        out: list[CellPlace] = []
        seen: set[str] = set()

        def visit(c: CellPlace) -> None:
            if c.address in seen:
                return
            seen.add(c.address)
            for p in c.parts:
                if self.cells[p].parts:
                    visit(self.cells[p])
            out.append(c)

        for c in self.cells.values():
            if c.parts:
                visit(c)
        return out


def _sums(format: FormatKey, kind: SumKind) -> dict[str, Sum]:
    """The sums of one kind, by the row, column or group they are about."""
    return {s.key: s for s in format_sums(format) if s.kind == kind}


def _formula_parts(format: FormatKey) -> dict[str, tuple[str, ...]]:
    """The template's total formulas: each cell that is the one total of a sum sums that sum's parts.
    The cell that totals both its row and its column (表三's 总计 of 总计) sums its row."""
    out: dict[str, tuple[str, ...]] = {}
    kinds: tuple[SumKind, ...] = ("row", "column", "group")  # a row's total first
    for kind in kinds:
        for s in _sums(format, kind).values():
            (total,) = s.totals
            out.setdefault(total, s.parts)
    return out


def normalise_label(text: str) -> str:
    """A label as compared: whitespace and line breaks removed."""
    return re.sub(r"\s+", "", text)


_PROACTIVE_WIDTH: Final = 3  # value columns of the proactive sheet (B..D)


def _proactive(format: FormatKey, layout: _Builder) -> None:
    s = spec(format)
    sheet = TABLE_TITLES["proactive"]
    b = layout
    b.sheet(sheet, SECTIONS[1].heading, 1 + _PROACTIVE_WIDTH, {1: 26, 2: 18, 3: 18, 4: 18})
    row = 2
    for block in s.proactive:
        b.label(sheet, row, 1, block.title, "title", last_col=1 + _PROACTIVE_WIDTH)
        row += 1
        header_row = row
        b.label(sheet, header_row, 1, PROACTIVE_ROW_HEADER, "header")
        columns = list(block.columns)
        unit_col = None
        has_unit_cell = any(c.kind is CellKind.AMOUNT and c.unit is None for c in columns)
        # column spans: the last column takes what is left of the width
        spans: list[tuple[int, int]] = []
        n = len(columns) + (1 if has_unit_cell else 0)
        for i in range(n):
            first = 2 + i
            last = first if i < n - 1 else 1 + _PROACTIVE_WIDTH
            spans.append((first, last))
        for (first, last), c in zip(spans, columns, strict=False):
            b.label(sheet, header_row, first, c.label, "header", last_col=last)
        if has_unit_cell:
            unit_col = spans[-1][0]
            b.label(sheet, header_row, unit_col, UNIT_HEADER, "header", last_col=spans[-1][1])
        row += 1
        for r in block.rows:
            b.label(sheet, row, 1, r.label)
            for (first, last), c in zip(spans, columns, strict=False):
                address = f"proactive/{block.key}.{r.key}/{c.key}"
                unit_place = (
                    Place(sheet, row, unit_col)
                    if unit_col is not None and c.kind is CellKind.AMOUNT
                    else None
                )
                b.cell(
                    address,
                    Place(sheet, row, first),
                    c.kind,
                    (1, r.label),
                    c.label,
                    last_col=last,
                    unit_place=unit_place,
                )
            row += 1


def _applications(format: FormatKey, b: _Builder) -> None:
    s = spec(format)
    sheet = TABLE_TITLES["applications"]
    cols = {c.key: 4 + i for i, c in enumerate(APPLICATIONS_COLUMNS)}  # D..J
    check_col = 4 + len(APPLICATIONS_COLUMNS)  # K
    b.sheet(
        sheet,
        SECTIONS[2].heading,
        check_col,
        {1: 7, 2: 11, 3: 36, **dict.fromkeys(cols.values(), 10), check_col: 8},
    )
    b.label(sheet, 2, 1, APPLICATIONS_HEADER["note"], "note", last_row=4, last_col=3)
    b.label(sheet, 2, 4, APPLICATIONS_HEADER["applicants"], "header", last_col=cols["total"])
    b.label(sheet, 2, check_col, CHECK_HEADER, "header", last_row=4)
    b.label(sheet, 3, cols["natural_person"], APPLICATIONS_COLUMNS[0].label, "header", last_row=4)
    b.label(
        sheet, 3, cols["business"], APPLICATIONS_HEADER["organisations"], "header", last_col=cols["other_org"]
    )
    b.label(sheet, 3, cols["total"], APPLICATIONS_COLUMNS[-1].label, "header", last_row=4)
    for c in APPLICATIONS_COLUMNS:
        if c.key in APPLICATIONS_ORG_COLUMNS:
            b.label(sheet, 4, cols[c.key], c.label, "header")
    # data rows; group rows (key None) are merged cells spanning their children
    row = 5
    rows_of_group: dict[str, list[int]] = {}
    group_depth: dict[str, int] = {}
    formula_parts = _formula_parts(format)
    row_sums = _sums(format, "row")
    for lr in s.applications_layout:
        if lr.key is None:
            group_depth[lr.label] = len(lr.parents)
            continue
        depth = len(lr.parents)
        for p in lr.parents:
            rows_of_group.setdefault(p, []).append(row)
        label_col = 1 + depth
        b.label(sheet, row, label_col, lr.label, last_col=3)
        for c in APPLICATIONS_COLUMNS:
            address = f"applications/{lr.key}/{c.key}"
            parts = formula_parts.get(address, ())
            b.cell(
                address, Place(sheet, row, cols[c.key]), c.kind, (label_col, lr.label), c.label, parts=parts
            )
        b.checks.append(Check.of(row_sums[lr.key], Place(sheet, row, check_col)))
        row += 1
    for label, rows in rows_of_group.items():
        col = 1 + group_depth[label]
        b.label(sheet, min(rows), col, label, "group", last_row=max(rows))
    # check rows: one per column of the table, under it
    check_rows: tuple[SumKind, ...] = ("column", "balance")
    for kind in check_rows:
        sums = _sums(format, kind)
        b.label(sheet, row, 1, CHECK_ROW_LABELS[kind], "note", last_col=3)
        for c in APPLICATIONS_COLUMNS:
            b.checks.append(Check.of(sums[c.key], Place(sheet, row, cols[c.key])))
        row += 1


def _appeals(format: FormatKey, b: _Builder) -> None:
    sheet = TABLE_TITLES["appeals"]
    width = len(APPEALS_GROUPS) * len(APPEALS_COLUMNS)
    b.sheet(sheet, SECTIONS[3].heading, width, dict.fromkeys(range(1, width + 1), 9.0))
    col = 1
    suit_first = None
    formula_parts = _formula_parts(format)
    group_sums = _sums(format, "group")
    for g in APPEALS_GROUPS:
        n = len(APPEALS_COLUMNS)
        if g.parent is None:
            b.label(sheet, 2, col, g.label, "header", last_row=3, last_col=col + n - 1)
        else:
            suit_first = suit_first or col
            b.label(sheet, 3, col, g.label, "header", last_col=col + n - 1)
        for i, c in enumerate(APPEALS_COLUMNS):
            b.label(sheet, 4, col + i, c.label, "header")
            address = f"appeals/{g.key}/{c.key}"
            parts = formula_parts.get(address, ())
            b.cell(
                address,
                Place(sheet, 5, col + i),
                c.kind,
                None,
                c.label,
                parts=parts,
                group_label=(i, g.label),
            )
        b.checks.append(Check.of(group_sums[g.key], Place(sheet, 6, col)))
        b.merge(sheet, 6, col, 6, col + n - 1)
        col += n
    assert suit_first is not None
    b.label(sheet, 2, suit_first, APPEALS_SUIT_LABEL, "header", last_col=width)
    b.label(sheet, 7, 1, CHECK_ROW_LABELS["group"], "note", last_col=width)


@attrs.define
class _Builder:
    format: FormatKey
    cells: dict[str, CellPlace] = attrs.Factory(dict)
    checks: list[Check] = attrs.Factory(list)
    labels: list[Label] = attrs.Factory(list)
    merges: list[Merge] = attrs.Factory(list)
    sheets: list[str] = attrs.Factory(list)
    headings: dict[str, str] = attrs.Factory(dict)
    widths: dict[str, dict[int, float]] = attrs.Factory(dict)

    def sheet(self, name: str, heading: str, width: int, widths: dict[int, float]) -> None:
        self.sheets.append(name)
        self.headings[name] = heading
        self.widths[name] = widths
        self.label(name, 1, 1, heading, "title", last_col=width)

    def merge(self, sheet: str, r1: int, c1: int, r2: int, c2: int) -> None:
        if (r1, c1) != (r2, c2):
            self.merges.append(Merge(sheet, r1, c1, r2, c2))

    def label(
        self,
        sheet: str,
        row: int,
        col: int,
        text: str,
        kind: str = "label",
        *,
        last_row: int | None = None,
        last_col: int | None = None,
    ) -> None:
        self.labels.append(Label(Place(sheet, row, col), text, kind))
        self.merge(sheet, row, col, last_row or row, last_col or col)

    def cell(
        self,
        address: str,
        place: Place,
        kind: CellKind,
        row_label: tuple[int, str] | None,
        column_label: str,
        *,
        parts: tuple[str, ...] = (),
        last_col: int | None = None,
        unit_place: Place | None = None,
        group_label: tuple[int, str] | None = None,
    ) -> None:
        self.cells[address] = CellPlace(
            address, place, kind, row_label, column_label, parts, unit_place, group_label
        )
        self.merge(place.sheet, place.row, place.col, place.row, last_col or place.col)


@cache
def layout(format: FormatKey) -> Layout:
    """The layout of our workbook for one format version."""
    b = _Builder(format)
    _proactive(format, b)
    _applications(format, b)
    _appeals(format, b)
    info = {key: Place(SHEET_INFO, 2 + i, 2) for i, key in enumerate(INFO_LABELS)}
    sections = {sec.key: Place(SHEET_TEXT, 2 + i, 2) for i, sec in enumerate(SECTIONS)}
    assert set(b.cells) == {c.address for c in spec(format).cells}
    return Layout(
        format=format,
        cells=b.cells,
        checks=tuple(b.checks),
        labels=tuple(b.labels),
        merges=tuple(b.merges),
        info=info,
        sections=sections,
        sheets=(SHEET_GUIDE, SHEET_INFO, *b.sheets, SHEET_TEXT),
        headings=b.headings,
        widths=b.widths,
    )
