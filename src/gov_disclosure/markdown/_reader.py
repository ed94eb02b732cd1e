"""Reading a report from Markdown, as PDF-to-Markdown converters write it: pipe tables, HTML tables
inside the Markdown, ``#`` headings, emphasis and escapes, converter markers, and the text between the
tables (where converters leave the rows they could not make into a table)."""

from __future__ import annotations

import html
import os
import re
from collections.abc import Sequence
from typing import Final

import attrs

from ..core.errors import FileTooLargeError, ReadError
from ..core.findings import Finding
from ..core.messages import errors as E
from ..core.model import Report
from ..core.vocabulary import FormatKey
from ..reading.engine import GridCell, is_report_grid
from ..reading.load import load_decoded
from ..reading.meta import assemble
from ..text import MAX_TEXT_CHARS, TextTable, find_text_tables
from ..text._reader import MAX_LINES

__all__ = ["MarkdownTable", "markdown_blocks", "read_markdown"]

#: a line that is a row of a pipe table: starts with | (after indentation) and has another |
_PIPE_ROW: Final = re.compile(r"^\s{0,3}\|.*\|")
#: the line under a table's header: | --- | :---: | (outer pipes optional, at least one inner one)
_SEPARATOR: Final = re.compile(r"^\s{0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$|^\s{0,3}\|\s*:?-+:?\s*\|\s*$")
_CELL_SPLIT: Final = re.compile(r"(?<!\\)\|")
#: an ATX heading's opening sequence (its text and closing sequence: :func:`_atx_text`)
_ATX: Final = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")
_SETEXT_OR_RULE: Final = re.compile(r"^\s{0,3}(?:=+|-+|(?:[-*_]\s*){3,})\s*$")
_QUOTE: Final = re.compile(r"^\s{0,3}(?:>\s?)+")
_BULLET: Final = re.compile(r"^\s{0,3}[-*+]\s+")
_FENCE: Final = re.compile(r"^\s{0,3}(?:```|~~~)")
_IMAGE: Final = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK: Final = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_STRONG: Final = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_EM: Final = re.compile(r"(?<![*\w])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![*\w])")
_CODE: Final = re.compile(r"`([^`]*)`")
_ESCAPE: Final = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_BR: Final = re.compile(r"<br\s*/?>", re.I)
_TAG: Final = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_COMMENT: Final = re.compile(r"<!--.*?-->", re.S)
_TABLE_OPEN: Final = re.compile(r"<table\b", re.I)
_TABLE_TAG: Final = re.compile(r"<(/?)table\b[^>]*>", re.I)
_TOC: Final = re.compile(r"^\s*\[TOC\]\s*$", re.I)
#: what starts a Markdown block: a heading, a quote, a list item, a rule, a setext underline
_BLOCK_MARKS: Final = ("#", ">", "-", "*", "+", "=", "_", "[")
#: text without any character that starts Markdown or HTML markup
_PLAIN: Final = re.compile(r"[^*_`\[\]!<>&\\]*")


def _inline(text: str, *, cell: bool = False) -> str:
    """Markdown inline markup taken off: images, links (their text kept), emphasis, code spans,
    escapes, HTML tags and entities. In a table cell ``<br>`` is a line break."""
    if _PLAIN.fullmatch(text):
        return text  # most cells and lines: nothing to take off
    t = _IMAGE.sub("", text)
    t = _LINK.sub(r"\1", t)
    t = _STRONG.sub(lambda m: m.group(1) or m.group(2) or "", t)
    t = _EM.sub(r"\1", t)
    t = _CODE.sub(r"\1", t)
    t = _BR.sub("\n" if cell else " ", t)
    t = _TAG.sub("", t)
    t = _ESCAPE.sub(r"\1", t)
    return html.unescape(t)


