"""Reading a report from its web page: content found among the page furniture, tables expanded
into grids (rowspan/colspan), then the shared table engine."""

from __future__ import annotations

import os
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

from ..core.errors import FileTooLargeError, ReadError, UnsafeFileError
from ..core.findings import Finding
from ..core.messages import errors as E
from ..core.model import Report
from ..core.vocabulary import FormatKey
from ..reading.engine import Grid, GridCell, is_report_grid
from ..reading.load import decode, load_decoded
from ..reading.meta import assemble, match_heading, parse_title

__all__ = ["MAX_CELLS", "MAX_SPAN", "read_html"]

#: cells of all tables of a page together (after expanding spans)
MAX_CELLS: Final = 200_000
#: a rowspan/colspan larger than this is clipped to it
MAX_SPAN: Final = 200
#: characters of HTML
MAX_HTML_CHARS: Final = 32 * 1024 * 1024
#: levels of nesting of a page (libxml2's limit with huge_tree; a deeper page is refused)
MAX_DEPTH: Final = 2048

_SKIP: Final = frozenset(
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
_BLOCK: Final = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "pre",
        "table",
        "tr",
        "dd",
        "dt",
        "dl",
        "center",
        "form",
        "main",
        "nav",
        "aside",
        "hr",
        "caption",
        "figure",
        "address",
    }
)
#: elements that start a new line of a cell's text
_LINE_BREAKING: Final = frozenset({"br", "p", "div", "li", "tr", "td", "th", "table"})
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{2,20})""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\ufeff]")


def decode_html(data: bytes) -> str:
    """Bytes of a page as text, honouring a BOM, then a ``<meta charset>`` (GBK/GB2312 pages are
    read as GB18030; a charset that is not a text encoding is ignored), then UTF-8 / GB18030."""
    return _decode(data)[0]


def _decode(data: bytes) -> tuple[str, list[Finding]]:
    """The page's text and a GD112 finding for every problem with its encoding."""
    m = _META_CHARSET.search(data[:8192])
    return decode(data, declared=m.group(1).decode("ascii") if m else None)


def _parse(text: str) -> etree._Element:
    if len(text) > MAX_HTML_CHARS:
        raise FileTooLargeError(E.HTML_TOO_LARGE, n=len(text), limit=MAX_HTML_CHARS)
    if "\x00" in text[:4096]:
        raise ReadError(E.HTML_NUL)
    text = _XML_DECL.sub("", text, count=1)
    # a safe parser: no network; HTML has no external entities to resolve and lxml never runs
    # scripts. libxml2 stops at 256 levels of nesting (2048 with huge_tree) and, recovering, drops
    # the rest of the page without a word: we allow 2048 and refuse a page that goes deeper
    parser = lxml_html.HTMLParser(
        no_network=True, huge_tree=True, remove_comments=True, remove_pis=True, recover=True
    )
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ReadError(E.HTML_UNREADABLE, detail=str(exc)) from None
    if any("Excessive depth" in e.message for e in parser.error_log):
        raise UnsafeFileError(E.HTML_NESTED_BEYOND, limit=MAX_DEPTH)
    if root is None:
        raise ReadError(E.HTML_EMPTY)
    return root


def _text(el: etree._Element) -> str:
    """An element's text; block elements, line breaks and the cells of a nested table start a new
    line (a nested table's values never run together)."""
    parts: list[str] = []
    for node in el.iter():
        if node is not el and node.tag in _LINE_BREAKING and parts:
            parts.append("\n")
        if node.tag in _SKIP:
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


def table_grid(table: etree._Element, number: int, budget: list[int]) -> list[list[GridCell]]:
    """A ``<table>`` as a grid: rowspan/colspan expanded, covered positions ``continued``.

    Every position a cell covers (width × height) and every row, empty or not, is counted against
    ``budget`` (the page's :data:`MAX_CELLS`) before it is made, and the grid is built row by row from
    the positions that exist, so the work is bounded by the budget whatever the spans and rows."""
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
            text = _ZERO_WIDTH.sub("", td.text or "") if len(td) == 0 else _text(td)
            attrib = td.attrib
            rs = _span(td, "rowspan") if "rowspan" in attrib else 1
            cs = _span(td, "colspan") if "colspan" in attrib else 1
            budget[0] -= rs * cs
            if budget[0] < 0:
                raise UnsafeFileError(E.HTML_TOO_MANY_CELLS, limit=MAX_CELLS)
            src = f"table {number}, row {r + 1}, cell {k}"
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


def _has_label(grid: Grid) -> bool:
    return is_report_grid(grid)


def _substantial(grid: Grid) -> bool:
    """More than one cell with text: a table, not a value or a label wrapped in a table."""
    filled = 0
    for row in grid:
        for c in row:
            if not c.continued and c.text.strip():
                filled += 1
                if filled > 1:
                    return True
    return False


