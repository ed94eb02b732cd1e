"""Writing a report as an official document (.docx)."""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Iterator, Sequence
from typing import Final, Literal

import attrs
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.shared import Mm
from lxml import etree

import docx

from ..core.files import atomic_write
from ..core.model import Report
from ..core.values import format_cell, parse_cell
from ..core.vocabulary import (
    APPEALS_COLUMNS,
    APPEALS_GROUPS,
    APPLICATIONS_COLUMNS,
    APPLICATIONS_HEADER,
    APPLICATIONS_ORG_COLUMNS,
    PROACTIVE_ROW_HEADER,
    SECTIONS,
    FormatSpec,
)
from ..reading.engine import is_value_text
from ..reading.meta import format_date
from ._names import (
    HEADING_STYLE,
    PAGE_NUMBER_STYLE,
    SIGNATURE_STYLE,
    TABLE_STYLE,
    TITLE_STYLE,
    TITLE_SUFFIX,
    title_text,
)
from ._props import CellFix, OwnMetadata, TextFix, custom_properties_xml, repack
from ._style import DocxStyle
from ._xml import add_text_run, el, printable, sub, w

__all__ = ["write_docx"]

#: style ids of the paragraphs the writer makes (the reader recognises its own documents by them);
#: each is its style's name without spaces, as LibreOffice re-derives ids when it saves a document
#: when a report has no date: the fixed time stamp of the document properties
_EPOCH: Final = dt.datetime(2019, 1, 1)
_TWIPS_PER_MM: Final = 1440 / 25.4
_BORDER: Final = {"val": "single", "sz": "4", "space": "0", "color": "000000"}
_TITLE_ROW_FILL: Final = "C6D9F1"  # as in the official template
#: where the writer puts the appeals values: the third table, after three header rows
APPEALS_TABLE_NUMBER: Final = 3
APPEALS_HEADER_ROWS: Final = 3


def write_docx(
    report: Report, path: str | os.PathLike[str] | None = None, *, style: DocxStyle | None = None
) -> bytes:
    """Write ``report`` as an official .docx document and return its bytes (also saved to ``path``).

    The title, the six numbered sections with their prose, the three tables in the official layout
    of the report's format version, and the agency and date at the end, styled after GB/T 9704
    (see :class:`DocxStyle`). Missing cells are left blank and reported totals are printed as
    reported. The same report always gives the same bytes.
    """
    if not isinstance(report, Report):
        raise TypeError(f"write_docx needs a Report, got {type(report).__name__}")
    style = style or DocxStyle()
    document = docx.Document()
    _set_up_styles(document, style)
    _set_up_page(document, style)
    body = document.element.body
    anchor = body.sectPr
    for element in _body(report, style):
        anchor.addprevious(element)
    _set_properties(document, report)
    buffer = io.BytesIO()
    document.save(buffer)
    data = repack(buffer.getvalue())
    if path is not None:
        atomic_write(path, data)  # the old file stays until the new one is complete
    return data


# -- body --------------------------------------------------------------------------------------


def _paragraph(style_id: str | None, text: str, *, align: str | None = None) -> etree._Element:
    p = el("p")
    if style_id is not None or align is not None:
        ppr = sub(p, "pPr")
        if style_id is not None:
            sub(ppr, "pStyle", val=style_id)
        if align is not None:
            sub(ppr, "jc", val=align)
    add_text_run(p, text)
    return p


def _body(report: Report, style: DocxStyle) -> Iterator[etree._Element]:
    yield _paragraph(TITLE_STYLE, printable(title_text(report.agency, report.year)))
    s = report.spec
    for section in SECTIONS:
        yield _paragraph(HEADING_STYLE, section.heading)
        text = printable(getattr(report.sections, section.key))
        if text:
            for line in text.split("\n"):
                yield _paragraph(None, line)
        if section.key == "proactive":
            yield _proactive_table(report, s, style)
        elif section.key == "applications":
            yield _applications_table(report, s, style)
        elif section.key == "appeals":
            yield _appeals_table(report, style)
    signature = [printable(report.agency or "")]
    if report.published_on is not None:
        signature.append(format_date(report.published_on))
    for i, text in enumerate(t for t in signature if t):
        p = _paragraph(SIGNATURE_STYLE, text)
        if i == 0:  # the signature starts two lines below the text
            p[0].insert(1, el("spacing", before=_twips(2 * style.line_spacing)))
        yield p


