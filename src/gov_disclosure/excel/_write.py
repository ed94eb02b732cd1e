"""Writing workbooks: the blank data-collection template and a filled workbook of any report."""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import re
import weakref
import zipfile
from collections.abc import Container, Iterable, Mapping
from decimal import Decimal
from functools import cache
from typing import IO, Final

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as XlCell
from openpyxl.cell.cell import MergedCell
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.styles.numbers import BUILTIN_FORMATS_MAX_SIZE, BUILTIN_FORMATS_REVERSE
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from ..core.codes import CODES
from ..core.files import atomic_write
from ..core.model import Report
from ..core.values import Amount, Cell, format_cell
from ..core.vocabulary import (
    AGENCY_KINDS,
    APPLICATIONS_NOTE,
    DEADLINES,
    SECTIONS,
    TABLE_TITLES,
    UNIT_LABELS,
    CellKind,
    FormatKey,
    spec,
)
from ._layout import (
    CHECK_BAD,
    CHECK_OK,
    INFO_LABELS,
    SHEET_GUIDE,
    SHEET_INFO,
    SHEET_TEXT,
    CellPlace,
    Check,
    Layout,
    Place,
    layout,
    name_for,
)

__all__ = ["template_workbook", "write_template", "write_xlsx", "xlsx_bytes"]

#: Excel keeps at most this many characters in a cell; longer texts continue in the next columns
MAX_CELL_CHARS: Final = 32_000
#: integers beyond this are not exact as an Excel number (a double); they are written as text
MAX_EXACT_INT: Final = 2**53
#: decimals with more significant digits than this are written as text (Excel keeps 15)
MAX_EXACT_DIGITS: Final = 15

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_RISKY_START: Final = ("=", "+", "-", "@")

_FONT = "宋体"
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_INPUT_FILL = PatternFill("solid", fgColor="FFF9E5")
_FORMULA_FILL = PatternFill("solid", fgColor="EDEDED")
_OK_FILL = PatternFill("solid", fgColor="C6EFCE")
_BAD_FILL = PatternFill("solid", fgColor="FFC7CE")

_ERROR_TITLE: Final = "输入有误"
_ERRORS: Final[dict[CellKind, str]] = {
    CellKind.COUNT: "请填写大于或等于0的整数；不适用或没有数据的单元格请留空，不要填写文字。",
    CellKind.SIGNED: "请填写整数：增加填正数，减少填负数（如 -3）。",
    CellKind.AMOUNT: "请填写大于或等于0的金额（可有小数），单位不要写在单元格里。",
}
_GUIDE_TITLE: Final = "填报说明"
_UNLOCKED: Final = Protection(locked=False)


@cache
def _font(name: str = _FONT, bold: bool = False, size: int = 11, color: str | None = None) -> Font:
    # one object per style: openpyxl's style index compares by identity first, so sharing is fast
    return Font(name=name, bold=bold, size=size, color=color)


@cache
def _align(
    horizontal: str | None = None, vertical: str | None = None, wrap_text: bool | None = None
) -> Alignment:
    return Alignment(horizontal=horizontal, vertical=vertical, wrap_text=wrap_text)


