"""The table-reading engine shared by the DOCX, HTML and text readers.

Rows of cells in, report cells out. A reader turns its tables into :data:`Grid` s (rows of
:class:`GridCell`, merged cells expanded and marked ``continued``); :func:`read_grids` finds the
three statistical tables by their labels (never by position), detects the format version from the
labels, places every value it can place with certainty and reports the rest:

- GD102 — a cell that is not a number (with its source position),
- GD105 — a row whose values do not fit the columns (with the raw cells; nothing is guessed),
- GD106 — a label it cannot place, a row of values without a known label, or a non-standard table,
- GD109 — a row whose values run together (``1.属于国家秘密0000000``) that could not be split with
  certainty (:mod:`gov_disclosure.reading.runs` decides, on the digits and the table's sums).

Labels are compared after :func:`normalise_label` (width, brackets, spaces and line breaks, item
numbering, quotes) and with the reading variants of FORMAT.md §8 (社会组织, 过程序性信息, notes in
brackets, 政府采购, …). The official wording itself comes from :mod:`gov_disclosure.core.vocabulary`.
"""

from __future__ import annotations

import difflib
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from functools import cache, lru_cache
from typing import Final, Literal, TypeAlias

import attrs

from ..core.codes import CODES
from ..core.findings import CellRef, Finding
from ..core.messages import reading as msg
from ..core.values import Cell, Parsed, format_cell, is_missing, parse_cell
from ..core.vocabulary import (
    APPEALS_COLUMNS,
    APPEALS_GROUPS,
    APPEALS_SUIT_LABEL,
    APPLICATIONS_COLUMNS,
    APPLICATIONS_HEADER,
    FORMATS,
    PROACTIVE_ROW_HEADER,
    TABLE_TITLES,
    CellKind,
    FormatKey,
    spec,
)
from . import runs
from .sums import broken_sums, table_sums

__all__ = [
    "FORMAT_VARIANTS",
    "LABEL_VARIANTS",
    "Grid",
    "GridCell",
    "GridReading",
    "LabelMatch",
    "decompose_label",
    "detect_format",
    "is_label_piece",
    "is_report_grid",
    "is_substantial",
    "is_value_text",
    "label_forms",
    "label_prefix",
    "match_label",
    "normalise_label",
    "read_grids",
]


#: how many distinct label texts the matching functions remember (labels repeat across reports)
_CACHE: Final = 16384
#: the longest official label is under 40 characters (normalised); a cell text longer than this,
#: notes and variants included, is never a label and is not compared (bounds the work per cell)
MAX_LABEL_CHARS: Final = 200


@attrs.frozen
class GridCell:
    """One position of a table: its text, where it came from, and whether a merged cell covers it."""

    text: str
    source: str  #: e.g. "table 2, row 5, cell 3" or "line 120"
    #: True where this position is covered by a merged cell starting left/above (text repeated)
    continued: bool = False
    #: True where the reader found this text run together with the cells around it (crawler text:
    #: ``0000000``): it may hold several values, and only :mod:`.runs` may split it; whitespace-only
    #: text marks the gap between two such runs (a separator, or a blank cell's ``&nbsp;``)
    glued: bool = False


Grid: TypeAlias = Sequence[Sequence[GridCell]]


@attrs.frozen
class GridReading:
    """What :func:`read_grids` found."""

    format: FormatKey | None  #: detected from the labels (or the one asked for)
    cells: Mapping[str, Cell]  #: address -> value, only cells actually placed
    raw: Mapping[str, str]  #: text as found where it is not the canonical spelling of the value
    findings: tuple[Finding, ...]
    tables: frozenset[str]  #: which of proactive/applications/appeals were found
    #: address -> the ``source`` of the grid position each placed cell was read from (so a finding
    #: about a cell can be shown at its place in the file)
    sources: Mapping[str, str] = attrs.Factory(dict)


# -- labels ----------------------------------------------------------------------------------------

#: reading variants seen in real reports (FORMAT.md §8): variant -> official wording (after
#: normalisation). These are aliases for reading only; writers print the vocabulary's labels.
LABEL_VARIANTS: Final[dict[str, str]] = {
    "社会组织": "社会公益组织",
    "过程序性信息": "过程性信息",
    "政府采购": "政府集中采购",
    "本年增减": "本年增/减",
    "本年增(减)": "本年增/减",
}

#: reading variants that are certain in one format version only: variant -> official wording. In the
#: 2021 format 规范性文件 can only be the row 行政规范性文件 (the 2019 format's row of that name).
FORMAT_VARIANTS: Final[dict[FormatKey, dict[str, str]]] = {
    "2021": {"规范性文件": "行政规范性文件"},
}

_QUOTES = re.compile(r"[“”\"'‘’「」『』]")
_SPACE = re.compile(r"\s+")
_ITEM = re.compile(r"^(\d{1,2})[.、,，．:：]\s*")
_CN_ITEM = re.compile(r"^([一二三四五六七八九十]{1,3})[、.,，．]\s*")
_BRACKET_ITEM = re.compile(r"^\(([一二三四五六七八九十]{1,3})\)[、.,]?")


@lru_cache(maxsize=_CACHE)
def normalise_label(text: str) -> str:
    """A label's text in a comparable form.

    Full-width to half-width (（一）→(一)), whitespace and line breaks removed (结果维 持 → 结果维持),
    quotes removed, item numbers unified (1、 / 1， / 1． → ``1.``, 一. → ``一、``).
    """
    t = unicodedata.normalize("NFKC", text)
    t = _SPACE.sub("", t)
    t = _QUOTES.sub("", t)
    t = t.replace("【", "(").replace("】", ")").replace("〔", "(").replace("〕", ")")
    t = _ITEM.sub(r"\1.", t)
    t = _CN_ITEM.sub(r"\1、", t)
    t = _BRACKET_ITEM.sub(r"(\1)", t)
    return t


