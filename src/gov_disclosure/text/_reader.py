"""Reading a report from plain text (text pulled out of Word/PDF files, or pasted from a page)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Final, Literal, TypeAlias

from ..errors import FileTooLargeError, ReadError
from ..findings import Finding
from ..io import MAX_FILE_BYTES, decode_text
from ..meta import assemble, match_heading, section_spans
from ..model import Report
from ..tables import GridCell, is_value_text, label_prefix, match_label
from ..vocabulary import FORMATS, FormatKey

__all__ = ["MAX_CELLS", "MAX_LINES", "MAX_TEXT_CHARS", "read_text"]

#: texts longer than this are refused (a report is some tens of kilobytes)
MAX_TEXT_CHARS: Final = 8 * 1024 * 1024
#: lines, likewise (a report with its tables flattened one cell per line has a few thousand)
MAX_LINES: Final = 50_000
#: cells of all flattened tables together
MAX_CELLS: Final = 200_000
#: lines longer than this are prose or garbage, never a table line
_MAX_CELL_LINE: Final = 400

Layout: TypeAlias = Literal["tsv", "cells", "lines"]
_TABLE_SECTIONS: Final = ("proactive", "applications", "appeals")


def _load(source: str | os.PathLike[str] | bytes) -> str:
    if isinstance(source, bytes):
        if len(source) > MAX_FILE_BYTES:
            raise FileTooLargeError(f"{len(source)} bytes, over the limit of {MAX_FILE_BYTES}")
        return decode_text(source)
    if isinstance(source, str):
        return source
    p = Path(source)
    try:
        if p.stat().st_size > MAX_FILE_BYTES:
            raise FileTooLargeError(f"over the limit of {MAX_FILE_BYTES} bytes", path=str(p))
        return decode_text(p.read_bytes())
    except OSError as exc:
        raise ReadError(f"cannot open: {exc.strerror or exc}", path=str(p)) from None


def _is_label(text: str) -> bool:
    return any(match_label(text, f) for f in FORMATS) or label_prefix(text)


def _is_table_line(line: str) -> bool:
    """A line that belongs to a flattened table: tab-separated cells, a value or a label."""
    if len(line) > _MAX_CELL_LINE:
        return False
    if "\t" in line.strip(" "):
        return True
    s = line.strip()
    if not s:
        return False
    return is_value_text(s) or _is_label(s)


def _regions(lines: Sequence[str]) -> list[tuple[int, int]]:
    """Where the tables are: (start, end) line ranges, end exclusive."""
    spans, _ = section_spans(lines)
    areas = [(sp.start + 1, sp.end) for sp in spans if sp.key in _TABLE_SECTIONS]
    if not areas:
        areas = [(0, len(lines))]
    out: list[tuple[int, int]] = []
    for a, b in areas:
        table_lines = [i for i in range(a, b) if _is_table_line(lines[i]) and match_heading(lines[i]) is None]
        if table_lines:
            out.append((table_lines[0], table_lines[-1] + 1))
    return out


def _layout(lines: Sequence[str]) -> Layout:
    non_blank = [ln for ln in lines if ln.strip()]
    if not non_blank:
        return "lines"
    tsv = sum(1 for ln in non_blank if "\t" in ln.strip(" ").lstrip("\t").rstrip("\t") or ln.count("\t") > 1)
    if tsv * 3 >= len(non_blank):
        return "tsv"
    if sum(1 for ln in non_blank if ln.startswith("\t")) * 2 >= len(non_blank):
        return "cells"
    return "lines"


def _rows(lines: Sequence[str], first: int, layout: Layout) -> list[list[GridCell]]:
    """Rows of cells from the lines of one table region (``first``: index of its first line)."""
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
        return rows
    if layout == "cells":
        cur: list[GridCell] = []
        for i, line in enumerate(lines):
            src = f"line {first + i + 1}"
            if line.startswith("\t"):
                cur.append(GridCell(line[1:], src))
            elif line.strip():
                if cur:
                    last = cur[-1]
                    cur[-1] = GridCell(last.text + "\n" + line, last.source, last.continued)
                else:
                    cur.append(GridCell(line, src))
            elif cur:
                rows.append(cur)
                cur = []
        if cur:
            rows.append(cur)
        return rows
    # one cell per line, blank lines for empty cells: a row is label lines + the lines after them
    cur = []
    in_values = False
    for i, line in enumerate(lines):
        src = f"line {first + i + 1}"
        value = is_value_text(line)
        if not value and in_values and cur:
            rows.append(cur)
            cur = []
        in_values = value
        cur.append(GridCell(line.strip(), src))
    if cur:
        rows.append(cur)
    return rows


def read_text(
    source: str | os.PathLike[str] | bytes, *, format: FormatKey | None = None
) -> tuple[Report, list[Finding]]:
    """Read a report from extracted plain text.

    ``source`` is the text itself (a ``str``), a path, or the bytes of a file (UTF-8, UTF-16 with a
    BOM, or GB18030). Tables may be flattened one cell per line (blank lines for empty cells),
    one cell per tab-led line with rows separated by blank lines, or tab-separated.

    Returns the report and the reader's findings. Raises
    :class:`~gov_disclosure.errors.ReadError` for text that is not a report at all and
    :class:`~gov_disclosure.errors.FileTooLargeError` above :data:`MAX_TEXT_CHARS`.
    """
    text = _load(source)
    if len(text) > MAX_TEXT_CHARS:
        raise FileTooLargeError(f"{len(text)} characters of text, over the limit of {MAX_TEXT_CHARS}")
    if "\x00" in text:
        raise ReadError("not a text file (NUL characters)")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if len(lines) > MAX_LINES:
        raise FileTooLargeError(f"{len(lines)} lines of text, over the limit of {MAX_LINES}")
    regions = _regions(lines)
    grids = []
    in_table = [False] * len(lines)
    for a, b in regions:
        region = lines[a:b]
        grids.append(_rows(region, a, _layout(region)))
        if sum(len(row) for g in grids for row in g) > MAX_CELLS:
            raise FileTooLargeError(f"the tables have more than {MAX_CELLS} cells")
        for i in range(a, b):
            in_table[i] = True
    paragraphs = [ln for ln, t in zip(lines, in_table, strict=True) if not t]
    return assemble(paragraphs, grids, format=format)