class _Styler:
    """Cell formatting assigned by index. openpyxl looks every font, fill, border… a cell is given up
    in its workbook's style lists, hashing the object each time (most of a template's writing time);
    here each style object is looked up once per workbook and each cell gets its indices. The file
    written is the same."""

    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        self._ids: dict[tuple[str, int], tuple[object, int]] = {}
        #: (ids of the style objects, number format) → (StyleArray position, index) to set
        self._looks: dict[tuple[object, ...], tuple[tuple[int, int], ...]] = {}

    def _index(self, collection: str, obj: object) -> int:
        key = (collection, id(obj))
        found = self._ids.get(key)
        if found is None:
            found = (obj, getattr(self.wb, collection).add(obj))  # (the object kept alive with its id)
            self._ids[key] = found
        return found[1]

    def _format(self, number_format: str) -> int:
        key = ("_number_formats", hash(number_format))
        found = self._ids.get(key)
        if found is None or found[0] != number_format:
            if number_format in BUILTIN_FORMATS_REVERSE:
                index = BUILTIN_FORMATS_REVERSE[number_format]
            else:
                index = self.wb._number_formats.add(number_format) + BUILTIN_FORMATS_MAX_SIZE  # type: ignore[attr-defined]
            found = (number_format, index)
            self._ids[key] = found
        return found[1]

    def __call__(
        self,
        cell: XlCell,
        *,
        font: Font | None = None,
        fill: PatternFill | None = None,
        border: Border | None = None,
        alignment: Alignment | None = None,
        protection: Protection | None = None,
        number_format: str | None = None,
    ) -> None:
        """Give ``cell`` what is given (as ``cell.font = font``… would)."""
        key = (id(font), id(fill), id(border), id(alignment), id(protection), number_format)
        slots = self._looks.get(key)
        if slots is None:
            found: list[tuple[int, int]] = []
            for slot, collection, obj in (
                (_FONT_ID, "_fonts", font),
                (_FILL_ID, "_fills", fill),
                (_BORDER_ID, "_borders", border),
                (_ALIGNMENT_ID, "_alignments", alignment),
                (_PROTECTION_ID, "_protections", protection),
            ):
                if obj is not None:
                    found.append((slot, self._index(collection, obj)))
            if number_format is not None:
                found.append((_NUMBER_FORMAT_ID, self._format(number_format)))
            slots = self._looks[key] = tuple(found)
        style = cell._style  # type: ignore[attr-defined]
        if not style:
            style = cell._style = StyleArray()  # type: ignore[attr-defined]
        for slot, index in slots:
            style[slot] = index


#: positions in openpyxl's StyleArray (fontId, fillId, borderId, numFmtId, protectionId, alignmentId…)
_FONT_ID, _FILL_ID, _BORDER_ID, _NUMBER_FORMAT_ID, _PROTECTION_ID, _ALIGNMENT_ID = 0, 1, 2, 3, 4, 5
_probe = StyleArray([1, 2, 3, 4, 5, 6, 0, 0, 0])
assert (_probe.fontId, _probe.fillId, _probe.borderId, _probe.numFmtId) == (1, 2, 3, 4)
assert (_probe.protectionId, _probe.alignmentId) == (5, 6)


_STYLERS: Final[weakref.WeakKeyDictionary[Workbook, _Styler]] = weakref.WeakKeyDictionary()


def styler(wb: Workbook) -> _Styler:
    """The styler of ``wb`` (one per workbook)."""
    found = _STYLERS.get(wb)
    if found is None:
        found = _STYLERS[wb] = _Styler(wb)
    return found