def _without_notes(t: str) -> str:
    """A normalised label without bracketed notes after its start (（指2018年事项数）, （区分处理的…）):
    every balanced ``(…)`` that does not start the text, nested ones included. One pass over the
    text (removing the innermost notes again and again was quadratic in nested brackets)."""
    if "(" not in t:
        return t
    out: list[str] = []
    opened: list[int] = []  # where each open bracket stands in ``out``
    for ch in t:
        if ch == "(":
            opened.append(len(out))
            out.append(ch)
        elif ch == ")" and opened:
            start = opened.pop()
            if start > 0:
                del out[start:]  # a note: gone with what it holds
            else:
                out.append(ch)  # a bracket that starts the label ((一)…) stays
        else:
            out.append(ch)
    return "".join(out)


def _with_variants(t: str) -> str:
    for variant, official in LABEL_VARIANTS.items():
        if variant in t and official not in t:
            t = t.replace(variant, official)
    return t


LabelKind: TypeAlias = Literal["title", "column", "row", "group", "header"]


@attrs.frozen
class LabelMatch:
    """What a label names. ``table`` is proactive/applications/appeals; ``key`` a block, row,
    column or group key; ``block`` the proactive block of a row or column."""

    kind: LabelKind
    table: str
    key: str
    block: str | None = None


@cache
def _index(format: FormatKey) -> dict[str, tuple[LabelMatch, ...]]:
    s = spec(format)
    entries: list[tuple[str, LabelMatch]] = []
    for b in s.proactive:
        entries.append((b.title, LabelMatch("title", "proactive", b.key, b.key)))
        for c in b.columns:
            entries.append((c.label, LabelMatch("column", "proactive", c.key, b.key)))
        for r in b.rows:
            entries.append((r.label, LabelMatch("row", "proactive", r.key, b.key)))
    entries.append((PROACTIVE_ROW_HEADER, LabelMatch("header", "proactive", "row_header")))
    entries.append((TABLE_TITLES["proactive"], LabelMatch("header", "proactive", "title")))
    for lr in s.applications_layout:
        if lr.key is None:
            entries.append((lr.label, LabelMatch("group", "applications", lr.label)))
        else:
            entries.append((lr.label, LabelMatch("row", "applications", lr.key)))
    for c in APPLICATIONS_COLUMNS:
        entries.append((c.label, LabelMatch("column", "applications", c.key)))
    for k, label in APPLICATIONS_HEADER.items():
        entries.append((label, LabelMatch("header", "applications", k)))
    for g in APPEALS_GROUPS:
        entries.append((g.label, LabelMatch("group", "appeals", g.key)))
    entries.append((APPEALS_SUIT_LABEL, LabelMatch("group", "appeals", "suit")))
    for c in APPEALS_COLUMNS:
        entries.append((c.label, LabelMatch("column", "appeals", c.key)))
    by_label = {normalise_label(label): m for label, m in entries}
    for variant, official in FORMAT_VARIANTS.get(format, {}).items():
        entries.append((variant, by_label[normalise_label(official)]))
    index: dict[str, list[LabelMatch]] = {}
    for label, m in entries:
        n = normalise_label(label)
        for form in dict.fromkeys((n, _without_notes(n))):
            if m not in index.setdefault(form, []):
                index[form].append(m)
    return {k: tuple(v) for k, v in index.items()}


def label_forms(format: FormatKey) -> frozenset[str]:
    """Every normalised text (:func:`normalise_label`) that names a label of ``format`` as it is: the
    official wording, and the same without its bracketed notes. Variants (:data:`LABEL_VARIANTS`)
    and notes added by a report are matched by :func:`match_label`, not listed here."""
    return frozenset(_index(format))


@lru_cache(maxsize=_CACHE)
def match_label(text: str, format: FormatKey) -> tuple[LabelMatch, ...]:
    """What ``text`` names in the given format version (empty when it is no known label)."""
    index = _index(format)
    n = normalise_label(text)
    if not n or len(n) > MAX_LABEL_CHARS:
        return ()
    for form in (n, _without_notes(n), _with_variants(n), _without_notes(_with_variants(n))):
        found = index.get(form)
        if found:
            return found
    return ()


@cache
def _prefixes(format: FormatKey) -> frozenset[str]:
    out: set[str] = set()
    for label in _index(format):
        for i in range(1, len(label)):
            out.add(label[:i])
    return frozenset(out)


@lru_cache(maxsize=_CACHE)
def label_prefix(text: str, format: FormatKey | None = None) -> bool:
    """True when ``text`` is the beginning (not the whole) of a known label: a label broken
    across lines or cells."""
    n = normalise_label(text)
    if not n:
        return False
    formats = (format,) if format else FORMATS
    return any(n in _prefixes(f) or _with_variants(n) in _prefixes(f) for f in formats)


_VALUEISH = re.compile(r"^[+\-−－—减增]?[\d０-９.,，．]+\s*(?:万元|元|件|个|项|次|条)?$")


_TWO_NUMBERS = re.compile(r"\d\s+[+\-]?\d")


@lru_cache(maxsize=_CACHE)
def is_value_text(text: str) -> bool:
    """True when a cell's text is a value (a number, possibly with a unit) or blank/“/”/“无”.
    Two numbers separated by spaces (``6338 5398``) are not one value."""
    t = text.strip()
    if not t or is_missing(t):
        return True
    n = unicodedata.normalize("NFKC", t)
    return not _TWO_NUMBERS.search(n) and bool(_VALUEISH.match(n.replace(" ", "")))


# -- format detection ------------------------------------------------------------------------------


def detect_format(texts: Iterable[str]) -> FormatKey | None:
    """The format version the labels point to, or None when they do not tell."""
    votes: Counter[FormatKey] = Counter()
    for text in texts:
        if is_value_text(text):
            continue
        hits = [f for f in FORMATS if match_label(text, f)]
        if len(hits) == 1:
            votes[hits[0]] += 1
    if not votes:
        return None
    (best, n), *rest = votes.most_common()
    if rest and rest[0][1] == n:
        return None
    return best


# -- reading ---------------------------------------------------------------------------------------


def is_substantial(grid: Grid) -> bool:
    """More than one cell with text: a table, not a value or a label wrapped in a table or a frame
    (a nested table that is part of its cell's text)."""
    filled = 0
    for row in grid:
        for c in row:
            if not c.continued and c.text.strip():
                filled += 1
                if filled > 1:
                    return True
    return False


