"""Reading a report from plain text (text pulled out of Word/PDF files, or pasted from a page)."""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Sequence
from functools import lru_cache
from typing import Final, Literal, TypeAlias

import attrs

from ..core.errors import FileTooLargeError, ReadError
from ..core.findings import Finding
from ..core.messages import errors as E
from ..core.model import Report
from ..core.vocabulary import FORMATS, FormatKey
from ..reading import glued
from ..reading.engine import (
    GridCell,
    decompose_label,
    is_label_piece,
    is_value_text,
    label_prefix,
    match_label,
)
from ..reading.load import load_decoded
from ..reading.meta import assemble, match_heading, section_spans

__all__ = ["MAX_CELLS", "MAX_LINES", "MAX_TEXT_CHARS", "TextTable", "find_text_tables", "read_text", "text_tables"]

#: texts longer than this are refused (a report is some tens of kilobytes)
MAX_TEXT_CHARS: Final = 8 * 1024 * 1024
#: lines, likewise (a report with its tables flattened one cell per line has a few thousand)
MAX_LINES: Final = 50_000
#: cells of all flattened tables together
MAX_CELLS: Final = 200_000
#: lines longer than this are prose or garbage, never a table line
_MAX_CELL_LINE: Final = 400

Layout: TypeAlias = Literal["tsv", "cells", "lines", "spaced", "glued"]
_TABLE_SECTIONS: Final = ("proactive", "applications", "appeals")
_GAP: Final = re.compile(r"\s{2,}")
_CELL_GAP: Final = re.compile(r"\t|\s{2,}")
_ALIGNED: Final = re.compile(r"\S\s{2,}\S")
_UNITS: Final = ("万元", "元", "件", "个", "项")
#: how many label pieces before / after a row's values may make up its label (wrapped labels)
_BEFORE, _AFTER = 6, 4


@lru_cache(maxsize=16384)
def _is_label(text: str) -> bool:
    return (
        any(match_label(text, f) for f in FORMATS)
        or label_prefix(text)
        or any(decompose_label(text, f) for f in FORMATS)
    )


def _is_table_line(line: str) -> bool:
    """A line that belongs to a flattened table: tab-separated cells, a value or a label, or cells
    aligned by spaces (pdftotext -layout)."""
    if len(line) > _MAX_CELL_LINE:
        # a whole table run together on one line (crawler text of a page without line breaks)
        return "\t" not in line and glued.is_run_together(line)
    if "\t" in line.strip(" "):
        return True
    s = line.strip()
    if not s:
        return False
    if is_value_text(s) or _is_label(s) or (len(s) <= 20 and is_label_piece(s)):
        return True
    if glued.is_run_together(s) or glued.is_label_line(s):
        return True  # cells run together: 规章000, 信息内容本年制发件数本年废止件数现行有效件数
    tokens = s.split()
    if len(tokens) >= 2 and all(is_value_text(t) for t in tokens):
        return True  # neighbouring cells on one line (6338 5398), as plain pdftotext joins them
    if len(tokens) >= 2 and is_value_text(tokens[-1]):
        # a label and its values on one line, single-spaced (行政事业性收费 0)
        k = next(i for i, t in enumerate(tokens) if is_value_text(t))
        if all(is_value_text(t) for t in tokens[k:]) and _is_label("".join(tokens[:k])):
            return True
    parts = _GAP.split(s)
    return len(parts) >= 2 and not s.endswith("。") and any(is_value_text(p) or _is_label(p) for p in parts)