def clean_text(text: str) -> str:
    """User text as it may go into a cell: line ends unified, control characters removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def cell_at(ws: Worksheet, row: int, col: int) -> XlCell:
    """The (top-left, writable) cell at ``row``, ``col``."""
    cell = ws.cell(row, col)
    assert isinstance(cell, XlCell), f"{cell.coordinate} is inside a merged range"
    return cell


#: the most characters an Excel cell holds; longer text is cut there (with an ellipsis, which the
#: reader reports) rather than silently by openpyxl. Sections are split over cells of
#: :data:`MAX_CELL_CHARS` instead.
EXCEL_CELL_LIMIT: Final = 32_767


def put_text(cell: XlCell, text: str) -> None:
    """Store ``text`` as a literal string: never a formula, whatever it starts with."""
    text = clean_text(text)
    if len(text) > EXCEL_CELL_LIMIT:
        text = text[: EXCEL_CELL_LIMIT - 1] + "…"
    cell.value = text
    cell.data_type = "s"
    if cell.value.startswith(_RISKY_START):
        cell.quotePrefix = True


def _ref(p: Place, *, absolute: bool = True, sheet: bool = False) -> str:
    letter = get_column_letter(p.col)
    ref = f"${letter}${p.row}" if absolute else f"{letter}{p.row}"
    return f"{quote_sheetname(p.sheet)}!{ref}" if sheet else ref


def _refs(places: list[Place]) -> str:
    """Cell references for a formula: one range when the cells are contiguous in a row or column."""
    rows = {p.row for p in places}
    cols = {p.col for p in places}
    if len(places) > 1 and len(rows) == 1 and max(cols) - min(cols) + 1 == len(places):
        first, last = min(places, key=lambda p: p.col), max(places, key=lambda p: p.col)
        return f"{_ref(first, absolute=False)}:{_ref(last, absolute=False)}"
    if len(places) > 1 and len(cols) == 1 and max(rows) - min(rows) + 1 == len(places):
        first, last = min(places, key=lambda p: p.row), max(places, key=lambda p: p.row)
        return f"{_ref(first, absolute=False)}:{_ref(last, absolute=False)}"
    return ",".join(_ref(p, absolute=False) for p in places)


def total_formula(lay: Layout, c: CellPlace) -> str:
    """A total: blank while every part is blank, else the sum of the parts that hold numbers."""
    refs = _refs([lay.cells[p].place for p in c.parts])
    return f'=IF(COUNT({refs})=0,"",SUM({refs}))'


def check_formula(lay: Layout, chk: Check, formulas: Container[str] | None = None) -> str:
    """A check cell: blank while any input cell it depends on is blank (through the total formulas,
    ``formulas``: those left as formulas, default all: a total over blank cells is no reported value,
    as the reader and the validator see it), else 正确/错误."""
    left = _refs([lay.cells[a].place for a in chk.left])
    right = _refs([lay.cells[a].place for a in chk.right])
    inputs = list(dict.fromkeys(i for a in (*chk.left, *chk.right) for i in _inputs(lay, a, formulas)))
    needed = _refs([lay.cells[a].place for a in inputs])
    return (
        f'=IF(COUNT({needed})<{len(inputs)},"",'
        f'IF(SUM({left})=SUM({right}),"{CHECK_OK}","{CHECK_BAD}"))'
    )


def _inputs(lay: Layout, address: str, formulas: Container[str] | None) -> list[str]:
    """The input cells a cell depends on: itself, or the inputs of a total formula's parts."""
    parts = lay.cells[address].parts
    if not parts or (formulas is not None and address not in formulas):
        return [address]
    return [i for p in parts for i in _inputs(lay, p, formulas)]


def _style_label(st: _Styler, cell: XlCell, kind: str) -> None:
    bold = kind in ("title", "header", "group")
    size = 14 if kind == "title" and cell.row == 1 else 11
    horizontal = "left" if kind in ("label", "note") else "center"
    st(
        cell,
        font=_font(name=_FONT, bold=bold, size=size),
        alignment=_align(horizontal=horizontal, vertical="center", wrap_text=True),
    )


def _guide_lines(format: FormatKey) -> list[tuple[str, bool]]:
    s = spec(format)
    kinds = "；".join(f"{AGENCY_KINDS[k]}：次年{m}月{d}日前" for k, (m, d) in DEADLINES.items())
    lines: list[tuple[str, bool]] = [
        (f"{s.name}（{s.document}）数据采集表", True),
        ("", False),
        ("一、填写方法", True),
        (
            f"1. 在“{SHEET_INFO}”表填写{INFO_LABELS['agency']}、{INFO_LABELS['year']}、"
            f"{INFO_LABELS['agency_kind']}和{INFO_LABELS['published_on']}。",
            False,
        ),
        (
            f"2. 在“{TABLE_TITLES['proactive']}”“{TABLE_TITLES['applications']}”"
            f"“{TABLE_TITLES['appeals']}”三张表的浅黄色单元格中填写数字。",
            False,
        ),
        ("3. 没有发生的事项填 0；不适用或暂无数据的单元格留空（留空不等于 0，汇总时会单独提示）。", False),
        (
            "4. 灰色单元格（总计）由公式自动计算，请勿改写；“校验”单元格实时显示“"
            f"{CHECK_OK}”或“{CHECK_BAD}”。",
            False,
        ),
        (f"5. 在“{SHEET_TEXT}”表填写六个部分的文字内容。", False),
        (
            "6. 工作表已设保护（无密码），只防误改标签和公式，不防有意修改；请勿插入或删除行列、改动表头。",
            False,
        ),
        ("", False),
        ("二、勾稽关系", True),
        (f"1. {APPLICATIONS_NOTE}", False),
    ]
    for i, code in enumerate(("GD201", "GD202", "GD301"), start=2):
        lines.append((f"{i}. {CODES[code].title_zh}（{code}）：总计应等于各项之和。", False))
    lines += [
        ("", False),
        ("三、报送时限（《中华人民共和国政府信息公开条例》第四十九条）", True),
        (kinds + "。", False),
    ]
    return lines


