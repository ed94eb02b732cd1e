"""Reading a filled template back into a Report, by defined names, checking the labels around them."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from typing import Any, Final

import attrs
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.cell import coordinate_from_string
from openpyxl.utils.datetime import from_excel

from ..core.codes import CODES
from ..core.errors import ReadError, UnsupportedFileError
from ..core.findings import CellRef, Finding
from ..core.messages import Message
from ..core.messages import errors as E
from ..core.messages import excel as M
from ..core.model import MAX_AGENCY_CHARS, MAX_YEAR, MIN_YEAR, AgencyKind, Report, Sections
from ..core.values import Amount, Cell, Unit, format_cell, in_range, parse_cell
from ..core.vocabulary import (
    AGENCY_KINDS,
    FORMATS,
    SECTIONS,
    UNIT_LABELS,
    CellKind,
    FormatKey,
    location_label,
    spec,
)
from ..reading.load import load_bytes
from ..reading.meta import fit_sections
from ._book import MAX_SHEET_BYTES, Book, CellValue, damaged, open_book
from ._layout import (
    INFO_LABELS,
    SHEET_INFO,
    SHEET_TEXT,
    UNIT_HEADER,
    CellPlace,
    Layout,
    layout,
    name_for,
    normalise_label,
)
from ._write import EXCEL_CELL_LIMIT, MAX_EXACT_INT, float_decimal

__all__ = ["XlsxReading", "read_xlsx", "read_xlsx_anchored"]

#: cells are looked for in this part of a sheet (our tables use the first 40 rows and 15 columns)
MAX_ROWS_SCANNED: Final = 5_000
MAX_COLS_SCANNED: Final = 200
#: labels are looked for this many rows above a cell
_LOOK_UP: Final = 60

_REF = re.compile(r"(?<![A-Za-z_.!])\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?(?![\w(])")
_OUR_TOTAL = re.compile(r'^=IF\(COUNT\(([^()]*)\)=0,"",SUM\(([^()]*)\)\)$')
_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*年?\s*(?:度)?\s*$")
_UNIT_BY_LABEL: Final[dict[str, Unit]] = {label: key for key, label in UNIT_LABELS.items()}  # type: ignore[misc]
_KIND_BY_LABEL: Final[dict[str, AgencyKind]] = {
    AGENCY_KINDS["department"]: "department",
    AGENCY_KINDS["government"]: "government",
    "department": "department",
    "government": "government",
}


def read_xlsx(source: str | os.PathLike[str] | bytes) -> tuple[Report, list[Finding]]:
    """Read a filled gov-disclosure template (from Excel, WPS, LibreOffice or openpyxl).

    Returns the report and the reader's findings: every cell that is blank (GD101), not a number
    (GD102, with ``sheet!cell`` and the raw text), carries a unit (GD104) or could not be placed
    (GD106). Raises a :class:`~gov_disclosure.core.errors.ReadError` for a file that is not a workbook
    at all (``UnsafeFileError`` for a zip or entity bomb, ``FileTooLargeError`` for huge sheets,
    ``UnsupportedFileError`` for .xls or a workbook that is not one of our templates).
    """
    done = read_xlsx_anchored(source)
    return done.report, done.findings


@attrs.frozen
class XlsxReading:
    """A report read from our workbook, with where each part was read: ``cells`` maps each table
    cell address to ``(sheet, row, column)`` (1-based), ``places`` the same for ``agency``,
    ``year``, ``agency_kind``, ``published_on`` and ``sections/<key>``."""

    report: Report
    findings: list[Finding]
    cells: dict[str, tuple[str, int, int]]
    places: dict[str, tuple[str, int, int]]


def read_xlsx_anchored(source: str | os.PathLike[str] | bytes) -> XlsxReading:
    """:func:`read_xlsx`, also saying where in the workbook each cell was read (to mark findings at
    their cells). Raises as :func:`read_xlsx` does."""
    data = load_bytes(source)
    reader = _Reader(open_book(data))
    report, findings = reader.read()
    return XlsxReading(report, findings, reader.positions, reader.places)


__all__ += ["MAX_SHEET_BYTES"]


@attrs.define
class _Sheet:
    title: str
    cells: dict[tuple[int, int], CellValue]
    #: normalised string → positions of the cells holding it
    texts: dict[str, list[tuple[int, int]]]

    def get(self, row: int, col: int) -> Any:
        cell = self.cells.get((row, col))
        return None if cell is None else cell.value

    def cell(self, row: int, col: int) -> CellValue | None:
        return self.cells.get((row, col))

    def has(self, text: str, row: int, col: int) -> bool:
        return (row, col) in self.texts.get(normalise_label(text), ())

    def above(self, text: str, row: int, col: int) -> bool:
        return any(
            c == col and row - _LOOK_UP <= r < row for r, c in self.texts.get(normalise_label(text), ())
        )


def _index(book: Book, title: str) -> _Sheet:
    """The non-empty cells of a worksheet, up to row MAX_ROWS_SCANNED and column MAX_COLS_SCANNED."""
    cells: dict[tuple[int, int], CellValue] = {}
    texts: dict[str, list[tuple[int, int]]] = {}
    try:
        for row, col, cell in book.cells(title, MAX_ROWS_SCANNED, MAX_COLS_SCANNED):
            key = (row, col)
            cells[key] = cell
            v = cell.value
            if isinstance(v, str) and cell.data_type != "f" and len(v) < 200:
                texts.setdefault(normalise_label(v), []).append(key)
    except ReadError:
        raise
    except Exception as exc:  # damaged XML, a bad shared string index, a bad number…
        raise damaged(exc) from None
    return _Sheet(title, cells, texts)


class _Reader:
    def __init__(self, book: Book) -> None:
        self.book = book
        self.findings: list[Finding] = []
        #: where each table cell and each info/section field was read: (sheet, row, column)
        self.positions: dict[str, tuple[str, int, int]] = {}
        self.places: dict[str, tuple[str, int, int]] = {}
        self._sheets: dict[str, _Sheet] = {}
        self.names: dict[str, tuple[str, int, int] | None] = {}
        for name, text in book.names.items():
            name = name.lower()  # names are case-insensitive in Excel and LibreOffice
            if not name.startswith("gd."):
                continue
            self.names[name] = _destination(text)

    # -- sheets and places ----------------------------------------------------------------------

    def sheet(self, title: str) -> _Sheet | None:
        if title not in self._sheets:
            if title not in self.book.sheetnames or self.book.chart(title):
                return None
            self._sheets[title] = _index(self.book, title)
        return self._sheets[title]

    def sheet_by_heading(self, title: str, heading: str) -> _Sheet | None:
        """Our sheet ``title``, or (renamed) the sheet whose A1 holds ``heading``."""
        found = self.sheet(title)
        if found is not None:
            return found
        for name in self.book.sheetnames:
            s = self.sheet(name)
            if s is not None and s.has(heading, 1, 1):
                return s
        return None

    def named(self, key: str) -> tuple[_Sheet, int, int] | None:
        dest = self.names.get(name_for(key).lower())
        if dest is None:
            return None
        s = self.sheet(dest[0])
        return None if s is None else (s, dest[1], dest[2])

    def source(self, s: _Sheet, row: int, col: int) -> str:
        return f"{s.title}!{get_column_letter(col)}{row}"

    def place_cell(self, lay: Layout, c: CellPlace) -> tuple[_Sheet, int, int] | None:
        """Where a table cell is: by its defined name if the labels around it agree, else by
        finding its row label (never by position alone)."""
        found = self.named(c.address)
        if found is not None and self._verified(c, *found):
            return found
        s = self.sheet_by_heading(c.place.sheet, lay.headings[c.place.sheet])
        if s is None:
            return None
        col = c.place.col
        if c.row_label is not None:
            label_col, text = c.row_label
            rows = [r for r, cc in s.texts.get(normalise_label(text), ()) if cc == label_col]
        else:
            rows = [r + 1 for r, cc in s.texts.get(normalise_label(c.column_label), ()) if cc == col]
        if len(rows) == 1 and self._verified(c, s, rows[0], col):
            return s, rows[0], col
        return None

    def _verified(self, c: CellPlace, s: _Sheet, row: int, col: int) -> bool:
        if c.row_label is not None and not s.has(c.row_label[1], row, c.row_label[0]):
            return False
        if c.group_label is not None:
            offset, text = c.group_label
            if not s.above(text, row, col - offset):
                return False
        return s.above(c.column_label, row, col)

    # -- reading --------------------------------------------------------------------------------

    def detect_format(self) -> FormatKey:
        value = None
        found = self.named("info/format")
        if found is not None:
            value = found[0].get(found[1], found[2])
        if value is None:
            s = self.sheet(SHEET_INFO)
            if s is not None:
                for r, c in s.texts.get(INFO_LABELS["format"], ()):
                    value = s.get(r, c + 1)
        text = str(value).strip() if value is not None else ""
        if text in FORMATS:
            return text
        if name_for("applications/other.other/total") in self.names:
            return "2021"
        if name_for("applications/other/total") in self.names:
            return "2019"
        raise UnsupportedFileError(E.NOT_TEMPLATE)

    def read(self) -> tuple[Report, list[Finding]]:
        format = self.detect_format()
        self.spec = spec(format)
        lay = self.lay = layout(format)
        cells: dict[str, Cell] = {}
        raw: dict[str, str] = {}
        where: dict[str, tuple[_Sheet, int, int]] = {}
        formulas: set[str] = set()
        for c in lay.cells.values():
            pos = self.place_cell(lay, c)
            if pos is None:
                cells[c.address] = None
                self._unplaced(c)
                continue
            where[c.address] = pos
            s, row, col = pos
            cell = s.cell(row, col)
            if cell is not None and cell.data_type == "f" and c.parts:
                formulas.add(c.address)
                continue
            value = None if cell is None else cell.value
            if cell is not None and cell.data_type == "f":
                value = self.cached(s, row, col)
                if value is None:
                    self._no_value(c, str(cell.value), s, row, col)
                    cells[c.address] = None
                    continue
            cells[c.address], text = self.value(c, value, s, row, col)
            if text is not None:
                raw[c.address] = text
        # formula totals: computed from what the parts hold. The clerk never types a total; when
        # the parts are all numbers it is their sum (what Excel shows), else it is no reported value
        self.positions = {a: (s.title, row, col) for a, (s, row, col) in where.items()}
        numbers: dict[str, int | float | None] = {}  # what Excel shows in each formula total
        typed_seen: set[str] = set()
        for c in lay.formula_cells():
            if c.address not in formulas:
                continue
            s, row, col = where[c.address]
            formula = str(s.get(row, col))
            part_pos = {(where[p][1], where[p][2]) for p in c.parts if p in where}
            refs = _formula_refs(formula)
            if refs is not None and refs == part_pos and len(part_pos) == len(c.parts):
                got = [self._number(p, where, numbers) for p in c.parts]
                present = [g for g in got if g is not None]
                shown = sum(present) if present else None
                numbers[c.address] = shown
                # a part Excel's SUM skips although it reads as a number: typed as text (１２, 5.0)
                typed = [p for p, g in zip(c.parts, got, strict=True) if g is None and cells.get(p) is not None]
                blank = [p for p in c.parts if cells.get(p) is None]
                for p in typed:
                    if p not in typed_seen and p not in formulas:
                        typed_seen.add(p)
                        self._typed_as_text(lay.cells[p], where[p], cells[p], raw.get(p))
                if (shown is None and not typed) or (not blank and not typed):
                    cells[c.address], text = self.value(c, shown, s, row, col)
                else:
                    total = None if blank else sum(v for p in c.parts if isinstance(v := cells[p], int))
                    cells[c.address], text = total, None
                    self._computed(c, blank, typed, shown, cells, self.source(s, row, col))
            else:
                cached = self.cached(s, row, col)
                if cached is None:
                    self._no_value(c, formula, s, row, col)
                    cells[c.address], text = None, None
                else:
                    cells[c.address], text = self.value(c, cached, s, row, col)
            if text is not None:
                raw[c.address] = text
        report = Report.from_cells(
            format,
            cells,
            raw=raw,
            sections=self.read_sections(),
            **self.read_info(),
        )
        return report, self.findings

    def _number(
        self, address: str, where: dict[str, tuple[_Sheet, int, int]], numbers: dict[str, int | float | None]
    ) -> int | float | None:
        """What Excel's SUM/COUNT see in a part: a number, or nothing (blank, text)."""
        if address in numbers:
            return numbers[address]
        s, row, col = where[address]
        cell = s.cell(row, col)
        v = None if cell is None else cell.value
        if cell is not None and cell.data_type == "f":
            v = self.cached(s, row, col)
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            return None
        return v

    def cached(self, s: _Sheet, row: int, col: int) -> Any:
        """The value saved with a formula."""
        cell = s.cell(row, col)
        return None if cell is None else cell.cached

    def where(self, address: str) -> Message:
        """A cell in words, in both languages (表四 · 行政复议 · 结果维持, never ``review``)."""
        return Message(*(location_label(address, self.spec.key, lang) for lang in ("en", "zh")))

    def check_cut(self, text: str, location: str, where: str) -> None:
        """GD106 for text at Excel's limit of a cell: what was there may have been cut."""
        if len(text) >= EXCEL_CELL_LIMIT:
            self.findings.append(
                CODES["GD106"].finding(
                    *M.TEXT_AT_LIMIT.both(n=len(text)),
                    location=location,
                    source=where,
                )
            )

    def _part_names(self, total: CellPlace, parts: list[str]) -> Message:
        """Parts of a total by what tells them apart: their column in a row total, else their place."""
        row = total.address.split("/")[1]

        def name(address: str, lang: str) -> str:
            if address.split("/")[1] == row:
                return self.lay.cells[address].column_label
            return location_label(address, self.spec.key, lang)

        return Message(*("、".join(name(p, lang) for p in parts) for lang in ("en", "zh")))

    def _typed_as_text(
        self, c: CellPlace, pos: tuple[_Sheet, int, int], value: Cell, raw_text: str | None
    ) -> None:
        s, row, col = pos
        text = raw_text if raw_text is not None else format_cell(value)
        self.findings.append(
            CODES["GD110"].finding(
                *M.TYPED_AS_TEXT.both(where=self.where(c.address), text=text, value=format_cell(value)),
                location=c.address,
                cells=[CellRef(c.address, value)],
                source=self.source(s, row, col),
                raw=text,
            )
        )

    def _computed(
        self,
        c: CellPlace,
        blank: list[str],
        typed: list[str],
        shown: float | None,
        cells: dict[str, Cell],
        where: str,
    ) -> None:
        """GD111 on a template total whose parts are not all numbers: what Excel shows is no
        reported value. ``expected`` is the parts' sum with blanks as 0 (what the validator uses
        under ``--missing zero``)."""
        excel: Message | str = M.SHOWN_BLANK if shown is None else (
            str(int(shown)) if float(shown).is_integer() else repr(shown)
        )
        parts_sum = sum(v for p in c.parts if isinstance(v := cells.get(p), int))
        params = {"where": self.where(c.address), "excel": excel, "sum": parts_sum}
        if blank and typed:
            message = M.COMPUTED_OVER_BLANK_AND_TEXT
            params.update(blank=self._part_names(c, blank), typed=self._part_names(c, typed))
        elif blank:
            message = M.COMPUTED_OVER_BLANK
            params.update(blank=self._part_names(c, blank))
        else:
            message = M.COMPUTED_OVER_TEXT
            params.update(typed=self._part_names(c, typed))
        self.findings.append(
            CODES["GD111"].finding(
                *message.both(**params),
                location=c.address,
                cells=[CellRef(p, cells.get(p)) for p in c.parts],
                expected=parts_sum,
                source=where,
            )
        )


    def _no_value(self, c: CellPlace, formula: str, s: _Sheet, row: int, col: int) -> None:
        self.findings.append(
            CODES["GD106"].finding(
                *M.FORMULA_WITHOUT_VALUE.both(where=self.where(c.address), formula=formula),
                location=c.address,
                source=self.source(s, row, col),
                raw=formula,
            )
        )

    def _unplaced(self, c: CellPlace) -> None:
        self.findings.append(
            CODES["GD106"].finding(
                *M.CELL_NOT_PLACED.both(where=self.where(c.address), name=name_for(c.address)),
                location=c.address,
                source=c.place.sheet,
            )
        )

    def value(self, c: CellPlace, v: Any, s: _Sheet, row: int, col: int) -> tuple[Cell, str | None]:
        """A cell's value and, when the text is not the canonical spelling, its raw text."""
        implied: Unit | None = None
        unit_cell: Unit | None = None
        if c.kind is CellKind.AMOUNT:
            implied = self.spec.cell(c.address).unit
            if c.unit_place is not None:
                unit_cell = self.unit(c, s, row)
        where = self.source(s, row, col)
        if v is None:
            self.problem("GD101", c, where, None, None)
            return None, None
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            number = float_decimal(v)
            if c.kind is CellKind.AMOUNT and in_range(number):
                return Amount(number, unit_cell or implied), None
            exact = isinstance(v, int) or (v.is_integer() and abs(v) < MAX_EXACT_INT)
            if c.kind is not CellKind.AMOUNT and exact and in_range(int(v)):
                n = int(v)
                if n < 0 and c.kind is CellKind.COUNT:
                    self.problem("GD103", c, where, str(n), n)
                return n, None
            # not a whole number, or out of range: read as its text (GD102/GD103 below)
            text = format(number, "f") if number.is_finite() else str(v)
        elif isinstance(v, (dt.datetime, dt.date, dt.time)):
            text = v.isoformat()
        else:
            text = str(v)
            self.check_cut(text, c.address, where)
        text = text.strip()
        if c.kind is CellKind.AMOUNT and unit_cell is not None:
            first = parse_cell(text, c.kind, None)
            if isinstance(first.value, Amount) and first.value.unit is None:
                text_eff = text + UNIT_LABELS[unit_cell]
                parsed = parse_cell(text_eff, c.kind, implied)
                canonical = format_cell(parsed.value, implied)
                return parsed.value, (text if canonical != text_eff else None)
        parsed = parse_cell(text, c.kind, implied)
        if parsed.problem is not None:
            self.problem(parsed.problem, c, where, text, parsed.value)
        canonical = format_cell(parsed.value, implied)
        return parsed.value, (text if text != canonical else None)

    def unit(self, c: CellPlace, s: _Sheet, row: int) -> Unit | None:
        assert c.unit_place is not None
        col = c.unit_place.col
        if not s.above(UNIT_HEADER, row, col):
            return None
        v = s.get(row, col)
        if v is None or (isinstance(v, str) and not v.strip()):
            return None
        unit = _UNIT_BY_LABEL.get(str(v).strip())
        if unit is None:
            self.findings.append(
                CODES["GD104"].finding(
                    *M.UNIT_CELL.both(where=self.where(c.address), text=str(v)),
                    location=c.address,
                    source=self.source(s, row, col),
                    raw=str(v),
                )
            )
        return unit

    def problem(self, code: str, c: CellPlace, where: str, text: str | None, value: Cell) -> None:
        message = {"GD101": M.CELL_BLANK, "GD102": M.CELL_NOT_A_NUMBER, "GD103": M.CELL_NEGATIVE}
        en, zh = message.get(code, M.CELL_UNIT).both(where=self.where(c.address), text=text)
        self.findings.append(
            CODES[code].finding(
                en, zh, location=c.address, source=where, raw=text, cells=[CellRef(c.address, value)]
            )
        )

    # -- metadata and text --------------------------------------------------------------------

    def info_cell(self, key: str) -> tuple[_Sheet, int, int] | None:
        label = INFO_LABELS[key]
        found = self.named(f"info/{key}")
        if found is not None and found[0].has(label, found[1], found[2] - 1):
            return found
        s = self.sheet_by_heading(SHEET_INFO, SHEET_INFO)
        if s is None:
            return None
        rows = [(r, c) for r, c in s.texts.get(normalise_label(label), ())]
        if len(rows) == 1:
            return s, rows[0][0], rows[0][1] + 1
        return None

    def read_info(self) -> dict[str, Any]:
        out: dict[str, Any] = {"year": None, "agency": None, "agency_kind": None, "published_on": None}
        for key in out:
            pos = self.info_cell(key)
            if pos is None:
                self.findings.append(
                    CODES["GD106"].finding(
                        *M.INFO_NOT_FOUND.both(label=INFO_LABELS[key], key=key),
                        location=key,
                        source=SHEET_INFO,
                    )
                )
                continue
            s, row, col = pos
            self.places[key] = (s.title, row, col)
            v = s.get(row, col)
            if v is None or (isinstance(v, str) and v == ""):
                continue
            parsed = _info_value(key, v)
            if parsed is None:
                shown = str(v) if len(str(v)) <= 60 else f"{str(v)[:60]}…（{len(str(v))}字）"
                self.findings.append(
                    CODES["GD106"].finding(
                        *M.INFO_UNREADABLE.both(label=INFO_LABELS[key], key=key, text=shown),
                        location=key,
                        source=self.source(s, row, col),
                        raw=str(v),
                    )
                )
            out[key] = parsed
        return out

    def read_sections(self) -> Sections:
        texts: dict[str, str] = {}
        for sec in SECTIONS:
            found = self.named(f"sections/{sec.key}")
            if found is None or not found[0].has(sec.heading, found[1], found[2] - 1):
                s = self.sheet_by_heading(SHEET_TEXT, SHEET_TEXT)
                rows = [] if s is None else [(r, c) for r, c in s.texts.get(normalise_label(sec.heading), ())]
                if s is None or len(rows) != 1:
                    self.findings.append(
                        CODES["GD106"].finding(
                            *M.SECTION_NOT_FOUND.both(heading=sec.heading),
                            location=f"sections/{sec.key}",
                            source=SHEET_TEXT,
                        )
                    )
                    texts[sec.key] = ""
                    continue
                found = (s, rows[0][0], rows[0][1] + 1)
            s, row, col = found
            self.places[f"sections/{sec.key}"] = (s.title, row, col)
            pieces = list(_texts_right(s, row, col))
            for n, piece in enumerate(pieces):
                self.check_cut(piece, f"sections/{sec.key}", self.source(s, row, col + n))
            texts[sec.key] = "".join(pieces)
        sections, too_long = fit_sections(texts)
        self.findings.extend(too_long)
        return sections


