"""Ruled tables read cell by cell from a PDF page's geometry.

A PDF keeps no tables, only what is drawn: every character with its position, and the table's
ruling lines (stroked lines, or thin filled rectangles as WPS and Word draw them). This module
turns one page's characters and rulings into :data:`~gov_disclosure.tables.Grid` s, the rows of
cells the one table engine reads:

- rulings lying on one line within :data:`SNAP` points are one ruling, pieces of it with gaps up
  to :data:`JOIN` points are joined, and rulings that touch make one table;
- the table's columns and rows are cut at every ruling's position; two neighbouring positions
  with no ruling between them belong to one (merged) cell, which appears once with its text and
  is repeated with ``continued=True`` over the other positions it covers, as the DOCX and HTML
  readers do with spans;
- a position holding no character is a blank cell (empty text): it is located, never dropped;
- a table cut by a page break (no ruling at the cut) is closed at the page's end, and the part on
  the next page, when its columns are the same, is joined to it (:func:`join_pages`): a label
  cell cut in two is one merged cell.

Nothing here reads a file: :mod:`gov_disclosure.pdf._pages` turns the file's pages into
:class:`Page` s. The geometry is plain data, so the algorithm is tested with pages made in code.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Final, TypeAlias

import attrs

from ..core.messages import Message
from ..core.messages import errors as E
from ..reading.engine import Grid, GridCell, is_report_grid, is_value_text

__all__ = [
    "JOIN",
    "MAX_POSITIONS",
    "MAX_RULINGS",
    "SNAP",
    "Char",
    "Page",
    "PageTables",
    "Ruling",
    "Table",
    "TooComplexError",
    "join_pages",
    "lines_of",
    "page_tables",
]

#: rulings this close (points) across their direction lie on one line
SNAP: Final = 2.0
#: pieces of one ruling with gaps up to this (points) are one ruling
JOIN: Final = 2.5
#: how far (points) a ruling may stop short of another and still meet it
TOUCH: Final = 2.5
#: rulings shorter than this (points) are ticks, not table lines
MIN_LENGTH: Final = 3.0
#: merged rulings on one page; a page drawing more is not read from its geometry
MAX_RULINGS: Final = 1500
#: positions (rows x columns) of all tables of one page
MAX_POSITIONS: Final = 40_000


class TooComplexError(Exception):
    """A page draws more than the geometry reader will look at (a hostile or a drawing-heavy page).
    ``msg`` and ``params`` say why, in both languages."""

    def __init__(self, msg: Message, **params: object) -> None:
        self.msg = msg
        self.params = params
        super().__init__(msg("en", **params))

    def both(self) -> tuple[str, str]:
        """Why, in English and in Chinese."""
        return self.msg.both(**self.params)


@attrs.frozen
class Char:
    """A character, its box and its baseline in page coordinates (points; y downwards)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float  #: the baseline: characters of one line share it

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@attrs.frozen
class Ruling:
    """A straight horizontal or vertical line: ``at`` is its y (horizontal) or x (vertical),
    ``start`` < ``end`` its extent along its direction."""

    vertical: bool
    at: float
    start: float
    end: float


@attrs.define
class Page:
    """What the geometry reader needs of one page (``number`` from 1)."""

    number: int
    chars: list[Char]
    rulings: list[Ruling]
    #: whether the page's drawing was looked at for rulings (only pages that may hold tables are)
    looked: bool = True
    #: why its drawing was not read (over a limit), if so
    problem: TooComplexError | None = None


@attrs.frozen
class Table:
    """A ruled table of one page: its box, its grid and, for every position, the first position
    (row, column) of the cell covering it and how many rows that cell spans."""

    page: int
    number: int  #: on its page, from 1, top to bottom
    bbox: tuple[float, float, float, float]  #: x0, top, x1, bottom
    xs: tuple[float, ...]  #: column boundaries
    grid: list[list[GridCell]]
    origin: list[list[tuple[int, int]]]
    row_span: list[list[int]]


@attrs.frozen
class PageTables:
    """A page's report tables and the lines of its text outside them."""

    tables: list[Table]
    lines: list[str]


# -- rulings ---------------------------------------------------------------------------------------


def _clusters(values: Sequence[float], tolerance: float) -> list[float]:
    """Sorted representative values: values within ``tolerance`` of a cluster's first are one."""
    out: list[float] = []
    group: list[float] = []
    for v in sorted(values):
        if group and v - group[0] > tolerance:
            out.append(sum(group) / len(group))
            group = []
        group.append(v)
    if group:
        out.append(sum(group) / len(group))
    return out


