"""The parts of a workbook the reader needs, read straight from the zip with lxml: the sheets' names
and where their XML is (by the workbook's relationships), the defined names, the shared strings, which
cell formats are dates, and each sheet's cells — with openpyxl's read-only semantics (the same values
and types for the same XML), without parsing what the reader never looks at (styles beyond number
formats, conditional formatting, data validation, drawings, other sheets).

Every part is bounded *before* the work: its size from the zip's directory before it is unpacked,
its number of XML tags (which bounds the memory of its tree: about 120 bytes an element) before it
is parsed, and while it is parsed the number of what it holds; a part over a limit is refused with
:class:`~gov_disclosure.core.errors.FileTooLargeError`. The limits (bytes of XML, tags, items):

- a worksheet, wherever its relationship says it is stored: :data:`MAX_SHEET_BYTES`,
  :data:`MAX_SHEET_TAGS`;
- ``workbook.xml``: :data:`MAX_WORKBOOK_BYTES`, :data:`MAX_WORKBOOK_TAGS`, at most
  :data:`MAX_DEFINED_NAMES` defined names;
- the shared strings: :data:`MAX_STRINGS_BYTES`, :data:`MAX_STRINGS_TAGS`, at most
  :data:`MAX_SHARED_STRINGS` strings;
- ``styles.xml``: :data:`MAX_STYLES_BYTES`, :data:`MAX_STYLES_TAGS`, at most :data:`MAX_CELL_FORMATS`
  cell formats (Excel's own limit);
- the relationships and content types: :data:`MAX_SMALL_PART_BYTES`, :data:`MAX_SMALL_PART_TAGS`.

No other part is unpacked.
"""

from __future__ import annotations

import io
import posixpath
from collections.abc import Iterator
from typing import Any, Final, NamedTuple

from lxml import etree

from ..core.errors import FileTooLargeError, ReadError, UnsupportedFileError
from ..core.messages import Message
from ..core.messages import errors as E
from ..reading.zipguard import Archive, open_archive

__all__ = [
    "MAX_CELL_FORMATS",
    "MAX_DEFINED_NAMES",
    "MAX_SHARED_STRINGS",
    "MAX_SHEET_BYTES",
    "MAX_SHEET_TAGS",
    "Book",
    "CellValue",
    "open_book",
]

#: a worksheet part larger than this (uncompressed XML) is refused before it is parsed: our sheets
#: are a few dozen KB. (The rows a sheet declares do not matter: one stray cell at row 1,000,000
#: costs nothing.)
MAX_SHEET_BYTES: Final = 8 * 1024 * 1024
MAX_SHEET_TAGS: Final = 1_000_000
MAX_WORKBOOK_BYTES: Final = 8 * 1024 * 1024
MAX_WORKBOOK_TAGS: Final = 500_000
#: our template has a few hundred names; workbooks that collected junk names have tens of thousands
MAX_DEFINED_NAMES: Final = 100_000
MAX_STRINGS_BYTES: Final = 64 * 1024 * 1024
MAX_STRINGS_TAGS: Final = 2_000_000
#: our template has a few hundred strings
MAX_SHARED_STRINGS: Final = 200_000
MAX_STYLES_BYTES: Final = 16 * 1024 * 1024
MAX_STYLES_TAGS: Final = 1_000_000
#: Excel cannot make more than 65,490 cell formats
MAX_CELL_FORMATS: Final = 65_490
MAX_SMALL_PART_BYTES: Final = 4 * 1024 * 1024
MAX_SMALL_PART_TAGS: Final = 100_000

_MAIN: Final = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT: Final = "http://schemas.openxmlformats.org/package/2006/content-types"
_WORKBOOK_TYPES: Final = (  # in openpyxl's order of preference
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
)
_SHARED_STRINGS_TYPE: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_ROW, _C, _V, _F, _IS = (f"{{{_MAIN}}}{t}" for t in ("row", "c", "v", "f", "is"))
_T, _R, _SI, _SHEET_DATA = (f"{{{_MAIN}}}{t}" for t in ("t", "r", "si", "sheetData"))


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
    )