def _regions(lines: Sequence[str], barriers: Collection[int] = frozenset()) -> list[tuple[int, int]]:
    """Where the tables are: (start, end) line ranges, end exclusive. A barrier line (standing for
    something else, such as a Markdown table) ends a range and is never in one."""
    spans, _ = section_spans(lines)
    areas = [(sp.body, sp.end) for sp in spans if sp.key in _TABLE_SECTIONS]
    if not areas:
        return _regions_anywhere(lines, barriers)
    out: list[tuple[int, int]] = []
    for a, b in areas:
        table_lines = [
            i
            for i in range(a, b)
            if i not in barriers and _is_table_line(lines[i]) and match_heading(lines[i]) is None
        ]
        if not table_lines:
            continue
        start = prev = table_lines[0]
        for i in table_lines[1:]:
            if barriers and any(prev < k < i for k in barriers):
                out.append((start, prev + 1))
                start = i
            prev = i
        out.append((start, prev + 1))
    if not out:
        # the tables are not under their headings (a heading missing): look everywhere
        return _regions_anywhere(lines, barriers)
    # a table under another section's heading (a heading-like line quoted in the text before it):
    # a run of table lines there that holds a label of the format is a table too, never prose
    others = [(sp.body, sp.end) for sp in spans if sp.key not in _TABLE_SECTIONS]
    others.append((0, spans[0].start))
    for a, b in others:
        inside = {k - a for k in barriers if a <= k < b}
        for start, end in _regions_anywhere(lines[a:b], inside):
            if any(_has_row_label(line) for line in lines[a + start : a + end]):
                out.append((a + start, a + end))
    return sorted(out)


def _has_row_label(line: str) -> bool:
    """A line holding a label of a table that is not a column label (those are common words:
    其他, 总计), alone or among its cells."""
    parts = _CELL_GAP.split(line.strip()) if len(line) <= _MAX_CELL_LINE else []
    return any(m.kind != "column" for part in parts for f in FORMATS for m in match_label(part, f))


def _regions_anywhere(lines: Sequence[str], barriers: Collection[int] = frozenset()) -> list[tuple[int, int]]:
    """Runs of table lines anywhere (a blank line does not end a run; a sentence or a barrier does)."""
    out: list[tuple[int, int]] = []
    start: int | None = None
    last = -1
    for i, line in enumerate(lines):
        if i in barriers:
            if start is not None:
                out.append((start, last + 1))
                start = None
            continue
        if not line.strip():
            continue
        if _is_table_line(line) and match_heading(line) is None:
            if start is None:
                start = i
            last = i
        elif start is not None and (len(line.strip()) > 25 or line.strip().endswith("。")):
            # a sentence ends the table; a short line may be a piece of a wrapped label
            out.append((start, last + 1))
            start = None
    if start is not None:
        out.append((start, last + 1))
    # a single stray line (a number in the prose) is no table
    return [(a, b) for a, b in out if b - a >= 3]


def _layout(lines: Sequence[str]) -> Layout:
    non_blank = [ln for ln in lines if ln.strip()]
    if not non_blank:
        return "lines"
    tsv = sum(1 for ln in non_blank if "\t" in ln.strip(" ").lstrip("\t").rstrip("\t") or ln.count("\t") > 1)
    if tsv * 3 >= len(non_blank):
        return "tsv"
    if sum(1 for ln in non_blank if ln.startswith("\t")) * 2 >= len(non_blank):
        return "cells"
    run_together = sum(1 for ln in non_blank if glued.is_run_together(ln))
    evidence = run_together + sum(1 for ln in non_blank if glued.is_label_line(ln))
    if evidence and evidence * 2 >= len(non_blank):
        return "glued"
    if sum(1 for ln in non_blank if _ALIGNED.search(ln.strip())) * 4 >= len(non_blank):
        return "spaced"
    return "lines"