def template_workbook(format: FormatKey = "2021") -> Workbook:
    """A blank template as an openpyxl Workbook (for callers that add sheets)."""
    lay = layout(format)
    wb = Workbook()
    default = wb.active
    assert default is not None
    wb.remove(default)
    sheets: dict[str, Worksheet] = {name: wb.create_sheet(name) for name in lay.sheets}
    st = styler(wb)

    # guide
    ws = sheets[SHEET_GUIDE]
    ws.column_dimensions["A"].width = 110
    for i, (text, bold) in enumerate(_guide_lines(format), start=1):
        cell = cell_at(ws, i, 1)
        put_text(cell, text)
        st(
            cell,
            font=_font(name=_FONT, bold=bold, size=14 if i == 1 else 11),
            alignment=_align(wrap_text=True, vertical="center"),
        )

    # info
    ws = sheets[SHEET_INFO]
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 48
    ws.column_dimensions["C"].width = 50
    head = cell_at(ws, 1, 1)
    put_text(head, SHEET_INFO)
    _style_label(st, head, "title")
    _merge(ws, 1, 1, 1, 2)
    for key, place in lay.info.items():
        label = cell_at(ws, place.row, 1)
        put_text(label, INFO_LABELS[key])
        _style_label(st, label, "header")
        st(label, border=_BORDER)
        value = cell_at(ws, place.row, place.col)
        st(value, border=_BORDER, font=_font(name=_FONT), alignment=_align(horizontal="left", vertical="center"))
        if key == "format":
            put_text(value, format)
            note = cell_at(ws, place.row, place.col + 1)
            put_text(note, f"{spec(format).name}（{spec(format).document}）")
            st(note, font=_font(name=_FONT, color="666666"))
        else:
            st(value, fill=_INPUT_FILL, protection=_UNLOCKED)
        _name(wb, f"info/{key}", place)
    info = lay.info
    _validate(
        ws,
        DataValidation(
            type="whole",
            operator="between",
            formula1="2000",
            formula2="2100",
            error="请填写四位数的年度，如 2021。",
        ),
        [info["year"]],
    )
    kinds = ",".join(AGENCY_KINDS.values())
    _validate(
        ws,
        DataValidation(type="list", formula1=f'"{kinds}"', error="请从下拉列表中选择。"),
        [info["agency_kind"]],
    )
    _validate(
        ws,
        DataValidation(
            type="date", operator="greaterThanOrEqual", formula1="36526", error="请填写日期，如 2022-01-20。"
        ),
        [info["published_on"]],
    )
    st(cell_at(ws, info["published_on"].row, info["published_on"].col), number_format="yyyy-mm-dd")
    ws.protection.sheet = True

    # tables
    for lab in lay.labels:
        cell = cell_at(sheets[lab.place.sheet], lab.place.row, lab.place.col)
        put_text(cell, lab.text)
        _style_label(st, cell, lab.kind)
    for m in lay.merges:
        ws = sheets[m.sheet]
        _merge(ws, m.first_row, m.first_col, m.last_row, m.last_col)
    by_kind: dict[tuple[str, CellKind], list[Place]] = {}
    unit_places: dict[str, list[Place]] = {}
    for c in lay.cells.values():
        ws = sheets[c.place.sheet]
        cell = cell_at(ws, c.place.row, c.place.col)
        st(cell, font=_font(name=_FONT), alignment=_align(horizontal="center", vertical="center"))
        if c.parts:
            cell.value = total_formula(lay, c)
            st(cell, fill=_FORMULA_FILL)
        else:
            st(cell, fill=_INPUT_FILL, protection=_UNLOCKED)
            by_kind.setdefault((c.place.sheet, c.kind), []).append(c.place)
        if c.kind is CellKind.AMOUNT:
            st(cell, number_format="0.######")
        _name(wb, c.address, c.place)
        if c.unit_place is not None:
            u = cell_at(ws, c.unit_place.row, c.unit_place.col)
            st(
                u,
                fill=_INPUT_FILL,
                font=_font(name=_FONT),
                alignment=_align(horizontal="center", vertical="center"),
                protection=_UNLOCKED,
            )
            unit_places.setdefault(c.place.sheet, []).append(c.unit_place)
            _name(wb, f"{c.address}/unit", c.unit_place)
    for (sheet, kind), places in by_kind.items():
        if kind is CellKind.COUNT:
            dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
        elif kind is CellKind.SIGNED:
            dv = DataValidation(type="whole", operator="between", formula1="-999999999", formula2="999999999")
        else:
            dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
        dv.error = _ERRORS[kind]
        _validate(sheets[sheet], dv, places)
    units = ",".join(UNIT_LABELS.values())
    for sheet, places in unit_places.items():
        _validate(
            sheets[sheet],
            DataValidation(type="list", formula1=f'"{units}"', error="请从下拉列表中选择元或万元。"),
            places,
        )
    check_refs: dict[str, list[str]] = {}
    for chk in lay.checks:
        ws = sheets[chk.place.sheet]
        cell = cell_at(ws, chk.place.row, chk.place.col)
        cell.value = check_formula(lay, chk)
        st(cell, font=_font(name=_FONT, bold=True), alignment=_align(horizontal="center", vertical="center"))
        check_refs.setdefault(chk.place.sheet, []).append(_ref(chk.place, absolute=False))
    for sheet, refs in check_refs.items():  # one pair of rules over all the check cells of a sheet
        ws = sheets[sheet]
        ref = " ".join(refs)
        ws.conditional_formatting.add(
            ref,
            CellIsRule(  # type: ignore[no-untyped-call]
                operator="equal",
                formula=[f'"{CHECK_OK}"'],
                fill=_OK_FILL,
                font=_font(color="006100", bold=True),
            ),
        )
        ws.conditional_formatting.add(
            ref,
            CellIsRule(  # type: ignore[no-untyped-call]
                operator="equal",
                formula=[f'"{CHECK_BAD}"'],
                fill=_BAD_FILL,
                font=_font(color="9C0006", bold=True),
            ),
        )
    for sheet in lay.sheets:
        if sheet in lay.widths:
            _table_sheet(st, sheets[sheet], lay.widths[sheet], sheet != TABLE_TITLES["proactive"])
    _row_heights(lay, sheets)

    # text sections
    ws = sheets[SHEET_TEXT]
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 100
    head = cell_at(ws, 1, 1)
    put_text(head, SHEET_TEXT)
    _style_label(st, head, "title")
    _merge(ws, 1, 1, 1, 2)
    for sec in SECTIONS:
        place = lay.sections[sec.key]
        label = cell_at(ws, place.row, 1)
        put_text(label, sec.heading)
        _style_label(st, label, "header")
        st(label, border=_BORDER)
        cell = cell_at(ws, place.row, place.col)
        st(
            cell,
            alignment=_align(wrap_text=True, vertical="top"),
            font=_font(name=_FONT),
            fill=_INPUT_FILL,
            border=_BORDER,
            protection=_UNLOCKED,
        )
        ws.row_dimensions[place.row].height = 90
        _name(wb, f"sections/{sec.key}", place)
    ws.protection.sheet = True
    for sheet in (SHEET_GUIDE, SHEET_INFO, SHEET_TEXT):
        _page(sheets[sheet])
    wb.active = 1
    return wb