def is_report_grid(grid: Grid, format: FormatKey | None = None) -> bool:
    """True when a grid is (part of) a table of the report: it holds a row label or block title
    of the format, or two different labels of it. A table with one stray 其他 or 总计 is page
    furniture."""
    seen: set[str] = set()
    for row in grid:
        for c in row:
            if c.continued or is_value_text(c.text):
                continue
            for f in (format,) if format else FORMATS:
                matches = match_label(c.text, f)
                if any(m.kind in ("row", "title") for m in matches):
                    return True
                n = normalise_label(c.text)
                if matches and n not in _GENERIC:
                    seen.add(n)
                elif not matches:
                    # header labels run together (行政复议行政诉讼)
                    seen.update(f"{p[0].table}/{p[0].key}" for p in decompose_label(c.text, f) if p[0].key != "total")
            if len(seen) >= 2:
                return True
    return False


#: labels of the format that are common words on any page
_GENERIC: Final = frozenset({"其他", "总计"})


@attrs.define
class _Row:
    cells: list[GridCell]
    labels: list[GridCell]  #: the label cells (text, not values), in order
    values: list[GridCell]  #: the cells after the last label cell
    source: str
    #: from a grid whose cells are in the extractor's reading order, not the table's (see read_grids)
    flow: bool = False


def _split_row(cells: Sequence[GridCell], flow: bool = False) -> _Row:
    # Labels stand left of the values: the label part ends before the first filled value, so a
    # word among the values ("0 | 不详 | 0") stays a value (GD102), not a label.
    first_value = next(
        (i for i, c in enumerate(cells) if not c.continued and c.text.strip() and _is_value(c)),
        len(cells),
    )
    last = -1
    for i, c in enumerate(cells[:first_value]):
        if not c.continued and not _is_value(c):
            last = i
    if first_value == len(cells):
        last = max((i for i, c in enumerate(cells) if not c.continued and not _is_value(c)), default=-1)
    # label cells repeated by a merge (continued) still name the row's groups
    labels = [c for c in cells[: last + 1] if c.text.strip() and not _is_value(c)]
    values = list(cells[last + 1 :])
    source = cells[0].source if cells else "?"
    return _Row(list(cells), labels, values, source, flow)


def _is_value(cell: GridCell) -> bool:
    """A value cell: a value's text, or values run together (never a label)."""
    return cell.glued or is_value_text(cell.text)


def _label_text(cells: Sequence[GridCell]) -> str:
    return "".join(c.text for c in cells)


def _merge_fragments(labels: list[GridCell], format: FormatKey) -> list[GridCell]:
    """Join adjacent label cells that are pieces of one label (本年新 | 制作数量)."""
    out: list[GridCell] = []
    i = 0
    while i < len(labels):
        cur = labels[i]
        if not match_label(cur.text, format) and label_prefix(cur.text, format):
            text = cur.text
            j = i + 1
            joined: GridCell | None = None
            while j < len(labels) and j - i < 4:
                text += labels[j].text
                if match_label(text, format):
                    joined = GridCell(text, cur.source, cur.continued)
                    break
                if not label_prefix(text, format):
                    break
                j += 1
            if joined is not None:
                out.append(joined)
                i = j + 1
                continue
        out.append(cur)
        i += 1
    return out


def _join_split_rows(rows: list[_Row], format: FormatKey) -> list[_Row]:
    """A row label broken over two rows (5.属于三类内部事务信 ⏎ 息): join the rows when one of
    them has no values and the two pieces make a known label."""
    out: list[_Row] = []
    i = 0
    while i < len(rows):
        row = rows[i]
        if i + 1 < len(rows) and row.labels:
            nxt = rows[i + 1]
            last = row.labels[-1]
            if (
                nxt.labels
                and not match_label(last.text, format)
                and label_prefix(last.text, format)
                and (not _has_values(row) or not _has_values(nxt))
            ):
                joined_text = last.text + _label_text(nxt.labels)
                if match_label(joined_text, format):
                    values = row.values if _has_values(row) else nxt.values
                    label = GridCell(joined_text, last.source, last.continued)
                    out.append(
                        _Row(
                            row.cells + nxt.cells,
                            [*row.labels[:-1], label],
                            values,
                            row.source,
                            row.flow or nxt.flow,
                        )
                    )
                    i += 2
                    continue
        out.append(row)
        i += 1
    return out


def _has_values(row: _Row) -> bool:
    return any(c.text.strip() and not c.continued for c in row.values)


def _fit(values: list[GridCell], n: int) -> list[GridCell] | None:
    """The values of a row for ``n`` columns, or None when they do not fit. Merged (continued)
    cells never count; surplus zero-length cells at the edges (padding of text extraction) are
    dropped; nothing else is adjusted."""
    vals = [c for c in values if not c.continued]
    while len(vals) > n and vals and vals[-1].text == "":
        vals.pop()
    while len(vals) > n and vals and vals[0].text == "":
        vals.pop(0)
    return vals if len(vals) == n else None


@lru_cache(maxsize=_CACHE)
def _parse_cell(text: str, kind: CellKind, unit: str | None) -> Parsed:
    return parse_cell(text, kind, unit)  # type: ignore[arg-type]  # "6338 5398" is GD102 there


