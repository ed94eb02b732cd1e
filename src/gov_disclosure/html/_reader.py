"""Reading a report from its web page: content found among the page furniture, tables expanded
into grids (rowspan/colspan), then the shared table engine."""

from __future__ import annotations

import os
import re
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
from ..reading.htmltable import MAX_CELLS, MAX_SPAN, SKIP, TableGrids
from ..reading.load import decode, load_decoded
from ..reading.meta import assemble, match_heading, parse_title

__all__ = ["MAX_CELLS", "MAX_SPAN", "read_html"]

#: characters of HTML
MAX_HTML_CHARS: Final = 32 * 1024 * 1024
#: levels of nesting of a page (libxml2's limit with huge_tree; a deeper page is refused)
MAX_DEPTH: Final = 2048

_SKIP: Final = SKIP
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


def _has_label(grid: Grid) -> bool:
    return is_report_grid(grid)


_Grids = TableGrids


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