def _merge(ws: Worksheet, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
    """``ws.merge_cells`` for the template's merges, which never overlap and are made before any cell
    has a border: without openpyxl's check of the range against every merge made before (quadratic)
    and its copying of the first cell's (absent) border to the edges. The file written is the same."""
    coord = CellRange(min_col=first_col, min_row=first_row, max_col=last_col, max_row=last_row).coord
    merged = MergedCellRange(ws, coord)
    ws.merged_cells.ranges.add(merged)
    cells = merged.cells
    next(cells)  # the first cell keeps its value
    for row, col in cells:
        ws._cells[row, col] = MergedCell(ws, row, col)


def _display_width(text: str) -> float:
    return sum(1.8 if ord(ch) > 0x2E80 else 1.0 for ch in text)


def _row_heights(lay: Layout, sheets: Mapping[str, Worksheet]) -> None:
    """Rows tall enough for their wrapped labels (LibreOffice does not autofit on load)."""
    spans = {(m.sheet, m.first_row, m.first_col): m for m in lay.merges}
    lines: dict[tuple[str, int], int] = {}
    for label in lay.labels:
        p = label.place
        m = spans.get((p.sheet, p.row, p.col))
        if m is not None and m.last_row != m.first_row:
            continue
        last = m.last_col if m is not None else p.col
        width = sum(lay.widths[p.sheet].get(c, 8.43) for c in range(p.col, last + 1)) - 1
        n = math.ceil(_display_width(label.text) / max(width, 1.0))
        key = (p.sheet, p.row)
        lines[key] = max(lines.get(key, 1), n)
    for (sheet, row), n in lines.items():
        if n > 1:
            sheets[sheet].row_dimensions[row].height = 15 * n + 2


def _table_sheet(st: _Styler, ws: Worksheet, widths: Mapping[int, float], landscape: bool) -> None:
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width
    for row in ws.iter_rows(min_row=2, max_row=ws.max_row, max_col=max(widths)):
        for cell in row:
            st(cell, border=_BORDER)  # type: ignore[arg-type]
    ws.row_dimensions[1].height = 28
    if ws.title == TABLE_TITLES["appeals"]:
        ws.row_dimensions[5].height = 24
    _page(ws, landscape=landscape, one_page=True)


def _page(ws: Worksheet, *, landscape: bool = False, one_page: bool = False) -> None:
    """Protected (no password), printed on A4 one page wide."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    if ws.sheet_properties.pageSetUpPr is not None:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if one_page else 0


def _validate(ws: Worksheet, dv: DataValidation, places: Iterable[Place]) -> None:
    dv.allow_blank = True
    dv.showErrorMessage = True
    dv.errorStyle = "stop"
    dv.errorTitle = _ERROR_TITLE
    # the range in one go, as runs of cells in a row (adding cell by cell compares each with every
    # one before: quadratic)
    dv.sqref = MultiCellRange(" ".join(_runs(places)))
    ws.add_data_validation(dv)


def _runs(places: Iterable[Place]) -> list[str]:
    """Cell references for ``places``: one range per run of neighbouring cells in a row."""
    by_row: dict[int, list[int]] = {}
    for p in places:
        by_row.setdefault(p.row, []).append(p.col)
    out: list[str] = []
    for row, cols in by_row.items():
        cols.sort()
        start = prev = cols[0]
        for col in [*cols[1:], None]:
            if col is not None and col == prev + 1:
                prev = col
                continue
            first, last = f"{get_column_letter(start)}{row}", f"{get_column_letter(prev)}{row}"
            out.append(first if start == prev else f"{first}:{last}")
            if col is not None:
                start = prev = col
    return out


def _name(wb: Workbook, key: str, place: Place) -> None:
    name = name_for(key)
    wb.defined_names[name] = _defined_name(name, _ref(place, sheet=True))


_NAME_PROTOTYPE: Final = DefinedName("prototype", attr_text="$A$1")


def _defined_name(name: str, attr_text: str) -> DefinedName:
    """``DefinedName(name, attr_text=attr_text)`` without running its fifteen attribute checks
    (a template has some four hundred names): a copy of a checked prototype with the two values set.
    ``name`` and ``attr_text`` are plain strings here, what the checks would have let through."""
    made: DefinedName = DefinedName.__new__(DefinedName)
    made.__dict__.update(_NAME_PROTOTYPE.__dict__, name=name, attr_text=attr_text)
    return made


# -- filling -------------------------------------------------------------------------------------


def float_decimal(number: float | int) -> Decimal:
    """The Decimal an Excel number stands for (shortest repr; integers without a fraction)."""
    if isinstance(number, int) or number.is_integer():
        return Decimal(int(number))
    return Decimal(repr(number))


def _excel_number(value: Cell, unit_cell: bool, implied: str | None) -> int | float | None:
    """The number to write for a value, or None when only text keeps it exact."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value if abs(value) < MAX_EXACT_INT else None
    if not (unit_cell or value.unit == implied):
        return None
    if len(value.value.normalize().as_tuple().digits) > MAX_EXACT_DIGITS:
        return None  # spreadsheets keep 15 significant digits
    f = float(value.value)
    back = float_decimal(f)
    if format(back, "f") != format(value.value, "f"):
        return None
    return int(f) if f.is_integer() else f


def fill_workbook(wb: Workbook, report: Report) -> None:
    """Write the values, metadata and text of ``report`` into a template workbook."""
    lay = layout(report.format)
    # metadata
    ws = wb[SHEET_INFO]
    info = lay.info
    if report.agency:
        put_text(cell_at(ws, info["agency"].row, info["agency"].col), report.agency)
    if report.year is not None:
        cell_at(ws, info["year"].row, info["year"].col).value = report.year
    if report.agency_kind is not None:
        put_text(
            cell_at(ws, info["agency_kind"].row, info["agency_kind"].col), AGENCY_KINDS[report.agency_kind]
        )
    if report.published_on is not None:
        cell_at(ws, info["published_on"].row, info["published_on"].col).value = dt.datetime.combine(
            report.published_on, dt.time()
        )
    # sections: long texts continue in the next columns of the same row
    ws = wb[SHEET_TEXT]
    for sec in SECTIONS:
        text = clean_text(getattr(report.sections, sec.key))
        place = lay.sections[sec.key]
        for i in range(0, len(text), MAX_CELL_CHARS):
            put_text(cell_at(ws, place.row, place.col + i // MAX_CELL_CHARS), text[i : i + MAX_CELL_CHARS])
    # cells: what Excel will see in each cell (a number, or None for blank/text)
    seen: dict[str, int | float | None] = {}
    for c in lay.cells.values():
        if c.parts:
            continue
        seen[c.address] = _write_value(wb[c.place.sheet], c, report)
    kept: set[str] = set()
    for c in lay.formula_cells():
        value, raw = report.cell(c.address), report.raw.get(c.address)
        parts = [seen[p] for p in c.parts]
        numbers = [p for p in parts if p is not None]
        formula_value = sum(numbers) if numbers else None
        complete = len(numbers) == len(parts) or not numbers  # a formula over blanks is no reported value
        if raw is None and complete and formula_value == value and not isinstance(formula_value, float):
            seen[c.address] = formula_value  # the template's formula stays
            kept.add(c.address)
        else:
            seen[c.address] = _write_value(wb[c.place.sheet], c, report)
            styler(wb)(cell_at(wb[c.place.sheet], c.place.row, c.place.col), fill=_INPUT_FILL)
    for chk in lay.checks:  # a check looks through the formulas that stayed, to their input cells
        cell_at(wb[chk.place.sheet], chk.place.row, chk.place.col).value = check_formula(lay, chk, kept)


def _write_value(ws: Worksheet, c: CellPlace, report: Report) -> int | float | None:
    cell = cell_at(ws, c.place.row, c.place.col)
    value, raw = report.cell(c.address), report.raw.get(c.address)
    implied = report.spec.cell(c.address).unit
    if raw is not None:
        put_text(cell, raw)
        return None
    if value is None:
        cell.value = None
        return None
    number = _excel_number(value, c.unit_place is not None, implied)
    if number is None:
        put_text(cell, format_cell(value, implied))
        return None
    cell.value = number
    if isinstance(value, Amount) and c.unit_place is not None and value.unit is not None:
        put_text(cell_at(ws, c.unit_place.row, c.unit_place.col), UNIT_LABELS[value.unit])
    return number


def xlsx_bytes(wb: Workbook) -> bytes:
    """The workbook's bytes, byte-stable: the same report always gives the same file. (What
    ``wb.save`` writes, without its temporary file per sheet, and with the zip entries' dates and
    the document properties' times pinned as they are written.)"""
    wb.properties.creator = "gov-disclosure"
    wb.properties.modified = dt.datetime.now(tz=dt.UTC).replace(tzinfo=None)
    buf = io.BytesIO()
    with _StableZip(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        _MemoryWriter(wb, archive).save()
    return buf.getvalue()


_EPOCH: Final = (2019, 1, 1, 0, 0, 0)
_PROPS_TIME = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


class _StableZip(zipfile.ZipFile):
    """A zip whose entries have a fixed date and attributes, and whose document properties have a
    fixed creation and change time."""

    def writestr(  # type: ignore[override]
        self, zinfo_or_arcname: str | zipfile.ZipInfo, data: bytes | str, *args: object, **kwargs: object
    ) -> None:
        name = zinfo_or_arcname.filename if isinstance(zinfo_or_arcname, zipfile.ZipInfo) else zinfo_or_arcname
        body = data.encode("utf-8") if isinstance(data, str) else data
        if name == "docProps/core.xml":
            body = _PROPS_TIME.sub(rb"\g<1>2019-01-01T00:00:00Z\g<3>", body)
        entry = zipfile.ZipInfo(name, date_time=_EPOCH)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = 0o644 << 16
        super().writestr(entry, body)

    def write(  # type: ignore[override]
        self, filename: str | os.PathLike[str], arcname: str | None = None, *args: object, **kwargs: object
    ) -> None:
        with open(filename, "rb") as fh:
            self.writestr(arcname or os.fspath(filename), fh.read())


class _MemoryWriter(ExcelWriter):
    """openpyxl's writer, each sheet written in memory instead of to a temporary file on disk."""

    def write_worksheet(self, ws: Worksheet) -> None:
        ws._drawing = SpreadsheetDrawing()  # type: ignore[attr-defined]
        ws._drawing.charts = ws._charts  # type: ignore[attr-defined]
        ws._drawing.images = ws._images  # type: ignore[attr-defined]
        out = io.BytesIO()
        writer = WorksheetWriter(ws, out=out)
        writer.write()
        ws._rels = writer._rels  # type: ignore[attr-defined]
        self._archive.writestr(ws.path[1:], out.getvalue())  # type: ignore[attr-defined]
        self.manifest.append(ws)


def _save(wb: Workbook, target: str | os.PathLike[str] | IO[bytes] | None) -> bytes | None:
    data = xlsx_bytes(wb)
    if target is None:
        return data
    if isinstance(target, (str, os.PathLike)):
        atomic_write(target, data)  # the old file stays until the new one is complete
    else:
        target.write(data)
    return None


def write_template(
    target: str | os.PathLike[str] | IO[bytes] | None = None, format: FormatKey = "2021"
) -> bytes | None:
    """Write the blank data-collection template of ``format`` to ``target`` (a path or binary
    file); with no target, return the bytes."""
    spec(format)  # unknown format → ValueError
    return _save(template_workbook(format), target)


def write_xlsx(report: Report, target: str | os.PathLike[str] | IO[bytes] | None = None) -> bytes | None:
    """Write ``report`` as a filled template (any report: missing cells stay blank, a total that
    is not the sum of its parts is written as the number reported, raw texts as text).
    With no target, return the bytes."""
    wb = template_workbook(report.format)
    fill_workbook(wb, report)
    return _save(wb, target)
