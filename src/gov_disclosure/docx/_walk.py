"""Walking a document's body XML in order: paragraphs and tables, merged cells expanded.

python-docx's ``Document.paragraphs`` and ``.tables`` skip content controls (``w:sdt``), tracked
insertions and tables nested in cells, and ``Table.cell(r, c)`` is quadratic. This walker reads
the XML itself, once, in document order:

- a paragraph's text is its ``w:t`` (inside runs, hyperlinks, ``w:ins``, ``w:sdt``, simple fields,
  smart tags), ``w:tab`` as a tab and ``w:br``/``w:cr`` as a line break; deleted and moved-away
  text (``w:del``, ``w:moveFrom``) and alternative renderings (``mc:Fallback``) are left out; text
  boxes are read as paragraphs of their own after the paragraph that anchors them;
- a table becomes a :data:`~gov_disclosure.reading.engine.Grid`: one :class:`GridCell` per grid column,
  ``gridSpan`` and ``gridBefore`` honoured, the positions a merged cell covers (horizontally or,
  by ``vMerge``, vertically) repeat its text with ``continued=True``;
- a table nested in a cell that holds a table of the report (labels of the format in more than one
  cell) is its own grid, numbered after the table that holds it: the outer table is layout; any
  other nested table (a value wrapped in a table of one cell, a small table of values) is part of
  its cell's text, its cells one per line, so a single value reads as the cell's value and several
  are declined by the engine (GD102), never blank; a table of a single cell at the top level is a
  frame around content, which is walked as body content.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

import attrs
from lxml import etree

from ..reading.engine import Grid, GridCell, is_report_grid, is_substantial
from ._xml import w

__all__ = ["MAX_GRID_POSITIONS", "Anchors", "Paragraph", "TooManyCells", "walk_body", "walk_body_anchored"]

_MC: Final = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_P, _TBL, _TR, _TC, _T = w("p"), w("tbl"), w("tr"), w("tc"), w("t")
_TAB, _BR, _CR, _NBH = w("tab"), w("br"), w("cr"), w("noBreakHyphen")
_SDT, _SDT_CONTENT, _CUSTOM_XML, _SMART_TAG = w("sdt"), w("sdtContent"), w("customXml"), w("smartTag")
_TXBX = w("txbxContent")
_PPR, _PSTYLE, _VAL = w("pPr"), w("pStyle"), w("val")
_TCPR, _GRID_SPAN, _VMERGE, _HMERGE = w("tcPr"), w("gridSpan"), w("vMerge"), w("hMerge")
_TRPR, _GRID_BEFORE = w("trPr"), w("gridBefore")
#: content that is not (or no longer) part of the text
_SKIP: Final = frozenset(
    {
        w("del"),
        w("moveFrom"),
        w("delText"),
        w("instrText"),
        w("delInstrText"),
        w("rPr"),
        w("pPr"),
        w("fldData"),
        w("footnoteReference"),
        w("endnoteReference"),
        f"{{{_MC}}}Fallback",
    }
)
#: a grid wider than this is not a report's table (and would cost memory): cut, with the rest kept
MAX_GRID_COLUMNS: Final = 200
#: all grids of a document together: a report has about a thousand positions; spans make the grid
#: larger than the XML, so this bounds memory whatever the file
MAX_GRID_POSITIONS: Final = 500_000
_SDT_PR, _PLACEHOLDER = w("sdtPr"), w("showingPlcHdr")


@attrs.frozen
class Paragraph:
    """A paragraph outside the tables: its text and its paragraph style id (None: default)."""

    text: str
    style: str | None = None


@attrs.define
class _Walk:
    paragraphs: list[Paragraph] = attrs.Factory(list)
    grids: list[Grid] = attrs.Factory(list)
    tables: int = 0
    positions: int = 0
    #: when anchoring: the ``w:p`` of each paragraph, and the ``w:tc`` at each grid position
    anchors: Anchors | None = None


@attrs.frozen
class Anchors:
    """Where a walk found things in the XML: ``paragraphs[i]`` is the ``w:p`` of the i-th paragraph
    of the walk, ``cells[source]`` the ``w:tc`` at a grid position (``table 2, row 5, cell 3``;
    the positions a merged cell covers give the cell that covers them)."""

    paragraphs: list[etree._Element] = attrs.Factory(list)
    cells: dict[str, etree._Element] = attrs.Factory(dict)


class TooManyCells(Exception):
    """The tables of a document expand to more than :data:`MAX_GRID_POSITIONS` positions."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(f"the tables expand to more than {limit} cells")


def walk_body(body: etree._Element) -> tuple[list[Paragraph], list[Grid]]:
    """The paragraphs outside tables and the tables as grids, in document order."""
    state = _Walk()
    _blocks(body, state)
    return state.paragraphs, state.grids


def walk_body_anchored(body: etree._Element) -> tuple[list[Paragraph], list[Grid], Anchors]:
    """:func:`walk_body`, with the elements each paragraph and grid position came from."""
    state = _Walk(anchors=Anchors())
    _blocks(body, state)
    assert state.anchors is not None
    return state.paragraphs, state.grids, state.anchors


def _children(e: etree._Element) -> Iterator[etree._Element]:
    """The block-level children of ``e``, content controls and custom XML unwrapped."""
    for child in e:
        tag = child.tag
        if tag in (_SDT, _CUSTOM_XML):
            content = child.find(_SDT_CONTENT) if tag == _SDT else child
            if content is not None and not _placeholder(child):
                yield from _children(content)
        elif tag in _SKIP or not isinstance(tag, str):
            continue
        else:
            yield child


def _placeholder(sdt: etree._Element) -> bool:
    """A content control still showing its placeholder (单击此处输入文字): no content of the report."""
    pr = sdt.find(_SDT_PR)
    return pr is not None and pr.find(_PLACEHOLDER) is not None