# -- tables ------------------------------------------------------------------------------------

Role = Literal["title", "header", "label", "value"]


@attrs.frozen
class _Cell:
    text: str = ""
    span: int = 1
    #: vertical merge: "restart" starts a merged cell, "continue" is covered by the one above
    vmerge: Literal["restart", "continue"] | None = None
    role: Role = "value"


def _widths(style: DocxStyle, weights: Sequence[float]) -> list[int]:
    """Column widths in twips that fill the text width in the given proportions."""
    total = round((210 - style.margin_left - style.margin_right) * _TWIPS_PER_MM)
    scale = total / sum(weights)
    widths = [int(x * scale) for x in weights]
    widths[-1] += total - sum(widths)
    return widths


def _table(rows: Sequence[Sequence[_Cell]], widths: Sequence[int], header_rows: int) -> etree._Element:
    tbl = el("tbl")
    tbl_pr = sub(tbl, "tblPr")
    sub(tbl_pr, "tblW", w=str(sum(widths)), type="dxa")
    sub(tbl_pr, "jc", val="center")
    borders = sub(tbl_pr, "tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        sub(borders, side, **_BORDER)
    sub(tbl_pr, "tblLayout", type="fixed")
    margins = sub(tbl_pr, "tblCellMar")
    sub(margins, "top", w="0", type="dxa")
    sub(margins, "left", w="57", type="dxa")
    sub(margins, "bottom", w="0", type="dxa")
    sub(margins, "right", w="57", type="dxa")
    grid = sub(tbl, "tblGrid")
    for width in widths:
        sub(grid, "gridCol", w=str(width))
    for i, row in enumerate(rows):
        tr = sub(tbl, "tr")
        tr_pr = sub(tr, "trPr")
        sub(tr_pr, "cantSplit")
        sub(tr_pr, "trHeight", val="397", hRule="atLeast")
        if i < header_rows:
            sub(tr_pr, "tblHeader")
        column = 0
        for cell in row:
            tc = sub(tr, "tc")
            tc_pr = sub(tc, "tcPr")
            sub(tc_pr, "tcW", w=str(sum(widths[column : column + cell.span])), type="dxa")
            if cell.span > 1:
                sub(tc_pr, "gridSpan", val=str(cell.span))
            if cell.vmerge == "restart":
                sub(tc_pr, "vMerge", val="restart")
            elif cell.vmerge == "continue":
                sub(tc_pr, "vMerge")
            if cell.role == "title":
                sub(tc_pr, "shd", val="clear", color="auto", fill=_TITLE_ROW_FILL)
            sub(tc_pr, "vAlign", val="center")
            align = "left" if cell.role in ("title", "label") else "center"
            text = "" if cell.vmerge == "continue" else cell.text
            for line in text.split("\n"):
                tc.append(_paragraph(TABLE_STYLE, line, align=align))
            column += cell.span
        if column != len(widths):  # pragma: no cover - a bug in a layout below
            raise AssertionError(f"row {i} covers {column} of {len(widths)} grid columns")
    return tbl


def _value(report: Report, address: str) -> _Cell:
    return _Cell(printable(report.cell_text(address)))


def _proactive_table(report: Report, s: FormatSpec, style: DocxStyle) -> etree._Element:
    width = max(len(b.columns) for b in s.proactive)
    rows: list[list[_Cell]] = []
    for block in s.proactive:
        rows.append([_Cell(block.title, width + 1, role="title")])
        # a block with fewer columns than the widest lets its last column span the rest
        spans = [1] * len(block.columns)
        spans[-1] += width - len(block.columns)
        rows.append(
            [_Cell(PROACTIVE_ROW_HEADER, role="header")]
            + [_Cell(c.label, n, role="header") for c, n in zip(block.columns, spans, strict=True)]
        )
        for row in block.rows:
            cells = [_Cell(row.label, role="label")]
            for c, n in zip(block.columns, spans, strict=True):
                cells.append(attrs.evolve(_value(report, f"proactive/{block.key}.{row.key}/{c.key}"), span=n))
            rows.append(cells)
    return _table(rows, _widths(style, [1.0] * (width + 1)), header_rows=0)


def _applications_table(report: Report, s: FormatSpec, style: DocxStyle) -> etree._Element:
    depth = 1 + max(len(r.parents) for r in s.applications_layout)
    org = [c for c in APPLICATIONS_COLUMNS if c.key in APPLICATIONS_ORG_COLUMNS]
    first, last = APPLICATIONS_COLUMNS[0], APPLICATIONS_COLUMNS[-1]
    note = APPLICATIONS_HEADER["note"]
    rows: list[list[_Cell]] = [
        [
            _Cell(note, depth, "restart", "header"),
            _Cell(APPLICATIONS_HEADER["applicants"], len(APPLICATIONS_COLUMNS), role="header"),
        ],
        [
            _Cell(note, depth, "continue", "header"),
            _Cell(first.label, 1, "restart", "header"),
            _Cell(APPLICATIONS_HEADER["organisations"], len(org), role="header"),
            _Cell(last.label, 1, "restart", "header"),
        ],
        [
            _Cell(note, depth, "continue", "header"),
            _Cell(first.label, 1, "continue", "header"),
            *(_Cell(c.label, role="header") for c in org),
            _Cell(last.label, 1, "continue", "header"),
        ],
    ]
    previous: tuple[str, ...] = ()
    for layout in s.applications_rows:
        parents = layout.parents
        cells: list[_Cell] = []
        for level, parent in enumerate(parents):
            same = len(previous) > level and previous[: level + 1] == parents[: level + 1]
            cells.append(_Cell(parent, 1, "continue" if same else "restart", "label"))
        cells.append(_Cell(layout.label, depth - len(parents), role="label"))
        cells += [_value(report, f"applications/{layout.key}/{c.key}") for c in APPLICATIONS_COLUMNS]
        rows.append(cells)
        previous = parents
    weights = [0.75, 0.92, 3.27] if depth == 3 else [1.0] * (depth - 1) + [3.27]
    return _table(rows, _widths(style, weights + [0.685] * len(APPLICATIONS_COLUMNS)), header_rows=3)


def _appeals_table(report: Report, style: DocxStyle) -> etree._Element:
    n = len(APPEALS_COLUMNS)
    top: list[_Cell] = []
    middle: list[_Cell] = []
    bottom: list[_Cell] = []
    done_parents: set[str] = set()
    for g in APPEALS_GROUPS:
        if g.parent is None:
            top.append(_Cell(g.label, n, role="header"))
            middle += [_Cell(c.label, 1, "restart", "header") for c in APPEALS_COLUMNS]
            bottom += [_Cell(c.label, 1, "continue", "header") for c in APPEALS_COLUMNS]
        else:
            if g.parent not in done_parents:
                done_parents.add(g.parent)
                members = sum(1 for h in APPEALS_GROUPS if h.parent == g.parent)
                top.append(_Cell(g.parent, n * members, role="header"))
            middle.append(_Cell(g.label, n, role="header"))
            bottom += [_Cell(c.label, role="header") for c in APPEALS_COLUMNS]
    values = [_value(report, f"appeals/{g.key}/{c.key}") for g in APPEALS_GROUPS for c in APPEALS_COLUMNS]
    return _table([top, middle, bottom, values], _widths(style, [1.0] * len(values)), header_rows=3)


# -- styles and page ---------------------------------------------------------------------------


def _half_points(size: float) -> str:
    return str(round(size * 2))


def _twips(points: float) -> str:
    return str(round(points * 20))


def _run_properties(parent: etree._Element, font: str, size: float) -> etree._Element:
    rpr = sub(parent, "rPr")
    sub(rpr, "rFonts", ascii=font, hAnsi=font, eastAsia=font, cs=font, hint="eastAsia")
    sub(rpr, "b", val="0")
    sub(rpr, "bCs", val="0")
    sub(rpr, "color", val="000000")
    sub(rpr, "kern", val="0")
    sub(rpr, "sz", val=_half_points(size))
    sub(rpr, "szCs", val=_half_points(size))
    sub(rpr, "lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    return rpr


def _style(
    styles: etree._Element,
    style_id: str,
    name: str,
    *,
    font: str,
    size: float,
    line: float | None,
    before: float = 0,
    after: float = 0,
    first_line: float = 0,
    right: float = 0,
    align: str = "both",
    outline: int | None = None,
    keep_next: bool = False,
) -> None:
    old = styles.find(f"{w('style')}[@{w('styleId')}='{style_id}']")
    if old is not None:
        styles.remove(old)
    st = sub(styles, "style", type="paragraph", styleId=style_id)
    if style_id == "Normal":
        st.set(w("default"), "1")
    else:
        st.set(w("customStyle"), "1")
    sub(st, "name", val=name)
    if style_id != "Normal":
        sub(st, "basedOn", val="Normal")
        sub(st, "next", val="Normal")
    sub(st, "qFormat")
    ppr = sub(st, "pPr")
    if keep_next:
        sub(ppr, "keepNext")
    sub(ppr, "widowControl")
    spacing = sub(ppr, "spacing", before=_twips(before), after=_twips(after))
    if line is None:
        spacing.set(w("line"), "240")
        spacing.set(w("lineRule"), "auto")
    else:
        spacing.set(w("line"), _twips(line))
        spacing.set(w("lineRule"), "exact")
    sub(ppr, "ind", left="0", right=_twips(right), firstLine=_twips(first_line))
    sub(ppr, "jc", val=align)
    if outline is not None:
        sub(ppr, "outlineLvl", val=str(outline))
    _run_properties(st, font, size)


def _set_up_styles(document: docx.document.Document, style: DocxStyle) -> None:
    styles = document.styles.element
    # document defaults: explicit fonts instead of the template's theme fonts, Chinese language
    defaults = styles.find(w("docDefaults"))
    if defaults is not None:
        styles.remove(defaults)
    defaults = el("docDefaults")
    _run_properties(sub(defaults, "rPrDefault"), style.body_font, style.body_size)
    ppr = sub(sub(defaults, "pPrDefault"), "pPr")
    sub(ppr, "spacing", before="0", after="0", line="240", lineRule="auto")
    styles.insert(0, defaults)
    body, indent = style.body_size, 2 * style.body_size
    _style(
        styles,
        "Normal",
        "Normal",
        font=style.body_font,
        size=body,
        line=style.line_spacing,
        first_line=indent,
    )
    _style(
        styles,
        TITLE_STYLE,
        "Report Title",
        font=style.title_font,
        size=style.title_size,
        line=max(style.line_spacing, style.title_size * 1.5),
        after=style.line_spacing,
        align="center",
        outline=None,
        keep_next=True,
    )
    _style(
        styles,
        HEADING_STYLE,
        "Report Heading 1",
        font=style.heading_font,
        size=style.heading_size,
        line=style.line_spacing,
        first_line=indent,
        outline=0,
        keep_next=True,
    )
    _style(
        styles,
        SIGNATURE_STYLE,
        "Report Signature",
        font=style.body_font,
        size=body,
        line=style.line_spacing,
        right=2 * indent,
        align="right",
    )
    _style(
        styles,
        TABLE_STYLE,
        "Report Table Text",
        font=style.table_font,
        size=style.table_size,
        line=None,
        align="center",
    )
    _style(
        styles,
        PAGE_NUMBER_STYLE,
        "Report Page Number",
        font=style.page_number_font,
        size=style.page_number_size,
        line=None,
        align="right",
    )
    # the settings: Chinese theme font language, odd and even page footers
    settings = document.settings
    settings.odd_and_even_pages_header_footer = True
    lang = settings.element.find(w("themeFontLang"))
    if lang is not None:
        lang.set(w("eastAsia"), "zh-CN")


def _page_number(footer_element: etree._Element, align: str, indent: float) -> None:
    """A footer paragraph “— n —” (the PAGE field between two dashes)."""
    for child in list(footer_element):
        footer_element.remove(child)
    p = sub(footer_element, "p")
    ppr = sub(p, "pPr")
    sub(ppr, "pStyle", val=PAGE_NUMBER_STYLE)
    if align == "right":
        sub(ppr, "ind", left="0", right=_twips(indent), firstLine="0")
    else:
        sub(ppr, "ind", left=_twips(indent), right="0", firstLine="0")
    sub(ppr, "jc", val=align)
    add_text_run(p, "— ")
    sub(sub(p, "r"), "fldChar", fldCharType="begin")
    instr = sub(sub(p, "r"), "instrText")
    instr.text = " PAGE "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    sub(sub(p, "r"), "fldChar", fldCharType="separate")
    add_text_run(p, "1")
    sub(sub(p, "r"), "fldChar", fldCharType="end")
    add_text_run(p, " —")


def _set_up_page(document: docx.document.Document, style: DocxStyle) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(style.margin_top), Mm(style.margin_bottom)
    section.left_margin, section.right_margin = Mm(style.margin_left), Mm(style.margin_right)
    section.header_distance = Mm(15)
    # GB/T 9704: the page number sits about 7 mm below the text area
    section.footer_distance = Mm(max(style.margin_bottom - 12, 5))
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    _page_number(section.footer._element, "right", style.page_number_size)
    _page_number(section.even_page_footer._element, "left", style.page_number_size)


# -- properties --------------------------------------------------------------------------------


def own_metadata(report: Report) -> OwnMetadata:
    """What the custom properties must hold for ``report`` to read back exactly."""
    cells: dict[str, CellFix] = {}
    # the appeals data row has no label: a text that is no value there keeps the table reader from
    # placing the row at all, so then every cell of the row is checked at its grid position
    appeals = [c for c in report.spec.cells if c.table == "appeals"]
    if not all(is_value_text(printable(report.cell_text(c.address))) for c in appeals):
        for i, c in enumerate(appeals):
            printed = printable(report.cell_text(c.address)).strip()
            source = f"table {APPEALS_TABLE_NUMBER}, row {APPEALS_HEADER_ROWS + 1}, cell {i + 1}"
            cells[c.address] = CellFix(printed, report.cell(c.address), report.raw.get(c.address), source)
    for c, value in report.cells():
        if c.address in cells:
            continue
        printed = printable(report.cell_text(c.address)).strip()
        parsed = parse_cell(printed, c.kind, c.unit)
        canonical = format_cell(parsed.value, c.unit)
        raw_read = printed if printed != canonical else None
        if parsed.value != value or raw_read != report.raw.get(c.address):
            seen = raw_read if raw_read is not None else canonical
            cells[c.address] = CellFix(seen, value, report.raw.get(c.address))
    sections: dict[str, TextFix] = {}
    for section in SECTIONS:
        text = getattr(report.sections, section.key)
        if printable(text) != text:
            sections[section.key] = TextFix(printable(text), text)
    return OwnMetadata(
        format=report.format,
        agency_kind=report.agency_kind,
        agency=report.agency,
        year=report.year,
        published_on=report.published_on,
        cells=cells,
        sections=sections,
    )


#: the longest text a core property (title, author) may hold (python-docx, after Word)
MAX_CORE_PROPERTY: Final = 255


def _core_text(text: str) -> str:
    """Text for a core property, shortened with an ellipsis to its limit: the document's own title
    paragraph and the custom properties keep the whole text."""
    text = printable(text)
    return text if len(text) <= MAX_CORE_PROPERTY else text[: MAX_CORE_PROPERTY - 1] + "…"


def _set_properties(document: docx.document.Document, report: Report) -> None:
    package = document.part.package
    # the template's thumbnail shows another document: drop it
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rid]
    stamp = dt.datetime.combine(report.published_on, dt.time()) if report.published_on is not None else _EPOCH
    core = document.core_properties
    core.title = _core_text(title_text(report.agency, report.year))
    core.author = _core_text(report.agency or "")
    core.last_modified_by = core.author
    core.subject = report.spec.name
    core.comments = ""
    core.keywords = TITLE_SUFFIX
    core.category = ""
    core.language = "zh-CN"
    core.created = core.modified = core.last_printed = stamp
    core.revision = 1
    blob = custom_properties_xml(own_metadata(report))
    part = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, blob, package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)