def _atx_text(rest: str) -> str:
    """The text of an ATX heading after its opening ``#``s: without trailing spaces and a closing
    sequence of ``#``s (``## 五、… ##``). Linear (the pattern ``(.*?)(?:\\s+#+)?\\s*$`` was quadratic
    in a run of spaces)."""
    text = rest.rstrip()
    bare = text.rstrip("#")
    if bare != text and bare and bare[-1].isspace():
        text = bare.rstrip()
    return text


def _text_line(line: str) -> str:
    """A line of Markdown text as plain text: heading markers, quotes, bullets and inline markup off."""
    if _PLAIN.fullmatch(line) and not line.lstrip(" ").startswith(_BLOCK_MARKS):
        return line.rstrip()
    if _SETEXT_OR_RULE.match(line) or _TOC.match(line):
        return ""
    m = _ATX.match(line)
    if m:
        line = _atx_text(line[m.end() :])
    line = _QUOTE.sub("", line)
    line = _BULLET.sub("", line)
    return _inline(line).rstrip()


def _pipe_cells(line: str, number: int) -> list[GridCell]:
    t = line.strip()
    if t.startswith("|"):
        t = t[1:]
    if t.endswith("|") and not t.endswith("\\|"):
        t = t[:-1]
    return [
        GridCell(_inline(c, cell=True).strip(), f"line {number}, field {k}")
        for k, c in enumerate(_CELL_SPLIT.split(t), start=1)
    ]


@attrs.frozen
class MarkdownTable:
    """A table of the Markdown (pipe or HTML) standing at ``line`` (0-based) up to ``end``."""

    line: int
    end: int
    grids: tuple[list[list[GridCell]], ...]


def markdown_blocks(text: str) -> tuple[list[str], list[MarkdownTable]]:
    """The lines of a Markdown document as plain text (tables blanked) and its tables.

    Every line keeps its place, so line numbers are the file's; the lines of a table are empty in
    the text, and each table is listed with the line it starts on.
    """
    raw = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    lines = raw.split("\n")
    out = [""] * len(lines)
    tables: list[MarkdownTable] = []
    grid_of = None
    i = 0
    in_fence = False
    while i < len(lines):
        line = lines[i]
        if _FENCE.match(line):
            in_fence = not in_fence
            i += 1
            continue
        if not in_fence and _TABLE_OPEN.search(line):
            if grid_of is None:
                from ..reading.htmltable import TableGrids

                grid_of = TableGrids()
            end, snippet, before = _html_table(lines, i)
            if before.strip():
                out[i] = _text_line(before)
            from ..reading.htmltable import fragment_tables

            tables.append(MarkdownTable(i, end, tuple(fragment_tables(snippet, grid_of))))
            i = end
            continue
        if not in_fence and (_PIPE_ROW.match(line) or _header_of_table(lines, i)):
            start = i
            rows: list[list[GridCell]] = []
            while i < len(lines) and (
                _PIPE_ROW.match(lines[i]) or _SEPARATOR.match(lines[i]) or (i > start and "|" in lines[i])
            ):
                if not _SEPARATOR.match(lines[i]):
                    rows.append(_pipe_cells(lines[i], i + 1))
                i += 1
                if i - start > MAX_LINES:
                    break
            tables.append(MarkdownTable(start, i, (rows,)))
            continue
        out[i] = _text_line(line) if not in_fence else line.rstrip()
        i += 1
    return out, tables


def _header_of_table(lines: Sequence[str], i: int) -> bool:
    """A table without outer pipes: a header line with a | and the separator under it."""
    return "|" in lines[i] and i + 1 < len(lines) and bool(_SEPARATOR.match(lines[i + 1]))


def _html_table(lines: Sequence[str], i: int) -> tuple[int, str, str]:
    """From the line where a ``<table`` opens: (the line after the table closes, the table's HTML,
    the text before it on its first line)."""
    first = lines[i]
    at = _TABLE_OPEN.search(first)
    assert at is not None
    before = first[: at.start()]
    depth = 0
    parts: list[str] = []
    j = i
    rest = first[at.start() :]
    while j < len(lines):
        chunk = rest if j == i else lines[j]
        for m in _TABLE_TAG.finditer(chunk):
            depth += -1 if m.group(1) else 1
            if depth == 0:
                parts.append(chunk[: m.end()])
                return j + 1, "\n".join(parts), before
        parts.append(chunk)
        j += 1
    return j, "\n".join(parts), before