def _blocks(container: etree._Element, state: _Walk) -> None:
    for child in _children(container):
        if child.tag == _P:
            extra: list[etree._Element] = []
            state.paragraphs.append(Paragraph(paragraph_text(child, extra), _style(child)))
            if state.anchors is not None:
                state.anchors.paragraphs.append(child)
            for box in extra:
                _blocks(box, state)
        elif child.tag == _TBL:
            _table(child, state)


def _style(p: etree._Element) -> str | None:
    ppr = p.find(_PPR)
    if ppr is None:
        return None
    ps = ppr.find(_PSTYLE)
    return ps.get(_VAL) if ps is not None else None


def paragraph_text(p: etree._Element, boxes: list[etree._Element] | None = None) -> str:
    """The visible text of a paragraph; text boxes found in it are added to ``boxes``."""
    parts: list[str] = []
    _visit(p, parts, boxes)
    return "".join(parts)


def _visit(e: etree._Element, parts: list[str], boxes: list[etree._Element] | None) -> None:
    # a module-level function, not a closure calling itself: a closure would be a reference cycle
    # holding the paragraph's tree until the next full garbage collection
    for child in e:
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag in (_BR, _CR):
            parts.append("\n")
        elif tag == _NBH:
            parts.append("-")
        elif tag == _TXBX:
            if boxes is not None:
                boxes.append(child)
        elif tag in _SKIP or not isinstance(tag, str) or (tag == _SDT and _placeholder(child)):
            continue
        else:
            _visit(child, parts, boxes)


def _rows(tbl: etree._Element) -> Iterator[etree._Element]:
    for child in _children(tbl):
        if child.tag == _TR:
            yield child


def _cells(tr: etree._Element) -> Iterator[etree._Element]:
    for child in _children(tr):
        if child.tag == _TC:
            yield child


def _int(e: etree._Element | None, default: int, minimum: int) -> int:
    """The ``w:val`` of ``e`` as an int of at least ``minimum``; ``default`` when absent or not a number."""
    if e is None:
        return default
    try:
        return max(minimum, int(e.get(_VAL, default)))
    except ValueError:
        return default


def _table(tbl: etree._Element, state: _Walk) -> None:
    rows = list(_rows(tbl))
    if len(rows) == 1:
        cells = list(_cells(rows[0]))
        if len(cells) == 1:  # a frame around content, not a table of the report
            _blocks(cells[0], state)
            return
    state.tables += 1
    number = state.tables
    nested: list[etree._Element] = []
    grid: list[list[GridCell]] = []
    previous: list[GridCell] = []
    for r, tr in enumerate(rows, start=1):
        row: list[GridCell] = []
        trpr = tr.find(_TRPR)
        before = _int(trpr.find(_GRID_BEFORE), 0, 0) if trpr is not None else 0
        for _ in range(min(before, MAX_GRID_COLUMNS)):
            row.append(GridCell("", f"table {number}, row {r}, cell {len(row) + 1}"))
        for tc in _cells(tr):
            if len(row) >= MAX_GRID_COLUMNS:
                break
            span, vertical, horizontal = 1, None, None
            tcpr = tc.find(_TCPR)
            if tcpr is not None:
                span = _int(tcpr.find(_GRID_SPAN), 1, 1)
                vm = tcpr.find(_VMERGE)
                if vm is not None:
                    vertical = vm.get(_VAL, "continue")
                hm = tcpr.find(_HMERGE)
                if hm is not None:
                    horizontal = hm.get(_VAL, "continue")
            col = len(row)
            source = f"table {number}, row {r}, cell {col + 1}"
            if vertical == "continue":
                above = previous[col] if col < len(previous) else None
                text, continued = (above.text if above is not None else ""), True
            elif horizontal == "continue" and row:
                text, continued = row[-1].text, True
            else:
                text, continued = _cell_text(tc, nested, state), False
            row.append(GridCell(text, source, continued))
            for _ in range(min(span, MAX_GRID_COLUMNS - len(row) + 1) - 1):
                row.append(GridCell(text, f"table {number}, row {r}, cell {len(row) + 1}", True))
            if state.anchors is not None:
                for position in row[col:]:
                    state.anchors.cells[position.source] = tc
        grid.append(row)
        previous = row
        state.positions += len(row)
        if state.positions > MAX_GRID_POSITIONS:
            raise TooManyCells(MAX_GRID_POSITIONS)
    state.grids.append(grid)
    for inner in nested:
        _table(inner, state)


def _cell_text(tc: etree._Element, nested: list[etree._Element], state: _Walk) -> str:
    lines: list[str] = []
    for child in _children(tc):
        if child.tag == _P:
            boxes: list[etree._Element] = []
            lines.append(paragraph_text(child, boxes))
            for box in boxes:
                lines.extend(paragraph_text(p) for p in box.iter(_P))
        elif child.tag == _TBL:
            inner = _nested_text(child, state)
            if inner is None:
                nested.append(child)  # a table of the report inside a layout table
            else:
                lines.extend(inner)
    return "\n".join(lines)


def _nested_text(tbl: etree._Element, state: _Walk) -> list[str] | None:
    """The text of a table nested in a cell, one line per paragraph and per cell, when it belongs to
    its cell; None when it holds a table of the report (then it is walked as a table of its own)."""
    sub = _Walk(positions=state.positions)
    _table(tbl, sub)
    state.positions = sub.positions
    if any(is_substantial(g) and is_report_grid(g) for g in sub.grids):
        return None
    lines = [p.text for p in sub.paragraphs]
    lines += [c.text for g in sub.grids for row in g for c in row if not c.continued and c.text.strip()]
    return lines
