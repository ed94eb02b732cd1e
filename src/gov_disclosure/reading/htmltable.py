"""HTML tables as grids: ``<table>`` elements with rowspan/colspan expanded into rows of
:class:`~gov_disclosure.reading.engine.GridCell` (covered positions ``continued``), for every reader
that meets HTML tables (web pages, HTML inside Markdown).

Needs lxml (the ``html`` extra); nothing is fetched and nothing runs.

Layer: reading. Imports only :mod:`gov_disclosure.core` and :mod:`.engine`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

try:
    from lxml import etree
    from lxml import html as lxml_html
except ImportError:  # pragma: no cover - depends on the environment
    from ..core.errors import MissingExtraError
    from ..core.messages import errors as E

    raise MissingExtraError(E.FEATURE_HTML, "html") from None

from ..core.errors import ReadError, UnsafeFileError
from ..core.messages import errors as E
from .engine import GridCell, is_report_grid, is_substantial

__all__ = ["MAX_CELLS", "MAX_SPAN", "SKIP", "TableGrids", "element_text", "fragment_tables", "has_label", "table_grid"]

#: cells of all tables of a page together (after expanding spans)
MAX_CELLS: Final = 200_000
#: a rowspan/colspan larger than this is clipped to it
MAX_SPAN: Final = 200

#: elements whose content is never text of the report
SKIP: Final = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "embed",
        "head",
        "select",
        "button",
        "textarea",
        "svg",
        "math",
        "canvas",
    }
)
_ZERO_WIDTH: Final = re.compile("[\u200b\u200c\u200d\ufeff]")


#: elements that start a new line of a cell's text
_LINE_BREAKING: Final = frozenset({"br", "p", "div", "li", "tr", "td", "th", "table"})


def element_text(el: etree._Element) -> str:
    """The text of an element: line breaks for ``<br>``, ``<p>``, ``<div>``, list items and the rows
    and cells of a table nested in it (its values never run together); scripts and styles left
    out."""
    parts: list[str] = []
    for node in el.iter():
        if node is not el and node.tag in _LINE_BREAKING and parts:
            parts.append("\n")
        if node.tag in SKIP:
            continue
        if node is not el and node.tag == "table":
            continue
        if isinstance(node.tag, str) and node.text:
            parts.append(node.text)
        if node is not el and node.tail:
            parts.append(node.tail)
    return _ZERO_WIDTH.sub("", "".join(parts))


def _rows(table: etree._Element) -> Iterator[etree._Element]:
    for child in table:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "tr":
            yield child
        elif child.tag in ("thead", "tbody", "tfoot"):
            for tr in child:
                if isinstance(tr.tag, str) and tr.tag == "tr":
                    yield tr


def _span(el: etree._Element, name: str) -> int:
    try:
        n = int(str(el.get(name, "1")).strip() or "1")
    except ValueError:
        return 1
    return max(1, min(n, MAX_SPAN))


def table_grid(
    table: etree._Element, number: int, budget: list[int], *, where: str = "table"
) -> list[list[GridCell]]:
    """A ``<table>`` as a grid: rowspan/colspan expanded, covered positions ``continued``.

    ``budget`` is a one-item list of the cells still allowed (shared by all tables of a file);
    :class:`UnsafeFileError` when it runs out. Every position a cell covers (width × height) and every
    row, empty or not, is counted before it is made, and the grid is built row by row from the
    positions that exist, so the work is bounded by the budget whatever the spans and rows.
    ``where`` starts each cell's source (``table 2, row 5, cell 3``)."""
    grid: dict[int, dict[int, GridCell]] = {}
    n_rows = 0
    for r, tr in enumerate(_rows(table)):
        c = 0
        n_rows = r + 1
        budget[0] -= 1  # a row costs even when it is empty
        if budget[0] < 0:
            raise UnsafeFileError(E.HTML_TOO_MANY_CELLS, limit=MAX_CELLS)
        row = grid.setdefault(r, {})
        k = 0
        for td in tr:
            if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                continue
            k += 1
            while c in row:
                c += 1
            text = _ZERO_WIDTH.sub("", td.text or "") if len(td) == 0 else element_text(td)
            attrib = td.attrib
            rs = _span(td, "rowspan") if "rowspan" in attrib else 1
            cs = _span(td, "colspan") if "colspan" in attrib else 1
            budget[0] -= rs * cs
            if budget[0] < 0:
                raise UnsafeFileError(E.HTML_TOO_MANY_CELLS, limit=MAX_CELLS)
            src = f"{where} {number}, row {r + 1}, cell {k}"
            row[c] = GridCell(text, src)
            if rs > 1 or cs > 1:
                covered = GridCell(text, src, continued=True)
                for dr in range(rs):
                    below = grid.setdefault(r + dr, {})
                    for dc in range(cs):
                        if dr or dc:
                            below[c + dc] = covered
            c += cs
    if not any(grid.values()):
        return []
    height = max(n_rows, max(grid) + 1)
    return [[cells[col] for col in sorted(cells)] if (cells := grid.get(r)) else [] for r in range(height)]


class TableGrids:
    """The grid of each table of a file, made once per table and counted against one budget."""

    def __init__(self, *, where: str = "table") -> None:
        self.budget = [MAX_CELLS]
        self.where = where
        self.grids: dict[etree._Element, list[list[GridCell]]] = {}
        self.report: dict[etree._Element, bool] = {}

    def __call__(self, table: etree._Element) -> list[list[GridCell]]:
        grid = self.grids.get(table)
        if grid is None:
            grid = self.grids[table] = table_grid(table, len(self.grids) + 1, self.budget, where=self.where)
        return grid

    def is_report_table(self, table: etree._Element) -> bool:
        """A table of the report: it holds labels of the format, and no table nested in it does
        (that one is the report's; this one is layout). A table nested in a cell that is no table of
        the report (a value wrapped in a table, a few values) is part of its cell's text: a single
        value reads as the cell's, several make it GD102 — never a blank table, never prose."""
        known = self.report.get(table)
        if known is None:
            nested = [t for t in table.iterdescendants("table") if is_substantial(self(t))]
            known = not any(has_label(self(t)) for t in nested) and has_label(self(table))
            self.report[table] = known
        return known


def fragment_tables(html: str, grid_of: TableGrids) -> list[list[list[GridCell]]]:
    """The grids of the tables of an HTML fragment, in document order: the tables of the report
    (:meth:`TableGrids.is_report_table`) and the leaf tables without any label of the format (the
    engine ignores them). Nested up to libxml2's 2,048 levels; deeper is refused."""
    parser = lxml_html.HTMLParser(
        no_network=True, huge_tree=True, remove_comments=True, remove_pis=True, recover=True
    )
    try:
        root = lxml_html.document_fromstring(f"<html><body>{html}</body></html>", parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ReadError(E.HTML_UNREADABLE, detail=str(exc)) from None
    if any("Excessive depth" in e.message for e in parser.error_log):
        raise UnsafeFileError(E.HTML_NESTED_BEYOND, limit=2048)
    out = []
    for t in root.iter("table"):
        if grid_of.is_report_table(t) or (t.find(".//table") is None and not has_label(grid_of(t))):
            out.append(grid_of(t))
    return out


def has_label(grid: list[list[GridCell]]) -> bool:
    return is_report_grid(grid)
