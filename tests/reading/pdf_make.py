"""PDFs made in code for the PDF tests: a minimal PDF writer (text in the non-embedded Adobe font
STSong-Light, so no font file is needed; rectangles and lines) and a renderer that draws a report
the way WPS exports one: ruled tables whose borders are thin filled rectangles over white cell
backgrounds, merged cells, long labels wrapped, tables cut at page breaks with no border at the cut.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from lxml import html as lxml_html

from gov_disclosure import Report
from gov_disclosure.core.vocabulary import SECTIONS
from gov_disclosure.html import write_html

PAGE_HEIGHT = 842.0


@dataclass
class Page:
    """The drawing operations of one page; coordinates in points from the top-left corner."""

    width: float = 595.0
    height: float = PAGE_HEIGHT
    ops: list[bytes] = field(default_factory=list)

    def text(self, x: float, top: float, size: float, s: str, *, bold: bool = False) -> None:
        """``s`` with its top at ``top``; ``bold`` draws it twice, 0.3 pt apart (WPS's fake bold)."""
        y = self.height - top - size * 0.88
        code = s.encode("utf-16-be").hex().encode()
        for dx in (0.0, 0.3) if bold else (0.0,):
            self.ops.append(b"BT /F1 %.2f Tf %.2f %.2f Td <%s> Tj ET" % (size, x + dx, y, code))

    def fill(
        self, x: float, top: float, w: float, h: float, rgb: tuple[float, float, float] = (0, 0, 0)
    ) -> None:
        self.ops.append(
            b"%.3f %.3f %.3f rg %.2f %.2f %.2f %.2f re f" % (*rgb, x, self.height - top - h, w, h)
        )

    def line(self, x0: float, top0: float, x1: float, top1: float, width: float = 0.5) -> None:
        self.ops.append(
            b"0 0 0 RG %.2f w %.2f %.2f m %.2f %.2f l S"
            % (width, x0, self.height - top0, x1, self.height - top1)
        )

    def content(self) -> bytes:
        return b"\n".join(self.ops) + b"\n"


def build_pdf(pages: Sequence[Page], *, compress: bool = True) -> bytes:
    """A PDF of ``pages`` with a correct cross-reference table."""
    font = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        b"/DescendantFonts [4 0 R] >>"
    )
    cid = (
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 /W [1 95 500] >>"
    )
    objs: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", font, cid]
    kids: list[int] = []
    for p in pages:
        data = p.content()
        if compress:
            data = zlib.compress(data)
            objs.append(
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
            )
        else:
            objs.append(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
        objs.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.0f %.0f] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % (p.width, p.height, len(objs))
        )
        kids.append(len(objs))
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    return assemble_pdf(objs)