def _rows(lines: Sequence[str], first: int, layout: Layout) -> tuple[list[list[GridCell]], bool]:
    """Rows of cells from the lines of one table region (``first``: index of its first line), and
    whether their order is only the extractor's (one cell per block, as plain pdftotext writes)."""
    rows: list[list[GridCell]] = []
    if layout == "tsv":
        for i, line in enumerate(lines):
            if not line.strip():
                continue
            fields = line.split("\t")
            row: list[GridCell] = []
            leading = True
            for j, f in enumerate(fields):
                leading = leading and f == ""
                # empty fields at the start of a line stand for cells merged from above
                row.append(GridCell(f, f"line {first + i + 1}, field {j + 1}", leading))
            rows.append(row)
        return rows, False
    if layout == "cells":
        cells_row: list[GridCell] = []
        for i, line in enumerate(lines):
            src = f"line {first + i + 1}"
            if line.startswith("\t"):
                cells_row.append(GridCell(line[1:], src))
            elif line.strip():
                if cells_row:
                    last = cells_row[-1]
                    cells_row[-1] = GridCell(last.text + "\n" + line, last.source, last.continued)
                else:
                    cells_row.append(GridCell(line, src))
            elif cells_row:
                rows.append(cells_row)
                cells_row = []
        if cells_row:
            rows.append(cells_row)
        return rows, False
    if layout == "spaced":
        return _spaced_rows(lines, first), False
    if layout == "glued":
        return [row for i, line in enumerate(lines) for row in glued.rows(line, f"line {first + i + 1}")], False
    # one cell per line, blank lines for empty cells: a row is label lines + the lines after them.
    # When (nearly) every line is followed by a blank one, the blank lines only separate blocks
    # (pdftotext without -layout): empty cells cannot be told (such rows will not fit, GD105), and
    # the blocks come in the extractor's reading order, which in a wide table is often column by
    # column: the engine then keeps a table only when its reading confirms itself (GD108 if not).
    content = [i for i, ln in enumerate(lines) if ln.strip()]
    separated = sum(1 for i in content if i + 1 < len(lines) and not lines[i + 1].strip())
    blocks = len(content) > 4 and separated * 5 >= len(content) * 3
    cur: list[GridCell] = []
    in_values = False
    for i, line in enumerate(lines):
        src = f"line {first + i + 1}"
        if blocks and not line.strip():
            continue
        value = is_value_text(line)
        if not value and " " in line.strip() and not _is_label(line):
            # several cells on one line (本年制发件数 本年废止件数 现行有效件数, or 6338 5398)
            tokens = line.split()
            if all(is_value_text(t) for t in tokens):
                cur.extend(GridCell(t, src) for t in tokens)
                in_values = True
                continue
            if in_values and cur:
                rows.append(cur)
                cur = []
            cur.extend(GridCell(t, src) for t in tokens)
            # a label with its values on one line (行政许可 97): the row ends with them
            in_values = is_value_text(tokens[-1])
            continue
        if not value and in_values and cur:
            rows.append(cur)
            cur = []
        in_values = value
        cur.append(GridCell(line.strip(), src))
    if cur:
        rows.append(cur)
    return rows, blocks


def read_text(
    source: str | os.PathLike[str] | bytes | None = None,
    *,
    text: str | None = None,
    format: FormatKey | None = None,
) -> tuple[Report, list[Finding]]:
    """Read a report from extracted plain text.

    ``source`` is a path (``str`` or ``os.PathLike``) or the bytes of a file (UTF-8, UTF-16 with a
    BOM, or GB18030); the text itself is passed as ``text=``. Tables may be flattened one cell per
    line (blank lines for empty cells), one cell per tab-led line with rows separated by blank
    lines, tab-separated, aligned by spaces (``pdftotext -layout``), or with the cells run together
    as a crawler's ``get_text()`` leaves them (``1.属于国家秘密0000000``; split only where certain:
    :mod:`gov_disclosure.reading.runs`).

    Returns the report and the reader's findings. Raises
    :class:`~gov_disclosure.core.errors.ReadError` for text that is not a report at all and
    :class:`~gov_disclosure.core.errors.FileTooLargeError` above :data:`MAX_TEXT_CHARS`.
    """
    text, decoding = load_decoded(source, text, reader="read_text")
    if len(text) > MAX_TEXT_CHARS:
        raise FileTooLargeError(E.TEXT_TOO_LARGE, n=len(text), limit=MAX_TEXT_CHARS)
    if "\x00" in text:
        raise ReadError(E.TEXT_NUL)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if len(lines) > MAX_LINES:
        raise FileTooLargeError(E.TEXT_TOO_MANY_LINES, n=len(lines), limit=MAX_LINES)
    tables = find_text_tables(lines)
    grids = [t.grid for t in tables]
    unordered = [n for n, t in enumerate(tables) if t.flow]
    return assemble(_outside(lines, tables), grids, format=format, unordered=unordered, findings=decoding)