def _iterparse(data: bytes, tag: str | tuple[str, ...], events: tuple[str, ...] = ("end",)) -> Any:
    return etree.iterparse(
        io.BytesIO(data),
        events=events,
        tag=tag,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
    )


def _guarded(archive: Archive, name: str, max_bytes: int, max_tags: int, too_large: Message | None = None) -> bytes:
    """The bytes of part ``name``, refused over ``max_bytes`` (before unpacking) or over ``max_tags``
    tags (before parsing)."""
    return archive.read(name, limit=max_bytes, too_large=too_large, max_tags=max_tags)


def _drop_done(el: etree._Element) -> None:
    """Free an element handled during an iterparse, and its handled siblings before it."""
    el.clear()
    while el.getprevious() is not None:
        del el.getparent()[0]  # type: ignore[union-attr]


class CellValue(NamedTuple):
    """A cell as openpyxl's read-only mode gives it: ``value`` and ``data_type`` with formulas as
    formulas (``data_only=False``), and ``cached`` the value saved with a formula (what
    ``data_only=True`` gives; for other cells the value itself)."""

    value: Any
    data_type: str
    cached: Any


class _SheetRef(NamedTuple):
    name: str
    part: str | None  #: None: a chart sheet (no cells)


class Book:
    """A workbook opened for reading: sheet names, global defined names, and each sheet's cells on
    demand (:meth:`cells`)."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        archive.refuse_dtds()
        workbook = _workbook_part(archive)
        root = _guarded(archive, workbook, MAX_WORKBOOK_BYTES, MAX_WORKBOOK_TAGS)
        rels = _relationships(archive, workbook)
        sheets: list[_SheetRef] = []
        self.names: dict[str, str] = {}
        self.epoch_1904 = False
        sheet_tag, pr_tag, dn_tag = (f"{{{_MAIN}}}{t}" for t in ("sheet", "workbookPr", "definedName"))
        n_names = 0
        for _, el in _iterparse(root, (sheet_tag, pr_tag, dn_tag)):
            if el.tag == sheet_tag:
                rid = el.get(f"{{{_REL}}}id")
                if rid:  # openpyxl drops a sheet without an id (with a warning)
                    target, kind = rels[rid]  # KeyError: damaged (as openpyxl)
                    if target in archive:
                        name = el.get("name") or ""
                        sheets.append(_SheetRef(name, None if "chartsheet" in kind else target))
            elif el.tag == pr_tag:
                flag = el.get("date1904")
                self.epoch_1904 = flag is not None and flag not in ("false", "f", "0")  # as openpyxl
            else:
                n_names += 1
                if n_names > MAX_DEFINED_NAMES:
                    raise FileTooLargeError(
                        E.PART_TOO_MANY,
                        name=workbook,
                        limit=MAX_DEFINED_NAMES,
                        what=Message("defined names", "定义名称"),
                    )
                if el.get("localSheetId") is None:  # names of one sheet are not the workbook's
                    name = el.get("name")
                    if name is not None:
                        self.names[name] = el.text or ""
            _drop_done(el)
        self._sheets = sheets
        self.sheetnames = [s.name for s in sheets]
        # every part that may be parsed is checked now, before any work (whatever its folder)
        for s in sheets:
            if s.part is not None and archive.size(s.part) > MAX_SHEET_BYTES:
                raise FileTooLargeError(
                    E.SHEET_TOO_LARGE, name=s.part, size=archive.size(s.part), limit=MAX_SHEET_BYTES
                )
        for name in archive.names:
            if name.startswith("xl/worksheets/") and archive.size(name) > MAX_SHEET_BYTES:
                raise FileTooLargeError(
                    E.SHEET_TOO_LARGE, name=name, size=archive.size(name), limit=MAX_SHEET_BYTES
                )
        self._strings_part = _shared_strings_part(archive)
        if self._strings_part is not None and archive.size(self._strings_part) > MAX_STRINGS_BYTES:
            size = archive.size(self._strings_part)
            raise FileTooLargeError(E.PART_TOO_LARGE, name=self._strings_part, size=size, limit=MAX_STRINGS_BYTES)
        self._strings: list[str] | None = None
        self.date_styles, self.timedelta_styles = _date_styles(archive)

    def chart(self, title: str) -> bool:
        """Sheet ``title`` is a chart sheet (no cells)."""
        return any(s.name == title and s.part is None for s in self._sheets)

    def strings(self) -> list[str]:
        if self._strings is None:
            self._strings = (
                [] if self._strings_part is None else _read_strings(self.archive, self._strings_part)
            )
        return self._strings

    def cells(self, title: str, max_row: int, max_col: int) -> Iterator[tuple[int, int, CellValue]]:
        """The cells of worksheet ``title`` up to ``max_row``/``max_col`` that hold something, as
        openpyxl's read-only ``iter_rows(max_row=, max_col=)`` gives them: (row, column, cell), in
        row order, each row's cells by column."""
        part = next(s.part for s in self._sheets if s.name == title)
        assert part is not None
        data = _guarded(self.archive, part, MAX_SHEET_BYTES, MAX_SHEET_TAGS, E.SHEET_TOO_LARGE)
        yield from _sheet_cells(self, data, max_row, max_col)