@attrs.define
class _State:
    format: FormatKey
    cells: dict[str, Cell] = attrs.Factory(dict)
    raw: dict[str, str] = attrs.Factory(dict)
    findings: list[Finding] = attrs.Factory(list)
    tables: set[str] = attrs.Factory(set)
    sources: dict[str, str] = attrs.Factory(dict)
    #: tables with rows from grids in the extractor's order (their reading must be confirmed)
    flow_tables: set[str] = attrs.Factory(set)
    #: per table, signs that rows were not read as the table has them: misfit / unlabelled / stray
    trouble: dict[str, Counter[str]] = attrs.Factory(dict)
    #: the applications table's rows as read, in order: (kind, row key, row, finding about it)
    sequence: list[tuple[str, str | None, _Row, Finding | None]] = attrs.Factory(list)
    #: rows whose values run together, settled once every other row is read
    run_rows: list[runs.RunRow] = attrs.Factory(list)

    def troubled(self, table: str | None, kind: str) -> None:
        self.trouble.setdefault(table or "report", Counter())[kind] += 1

    def place(self, address: str, cell: GridCell) -> None:
        cs = spec(self.format).cell(address)
        text = cell.text.strip()
        if address in self.cells or address in self.raw:
            previous = self.raw.get(address, format_cell(self.cells.get(address), cs.unit))
            if previous != text:
                self.findings.append(
                    CODES["GD106"].finding(
                        f"{cs.row_label} / {cs.column_label} given twice ({previous!r} and {text!r}); "
                        "the first is kept",
                        f"{cs.row_label}/{cs.column_label}重复出现（“{previous}”和“{text}”），保留第一次",
                        location=address,
                        source=cell.source,
                        raw=text,
                    )
                )
            return
        parsed = _parse_cell(text, cs.kind, cs.unit)
        self.cells[address] = parsed.value
        self.sources[address] = cell.source
        if text != format_cell(parsed.value, cs.unit):
            self.raw[address] = text
        if parsed.problem == "GD102":
            self.troubled(address.split("/", 1)[0], "stray")
            self.findings.append(
                CODES["GD102"].finding(
                    f"{cs.row_label} / {cs.column_label} holds {text!r}, not a number",
                    f"{cs.row_label}/{cs.column_label}填写的“{text}”不是数字",
                    location=address,
                    cells=[CellRef(address, None)],
                    source=cell.source,
                    raw=text,
                )
            )

    def misfit(
        self, what: str, what_zh: str, location: str, addresses: Sequence[str], row: _Row, n: int
    ) -> None:
        vals = [c for c in row.values if not c.continued]
        raw = " | ".join(c.text.strip() for c in row.cells if not c.continued)
        self.troubled(location.split("/", 1)[0], "misfit")
        self.findings.append(
            CODES["GD105"].finding(
                f"{what}: {len(vals)} values for {n} columns: {raw}",
                f"{what_zh}：{len(vals)}个数值，表格有{n}列：{raw}",
                location=location,
                cells=[CellRef(a, None) for a in addresses],
                source=row.source,
                raw=raw,
            )
        )

    def unplaced(self, cell: GridCell, why: str, why_zh: str) -> None:
        self.findings.append(
            CODES["GD106"].finding(
                f"{why}: {cell.text.strip()!r}",
                f"{why_zh}：“{cell.text.strip()}”",
                source=cell.source,
                raw=cell.text.strip(),
            )
        )


@cache
def _pieces(format: FormatKey) -> frozenset[str]:
    """Every piece (substring) of every label: what a label broken over lines leaves behind."""
    out: set[str] = set()
    for label in _index(format):
        for i in range(len(label)):
            for j in range(i + 1, len(label) + 1):
                out.add(label[i:j])
    return frozenset(out)


def is_label_piece(text: str, format: FormatKey | None = None) -> bool:
    """True when ``text`` is a piece of a label of the format (either format if None), or pieces of
    labels run together: what a label broken over lines or cells leaves behind (止公开, 结果结果其他尚未)."""
    return any(_is_piece(text, f) for f in ((format,) if format else FORMATS))


def _is_piece(text: str, format: FormatKey) -> bool:
    """A piece of a label, or pieces of labels run together (结果结果其他尚未: a header broken over lines
    and glued line by line)."""
    n = normalise_label(text)
    return n in _pieces(format) or _glued_pieces(n, format)


@lru_cache(maxsize=_CACHE)
def _glued_pieces(n: str, format: FormatKey) -> bool:
    if len(n) < 4 or len(n) > 60:
        return False
    pieces = _pieces(format)
    ok = [True] + [False] * len(n)  # ok[i]: n[:i] is made of pieces of two characters or more
    for i in range(2, len(n) + 1):
        ok[i] = any(ok[j] and n[j:i] in pieces for j in range(max(0, i - 30), i - 1))
    return ok[len(n)]


@lru_cache(maxsize=_CACHE)
def decompose_label(text: str, format: FormatKey) -> tuple[tuple[LabelMatch, ...], ...]:
    """What labels run together name (行政复议行政诉讼, 信息内容本年处理决定数量: header lines glued by
    a converter): the matches of each label, when ``text`` is two or more whole labels of headers,
    groups or columns in exactly one way; else empty. Row labels are never split (a row's label and
    its neighbour's run together are a reading of run-together cells, not of headers)."""
    n = normalise_label(text)
    if len(n) < 4 or len(n) > 60 or match_label(text, format):
        return ()
    index = _index(format)
    count = [1] + [0] * len(n)  # count[i]: segmentations of n[:i] into labels (2: more than one)
    back: list[tuple[int, tuple[LabelMatch, ...]] | None] = [None] * (len(n) + 1)
    for i in range(1, len(n) + 1):
        for j in range(max(0, i - 60), i):
            if not count[j]:
                continue
            ms = index.get(n[j:i])
            if not ms or any(m.kind in ("row", "title") for m in ms):
                continue
            count[i] = min(2, count[i] + count[j])
            back[i] = (j, ms)
    if count[len(n)] != 1:
        return ()
    parts: list[tuple[LabelMatch, ...]] = []
    i = len(n)
    while i > 0:
        step = back[i]
        assert step is not None
        i, m = step
        parts.append(m)
    return tuple(reversed(parts)) if len(parts) >= 2 else ()


def _row_matches(row: _Row, format: FormatKey) -> list[tuple[GridCell, tuple[LabelMatch, ...]]]:
    out: list[tuple[GridCell, tuple[LabelMatch, ...]]] = []
    for c in row.labels:
        m = match_label(c.text, format)
        if not m and (parts := decompose_label(c.text, format)):
            out.extend((c, p) for p in parts)  # header labels run together: each says its table
        else:
            out.append((c, m))
    return out


