"""The table-reading engine shared by the DOCX, HTML and text readers.

Rows of cells in, report cells out. A reader turns its tables into :data:`Grid` s (rows of
:class:`GridCell`, merged cells expanded and marked ``continued``); :func:`read_grids` finds the
three statistical tables by their labels (never by position), detects the format version from the
labels, places every value it can place with certainty and reports the rest:

- GD102 — a cell that is not a number (with its source position),
- GD105 — a row whose values do not fit the columns (with the raw cells; nothing is guessed),
- GD106 — a label it cannot place, a row of values without a known label, or a non-standard table.

Labels are compared after :func:`normalise_label` (width, brackets, spaces and line breaks, item
numbering, quotes) and with the reading variants of FORMAT.md §8 (社会组织, 过程序性信息, notes in
brackets, 政府采购, …). The official wording itself comes from :mod:`gov_disclosure.core.vocabulary`.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import cache, lru_cache
from typing import Final, Literal, TypeAlias

import attrs

from ..core.codes import CODES
from ..core.findings import CellRef, Finding
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

__all__ = [
    "LABEL_VARIANTS",
    "Grid",
    "GridCell",
    "GridReading",
    "LabelMatch",
    "detect_format",
    "is_report_grid",
    "is_value_text",
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

_QUOTES = re.compile(r"[“”\"'‘’「」『』]")
_SPACE = re.compile(r"\s+")
_ITEM = re.compile(r"^(\d{1,2})[.、,，．:：]\s*")
_CN_ITEM = re.compile(r"^([一二三四五六七八九十]{1,3})[、.,，．]\s*")
_BRACKET_ITEM = re.compile(r"^\(([一二三四五六七八九十]{1,3})\)[、.,]?")
_NOTE = re.compile(r"(?<=.)\([^()]*\)")


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
    """A normalised label without bracketed notes after its start (（指2018年事项数）, （区分处理的…）)."""
    prev = None
    while prev != t:
        prev, t = t, _NOTE.sub("", t)
    return t


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
    index: dict[str, list[LabelMatch]] = {}
    for label, m in entries:
        n = normalise_label(label)
        for form in dict.fromkeys((n, _without_notes(n))):
            if m not in index.setdefault(form, []):
                index[form].append(m)
    return {k: tuple(v) for k, v in index.items()}


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


def _split_row(cells: Sequence[GridCell]) -> _Row:
    # Labels stand left of the values: the label part ends before the first filled value, so a
    # word among the values ("0 | 不详 | 0") stays a value (GD102), not a label.
    first_value = next(
        (i for i, c in enumerate(cells) if not c.continued and c.text.strip() and is_value_text(c.text)),
        len(cells),
    )
    last = -1
    for i, c in enumerate(cells[:first_value]):
        if not c.continued and not is_value_text(c.text):
            last = i
    if first_value == len(cells):
        last = max(
            (i for i, c in enumerate(cells) if not c.continued and not is_value_text(c.text)), default=-1
        )
    # label cells repeated by a merge (continued) still name the row's groups
    labels = [c for c in cells[: last + 1] if c.text.strip() and not is_value_text(c.text)]
    values = list(cells[last + 1 :])
    source = cells[0].source if cells else "?"
    return _Row(list(cells), labels, values, source)


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
                    out.append(_Row(row.cells + nxt.cells, [*row.labels[:-1], label], values, row.source))
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


def _is_piece(text: str, format: FormatKey) -> bool:
    return normalise_label(text) in _pieces(format)


def _row_matches(row: _Row, format: FormatKey) -> list[tuple[GridCell, tuple[LabelMatch, ...]]]:
    return [(c, match_label(c.text, format)) for c in row.labels]


def read_grids(grids: Sequence[Grid], *, format: FormatKey | None = None) -> GridReading:
    """Read the report's tables from ``grids`` (rows of cells; merges expanded).

    Tables are found by their labels, wherever they are and however they are split; a grid with no
    known label at all is ignored (page furniture). ``format`` forces the format version; by
    default it is detected from the labels (None in the result when they do not tell and nothing
    could be read).
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
    for g in grids:
        grid_rows = [_split_row(r) for r in g if r]
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
        votes = Counter(next(iter(ts)) for ts in ({mm.table for mm in m} for _, m in known) if len(ts) == 1)
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

        if row_labels:
            cell, m = row_labels[-1]
            rm = next(mm for mm in m if mm.kind == "row")
            pos = next((i for i, c in enumerate(row.cells) if c is cell), None)
            if pos is not None:
                # every cell after the row's label is a value position (text there is GD102)
                row = _Row(row.cells, row.labels, row.cells[pos + 1 :], row.source)
            before = {id(c) for c in row.cells[: pos if pos is not None else len(row.cells)]}
            for c in unknown:
                if not c.continued and (pos is None or id(c) in before):
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
                _place_row(
                    st,
                    row,
                    [f"applications/{rm.key}/{c.key}" for c in APPLICATIONS_COLUMNS],
                    f"applications/{rm.key}",
                    cell.text.strip(),
                )
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
                        if len(positions) == len(keys):
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
            hint, hint_zh = _nearest(row, table, fmt)
            st.findings.append(
                CODES["GD106"].finding(
                    f"a row of values without a label of the format: {raw_row}{hint}",
                    f"没有可识别标签的一行数值：{raw_row}{hint_zh}",
                    source=row.source,
                    raw=raw_row,
                )
            )

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


@cache
def _row_labels(format: FormatKey, table: str) -> tuple[tuple[str, str], ...]:
    """(normalised, official) row labels of one table of the format."""
    s = spec(format)
    if table == "applications":
        labels = [lr.label for lr in s.applications_layout if lr.key is not None]
    elif table == "proactive":
        labels = [r.label for b in s.proactive for r in b.rows]
    else:
        return ()
    return tuple((normalise_label(label), label) for label in labels)


def _nearest(row: _Row, table: str | None, format: FormatKey) -> tuple[str, str]:
    """Why a row's label is none of the format's, for a person to fix it in one step: the official
    row label nearest to it (a misprint), or the rows a group label stands for (a row of an older
    format: （六）其他处理 as one row where the format has three)."""
    labels = [c for c in row.labels if not c.continued]
    if not labels or table is None:
        return "", ""
    text = _flat(labels[-1].text)
    matches = match_label(text, format)
    groups = [m for m in matches if m.kind == "group" and m.table == table]
    if groups:
        key = groups[0].key
        under = [lr.label for lr in spec(format).applications_layout if lr.parents and lr.parents[-1] == key]
        if under:
            return (
                f" ('{text}' heads rows of its own in the {format} format: {'; '.join(under)})",
                f"（“{text}”在{format}年格式中下分各行：{'；'.join(under)}）",
            )
        return "", ""
    if matches:
        return "", ""
    n = normalise_label(text)
    if len(n) > MAX_LABEL_CHARS:
        return "", ""  # no label (and difflib would take long)
    best, score = "", 0.0
    for norm, official in _row_labels(format, table):
        r = difflib.SequenceMatcher(None, n, norm).ratio()
        if r > score:
            best, score = official, r
    if score < 0.6:
        return "", ""
    return f" (nearest label of the format: '{best}')", f"（最接近的格式标签：“{best}”）"


def _place_row(st: _State, row: _Row, addresses: list[str], location: str, label: str) -> None:
    fitted = _fit(row.values, len(addresses))
    if fitted is None:
        st.misfit(f"row {label!r}", f"“{label}”行", location, addresses, row, len(addresses))
        return
    for address, cell in zip(addresses, fitted, strict=True):
        st.place(address, cell)