def open_book(data: bytes) -> Book:
    """The workbook in ``data``, its directory and parts checked (see the module's limits)."""
    archive = open_archive(data, what=".xlsx")
    try:
        return Book(archive)
    except ReadError:
        raise
    except Exception as exc:  # anything lxml or a damaged part can raise
        raise damaged(exc) from None


def damaged(exc: BaseException) -> ReadError:
    return ReadError(E.DAMAGED_XLSX, detail=f"{type(exc).__name__}: {exc}")


# -- the package: content types and relationships ------------------------------------------------------


def _small(archive: Archive, name: str) -> etree._Element:
    return etree.fromstring(_guarded(archive, name, MAX_SMALL_PART_BYTES, MAX_SMALL_PART_TAGS), _parser())


def _content_types(archive: Archive) -> tuple[dict[str, str], set[str]]:
    """Overrides (part name without the leading / → content type) and the default content types."""
    if "[Content_Types].xml" not in archive:
        return {}, set()
    root = _small(archive, "[Content_Types].xml")
    overrides = {
        (o.get("PartName") or "").lstrip("/"): o.get("ContentType") or ""
        for o in root.iterfind(f"{{{_CT}}}Override")
    }
    defaults = {d.get("ContentType") or "" for d in root.iterfind(f"{{{_CT}}}Default")}
    return overrides, defaults


def _workbook_part(archive: Archive) -> str:
    """Where the workbook is, as openpyxl finds it: by its content type, else xl/workbook.xml."""
    overrides, defaults = _content_types(archive)
    for kind in _WORKBOOK_TYPES:
        for part, ct in overrides.items():
            if ct == kind and part in archive:
                return part
    if "xl/workbook.xml" in archive and (defaults & set(_WORKBOOK_TYPES) or not overrides):
        return "xl/workbook.xml"
    if "xl/workbook.xml" in archive:
        return "xl/workbook.xml"
    raise UnsupportedFileError(E.NO_WORKBOOK)


def _shared_strings_part(archive: Archive) -> str | None:
    overrides, _ = _content_types(archive)
    for part, ct in overrides.items():
        if ct == _SHARED_STRINGS_TYPE:
            return part if part in archive else None
    return None