def read_grids(
    grids: Sequence[Grid], *, format: FormatKey | None = None, unordered: Collection[int] = ()
) -> GridReading:
    """Read the report's tables from ``grids`` (rows of cells; merges expanded).

    Tables are found by their labels, wherever they are and however they are split; a grid with no
    known label at all is ignored (page furniture). ``format`` forces the format version; by
    default it is detected from the labels (None in the result when they do not tell and nothing
    could be read).

    ``unordered``: the indexes of grids whose cells are in the order an extractor emitted them, not
    necessarily the table's (text pulled out of a PDF without its layout, where a wide table comes
    out column by column and the values after a label need not be that row's). A table read from
    such a grid is kept only when the reading confirms itself: every row fits, no values are left
    without a label, and every sum of the table (GD201–GD203, GD301) holds. Otherwise none of its
    cells is placed and a GD108 finding says why.
    """
    all_texts = [c.text for g in grids for row in g for c in row if not c.continued]
    detected = format or detect_format(all_texts)
    fmt: FormatKey = detected or "2019"
    s = spec(fmt)
    st = _State(fmt)
    proactive_rows = {(b.key, r.key): b for b in s.proactive for r in b.rows}

    # one stream of rows over all grids that hold at least one known label: a table split
    # across pages (or across two grids) reads as one
    rows: list[_Row] = []
    width: int | None = None  # of the report grid just taken
    for gi, g in enumerate(grids):
        flow = gi in unordered
        grid_rows = [_split_row(r, flow) for r in g if r]
        # a table continued in a grid of its own without labels (the appeals values alone on the
        # next page) is taken when it follows a report grid directly and is as wide
        if not is_report_grid(g, fmt) and (
            width is None or max(len(r) for r in g) != width or not any(map(_has_values, grid_rows))
        ):
            width = None
            continue
        width = max(len(r) for r in g)
        for r in grid_rows:
            r.labels = _merge_fragments(r.labels, fmt)
        rows.extend(grid_rows)
    rows = _join_split_rows(rows, fmt)

    table: str | None = None
    block: str | None = None
    #: proactive: column keys in the order of each block's header (None: header not standard)
    header_columns: dict[str, list[str] | None] = {}
    appeals_done = False
    #: proactive blocks with extra header columns: (row width, [(position, column key)])
    header_layout: dict[str, tuple[int, list[tuple[int, str]]]] = {}
    nonstandard: dict[str, list[str]] = {}
    for row in rows:
        matches = _row_matches(row, fmt)
        known = [(c, m) for c, m in matches if m]
        unknown = [c for c, m in matches if not m]
        # labels that belong to one table only tell which table this row is in
        # (其他 and 总计 alone are common words: no vote; 其他 among 结果 / 尚未 is a piece of 其他结果)
        votes = Counter(
            next(iter(ts))
            for ts in ({mm.table for mm in m} for c, m in known if normalise_label(c.text) not in _GENERIC)
            if len(ts) == 1
        )
        ranked = votes.most_common(2)
        row_labels = [(c, m) for c, m in known if any(mm.kind == "row" for mm in m)]
        # which table are we in? the one most labels of this row belong to
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            table = ranked[0][0]
        elif row_labels:
            table = next(mm.table for mm in row_labels[-1][1] if mm.kind == "row")
        for _, m in known:
            if m[0].kind == "title" and m[0].table == "proactive":
                block = m[0].key
        if table is not None and known:
            st.tables.add(table)
        if row.flow and table is not None:
            st.flow_tables.add(table)

        if row_labels:
            cell, m = row_labels[-1]
            rm = next(mm for mm in m if mm.kind == "row")
            pos = next((i for i, c in enumerate(row.cells) if c is cell), None)
            if pos is not None:
                # every cell after the row's label is a value position (text there is GD102)
                row = _Row(row.cells, row.labels, row.cells[pos + 1 :], row.source, row.flow)
            before = {id(c) for c in row.cells[: pos if pos is not None else len(row.cells)]}
            for c in unknown:
                # pieces of labels (a group label broken around the row's: 度办 / 果) are no news
                if not c.continued and (pos is None or id(c) in before) and not _is_piece(c.text, fmt):
                    st.unplaced(
                        c, "a label in a table row that is not in the format", "表格行中无法识别的文字"
                    )
            if rm.table == "proactive":
                assert rm.block is not None
                b = proactive_rows[(rm.block, rm.key)]
                block = b.key
                layout = header_layout.get(b.key)
                if layout is not None and len(row.cells) == layout[0]:
                    # a non-standard header (extra columns): place what sits under a standard
                    # column label, position for position; the rest is in the GD106 above
                    for i, key in layout[1]:
                        st.place(f"proactive/{b.key}.{rm.key}/{key}", row.cells[i])
                    continue
                cols = header_columns.get(b.key) or [c.key for c in b.columns]
                _place_row(
                    st,
                    row,
                    [f"proactive/{b.key}.{rm.key}/{k}" for k in cols],
                    f"proactive/{b.key}.{rm.key}",
                    cell.text.strip(),
                )
            elif rm.table == "applications":
                fitted = _place_row(
                    st,
                    row,
                    [f"applications/{rm.key}/{c.key}" for c in APPLICATIONS_COLUMNS],
                    f"applications/{rm.key}",
                    cell.text.strip(),
                )
                misfit = None if fitted else st.findings[-1]
                st.sequence.append(("anchor" if fitted else "misfit", rm.key, row, misfit))
            continue

        if known and not _has_values(row):
            # a header row: column labels (and maybe group labels or a block title)
            if table == "proactive" and block is not None:
                cols = [
                    m[0].key for _, m in known if m[0].kind == "column" and any(mm.block == block for mm in m)
                ]
                keys = [c.key for c in s.block(block).columns]
                if cols:
                    standard = sorted(cols) == sorted(keys) and not unknown
                    header_columns[block] = cols if standard else None
                    header_layout.pop(block, None)
                    if not standard and sorted(set(cols)) == sorted(keys) and len(cols) == len(keys):
                        ids = {id(c): i for i, c in enumerate(row.cells)}
                        positions = [
                            (ids[id(c)], m[0].key)
                            for c, m in known
                            if m[0].kind == "column" and id(c) in ids and not c.continued
                        ]
                        distinct = len({p for p, _ in positions}) == len(positions)
                        if len(positions) == len(keys) and distinct:
                            header_layout[block] = (len(row.cells), positions)
            for c in unknown:
                if not c.continued and not _is_piece(c.text, fmt):
                    nonstandard.setdefault(table or "report", []).append(c.text.strip())
                    st.unplaced(
                        c,
                        "a column header that is not in the standard format (a non-standard table?)",
                        "表头中有标准格式没有的栏目（非标准表格？）",
                    )
        elif not _has_values(row):
            for c in unknown:
                if not c.continued and not _is_piece(c.text, fmt):
                    st.unplaced(c, "text in a table that could not be placed", "表格中无法归位的文字")
        if not _has_values(row):
            continue
        raw_row = " | ".join(_flat(c.text) for c in row.cells if not c.continued)
        if table == "appeals":
            # the appeals data row has no label of its own
            addresses = [f"appeals/{g.key}/{c.key}" for g in APPEALS_GROUPS for c in APPEALS_COLUMNS]
            if appeals_done:
                st.troubled("appeals", "unlabelled")
                st.findings.append(
                    CODES["GD106"].finding(
                        "a second row of values in the appeals table",
                        "行政复议、行政诉讼表中出现第二行数值",
                        source=row.source,
                        raw=raw_row,
                    )
                )
                continue
            appeals_done = True
            _place_row(st, row, addresses, "appeals", "行政复议、行政诉讼")
        else:
            st.troubled(table, "unlabelled")
            hint = _label_hint(row, fmt)
            st.findings.append(
                hint
                or CODES["GD106"].finding(
                    f"a row of values without a label of the format: {raw_row}",
                    f"没有可识别标签的一行数值：{raw_row}",
                    location=table,
                    source=row.source,
                    raw=raw_row,
                )
            )
            if table == "applications":
                st.sequence.append(("values" if not row.labels else "other", None, row, st.findings[-1]))

    for table_key, extra in nonstandard.items():
        names = "、".join(dict.fromkeys(extra))
        title = TABLE_TITLES.get(table_key, table_key)
        st.findings.append(
            CODES["GD106"].finding(
                f"the {table_key} table is not in the standard format (headers not in the format: "
                f"{names}); only the cells that could be placed with certainty were read",
                f"“{title}”表不是标准格式（表头中有格式没有的栏目：{names}），只读取了能确定位置的单元格",
                location=table_key if table_key in TABLE_TITLES else None,
                raw=names,
            )
        )
    _settle_runs(st)
    if "applications" not in st.flow_tables:
        _fill_gaps(st)
    for table_key in sorted(st.flow_tables):
        _confirm_order(st, table_key)
    return GridReading(
        detected,
        dict(st.cells),
        dict(st.raw),
        tuple(st.findings),
        frozenset(st.tables),
        dict(st.sources),
    )