def assemble_pdf(objs: Sequence[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


# -- a report drawn as WPS draws it --------------------------------------------------------------

SIZE = 7.5  # points, the tables' font
LINE = 0.5  # the rulings' thickness


@dataclass
class Cell:
    row: int
    col: int
    rows: int
    cols: int
    text: str


def html_tables(report: Report) -> list[tuple[str, list[Cell]]]:
    """The report's three tables as cells with their spans (as write_html lays them out), each after
    the heading it follows."""
    root = lxml_html.document_fromstring(write_html(report))
    out: list[tuple[str, list[Cell]]] = []
    for table in root.iter("table"):
        heading = table.getprevious()
        while heading is not None and heading.tag != "h2":
            heading = heading.getprevious()
        taken: set[tuple[int, int]] = set()
        cells: list[Cell] = []
        for r, tr in enumerate(table.iter("tr")):
            c = 0
            for td in tr:
                while (r, c) in taken:
                    c += 1
                rs, cs = int(td.get("rowspan", "1")), int(td.get("colspan", "1"))
                cells.append(Cell(r, c, rs, cs, td.text_content()))
                taken.update((r + i, c + j) for i in range(rs) for j in range(cs))
                c += cs
        out.append((heading.text_content() if heading is not None else "", cells))
    return out


def _wrap(text: str, width: float, size: float) -> list[str]:
    per_line = max(1, int(width / size))
    return [text[i : i + per_line] for i in range(0, len(text), per_line)] or [""]


@dataclass
class Layout:
    """Where a report goes on its pages."""

    pages: list[Page] = field(default_factory=list)
    top: float = 0.0
    margin: float = 40.0

    def page(self) -> Page:
        return self.pages[-1]

    def new_page(self, width: float) -> None:
        self.pages.append(Page(width=width))
        self.top = self.margin

    def room(self) -> float:
        return PAGE_HEIGHT - self.margin - self.top


def draw_report(
    report: Report,
    *,
    width: float = 620.0,
    break_rows: Iterable[tuple[int, int]] = (),
    bold_labels: bool = False,
    stroked: bool = False,
    ruled: bool = True,
) -> bytes:
    """:func:`report_pages` as a PDF."""
    return build_pdf(
        report_pages(
            report, width=width, break_rows=break_rows, bold_labels=bold_labels, stroked=stroked, ruled=ruled
        )
    )


def report_pages(
    report: Report,
    *,
    width: float = 620.0,
    break_rows: Iterable[tuple[int, int]] = (),
    bold_labels: bool = False,
    stroked: bool = False,
    ruled: bool = True,
) -> list[Page]:
    """The report as WPS exports it: title, headings and prose as lines of text, each table ruled
    with thin filled rectangles (or stroked lines) over white cell backgrounds.

    ``break_rows``: (table index, row) pairs before which a page break is forced (a table cut
    there, its cells spanning the cut drawn in two parts, no ruling at the cut); tables are also
    cut where a page is full. ``bold_labels`` draws header and label text twice (fake bold).
    """
    forced = set(break_rows)
    lay = Layout()
    lay.new_page(width)

    def prose(text: str, size: float = 10.5) -> None:
        for line in _wrap(text, width - 2 * lay.margin, size):
            if lay.room() < size * 1.6:
                lay.new_page(width)
            lay.page().text(lay.margin, lay.top, size, line)
            lay.top += size * 1.6

    title = f"{report.agency}{report.year}年政府信息公开工作年度报告"
    prose(title, 16)
    tables = dict(html_tables(report))
    for sec in SECTIONS:
        prose(sec.heading, 12)
        for para in getattr(report.sections, sec.key).split("\n"):
            if para:
                prose(para)
        if sec.heading in tables:
            number = list(tables).index(sec.heading)
            rows = {r for t, r in forced if t == number}
            _draw_table(lay, tables[sec.heading], width, rows, bold_labels, stroked, ruled)
    if report.agency:
        prose(report.agency)
    if report.published_on is not None:
        d = report.published_on
        prose(f"{d.year}年{d.month}月{d.day}日")
    return lay.pages


def _draw_table(
    lay: Layout,
    cells: list[Cell],
    page_width: float,
    forced: set[int],
    bold: bool,
    stroked: bool,
    ruled: bool,
) -> None:
    n_cols = max(c.col + c.cols for c in cells)
    n_rows = max(c.row + c.rows for c in cells)
    usable = page_width - 2 * lay.margin
    # value columns narrow, label columns share the rest by their longest one-column text
    need = [0.0] * n_cols
    for c in cells:
        if c.cols == 1:
            need[c.col] = max(need[c.col], min(len(c.text), 18) * SIZE + 6)
    need = [max(n, 3 * SIZE + 6) for n in need]
    scale = usable / sum(need)
    xs = [lay.margin]
    for n in need:
        xs.append(xs[-1] + n * scale)
    heights = [SIZE * 1.4 + 6] * n_rows
    for c in cells:
        w = xs[c.col + c.cols] - xs[c.col] - 6
        lines = len(_wrap(c.text, w, SIZE))
        need_h = lines * SIZE * 1.3 + 6
        per_row = need_h / c.rows
        for r in range(c.row, c.row + c.rows):
            heights[r] = max(heights[r], per_row)
    # rows to pages: a row goes to the next page when it does not fit (or a break is forced)
    tops: list[tuple[int, float]] = []  # (page index, top) of each row
    for r in range(n_rows):
        if lay.room() < heights[r] or (r in forced and r > 0):
            lay.new_page(page_width)
        tops.append((len(lay.pages) - 1, lay.top))
        lay.top += heights[r]
    lay.top += 12
    for c in cells:
        parts: dict[int, tuple[float, float, bool, bool]] = {}  # page -> (top, bottom, cut above, below)
        for r in range(c.row, c.row + c.rows):
            p, top = tops[r]
            a, b, _, _ = parts.get(p, (top, top, False, False))
            parts[p] = (min(a, top), max(b, top + heights[r]), False, False)
        pages = sorted(parts)
        for k, p in enumerate(pages):
            top, bottom, _, _ = parts[p]
            page = lay.pages[p]
            x0, x1 = xs[c.col], xs[c.col + c.cols]
            page.fill(x0, top, x1 - x0, bottom - top, (1, 1, 1))  # the cell's white background
            edges = [
                ("l", ruled),
                ("r", ruled),
                ("t", ruled and k == 0),
                ("b", ruled and k == len(pages) - 1),
            ]
            for side, drawn in edges:
                if not drawn:
                    continue  # no ruling where the page break cuts the cell
                if stroked:
                    if side in "lr":
                        x = x0 if side == "l" else x1
                        page.line(x, top, x, bottom)
                    else:
                        y = top if side == "t" else bottom
                        page.line(x0, y, x1, y)
                elif side in "lr":
                    x = x0 if side == "l" else x1
                    page.fill(x - LINE / 2, top - LINE / 2, LINE, bottom - top + LINE)
                else:
                    y = top if side == "t" else bottom
                    page.fill(x0 - LINE / 2, y - LINE / 2, x1 - x0 + LINE, LINE)
            if k == 0 and c.text:
                lines = _wrap(c.text, x1 - x0 - 6, SIZE)
                is_label = not c.text.replace(".", "").isdigit()
                for n, line in enumerate(lines):
                    page.text(x0 + 3, top + 3 + n * SIZE * 1.3, SIZE, line, bold=bold and is_label)