def _relationships(archive: Archive, part: str) -> dict[str, tuple[str, str]]:
    """Id → (target part, type) of the relationships of ``part``, targets made absolute (as openpyxl's
    ``get_dependents``)."""
    folder, name = posixpath.split(part)
    rels_path = posixpath.join(folder, "_rels", f"{name}.rels")
    out: dict[str, tuple[str, str]] = {}
    root = _small(archive, rels_path)  # KeyError when missing: damaged, as for openpyxl
    parent = folder  # a relative target is relative to the part's folder
    for rel in root.iterfind(f"{{{_PKG_REL}}}Relationship"):
        rid, target, kind = rel.get("Id"), rel.get("Target") or "", rel.get("Type") or ""
        if rid is None or rel.get("TargetMode") == "External":
            continue
        absolute = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(parent, target))
        out[rid] = (absolute, kind)
    return out


# -- shared strings and styles --------------------------------------------------------------------------


def _text(node: etree._Element) -> str:
    """The text of a string item (``si`` or ``is``): its ``t`` and the ``t`` of its runs, phonetic
    runs left out (openpyxl's ``Text.content``)."""
    parts: list[str] = []
    plain = node.find(_T)
    if plain is not None and plain.text is not None:
        parts.append(plain.text)
    for run in node.iterfind(_R):
        t = run.find(_T)
        if t is not None and t.text is not None:
            parts.append(t.text)
    return "".join(parts)


def _read_strings(archive: Archive, part: str) -> list[str]:
    data = _guarded(archive, part, MAX_STRINGS_BYTES, MAX_STRINGS_TAGS)
    strings: list[str] = []
    for _, si in _iterparse(data, _SI):
        if len(strings) >= MAX_SHARED_STRINGS:
            raise FileTooLargeError(
                E.PART_TOO_MANY, name=part, limit=MAX_SHARED_STRINGS, what=Message("shared strings", "共享字符串")
            )
        strings.append(_text(si).replace("x005F_", ""))
        _drop_done(si)
    return strings


def _date_styles(archive: Archive) -> tuple[frozenset[int], frozenset[int]]:
    """The cell formats (indices into ``cellXfs``) whose number format shows a date, and those that
    show a duration (as openpyxl's stylesheet decides)."""
    part = "xl/styles.xml"  # where openpyxl looks
    if part not in archive:
        return frozenset(), frozenset()
    from openpyxl.styles.numbers import builtin_format_code, is_date_format, is_timedelta_format

    data = _guarded(archive, part, MAX_STYLES_BYTES, MAX_STYLES_TAGS)
    num_fmt, cell_xfs, xf = (f"{{{_MAIN}}}{t}" for t in ("numFmt", "cellXfs", "xf"))
    custom: dict[int, str] = {}
    formats: list[int] = []
    in_cell_xfs = False
    for event, el in _iterparse(data, (num_fmt, cell_xfs, xf), events=("start", "end")):
        if el.tag == cell_xfs:
            in_cell_xfs = event == "start"
        elif event == "end" and el.tag == num_fmt:
            custom[int(el.get("numFmtId", ""))] = el.get("formatCode", "")
        elif event == "end" and el.tag == xf and in_cell_xfs:
            if len(formats) >= MAX_CELL_FORMATS:
                raise FileTooLargeError(
                    E.PART_TOO_MANY, name=part, limit=MAX_CELL_FORMATS, what=Message("cell formats", "单元格格式")
                )
            formats.append(int(el.get("numFmtId", "0")))
        if event == "end" and el.tag != cell_xfs:
            el.clear()
    dates: set[int] = set()
    durations: set[int] = set()
    for i, fmt_id in enumerate(formats):
        fmt = custom[fmt_id] if fmt_id in custom else builtin_format_code(fmt_id)
        if is_date_format(fmt):
            dates.add(i)
        if is_timedelta_format(fmt):
            durations.add(i)
    return frozenset(dates), frozenset(durations)


# -- cells --------------------------------------------------------------------------------------------