def _flat(text: str) -> str:
    """A cell's text on one line: the lines of a wrapped or stacked label joined (三⏎、⏎本… → 三、本…),
    the spaces around each line break dropped. Linear (a pattern ``\\s*\\n\\s*`` is quadratic in a
    run of spaces without a line break)."""
    parts = text.strip().split("\n")
    if len(parts) == 1:
        return parts[0]
    return "".join([parts[0].rstrip(), *(p.strip() for p in parts[1:-1]), parts[-1].lstrip()])


def _row_addresses(format: FormatKey, table: str, key: str) -> list[str]:
    if table == "applications":
        return [f"applications/{key}/{c.key}" for c in APPLICATIONS_COLUMNS]
    for b in spec(format).proactive:
        if any(r.key == key for r in b.rows):
            return [f"proactive/{b.key}.{key}/{c.key}" for c in b.columns]
    return []


@cache
def _row_labels(format: FormatKey) -> tuple[tuple[str, str, str, str], ...]:
    """(normalised label without notes, official label, table, row key) of every row of the format."""
    s = spec(format)
    rows = [(r.label, "applications", r.key) for r in s.applications_rows if r.key is not None]
    rows += [(r.label, "proactive", r.key) for b in s.proactive for r in b.rows]
    return tuple((_without_notes(normalise_label(label)), label, t, k) for label, t, k in rows)


_NEAR: Final = 0.75  #: how alike a misprinted label and an official one must be to name it
_MARGIN: Final = 0.1  #: ... and how much more alike than the next official label


def _label_hint(row: _Row, format: FormatKey) -> Finding | None:
    """For a row of values under a label the format does not have: a finding naming the official row
    meant, where that is plain, so a person corrects the label in one step; None otherwise. The
    values are never placed (a label that is not the format's is not certain).

    - a row under a group label (a 2019 （六）其他处理 row in a 2021 table, a subtotal on （三）不予公开)
      or a row of the other format version (a 2021 sub-row of （六） in a 2019 table): the rows of
      this format that hold its figures;
    - a misprinted label (2.其他法律行政止公开): the official label it is nearest to, when it is
      clearly nearer to that one than to any other and has the same item number.
    """
    own = [c for c in row.labels if not c.continued]
    if not own:
        return None
    # the row's own label is the one next to its values (group labels of merged cells stand left)
    c = own[-1]
    label = _flat(c.text)
    values = " | ".join(_flat(v.text) for v in row.values if not v.continued)
    hint = _rows_meant(c.text, label, values, row.source, format)
    if hint is not None:
        return hint
    n = normalise_label(label)
    if len(n) > MAX_LABEL_CHARS:
        return None  # no label (and the notes and difflib would take long)
    n = _without_notes(n)
    if len(n) < 4:
        return None
    scored = sorted(
        ((difflib.SequenceMatcher(None, n, cand).ratio(), official, t, k) for cand, official, t, k in _row_labels(format)),
        reverse=True,
    )
    best, second = scored[0], scored[1]
    number = _ITEM_NUMBER.match(n)
    wanted = _ITEM_NUMBER.match(_without_notes(normalise_label(best[1])))
    if (
        best[0] < _NEAR
        or best[0] - second[0] < _MARGIN
        or (number is None) != (wanted is None)
        or (number is not None and wanted is not None and number.group(0) != wanted.group(0))
    ):
        return None
    _, official, table, key = best
    en, zh = msg.NEAREST_LABEL.both(label=label, official=official, values=values)
    return CODES["GD106"].finding(
        en,
        zh,
        location=f"{table}/{_row_location(format, table, key)}",
        cells=[CellRef(a, None) for a in _row_addresses(format, table, key)],
        source=row.source,
        raw=f"{label} | {values}",
    )