@attrs.frozen
class TextTable:
    """A table found in lines of text: the lines ``start`` to ``end`` (exclusive) as a grid;
    ``flow`` when its cells are in the extractor's order (see :func:`read_grids`'s ``unordered``)."""

    start: int
    end: int
    grid: list[list[GridCell]]
    flow: bool


def find_text_tables(lines: Sequence[str], barriers: Collection[int] = frozenset()) -> list[TextTable]:
    """The tables flattened into ``lines`` (in order), for :func:`read_text` and for readers of formats
    that mix text with tables of their own (Markdown): a ``barrier`` line stands for such a table,
    ends a text table and is never part of one. Raises :class:`FileTooLargeError` above
    :data:`MAX_CELLS` cells."""
    out: list[TextTable] = []
    cells = 0
    for a, b in _regions(lines, barriers):
        region = lines[a:b]
        grid, flow = _rows(region, a, _layout(region))
        cells += sum(len(row) for row in grid)
        if cells > MAX_CELLS:
            raise FileTooLargeError(E.TOO_MANY_CELLS, limit=MAX_CELLS)
        out.append(TextTable(a, b, grid, flow))
    return out


def _outside(lines: Sequence[str], tables: Sequence[TextTable]) -> list[str]:
    in_table = [False] * len(lines)
    for t in tables:
        for i in range(t.start, t.end):
            in_table[i] = True
    return [ln for ln, t in zip(lines, in_table, strict=True) if not t]


def text_tables(lines: Sequence[str]) -> tuple[list[str], list[tuple[int, list[list[GridCell]]]]]:
    """The lines outside the tables, and the tables found among ``lines`` as grids, each with the
    index of its first line (:func:`find_text_tables` also says where each ends and whether its
    cells are in the extractor's order). Raises :class:`~gov_disclosure.errors.FileTooLargeError`
    above :data:`MAX_CELLS`."""
    tables = find_text_tables(lines)
    return _outside(lines, tables), [(t.start, t.grid) for t in tables]


# -- cells aligned by spaces (pdftotext -layout) ------------------------------------------------


def _tokens(line: str) -> list[str]:
    """A line's cells: runs of 2+ spaces separate cells; inside a cell that is not a number, single
    spaces separate pieces of labels; a unit after a number (9766783 万元) stays with it."""
    out: list[str] = []
    for part in _GAP.split(line.strip()):
        if not part:
            continue
        pieces = part.split()
        for piece in pieces:
            if out and piece in _UNITS and out[-1] and out[-1][-1].isdigit():
                out[-1] += piece
            else:
                out.append(piece)
    return out


def _row_label(text: str) -> bool:
    return any(m.kind == "row" for f in FORMATS for m in match_label(text, f))


def _grows(text: str) -> bool:
    return _row_label(text) or label_prefix(text)


def _claim(seq: Sequence[str], last_start: int) -> tuple[str, list[int]] | None:
    """The longest row label made of pieces of ``seq`` in order, starting at or before
    ``last_start``; pieces that do not continue the label (group labels interleaved by the
    layout: 其他处 / 理) are skipped. Returns the label and the indices used."""
    best: tuple[str, list[int]] | None = None
    for start in range(min(last_start, len(seq) - 1), -1, -1):
        text = seq[start]
        if not _grows(text):
            continue
        used = [start]
        found = (text, list(used)) if _row_label(text) else None
        for k in range(start + 1, len(seq)):
            longer = text + seq[k]
            if _grows(longer):
                text = longer
                used.append(k)
                if _row_label(text):
                    found = (text, list(used))
        if found and (best is None or len(found[0]) > len(best[0])):
            best = found
    return best


_Parsed: TypeAlias = list[tuple[str, list[str], list[str]]]
#: a page number on a line of its own, as printed in the footer: — 2 —, - 2 -, 第2页, 第 2 页 共 5 页
_PAGE_NUMBER: Final = re.compile(
    r"^\f?\s*(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?)\s*$"
)


def _ahead(parsed: _Parsed, k: int) -> list[tuple[int, int]]:
    """(line, piece) of the label pieces on the label-only lines below line ``k``."""
    out: list[tuple[int, int]] = []
    for j in range(k + 1, min(k + 1 + _AFTER, len(parsed))):
        if parsed[j][2]:
            break
        out.extend((j, n) for n in range(len(parsed[j][1])))
    return out