def _number(text: str) -> int | float:
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


def _row_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        number = float(text)
        if not number.is_integer():
            raise ValueError(f"{text} is not a valid row number") from None
        return int(number)


class _Formulas:
    """The shared formulas of one sheet: the first cell of a group holds the text, the others are
    translated from it (openpyxl's ``Translator``)."""

    def __init__(self) -> None:
        self.shared: dict[str | None, Any] = {}

    def value(self, f: etree._Element, coordinate: str | None) -> Any:
        value = "=" + (f.text or "")
        kind = f.get("t")
        if kind == "array":
            from openpyxl.worksheet.formula import ArrayFormula

            return ArrayFormula(ref=f.get("ref"), text=value)
        if kind == "shared":
            idx = f.get("si")
            if idx in self.shared:
                return self.shared[idx].translate_formula(coordinate)
            if value != "=":
                from openpyxl.formula.translate import Translator

                self.shared[idx] = Translator(value, coordinate)
            return value
        if kind == "dataTable":
            from openpyxl.worksheet.formula import DataTableFormula

            return DataTableFormula(**{str(k): str(v) for k, v in f.attrib.items()})  # type: ignore[arg-type]
        return value


def _sheet_cells(book: Book, data: bytes, max_row: int, max_col: int) -> Iterator[tuple[int, int, CellValue]]:
    from openpyxl.utils.cell import coordinate_to_tuple
    from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel, from_ISO8601

    epoch = MAC_EPOCH if book.epoch_1904 else WINDOWS_EPOCH
    dates, durations = book.date_styles, book.timedelta_styles
    formulas = _Formulas()
    row_counter = 0
    expected = 1  # openpyxl's counter: a row numbered below it (out of order, repeated) is skipped
    for _, el in _iterparse(data, (_ROW, _SHEET_DATA)):
        if el.tag == _SHEET_DATA:
            break  # the rest (formatting, validation, drawings) is not read
        r = el.get("r")
        row_counter = _row_number(r) if r is not None else row_counter + 1
        if row_counter > max_row:
            break
        if row_counter < expected:
            _drop_done(el)
            continue
        expected = row_counter + 1
        col_counter = 0
        found: dict[int, tuple[int, CellValue]] = {}
        for c in el:
            if c.tag != _C:
                continue
            data_type = c.get("t", "n")
            coordinate = c.get("r")
            style = c.get("s", 0)
            style_id = int(style) if style else 0
            value: Any = None if data_type == "inlineStr" else (c.findtext(_V) or None)
            if coordinate:
                row, column = coordinate_to_tuple(coordinate)
                col_counter = column
            else:
                col_counter += 1
                row, column = row_counter, col_counter
            # the value saved in the file, typed (data_only=True)
            if value is not None:
                if data_type == "n":
                    value = _number(value)
                    if style_id in dates:
                        data_type = "d"
                        try:
                            value = from_excel(value, epoch, timedelta=style_id in durations)
                        except (OverflowError, ValueError):
                            data_type, value = "e", "#VALUE!"
                elif data_type == "s":
                    value = book.strings()[int(value)]
                elif data_type == "b":
                    value = bool(int(value))
                elif data_type == "str":
                    data_type = "s"
                elif data_type == "d":
                    value = from_ISO8601(value)  # type: ignore[no-untyped-call]
            elif data_type == "inlineStr":
                child = c.find(_IS)
                if child is not None:
                    data_type, value = "s", _text(child)
            f = c.find(_F)
            cell = (
                CellValue(formulas.value(f, coordinate), "f", value)
                if f is not None
                else CellValue(value, data_type, value)
            )
            if 1 <= column <= max_col:
                found[column] = (row, cell)
        _drop_done(el)
        for column in sorted(found):
            row, cell = found[column]
            if cell.value is not None:  # (a formula is never None; other cells: value is cached)
                yield row, column, cell