def _rows_meant(text: str, label: str, values: str, source: str, format: FormatKey) -> Finding | None:
    """The finding for a row whose label is a group label of the applications table (a 2019
    （六）其他处理 row in a 2021 table, a subtotal on （三）不予公开), or a row of the other format
    version only (a 2021 sub-row of （六） in a 2019 table): it names the rows that hold its figures."""
    mine = match_label(text, format)
    if any(m.kind == "row" for m in mine):
        return None
    other: FormatKey = "2019" if format == "2021" else "2021"
    groups = [m for m in mine if m.kind == "group" and m.table == "applications"]
    theirs = [m for m in match_label(text, other) if m.kind == "row"]
    layout = spec(format).applications_layout
    if groups:
        rows = [(lr.label, lr.key) for lr in layout if lr.key is not None and groups[0].key in lr.parents]
        message = msg.ROW_OF_OTHER_FORMAT if theirs else msg.GROUP_ROW
    elif theirs:
        rows = _rows_for(format, theirs[0].table, theirs[0].key, text)
        message = msg.SUBROW_OF_OTHER_FORMAT
    else:
        return None
    if not rows:
        return None
    labels = "、".join(official for official, _ in rows)
    en, zh = message.both(label=label, other=other, format=format, rows=labels, values=values)
    addresses = [a for _, key in rows for a in _row_addresses(format, "applications", key)]
    return CODES["GD106"].finding(
        en,
        zh,
        location="applications",
        cells=[CellRef(a, None) for a in addresses],
        source=source,
        raw=f"{label} | {values}",
    )


_ITEM_NUMBER: Final = re.compile(r"^(?:\d{1,2}\.|[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\))")


def _row_location(format: FormatKey, table: str, key: str) -> str:
    if table == "applications":
        return key
    for b in spec(format).proactive:
        if any(r.key == key for r in b.rows):
            return f"{b.key}.{key}"
    return key


def _rows_for(format: FormatKey, table: str, other_key: str, text: str) -> list[tuple[str, str]]:
    """(official label, key) of the row of ``format`` that holds what a sub-row of the other version
    (``other_key``, e.g. ``other.unpaid_fee``) holds: the row it is part of (``other``)."""
    if table != "applications":
        return []
    prefix = other_key.split(".", 1)[0]
    return [(lr.label, lr.key) for lr in spec(format).applications_layout if lr.key == prefix]


def _in_table(location: str | None, table: str) -> bool:
    return location is not None and (location == table or location.startswith(table + "/"))


def _confirm_order(st: _State, table: str) -> None:
    """Keep a table read from grids in the extractor's order only when the reading confirms itself
    (see :func:`read_grids`); else take its cells out and say why (GD108)."""
    trouble = st.trouble.get(table, Counter())
    why: list[tuple[str, str]] = []
    if trouble["misfit"]:
        why.append(msg.WHY_ROWS_DO_NOT_FIT.both(rows=trouble["misfit"]))
    if trouble["unlabelled"] or trouble["stray"]:
        why.append(msg.WHY_VALUES_WITHOUT_LABEL.both(rows=trouble["unlabelled"] + trouble["stray"]))
    broken = broken_sums(st.cells, table_sums(st.format, table))
    if broken:
        why.append(msg.WHY_SUMS_BROKEN.both(sums=len(broken), first=broken[0].name))
    if not why:
        return
    placed = [a for a in {**st.cells, **st.raw} if _in_table(a, table)]
    for a in placed:
        st.cells.pop(a, None)
        st.raw.pop(a, None)
        st.sources.pop(a, None)
    st.findings = [f for f in st.findings if not _in_table(f.location, table)]
    params = {"table": table, "title": TABLE_TITLES.get(table, table), "n": len(placed)}
    st.findings.append(
        CODES["GD108"].finding(
            msg.TABLE_OUT_OF_ORDER("en", why="; ".join(e for e, _ in why), **params),
            msg.TABLE_OUT_OF_ORDER("zh", why="；".join(z for _, z in why), **params),
            location=table,
        )
    )


def _place_row(st: _State, row: _Row, addresses: list[str], location: str, label: str) -> bool:
    """Place a row's values under ``addresses``; False (and a GD105) when they do not fit. Values
    that run together are handed to :mod:`.runs` (settled at the end, GD109 where not certain)."""
    pieces = _run_pieces(row.values, len(addresses))
    if pieces is not None:
        s = spec(st.format)
        columns = tuple(runs.Column(a, s.cell(a).kind, s.cell(a).unit) for a in addresses)
        parts = tuple((i, i + len(APPEALS_COLUMNS)) for i in range(0, len(addresses), len(APPEALS_COLUMNS)))
        st.run_rows.append(
            runs.RunRow(columns, pieces, location, label, row.source, parts if location == "appeals" else ())
        )
        return True
    fitted = _fit(row.values, len(addresses))
    if fitted is None:
        st.misfit(f"row {label!r}", f"“{label}”行", location, addresses, row, len(addresses))
        return False
    for address, cell in zip(addresses, fitted, strict=True):
        st.place(address, cell)
    return True