class _Grids:
    """The grid of each table of a page, made once per table and counted against one budget."""

    def __init__(self) -> None:
        self.budget = [MAX_CELLS]
        self.grids: dict[etree._Element, list[list[GridCell]]] = {}
        self.report: dict[etree._Element, bool] = {}

    def __call__(self, table: etree._Element) -> list[list[GridCell]]:
        grid = self.grids.get(table)
        if grid is None:
            grid = self.grids[table] = table_grid(table, len(self.grids) + 1, self.budget)
        return grid

    def is_report_table(self, table: etree._Element) -> bool:
        """A table of the report: it holds labels of the format, and no table nested in it does
        (that one is the report's; this one is layout). A table nested in a cell that is no table of
        the report (a value wrapped in a table) is part of its cell's text."""
        known = self.report.get(table)
        if known is None:
            nested = [t for t in table.iterdescendants("table") if _substantial(self(t))]
            known = not any(_has_label(self(t)) for t in nested) and _has_label(self(table))
            self.report[table] = known
        return known


def _walk(root: etree._Element, grid_of: _Grids) -> tuple[list[str], list[list[list[GridCell]]]]:
    """The paragraphs (text outside the tables, in order) and the grids of the tables under root.

    A table holding other tables, or holding no label of the format, is page layout: its cells
    are walked like any block."""
    lines: list[str] = [""]
    grids: list[list[list[GridCell]]] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _SKIP:
                walker.skip_subtree()
                continue
            if tag == "table" and grid_of.is_report_table(el):
                # a table of the report; any other table (layout, a signature block) is text
                grids.append(grid_of(el))
                lines.append("")
                walker.skip_subtree()
                if el.tail:
                    lines[-1] += el.tail
                continue
            if tag in _BLOCK or tag in ("br", "td", "th"):
                lines.append("")
            if el.text and tag:
                lines[-1] += el.text
        else:
            if tag in _BLOCK or tag in ("td", "th"):
                lines.append("")
            if el is not root and el.tail:
                lines[-1] += el.tail
    text_lines = [_ZERO_WIDTH.sub("", ln).replace("\xa0", " ").strip() for ln in lines]
    return [ln for ln in text_lines if ln], grids


def _content(body: etree._Element, grid_of: _Grids) -> etree._Element:
    """The element holding the report: the lowest common ancestor of its title, section headings
    and statistical tables (the navigation, banners and footers around it are left out)."""
    marks: list[etree._Element] = []
    for table in body.iter("table"):
        if grid_of.is_report_table(table):
            marks.append(table)
    tables = set(marks)
    for el in body.iter("h1", "h2", "h3", "h4", "p", "div", "span", "strong", "b", "td", "font"):
        if tables and next(el.iterancestors("table"), None) in tables:
            continue  # a cell of a statistical table
        own = _short_text(el, 60)
        if not own:
            continue
        if match_heading(own) is not None or ("年度报告" in own and parse_title(own)[1] is not None):
            marks.append(el)
    if len(marks) < 2:
        return body
    paths = []
    for m in marks:
        path = [m, *m.iterancestors()]
        paths.append(path[::-1])
    lca = body
    for level in zip(*paths, strict=False):
        first = level[0]
        if all(x is first for x in level):
            lca = first
        else:
            break
    return lca


def read_html(
    source: str | os.PathLike[str] | bytes | None = None,
    *,
    html: str | None = None,
    format: FormatKey | None = None,
) -> tuple[Report, list[Finding]]:
    """Read a report from its web page.

    ``source`` is a path (``str`` or ``os.PathLike``) or the bytes of a page (a ``<meta charset>``
    such as GBK is honoured); the HTML itself is passed as ``html=``. The report's content is found among the page furniture; its tables are
    expanded into grids (rowspan/colspan) and read by :func:`gov_disclosure.reading.engine.read_grids`.
    Nothing is fetched and no script runs.

    Raises :class:`~gov_disclosure.core.errors.ReadError` for a page that is not a report.
    """
    text, decoding = load_decoded(source, html, decode=_decode, reader="read_html", keyword="html")
    root = _parse(text)
    body = root.find("body")
    if body is None:
        body = root
    grid_of = _Grids()
    try:
        paragraphs, grids = _walk(_content(body, grid_of), grid_of)
    except RecursionError:  # pragma: no cover - the walk is iterative; belt and braces
        raise UnsafeFileError(E.HTML_TOO_DEEP) from None
    if not any(_has_label(g) for g in grids):
        # a page whose title sits outside the content: look at the whole page for the title
        paragraphs_all, grids = _walk(body, grid_of)
        paragraphs = paragraphs_all
    elif not any(parse_title(p)[1] is not None for p in paragraphs[:3]):
        title = _page_title(root, body)
        if title:
            paragraphs = [title, *paragraphs]
    return assemble(paragraphs, grids, format=format, findings=decoding)


def _short_text(el: etree._Element, limit: int) -> str | None:
    """An element's whole text (its spans and fonts included) when it is short, else None."""
    if len(el) > 8:
        return None
    parts: list[str] = []
    size = 0
    for t in el.itertext():
        if not isinstance(t, str):
            continue
        parts.append(t)
        size += len(t)
        if size > limit * 4:
            return None
    text = " ".join("".join(parts).split())
    return text if text and len(text) <= limit else None


def _page_title(root: etree._Element, body: etree._Element) -> str | None:
    for el in body.iter("h1", "h2", "div", "p", "td", "span", "strong"):
        own = _short_text(el, 80)
        if own and "报告" in own and parse_title(own)[1] is not None:
            return own
    title = root.find(".//title")
    if title is not None and title.text and parse_title(title.text)[1] is not None:
        return " ".join(title.text.split())
    return None