_SIMPLE_REF = re.compile(r"^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\S+)?$")


def _destination(text: str) -> tuple[str, int, int] | None:
    """(sheet, row, column) of a defined name's first cell; None for #REF! and the like."""
    m = _SIMPLE_REF.match(text)
    if m:  # the common case, without openpyxl's formula tokenizer
        sheet = m.group(1).replace("''", "'") if m.group(1) is not None else m.group(2)
        return sheet, int(m.group(4)), column_index_from_string(m.group(3))
    from openpyxl.workbook.defined_name import DefinedName

    try:
        for sheet, coord in DefinedName("name", attr_text=text).destinations:
            letters, row = coordinate_from_string(coord.replace("$", "").split(":")[0])
            return sheet, row, column_index_from_string(letters)
    except Exception:  # openpyxl's tokenizer and coordinate parser raise many kinds on a damaged name
        return None  # a damaged name: the cell is then placed by its label, or reported missing
    return None


def _texts_right(s: _Sheet, row: int, col: int) -> Iterator[str]:
    """The text of a section: the cell and its continuation cells to the right."""
    while True:
        v = s.get(row, col)
        if v is None or v == "":
            return
        yield v if isinstance(v, str) else str(v)
        col += 1


def _info_value(key: str, v: Any) -> Any:
    """The value of a metadata cell, or None when it is not one (out of the model's bounds too)."""
    if key == "agency":
        text = v if isinstance(v, str) else str(v)
        return text if len(text) <= MAX_AGENCY_CHARS else None
    if key == "year":
        year: int | None = None
        if isinstance(v, int) and not isinstance(v, bool):
            year = v
        elif isinstance(v, float) and v.is_integer() and abs(v) < 10**6:
            year = int(v)
        elif isinstance(v, str) and (m := _YEAR.match(v)):
            year = int(m.group(1))
        return year if year is not None and MIN_YEAR <= year <= MAX_YEAR else None
    if key == "agency_kind":
        return _KIND_BY_LABEL.get(str(v).strip())
    # published_on
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, (int, float)) and not isinstance(v, bool) and 30000 < v < 80000:
        d = from_excel(v)
        return d.date() if isinstance(d, dt.datetime) else None
    m = _DATE.match(str(v)) if isinstance(v, str) else None
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None


def _formula_refs(formula: str) -> set[tuple[int, int]] | None:
    """The cells our total formula refers to; None when it is not our formula."""
    m = _OUR_TOTAL.match(formula.replace(" ", ""))
    if m is None or m.group(1) != m.group(2):
        return None
    out: set[tuple[int, int]] = set()
    for part in m.group(1).split(","):
        r = _REF.fullmatch(part)
        if r is None:
            return None
        c1, r1 = column_index_from_string(r.group(1)), int(r.group(2))
        c2 = column_index_from_string(r.group(3)) if r.group(3) else c1
        r2 = int(r.group(4)) if r.group(4) else r1
        if (abs(r2 - r1) + 1) * (abs(c2 - c1) + 1) > 1000:
            return None
        out.update(
            (row, col)
            for row in range(min(r1, r2), max(r1, r2) + 1)
            for col in range(min(c1, c2), max(c1, c2) + 1)
        )
    return out