def _nearest(sorted_values: Sequence[float], v: float) -> int:
    i = bisect.bisect_left(sorted_values, v)
    if i == len(sorted_values):
        return i - 1
    if i > 0 and v - sorted_values[i - 1] < sorted_values[i] - v:
        return i - 1
    return i


def merge_rulings(rulings: Iterable[Ruling]) -> list[Ruling]:
    """Rulings on one line snapped together, their pieces joined, ticks dropped."""
    out: list[Ruling] = []
    for vertical in (False, True):
        same = [r for r in rulings if r.vertical is vertical]
        if not same:
            continue
        lines = _clusters([r.at for r in same], SNAP)
        by_line: dict[int, list[Ruling]] = {}
        for r in same:
            by_line.setdefault(_nearest(lines, r.at), []).append(r)
        for k, group in by_line.items():
            group.sort(key=lambda r: r.start)
            start, end = group[0].start, group[0].end
            for r in group[1:]:
                if r.start <= end + JOIN:
                    end = max(end, r.end)
                else:
                    if end - start >= MIN_LENGTH:
                        out.append(Ruling(vertical, lines[k], start, end))
                    start, end = r.start, r.end
            if end - start >= MIN_LENGTH:
                out.append(Ruling(vertical, lines[k], start, end))
    return out


def _touch(v: Ruling, h: Ruling) -> bool:
    return h.start - TOUCH <= v.at <= h.end + TOUCH and v.start - TOUCH <= h.at <= v.end + TOUCH