def _fill_gaps(st: _State) -> None:
    """Rows of values that lost their labels (a converter put the labels above or below the table),
    placed by the format's row order where that leaves no choice, and only when the table's sums
    confirm it.

    Between two rows of the applications table that were placed by their labels (in the format's
    order), the format has a known list of rows not yet placed. When the rows of values standing
    there without any label are complete (a value for each column) and exactly as many as those rows,
    they can only be those rows, in order; a label standing there with some values beside it must be
    one of those rows (a label alone is a converter's floating label and says nothing of position),
    and nothing else may stand there. The filling is then kept only if every sum it
    touches holds with every cell of the sum read: each filled row's total, the 总计 row's columns
    (for result rows) and the 勾稽关系 (for the others). Otherwise nothing is filled.
    """
    rows = spec(st.format).applications_rows
    keys = [r.key for r in rows if r.key is not None]
    order = {k: i for i, k in enumerate(keys)}
    seq = st.sequence
    anchors = [(n, key) for n, (kind, key, _, _) in enumerate(seq) if kind == "anchor" and key is not None]
    if any(order[b] <= order[a] for (_, a), (_, b) in itertools.pairwise(anchors)):
        return  # rows out of the format's order: no position can be trusted
    width = len(APPLICATIONS_COLUMNS)
    placed_rows = {k for k in keys if any(f"applications/{k}/{c.key}" in st.cells for c in APPLICATIONS_COLUMNS)}
    plan: list[tuple[str, list[GridCell], Finding | None]] = []
    misfits: list[tuple[str | None, Finding]] = []
    for (n1, k1), (n2, k2) in itertools.pairwise(anchors):
        between = seq[n1 + 1 : n2]
        loose = [e for e in between if e[0] == "values"]
        if not loose or any(e[0] == "other" for e in between):
            continue
        missing = [k for k in keys[order[k1] + 1 : order[k2]] if k not in placed_rows]
        # labels standing apart from values (a converter floats them above or below, past other
        # rows) say nothing of position; a label with some values beside it must be one of the gap's
        labelled = {e[1] for e in between if e[0] == "misfit" and _has_values(e[2])}
        values = [_fit(e[2].values, width) for e in loose]
        if len(loose) != len(missing) or not labelled <= set(missing) or any(v is None for v in values):
            continue
        for key, e, v in zip(missing, loose, values, strict=True):
            assert v is not None
            plan.append((key, v, e[3]))
        misfits.extend((e[1], e[3]) for e in between if e[0] == "misfit" and e[3] is not None)
    if not plan:
        return
    trial: dict[str, Cell] = dict(st.cells)
    for key, cells, _ in plan:
        for c, cell in zip(APPLICATIONS_COLUMNS, cells, strict=True):
            cs = spec(st.format).cell(f"applications/{key}/{c.key}")
            trial[f"applications/{key}/{c.key}"] = _parse_cell(cell.text.strip(), cs.kind, cs.unit).value
    filled = {key for key, _, _ in plan}
    results = set(spec(st.format).result_rows)
    needed = [
        s
        for s in table_sums(st.format, "applications")
        if (s.kind == "row" and s.key in filled)
        or (s.kind == "column" and filled & results)
        or (s.kind == "balance" and filled - results)
    ]
    complete = all(isinstance(trial.get(a), int) for s in needed for a in s.addresses)
    if not complete or broken_sums(trial, tuple(needed)):
        return
    for key, cells, _ in plan:
        for c, cell in zip(APPLICATIONS_COLUMNS, cells, strict=True):
            st.place(f"applications/{key}/{c.key}", cell)
    # a label that stood apart from its values is told no more once its row is filled; one whose row
    # was not filled keeps its finding
    misfits = [(key, f) for key, f in misfits if key in filled]
    gone = {id(f) for _, _, f in plan if f is not None} | {id(f) for _, f in misfits}
    st.findings = [f for f in st.findings if id(f) not in gone]
    for _, f in misfits:
        # the label stood apart from its values; what stood beside it (a stray value) is still said
        stray = [v.strip() for v in (f.raw or "").split(" | ") if v.strip() and is_value_text(v)]
        if stray:
            st.findings.append(
                CODES["GD106"].finding(
                    *msg.STRAY_VALUES.both(values=" ".join(stray), raw=f.raw or ""),
                    source=f.source,
                    raw=f.raw,
                )
            )


def _run_pieces(values: Sequence[GridCell], n: int) -> tuple[runs.Piece, ...] | None:
    """The row's values as pieces for :mod:`.runs` when they run together, else None.

    They run together when the reader marked a cell so (``glued``), or when the row does not fit its
    columns and a cell holds digits that cannot be one value (``00``, ``0000000``: no value is written
    with a leading zero). A cell of its own that can be one value is never split.
    """
    cells = [c for c in values if not c.continued]
    glued = any(c.glued for c in cells)
    if not glued:
        if _fit(list(cells), n) is not None:
            return None
        while cells and not cells[-1].text.strip():
            cells.pop()
        while cells and not cells[0].text.strip():
            cells.pop(0)
        if not any(_leading_zero(c.text) for c in cells):
            return None
        if not all(not c.text.strip() or runs.is_run_text(c.text) for c in cells):
            return None
    pieces: list[runs.Piece] = []
    for c in cells:
        if c.glued and not c.text.strip():
            if pieces:  # whitespace before the first run is no gap between runs
                pieces.append(runs.Piece(c.text, "gap"))
        elif c.glued or _leading_zero(c.text):
            pieces.append(runs.Piece(c.text, "run"))
        else:
            pieces.append(runs.Piece(c.text, "value"))
    while pieces and pieces[-1].kind == "gap":
        pieces.pop()
    return tuple(pieces) if pieces else None


_LEADING_ZERO: Final = re.compile(r"^0\d")


def _leading_zero(text: str) -> bool:
    return bool(_LEADING_ZERO.match(unicodedata.normalize("NFKC", text).strip()))


def _settle_runs(st: _State) -> None:
    """Split the rows whose values run together where :func:`.runs.settle` finds it certain."""
    if not st.run_rows:
        return
    for outcome in runs.settle(st.run_rows, st.cells, st.format):
        row = outcome.row
        if outcome.finding is not None:
            st.findings.append(outcome.finding)
        if outcome.split is None:
            continue
        for col, text, placed in zip(row.columns, outcome.split.texts, outcome.placed, strict=True):
            if placed:
                st.place(col.address, GridCell(text, row.source))