def _labelled_from_own_line(parsed: _Parsed, k: int) -> bool:
    """Whether the next line of values after line ``k`` (if any) finds a row label on its own line
    or on the label-only lines below it, without the lines between it and ``k``."""
    nxt = next((j for j in range(k + 1, len(parsed)) if parsed[j][2]), None)
    if nxt is None:
        return True
    seq = parsed[nxt][1] + [parsed[j][1][n] for j, n in _ahead(parsed, nxt)]
    return bool(seq) and _claim(seq, len(seq) - 1) is not None


def _spaced_rows(lines: Sequence[str], first: int) -> list[list[GridCell]]:
    """Rows from a table laid out by spaces, where a long label wraps over the lines above and
    below its values. A row's label is the longest label of the format that nearby label pieces
    make, in order; pieces nobody claims go into label-only rows (headers, group labels)."""
    parsed: _Parsed = []  # (source, label pieces, values)
    for i, line in enumerate(lines):
        if not line.strip() or _PAGE_NUMBER.match(line):  # a table running over a page break
            continue
        toks = _tokens(line)
        values = [t for t in toks if is_value_text(t)]
        labels = [t for t in toks if not is_value_text(t)]
        parsed.append((f"line {first + i + 1}", labels, values))

    rows: list[list[GridCell]] = []
    pending: list[tuple[str, str]] = []  # (text, source) of label pieces not yet claimed
    unlabeled_above = False  # the previous line of values got no label
    for k, (src, labels, values) in enumerate(parsed):
        if not values:
            pending.extend((t, src) for t in labels)
            continue
        ahead = _ahead(parsed, k)
        before = pending[-_BEFORE:]
        seq = [t for t, _ in before] + labels + [parsed[j][1][n] for j, n in ahead]
        claim = _claim(seq, len(before) + len(labels) - 1) if seq else None
        own = range(len(before), len(before) + len(labels))
        if (
            claim is not None
            and unlabeled_above
            and claim[1][0] < len(before)
            and not any(n in own for n in claim[1])
        ):
            # a label starting on the lines between two lines of values, none of it beside these,
            # and the values above unlabeled: it may be either's, so it is nobody's (a finding)
            claim = None
        if claim is None and ahead:
            # values beside a group label, their row label on the line(s) below: theirs when the
            # next line of values has a label of its own (on its line or below it)
            below = _claim(labels + [parsed[j][1][n] for j, n in ahead], len(labels) + len(ahead) - 1)
            if below is not None and below[1][-1] >= len(labels) and _labelled_from_own_line(parsed, k):
                claim = (below[0], [n + len(before) for n in below[1]])
        unlabeled_above = claim is None
        value_cells = [GridCell(v, src) for v in values]
        if claim is None:
            if pending:
                rows.append([GridCell(t, s_) for t, s_ in pending])
                pending.clear()
            rows.append([*(GridCell(t, src) for t in labels), *value_cells])
            continue
        text, used = claim
        used_set = set(used)
        n_pending = len(pending) - len(before)
        left = (
            pending[:n_pending]
            + [p for n, p in enumerate(before) if n not in used_set]
            + [(t, src) for n, t in enumerate(labels) if len(before) + n not in used_set]
        )
        if left:
            rows.append([GridCell(t, s_) for t, s_ in left])
        first_used = used[0]
        label_src = before[first_used][1] if first_used < len(before) else src
        rows.append([GridCell(text, label_src), *value_cells])
        pending.clear()
        # the pieces below that were claimed are gone from their lines
        base = len(before) + len(labels)
        taken: dict[int, set[int]] = {}
        for n in used:
            if n >= base:
                j, piece = ahead[n - base]
                taken.setdefault(j, set()).add(piece)
        for j, pieces in taken.items():
            s_j, labels_j, values_j = parsed[j]
            parsed[j] = (s_j, [t for n, t in enumerate(labels_j) if n not in pieces], values_j)
    if pending:
        rows.append([GridCell(t, s_) for t, s_ in pending])
    return rows