def _groups(rulings: Sequence[Ruling]) -> list[list[Ruling]]:
    """Rulings that touch one another (directly or through others): one group per table."""
    parent = list(range(len(rulings)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    vs = [i for i, r in enumerate(rulings) if r.vertical]
    hs = sorted((i for i, r in enumerate(rulings) if not r.vertical), key=lambda i: rulings[i].at)
    h_at = [rulings[i].at for i in hs]
    for i in vs:
        v = rulings[i]
        # only the horizontals within the vertical's extent can touch it
        lo = bisect.bisect_left(h_at, v.start - TOUCH)
        hi = bisect.bisect_right(h_at, v.end + TOUCH)
        for j in hs[lo:hi]:
            if _touch(v, rulings[j]):
                a, b = find(i), find(j)
                if a != b:
                    parent[a] = b
    groups: dict[int, list[Ruling]] = {}
    for i, r in enumerate(rulings):
        groups.setdefault(find(i), []).append(r)
    return list(groups.values())


# -- tables ----------------------------------------------------------------------------------------


def _covered(rulings: Sequence[Ruling], lo: float, hi: float) -> bool:
    """Whether rulings on one line cover most of the stretch lo..hi (a border between cells)."""
    if hi <= lo:
        return True
    covered = sum(max(0.0, min(r.end, hi) - max(r.start, lo)) for r in rulings)
    return covered >= 0.5 * (hi - lo)


def _table_of(
    group: Sequence[Ruling], page: int, budget: list[int]
) -> tuple[list[list[tuple[int, int, int, int]]], tuple[float, ...], tuple[float, ...]] | None:
    """The cells of one group of rulings: for every position the (row, column, rows, columns) of
    the cell covering it, and the column and row boundaries. None when the rulings make no table
    (fewer than two rows or columns)."""
    vs = [r for r in group if r.vertical]
    hs = [r for r in group if not r.vertical]
    if len(vs) < 2 or not hs:
        return None  # (one horizontal ruling is enough: a row cut at a page break has only one)
    xs = tuple(_clusters([r.at for r in vs] + [min(r.start for r in hs), max(r.end for r in hs)], SNAP))
    ys = tuple(_clusters([r.at for r in hs] + [min(r.start for r in vs), max(r.end for r in vs)], SNAP))
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    if n_rows < 1 or n_cols < 1:
        return None
    budget[0] -= n_rows * n_cols
    if budget[0] < 0:
        raise TooComplexError(E.PDF_PAGE_POSITIONS, page=page, limit=MAX_POSITIONS)
    v_at: dict[int, list[Ruling]] = {}
    for r in vs:
        v_at.setdefault(_nearest(xs, r.at), []).append(r)
    h_at: dict[int, list[Ruling]] = {}
    for r in hs:
        h_at.setdefault(_nearest(ys, r.at), []).append(r)

    parent = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(n_rows):
        for j in range(n_cols):
            here = i * n_cols + j
            if j + 1 < n_cols and not _covered(v_at.get(j + 1, ()), ys[i], ys[i + 1]):
                a, b = find(here), find(here + 1)
                if a != b:
                    parent[b] = a
            if i + 1 < n_rows and not _covered(h_at.get(i + 1, ()), xs[j], xs[j + 1]):
                a, b = find(here), find(here + n_cols)
                if a != b:
                    parent[b] = a
    members: dict[int, list[tuple[int, int]]] = {}
    for i in range(n_rows):
        for j in range(n_cols):
            members.setdefault(find(i * n_cols + j), []).append((i, j))
    cell: list[list[tuple[int, int, int, int]]] = [
        [(i, j, 1, 1) for j in range(n_cols)] for i in range(n_rows)
    ]
    for positions in members.values():
        r0 = min(p[0] for p in positions)
        r1 = max(p[0] for p in positions)
        c0 = min(p[1] for p in positions)
        c1 = max(p[1] for p in positions)
        if len(positions) == (r1 - r0 + 1) * (c1 - c0 + 1):
            for i, j in positions:
                cell[i][j] = (r0, c0, r1 - r0 + 1, c1 - c0 + 1)
        # else: not a rectangle (a ruling missing in the middle of the table, or space around
        # a table of irregular outline): each position stays a cell of its own
    return cell, xs, ys


def _text(chars: Sequence[Char]) -> str:
    """The text of characters in one box: lines top to bottom (characters on one baseline),
    characters left to right; a space where characters stand apart, as between two numbers."""
    lines: list[list[Char]] = []
    height = 1.0
    for c in sorted(chars, key=lambda c: c.base):
        h = max(c.bottom - c.top, 1.0)
        if lines and abs(c.base - lines[-1][0].base) <= 0.5 * max(height, h):
            lines[-1].append(c)
            height = max(height, h)
            continue
        lines.append([c])
        height = h
    out: list[str] = []
    for line in lines:
        line.sort(key=lambda c: c.x0)
        parts: list[str] = []
        prev: Char | None = None
        for c in line:
            # Chinese needs no space where characters stand a little apart (justified text);
            # letters and numbers do (two numbers are never one). Text standing far apart (a
            # column of its own) is set off by two spaces, as pdftotext -layout aligns columns.
            if prev is not None and " " not in (c.text, prev.text):
                gap = c.x0 - prev.x1
                height = max(c.bottom - c.top, prev.bottom - prev.top, 1.0)
                if gap > height:
                    parts.append("  ")
                elif gap > 0.3 * height and not _wide(prev.text) and not _wide(c.text):
                    parts.append(" ")
            parts.append(c.text)
            prev = c
        text = _SPACES.sub("  ", _BLANK.sub(" ", "".join(parts)).strip())
        if text:
            out.append(text)
    return "\n".join(out)


_BLANK = re.compile(r"[^\S\n]")  # any space character (NBSP, ideographic space) as a space
_SPACES = re.compile(r" {3,}")


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _in_box(c: Char, box: tuple[float, float, float, float]) -> bool:
    return box[0] <= c.cx < box[2] and box[1] <= c.cy < box[3]


_Found: TypeAlias = tuple[
    tuple[float, float, float, float],
    list[list[tuple[int, int, int, int]]],
    tuple[float, ...],
    tuple[float, ...],
]


def page_tables(page: Page, previous: Table | None = None) -> PageTables:
    """The report tables of a page and the lines of the page's text outside them.

    A report table holds labels of the format; a frame around the text or a layout table is text.
    ``previous`` is the last report table of the page before: the first table of this page, when
    it has the same columns, continues it even without a label of its own (the appeals values
    alone on the next page).
    """
    rulings = merge_rulings(page.rulings)
    if len(rulings) > MAX_RULINGS:
        raise TooComplexError(E.PDF_PAGE_RULINGS, page=page.number, n=len(rulings), limit=MAX_RULINGS)
    budget = [MAX_POSITIONS]
    found: list[_Found] = []
    for group in _groups(rulings):
        made = _table_of(group, page.number, budget)
        if made is None:
            continue
        cell, xs, ys = made
        found.append(((xs[0], ys[0], xs[-1], ys[-1]), cell, xs, ys))
    # a character belongs to the smallest table box holding it (a table drawn inside a frame)
    found.sort(key=lambda t: (t[0][2] - t[0][0]) * (t[0][3] - t[0][1]))
    owned: list[list[Char]] = [[] for _ in found]
    free: list[Char] = []
    for c in page.chars:
        for k, t in enumerate(found):
            if _in_box(c, t[0]):
                owned[k].append(c)
                break
        else:
            free.append(c)
    order = sorted(range(len(found)), key=lambda k: (found[k][0][1], found[k][0][0]))
    tables: list[Table] = []
    for n, k in enumerate(order):
        box, cell, xs, ys = found[k]
        # numbered as kept: a table left out leaves its number to the next
        grid, origin, row_span = _grid(cell, xs, ys, owned[k], page.number, len(tables) + 1)
        table = Table(page.number, len(tables) + 1, box, xs, grid, origin, row_span)
        continues = (
            n == 0
            and previous is not None
            and previous.page + 1 == page.number
            and _same_columns(previous, table)
        )
        if len(cell) * len(cell[0]) <= 1 or not (continues or is_report_grid(grid)):
            free.extend(owned[k])  # a frame or a layout table: its text is the page's text
            continue
        tables.append(table)
    return PageTables(tables, lines_of(free))


def _grid(
    cell: list[list[tuple[int, int, int, int]]],
    xs: Sequence[float],
    ys: Sequence[float],
    chars: Sequence[Char],
    page: int,
    number: int,
) -> tuple[list[list[GridCell]], list[list[tuple[int, int]]], list[list[int]]]:
    n_rows, n_cols = len(cell), len(cell[0])
    buckets: dict[tuple[int, int], list[Char]] = {}
    for c in chars:
        i = bisect.bisect_right(ys, c.cy) - 1
        j = bisect.bisect_right(xs, c.cx) - 1
        if 0 <= i < n_rows and 0 <= j < n_cols:
            r0, c0, _, _ = cell[i][j]
            buckets.setdefault((r0, c0), []).append(c)
    texts = {key: _text(cs) for key, cs in buckets.items()}
    grid: list[list[GridCell]] = []
    origin: list[list[tuple[int, int]]] = []
    row_span: list[list[int]] = []
    for i in range(n_rows):
        row: list[GridCell] = []
        for j in range(n_cols):
            r0, c0, _, _ = cell[i][j]
            text = texts.get((r0, c0), "")
            source = f"page {page}, table {number}, row {i + 1}, cell {j + 1}"
            row.append(GridCell(text, source, (r0, c0) != (i, j)))
        grid.append(row)
        origin.append([(cell[i][j][0], cell[i][j][1]) for j in range(n_cols)])
        row_span.append([cell[i][j][2] for j in range(n_cols)])
    return grid, origin, row_span


# -- text outside the tables -----------------------------------------------------------------------


def lines_of(chars: Iterable[Char]) -> list[str]:
    """The lines of a page's text, top to bottom."""
    return [ln for ln in _text(list(chars)).split("\n") if ln]


# -- tables continued over a page break ------------------------------------------------------------


def _same_columns(a: Table, b: Table) -> bool:
    return len(a.xs) == len(b.xs) and all(abs(x - y) <= 2 * SNAP for x, y in zip(a.xs, b.xs, strict=True))


def join_pages(pages: Sequence[PageTables]) -> list[tuple[int, Grid]]:
    """The grids of the report tables of the given pages (in page order), each with the number of
    the page it starts on; a table continued on the next page (the last table of a page and the
    first of the next, with the same columns) is joined into one grid.

    Where the break cuts a label cell (a label spanning rows on either side and nothing under it on
    the next page), the part on the next page is that cell, continued: it gets its text and
    ``continued=True``. A blank cell under a one-row cell stays blank.
    """
    out: list[tuple[int, list[list[GridCell]]]] = []
    last: Table | None = None
    for pt in pages:
        for n, t in enumerate(pt.tables):
            if n == 0 and last is not None and last.page + 1 == t.page and _same_columns(last, t):
                out[-1][1].extend(_continue(last, t))
            else:
                out.append((t.page, [list(r) for r in t.grid]))
        if pt.tables:
            last = pt.tables[-1]
    return list(out)


def _continue(above: Table, below: Table) -> list[list[GridCell]]:
    grid = [list(r) for r in below.grid]
    top = above.grid[-1]
    for j, cell in enumerate(grid[0]):
        if cell.continued or cell.text.strip():
            continue
        over = top[j]
        if not over.text.strip() or is_value_text(over.text):
            continue
        oi, oj = above.origin[-1][j]
        if above.row_span[oi][oj] < 2 and below.row_span[0][j] < 2:
            continue  # a blank label under a one-row label: the row's own label is missing
        for i, row in enumerate(below.origin):
            for jj, o in enumerate(row):
                if o == (0, j):
                    grid[i][jj] = GridCell(over.text, grid[i][jj].source, True)
    return grid