def read_markdown(
    source: str | os.PathLike[str] | bytes | None = None,
    *,
    text: str | None = None,
    format: FormatKey | None = None,
) -> tuple[Report, list[Finding]]:
    """Read a report from Markdown (a PDF-to-Markdown conversion, a page saved as Markdown).

    ``source`` is a path (``str`` or ``os.PathLike``) or the bytes of a file (UTF-8, UTF-16 with a
    BOM, or GB18030); the Markdown itself is passed as ``text=``, as for every reader. Pipe tables
    and HTML ``<table>`` s inside the Markdown are read as grids (HTML tables need lxml, the ``html``
    extra); the text between them goes through the plain-text reader's table finder (converters leave
    rows they could not make into a table as lines of text), headings are found behind their ``#``
    markers, and inline markup is taken off. Everything then goes, in document order, to the one
    table engine.

    Returns the report and the reader's findings. Raises
    :class:`~gov_disclosure.core.errors.ReadError` for text that is not a report at all,
    :class:`~gov_disclosure.core.errors.NoTablesError` for one without any statistical table and
    :class:`~gov_disclosure.core.errors.FileTooLargeError` above the text reader's limits.
    """
    text, decoding = load_decoded(source, text, reader="read_markdown")
    if len(text) > MAX_TEXT_CHARS:
        raise FileTooLargeError(E.TEXT_TOO_LARGE, n=len(text), limit=MAX_TEXT_CHARS)
    if "\x00" in text:
        raise ReadError(E.TEXT_NUL)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.count("\n") >= MAX_LINES:
        raise FileTooLargeError(E.TEXT_TOO_MANY_LINES, n=text.count("\n") + 1, limit=MAX_LINES)
    lines, tables = markdown_blocks(text)
    barriers = {t.line for t in tables}
    for t in tables:
        lines[t.line] = ""
    found = find_text_tables(lines, barriers)
    placed: list[tuple[int, list[list[GridCell]], bool]] = [(t.start, t.grid, t.flow) for t in found]
    for t in tables:
        placed.extend((t.line, g, False) for g in t.grids)
    placed.sort(key=lambda p: p[0])
    in_table = [False] * len(lines)
    for tt in found:
        for k in range(tt.start, tt.end):
            in_table[k] = True
    for t in tables:
        for k in range(t.line, t.end):
            in_table[k] = True
    paragraphs = [ln for k, ln in enumerate(lines) if not in_table[k]]
    # a statistical table that a converter broke into pieces (pipe tables with rows left as lines of
    # text between them) is one table: pieces with nothing but blank lines between them are joined,
    # and so is a piece without any label (values only: a converter makes tables only of the
    # document's tables, so it is not page furniture) to the piece before it; it is then read with
    # the labelled pieces around it, not dropped
    grids: list[list[list[GridCell]]] = []
    unordered: list[int] = []
    end = -1
    for start, grid, flow in placed:
        stop = _end_of(start, found, tables)
        joined = (
            grids
            and not flow
            and (len(grids) - 1) not in unordered
            and (
                all(not lines[k].strip() or in_table[k] for k in range(end, start))
                or not is_report_grid(grid)
            )
        )
        if joined:
            grids[-1] = [*grids[-1], *grid]
        else:
            if flow:
                unordered.append(len(grids))
            grids.append(list(grid))
        end = max(end, stop)
    return assemble(paragraphs, grids, format=format, unordered=unordered, findings=decoding)


def _end_of(start: int, found: Sequence[TextTable], tables: Sequence[MarkdownTable]) -> int:
    for t in found:
        if t.start == start:
            return t.end
    for m in tables:
        if m.line == start:
            return m.end
    return start + 1
