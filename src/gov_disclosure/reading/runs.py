"""Values that run together: splitting a row whose cells lost their separators, only where certain.

Text pulled out of a web page (``get_text()`` of the report's HTML) glues a row's cells:
``1.属于国家秘密0000000``, ``规章000行政规范性文件6233440``. A *run* is such a stretch of digits (with
perhaps a decimal point, a sign, a missing marker "/" or "—", a unit) that holds several values. The
engine (:func:`gov_disclosure.reading.engine.read_grids`) hands every row whose values are run together
to :func:`settle`, with the cells it already read; this module decides which rows can be split.

What is assumed, what is used, what is placed
---------------------------------------------
1. **Candidates.** A *split* of a row cuts its run into exactly as many values as the row has columns,
   each written as the format writes a value (the *digit-count* constraint): a count is ``0`` or digits
   without a leading zero (``05`` is never a value); an amount is such an integer part with perhaps a
   decimal part and a unit; a signed change may start with ``+``/``-``; a missing marker ("/", "—",
   "-") is one value on its own. Splits are counted by dynamic programming before any is built; a row
   with more than :data:`MAX_SPLITS` of them, or a run longer than :data:`MAX_RUN_CHARS`, is declined
   outright. No value is longer than :data:`MAX_VALUE_DIGITS` digits.
2. **The sums of the format** are the only other evidence: each applications row's 总计 (GD201), each
   column's （七）总计 against the results (GD202), each column's balance 一+二 = 三+四 (GD203), each
   appeals group's 总计 (GD301). The proactive table has no sum. A sum is *checkable* for a reading when
   every cell in it is a number (a missing or unread cell makes it not checkable, as in the rules).
3. **The catch.** A report's printed sums may be wrong, and then "the only split that satisfies the
   sums" is a wrong reading: ``0010111`` (行政复议 printed 0 | 0 | 10 | 11 | 1, a wrong total) has
   exactly one split whose group adds up, 0 | 0 | 10 | 1 | 11. No use of the sums is safe for a report
   whose sums are arbitrarily wrong; what *can* be made safe is a reading that would be wrong only if
   the report broke several of its own sums, each in exactly the way another split repairs. So the
   readings of the table (one split per run-together row, together) are compared by the number of
   sums they break (their *cost*, counting only sums through a run-together row), and a row (an
   appeals group: each group on its own) is placed when

   - every reading whose cost is at most ``best + 1`` (``best``: the lowest cost of any reading) gives
     it the same split. The rule: **a wrong placement needs a report that breaks at least two more of
     its sums than the placed reading does, all of them sums through the misread cells, and in
     exactly the way another split of the same digits repairs.** A report that breaks at most one
     sum is never misread. A report with one misprinted number breaks its row total and its column
     sum(s); another split of that row differs from it in two or more cells, and so breaks the column
     sums of the cells the misprint did not touch, unless other rows' splits make up for it exactly;
   - the row's reading is *confirmed*: under the best readings some checkable sum through it holds
     and none breaks. Run-together text cannot show a blank cell (an empty ``<td>`` leaves nothing
     behind), so a row ``3 · (blank) · 0 · 0 · 0 · 7 · 10`` arrives as ``3000710`` and splits one way
     only, wrongly, into seven digits. A reading that no sum confirms (a proactive row, or a row whose
     sums are broken or not checkable) is placed only if its run cannot be read as fewer values
     either (``000`` can only be three zeros; ``952`` can be 95 and 2 with a blank).

   Every other row is declined with a GD109 finding that says how many splits fit, and why they could
   not be told apart. Whitespace between two runs of one row (``3\u00a0000710``: the ``&nbsp;`` of a
   blank cell, or a separator) is read both ways, a separator and blank cells, so it is never guessed.

How: rows that split one way are settled first (placed when confirmed or blank-proof) and are known
from then on; rows whose every split breaks their own total are declined (and their cells are not
known). The rest are weighed group by group of rows linked by sums: a row on its own by its own
sums; a linked group by a search over its readings that cost at most 1 (every row keeping its own
sums and at most one sum between rows broken, or one row breaking its own sum and none between rows:
that row's split is built from the values the other rows require). A linked group none of whose
readings keeps every sum (``best`` over :data:`MAX_BROKEN`) is not searched further: the rows without
which the others have such a reading are declined, and the others weighed without them (that only
drops sums); otherwise its ambiguous rows are declined. The search stops after :data:`MAX_NODES`
steps: a group it cannot finish has its ambiguous rows declined, never placed on a partial search.

Layer: reading. Imports only the core.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Final, Literal, TypeAlias

import attrs

from ..core.codes import CODES
from ..core.findings import CellRef, Finding
from ..core.messages import Message
from ..core.messages import reading as m
from ..core.sums import Sum, format_sums
from ..core.values import Cell, parse_cell
from ..core.vocabulary import (
    CellKind,
    FormatKey,
    Unit,
)

__all__ = [
    "MAX_BROKEN",
    "MAX_NODES",
    "MAX_RUN_CHARS",
    "MAX_SPLITS",
    "MAX_VALUE_DIGITS",
    "Column",
    "Equation",
    "Outcome",
    "Piece",
    "RunRow",
    "Split",
    "count_splits",
    "equations",
    "is_run_text",
    "settle",
    "splits",
]

#: a row whose run-together text (all its pieces) is longer than this is declined outright: the
#: longest real row, the appeals table's fifteen values, has some forty digits
MAX_RUN_CHARS: Final = 64
#: no value of a report has more digits than this (a count of ten billion is not a count)
MAX_VALUE_DIGITS: Final = 10
#: a row with more splits than this is declined without building them
MAX_SPLITS: Final = 20_000
#: steps of the search over a table's readings; a search that needs more declines its ambiguous rows
MAX_NODES: Final = 300_000
#: a group of linked rows is searched only when one of its readings breaks at most this many sums
MAX_BROKEN: Final = 0
#: own-keeping splits of a group's rows that make at most this many combinations are tried one by one
_SMALL_PRODUCT: Final = 256
#: a stretch of whitespace between two runs of a row stands for a separator, or for as many blank
#: cells as it has whitespace characters (``&nbsp;`` per blank cell), at most this many
_MAX_GAP_BLANKS: Final = 3

PieceKind: TypeAlias = Literal["run", "value", "gap"]


@attrs.frozen
class Piece:
    """One stretch of a row's values as the reader found it.

    ``run``: text that may hold several values run together; ``value``: exactly one value (a cell of
    its own, blank for a blank cell); ``gap``: whitespace between two runs (a separator, or a blank
    cell whose ``&nbsp;`` is all that is left).
    """

    text: str
    kind: PieceKind


@attrs.frozen
class Column:
    """One cell the row's values go to."""

    address: str
    kind: CellKind
    unit: Unit | None = None


@attrs.frozen
class RunRow:
    """A row whose values run together, as the engine hands it over."""

    columns: tuple[Column, ...]
    pieces: tuple[Piece, ...]
    location: str  #: e.g. ``applications/new`` or ``appeals``
    label: str  #: the row's label as found, for the findings
    source: str
    #: column ranges placed (or declined) together, e.g. the three groups of the appeals row; by
    #: default the whole row
    parts: tuple[tuple[int, int], ...] = ()

    @property
    def text(self) -> str:
        """The run-together values as found (pieces joined)."""
        return "".join(p.text for p in self.pieces)


@attrs.frozen
class Split:
    """One way to cut a row's run into its columns: each value's text and value."""

    texts: tuple[str, ...]
    values: tuple[Cell, ...]


@attrs.frozen
class Outcome:
    """What :func:`settle` decided for one row: the split, which of its columns to place, and a
    finding for what is not placed."""

    row: RunRow
    split: Split | None
    placed: tuple[bool, ...]
    finding: Finding | None
    how: Literal["digits", "sums", "declined"]


@attrs.frozen
class Equation:
    """A sum of the format: ``sum(plus) == sum(minus)``."""

    code: str  #: the rule that checks it (GD201, GD202, GD203, GD301)
    plus: tuple[str, ...]
    minus: tuple[str, ...]
    where: str  #: the row, column or group it is about (an address prefix, for the findings)


# -- the sums of the format --------------------------------------------------------------------------


@lru_cache(maxsize=4)
def equations(format: FormatKey) -> tuple[Equation, ...]:
    """The sums a report of ``format`` states (those the rules GD201–GD203 and GD301 check: the
    format's sums of :mod:`gov_disclosure.core.sums`), each row's, then each column's and its balance,
    then each appeals group's."""
    by_kind: dict[str, list[Sum]] = {}
    for s in format_sums(format):
        by_kind.setdefault(s.kind, []).append(s)
    ordered = [
        *by_kind["row"],
        *itertools.chain.from_iterable(zip(by_kind["column"], by_kind["balance"], strict=True)),
        *by_kind["group"],
    ]
    return tuple(Equation(s.code, s.parts, s.totals, _where(s)) for s in ordered)


def _where(s: Sum) -> str:
    """The row or group a row's or a group's sum is about; the total cell of a column's; the
    balance of a column."""
    return f"{s.table}/{s.key}" if s.kind in ("row", "group") else s.location


# -- the values a run may hold -----------------------------------------------------------------------

_DASHES: Final = str.maketrans({"－": "-", "−": "-", "–": "—", "／": "/", "＋": "+"})
#: what a run is made of (after NFKC): digits, a decimal point, signs, missing markers, units
_RUN_CHARS: Final = re.compile(r"^[0-9.+\-/—元万件个项]+$")
_UNITS_AFTER: Final = ("万元", "元", "件", "个", "项")
_AMOUNT_UNITS: Final = ("万元", "元")


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_DASHES)


def is_run_text(text: str) -> bool:
    """True when ``text`` is made only of what values are written with (digits, ``.``, signs,
    missing markers, units), so it may hold values run together."""
    t = _norm(text).strip()
    return bool(t) and bool(_RUN_CHARS.match(t)) and any(ch.isdigit() for ch in t)


def _digits_end(s: str, i: int) -> int:
    """Where the digits starting at ``i`` may end at most (exclusive)."""
    j = i
    while j < len(s) and s[j].isdigit():
        j += 1
    return j


def _integer_ends(s: str, i: int) -> list[int]:
    """Ends of a canonical integer starting at ``i``: ``0`` alone, or 1–MAX digits not starting with 0."""
    if i >= len(s) or not s[i].isdigit():
        return []
    if s[i] == "0":
        return [i + 1]
    last = min(_digits_end(s, i), i + MAX_VALUE_DIGITS)
    return list(range(i + 1, last + 1))


def _with_units(s: str, ends: list[int], units: Sequence[str]) -> list[int]:
    out: list[int] = []
    for j in ends:
        out.append(j)
        for u in units:
            if s.startswith(u, j):
                out.append(j + len(u))
    return out


@lru_cache(maxsize=4096)
def _value_ends(s: str, i: int, kind: CellKind) -> tuple[int, ...]:
    """Every end ``j`` such that ``s[i:j]`` is one value of ``kind`` as the format writes it."""
    if i >= len(s):
        return ()
    ch = s[i]
    out: list[int] = []
    if ch == "/":
        out.append(i + 1)
    elif ch == "—":
        j = i
        while j < len(s) and s[j] == "—":
            j += 1
        out.append(j)  # "—" and "——" are one marker
    elif ch == "-":
        out.append(i + 1)  # a lone "-" is a missing value (FORMAT.md §5)
    if kind is CellKind.SIGNED and ch in "+-":
        out.extend(_with_units(s, _integer_ends(s, i + 1), ("件", "个", "项")))
    elif kind is CellKind.AMOUNT:
        for j in _integer_ends(s, i):
            out.extend(_with_units(s, [j], _AMOUNT_UNITS))
            if j < len(s) and s[j] == ".":
                k = j + 1
                while k < len(s) and s[k].isdigit() and k - j <= MAX_VALUE_DIGITS:
                    k += 1
                    out.extend(_with_units(s, [k], _AMOUNT_UNITS))
    elif ch.isdigit():
        out.extend(_with_units(s, _integer_ends(s, i), _UNITS_AFTER))
    return tuple(sorted(set(out)))


@attrs.frozen
class _Prepared:
    """A row's pieces, normalised (NFKC, dashes unified, spaces inside a run dropped)."""

    norm: tuple[str, ...]
    kinds: tuple[PieceKind, ...]
    blanks: tuple[int, ...]  #: for a gap: how many blank cells it may stand for


def _prepare(pieces: Sequence[Piece]) -> _Prepared:
    norm = []
    blanks = []
    for p in pieces:
        text = "" if p.kind == "gap" else _norm(p.text)
        norm.append(re.sub(r"\s+", "", text))
        blanks.append(min(max(len(p.text), 1), _MAX_GAP_BLANKS) if p.kind == "gap" else 0)
    return _Prepared(tuple(norm), tuple(p.kind for p in pieces), tuple(blanks))


def _one_value(text: str, kind: CellKind) -> bool:
    if text == "":
        return True  # a blank cell: missing
    return len(text) in _value_ends(text, 0, kind)


class _Counter:
    """Counts (and lists) the splits of prepared pieces into columns of the given kinds: dynamic
    programming over (piece, position in it, column)."""

    def __init__(self, prep: _Prepared, kinds: Sequence[CellKind]) -> None:
        self.prep = prep
        self.kinds = tuple(kinds)
        self.memo: dict[tuple[int, int, int], int] = {}

    def count(self, p: int = 0, i: int = 0, k: int = 0) -> int:
        key = (p, i, k)
        hit = self.memo.get(key)
        if hit is None:
            hit = self.memo[key] = sum(ways for *_, ways in self._steps(p, i, k))
        return hit

    def _steps(self, p: int, i: int, k: int) -> Iterator[tuple[int, int, int, str | None, int]]:
        """The ways on from (p, i, k): (next p, next i, next k, the value's text or None, ways)."""
        prep, n = self.prep, len(self.kinds)
        if p == len(prep.norm):
            if k == n:
                yield p, i, k, None, 1
            return
        kind, s = prep.kinds[p], prep.norm[p]
        if kind == "gap":
            # in a gap, ``i`` counts the blank cells it has stood for so far
            yield p + 1, 0, k, None, self.count(p + 1, 0, k)
            if i < prep.blanks[p] and k < n:
                yield p, i + 1, k + 1, "", self.count(p, i + 1, k + 1)
            return
        if k >= n:
            return
        if kind == "value":
            if _one_value(s, self.kinds[k]):
                yield p + 1, 0, k + 1, s, self.count(p + 1, 0, k + 1)
            return
        for j in _value_ends(s, i, self.kinds[k]):
            nxt = (p, j) if j < len(s) else (p + 1, 0)
            ways = self.count(nxt[0], nxt[1], k + 1)
            if ways:
                yield nxt[0], nxt[1], k + 1, s[i:j], ways

    def texts(self, p: int = 0, i: int = 0, k: int = 0) -> Iterator[tuple[str, ...]]:
        """Every split, as the (normalised) text of each value; "" for a blank cell."""
        if p == len(self.prep.norm):
            if k == len(self.kinds):
                yield ()
            return
        for p2, i2, k2, text, ways in self._steps(p, i, k):
            if ways:
                for rest in self.texts(p2, i2, k2):
                    yield rest if text is None else (text, *rest)


def _too_long(pieces: Sequence[Piece]) -> int:
    return sum(len(_norm(p.text).strip()) for p in pieces if p.kind != "gap")


def count_splits(pieces: Sequence[Piece], kinds: Sequence[CellKind]) -> int:
    """How many ways the pieces can be cut into one value per column of ``kinds`` (0 for a run over
    :data:`MAX_RUN_CHARS`)."""
    if _too_long(pieces) > MAX_RUN_CHARS:
        return 0
    digits = _digits_only(pieces, kinds)
    if digits is not None:
        return _count_digits(digits, len(kinds))
    return _Counter(_prepare(pieces), kinds).count()


def _digits_only(pieces: Sequence[Piece], kinds: Sequence[CellKind]) -> str | None:
    """The run when it is one run of digits into counts (the common case), else None."""
    if len(pieces) != 1 or pieces[0].kind != "run" or any(k is not CellKind.COUNT for k in kinds):
        return None
    text = _prepare(pieces).norm[0]
    return text if text.isdigit() else None


def _count_digits(s: str, n: int) -> int:
    """:func:`count_splits` for one run of digits into ``n`` counts: ``ways[i]`` is the number of
    ways to cut ``s[i:]`` into the values left, one column at a time."""
    size = len(s)
    ways = [0] * (size + 1)
    ways[size] = 1  # no column left, no digit left
    for _ in range(n):
        nxt = [0] * (size + 1)
        for i in range(size):
            if s[i] == "0":
                nxt[i] = ways[i + 1]
            else:
                nxt[i] = sum(ways[i + 1 : min(size, i + MAX_VALUE_DIGITS) + 1])
        ways = nxt
    return ways[0]


def _fewer_fit(pieces: Sequence[Piece], kinds: Sequence[CellKind]) -> bool:
    """Whether the pieces could also be one value fewer (a blank cell lost somewhere among them)."""
    return any(count_splits(pieces, [*kinds[:k], *kinds[k + 1 :]]) for k in range(len(kinds)))


def splits(row: RunRow, limit: int = MAX_SPLITS) -> list[Split] | None:
    """Every split of the row's run into its columns (None when there are more than ``limit``)."""
    kinds = [c.kind for c in row.columns]
    counter = _Counter(_prepare(row.pieces), kinds)
    if _too_long(row.pieces) > MAX_RUN_CHARS or counter.count() > limit:
        return None
    out: list[Split] = []
    seen: dict[tuple[str, int], Cell] = {}
    for texts in counter.texts():
        values: list[Cell] = []
        for pos, t in enumerate(texts):
            value = seen.get((t, pos), seen)
            if value is seen:
                col = row.columns[pos]
                if t.isdigit() and col.kind is not CellKind.AMOUNT:
                    value = int(t)
                else:
                    value = parse_cell(t, col.kind, col.unit).value if t else None
                seen[(t, pos)] = value
            values.append(value)  # type: ignore[arg-type]
        out.append(Split(texts, tuple(values)))
    return out


# -- settling the rows of a table -------------------------------------------------------------------


def _as_int(value: Cell) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


#: a sum as it touches one row: a constant (the known cells) and the row's terms (position, sign)
_Terms: TypeAlias = tuple[tuple[int, int], ...]


def _contribution(split: Split, terms: _Terms) -> int | None:
    total = 0
    for pos, sign in terms:
        x = _as_int(split.values[pos])
        if x is None:
            return None
        total += sign * x
    return total


@attrs.define(eq=False)
class _Var:
    """A run-together row that splits at least one way, with the sums through it alone."""

    row: RunRow
    ways: int  #: how many splits (counted, not built)
    own: list[tuple[int, _Terms]]  #: its own sums: const + terms == 0
    _all: list[Split] | None = None
    _keeping: list[Split] | None = None
    _run: str | bool | None = False  # the single run of digits (False: not computed)
    _fewer: bool | None = None

    def single_run(self) -> str | None:
        if self._run is False:
            self._run = _single_run(self.row)
        return self._run  # type: ignore[return-value]

    def fewer(self) -> bool:
        """Whether the run could also be one value fewer (a blank cell lost)."""
        if self._fewer is None:
            self._fewer = _fewer_fit(self.row.pieces, [c.kind for c in self.row.columns])
        return self._fewer

    def all(self) -> list[Split]:
        if self._all is None:
            found = splits(self.row)
            assert found is not None  # ways <= MAX_SPLITS was checked
            self._all = found
        return self._all

    def own_cost(self, split: Split) -> tuple[int, bool]:
        """How many own sums the split breaks, and whether one is checkable and holds."""
        broken, held = 0, False
        for const, terms in self.own:
            x = _contribution(split, terms)
            if x is not None:
                if const + x:
                    broken += 1
                else:
                    held = True
        return broken, held

    def reset(self) -> None:
        """Forget what depended on the own sums (they are about to be rebuilt)."""
        self._keeping = None

    def keeping(self) -> list[Split]:
        """The splits that break none of the row's own sums (or cannot check them)."""
        if self._keeping is None:
            fast = _keeping_by_total(self)
            self._keeping = fast if fast is not None else [sp for sp, _ in _within(self, 0)]
        return self._keeping


def _within(var: _Var, budget: int) -> list[tuple[Split, int]]:
    """The row's splits that break at most ``budget`` of its own sums, with how many they break:
    built value by value, each own sum checked as soon as its last cell is placed."""
    row = var.row
    counter = _Counter(_prepare(row.pieces), [c.kind for c in row.columns])
    closing: dict[int, list[tuple[int, _Terms]]] = {}
    for const, terms in var.own:
        closing.setdefault(max(p for p, _ in terms), []).append((const, terms))
    out: list[tuple[Split, int]] = []
    texts: list[str] = []
    values: list[Cell] = []

    def value_of(text: str, col: Column) -> Cell:
        if text.isdigit() and col.kind is not CellKind.AMOUNT:
            return int(text)
        return parse_cell(text, col.kind, col.unit).value if text else None

    def walk(p: int, i: int, k: int, cost: int) -> None:
        if p == len(counter.prep.norm):
            if k == len(row.columns):
                out.append((Split(tuple(texts), tuple(values)), cost))
            return
        for p2, i2, k2, text, ways in counter._steps(p, i, k):
            if not ways:
                continue
            if text is None:
                walk(p2, i2, k2, cost)
                continue
            texts.append(text)
            values.append(value_of(text, row.columns[k]))
            extra = 0
            for const, terms in closing.get(k, ()):
                total = const
                for pos, sign in terms:
                    x = _as_int(values[pos])
                    if x is None:
                        break
                    total += sign * x
                else:
                    extra += total != 0
            if cost + extra <= budget:
                walk(p2, i2, k2, cost + extra)
            texts.pop()
            values.pop()

    walk(0, 0, 0, 0)
    return out


def _single_run(row: RunRow) -> str | None:
    """The row's run (normalised) when it is one run of digits only, else None."""
    if len(row.pieces) != 1 or row.pieces[0].kind != "run":
        return None
    text = _prepare(row.pieces).norm[0]
    return text if text.isdigit() else None


def _keeping_by_total(var: _Var) -> list[Split] | None:
    """The splits that keep the row total, built total first: a row of counts in one run of digits
    whose own sum is "the columns before the last add up to the last" (an applications row). The
    last value is a suffix of the run; the others must add up to it, which prunes at once. None when
    the row is not of that shape."""
    row = var.row
    s = var.single_run()
    n = len(row.columns)
    if s is None or n < 2 or any(c.kind is not CellKind.COUNT for c in row.columns):
        return None
    shape = sorted([*((pos, 1) for pos in range(n - 1)), (n - 1, -1)])
    total_sum = next((own for own in var.own if sorted(own[1]) == shape), None)
    if total_sum is None:
        return None
    const = total_sum[0]
    others = [own for own in var.own if own is not total_sum]
    out: list[Split] = []
    for cut in range(n - 1, len(s)):
        total_text = s[cut:]
        if len(total_text) not in _value_ends(total_text, 0, CellKind.COUNT):
            continue
        target = int(total_text) - const
        for parts in _parts_summing(s[:cut], n - 1, target):
            texts = (*parts, total_text)
            sp = Split(texts, tuple(int(t) for t in texts))
            if all(c + (_contribution(sp, ts) or 0) == 0 for c, ts in others):
                out.append(sp)
    return out


def _parts_summing(s: str, n: int, target: int) -> Iterator[tuple[str, ...]]:
    """Every split of the digits ``s`` into ``n`` canonical counts adding up to ``target``."""
    if target < 0:
        return
    if n == 1:
        if len(s) in _value_ends(s, 0, CellKind.COUNT) and int(s) == target:
            yield (s,)
        return
    for j in _value_ends(s, 0, CellKind.COUNT):
        if len(s) - j < n - 1:
            break
        x = int(s[:j])
        if x > target:
            break
        rest = s[j:]
        if int(rest) < target - x:  # the rest cannot add up to what is missing, however cut
            continue
        for tail in _parts_summing(rest, n - 1, target - x):
            yield (s[:j], *tail)


@attrs.define
class _Link:
    """A sum through several run-together rows: ``const + contributions == 0``."""

    const: int
    terms: list[tuple[int, _Terms]]  #: (row, its terms in the sum)


class _Aborted(Exception):
    """The search took more than MAX_NODES steps."""


#: a reading of a group of rows: one split per row, its cost, and the sums it keeps or breaks
@attrs.frozen
class _Reading:
    splits: tuple[Split, ...]
    cost: int
    broken: frozenset[int]  #: links broken


class _Search:
    """The readings of a group of rows linked by sums (one split per row), by cost.

    A reading that costs at most 1 breaks at most one sum: either no row's own sum (each row takes a
    split that keeps its own sums: few, as a row total settles most of a row) and at most one sum
    between rows, or exactly one row's own sum and none between rows. The second kind is searched
    once per row, with that row (the *breaker*) last: every sum through it is then determined by the
    others, so its split is built from the values the sums require, not tried one by one.
    """

    def __init__(self, vars: list[_Var], links: list[_Link]) -> None:
        self.vars = vars
        self.links = links
        self.links_of: list[list[tuple[int, _Terms]]] = [[] for _ in vars]
        for li, link in enumerate(links):
            for v, terms in link.terms:
                self.links_of[v].append((li, terms))
        # per row: its own-keeping splits, and their contributions to each sum through the row
        self.keeping = [var.keeping() for var in vars]
        self.contrib = [
            [tuple(_contribution(sp, terms) for _, terms in self.links_of[v]) for sp in self.keeping[v]]
            for v in range(len(vars))
        ]
        self.spans: list[dict[int, tuple[int, int, bool]]] = [{} for _ in links]
        for v in range(len(vars)):
            for n, (li, _) in enumerate(self.links_of[v]):
                xs = [c[n] for c in self.contrib[v]]
                ints = [x for x in xs if x is not None]
                self.spans[li][v] = (min(ints, default=0), max(ints, default=0), len(ints) < len(xs))
        self.nodes = 0

    def run(self, budget: int, first_only: bool) -> list[_Reading]:
        """Every reading that costs at most ``budget`` (0 or 1); only the first with ``first_only``."""
        if math.prod(len(k) for k in self.keeping) <= _SMALL_PRODUCT:
            return self._run_small(budget, first_only)
        found: list[_Reading] = []
        order = sorted(range(len(self.vars)), key=lambda v: len(self.keeping[v]))
        self._dfs(order, None, budget, found, first_only)
        if budget >= 1:
            for v in range(len(self.vars)):
                if first_only and found:
                    break
                if self.vars[v].own:
                    self._dfs([w for w in order if w != v] + [v], v, 0, found, first_only)
        return found

    def _run_small(self, budget: int, first_only: bool) -> list[_Reading]:
        """:meth:`run` when the rows' own-keeping splits make few combinations: each is tried."""
        links, n = self.links, len(self.vars)
        found: list[_Reading] = []
        for combo in itertools.product(*(range(len(k)) for k in self.keeping)):
            self.nodes += 1
            if self.nodes > MAX_NODES:
                raise _Aborted
            sums = [link.const for link in links]
            miss = [0] * len(links)
            for v, k in enumerate(combo):
                for (li, _), x in zip(self.links_of[v], self.contrib[v][k], strict=True):
                    if x is None:
                        miss[li] += 1
                    else:
                        sums[li] += x
            broken = [li for li in range(len(links)) if not miss[li] and sums[li]]
            if len(broken) <= budget:
                found.append(
                    _Reading(
                        tuple(self.keeping[v][k] for v, k in enumerate(combo)), len(broken), frozenset(broken)
                    )
                )
                if first_only:
                    return found
            if budget < 1:
                continue
            for v in range(n):
                if not self.vars[v].own or combo[v] != 0:
                    continue  # each combination of the others once
                mine = self.links_of[v]
                if any(all(li != lj for lj, _ in mine) for li in broken):
                    continue  # a sum not through the breaker breaks: the reading costs 2
                partial = list(sums)
                nmiss = list(miss)
                for (li, _), x in zip(mine, self.contrib[v][combo[v]], strict=True):
                    if x is None:
                        nmiss[li] -= 1
                    else:
                        partial[li] -= x
                for sp in self._breaking(v, mine, partial, nmiss):
                    splits = tuple(sp if w == v else self.keeping[w][k] for w, k in enumerate(combo))
                    found.append(_Reading(splits, 1, frozenset()))
                    if first_only:
                        return found
        return found

    def _dfs(
        self, order: list[int], breaker: int | None, link_budget: int, found: list[_Reading], first_only: bool
    ) -> None:
        links, vars = self.links, self.vars
        n = len(vars)
        chosen: list[Split | None] = [None] * n
        partial = [link.const for link in links]
        nmiss = [0] * len(links)
        left = [len(link.terms) for link in links]
        # what the rows still open can add to each sum: least, greatest, whether it can be missing
        spans = [dict(sp) for sp in self.spans]
        if breaker is not None:
            for li, _ in self.links_of[breaker]:
                spans[li][breaker] = (0, 0, True)  # anything: the breaker is last, built from the sums
        lo = [sum(sp[0] for sp in sps.values()) for sps in spans]
        hi = [sum(sp[1] for sp in sps.values()) for sps in spans]
        may_miss = [sum(1 for sp in sps.values() if sp[2]) for sps in spans]
        broken: list[int] = []

        def doomed(li: int) -> bool:
            return not (left[li] == 0 or nmiss[li] or may_miss[li]) and not lo[li] <= -partial[li] <= hi[li]

        def visit(depth: int) -> bool:
            self.nodes += 1
            if self.nodes > MAX_NODES:
                raise _Aborted
            if depth == n:
                cost = len(broken) + (1 if breaker is not None else 0)
                found.append(_Reading(tuple(sp for sp in chosen if sp is not None), cost, frozenset(broken)))
                return first_only
            v = order[depth]
            mine = self.links_of[v]
            for li, _ in mine:
                lo_v, hi_v, miss_v = spans[li][v]
                lo[li] -= lo_v
                hi[li] -= hi_v
                may_miss[li] -= miss_v
                left[li] -= 1
            if v == breaker:
                cands = self._breaking(v, mine, partial, nmiss)
                contribs = [tuple(_contribution(sp, terms) for _, terms in mine) for sp in cands]
            else:
                cands, contribs = self.keeping[v], self.contrib[v]
            stop = False
            mine_set = {li for li, _ in mine}
            others = sum(1 for li in range(len(links)) if li not in mine_set and doomed(li))
            for sp, xs in zip(cands, contribs, strict=True):
                for (li, _), x in zip(mine, xs, strict=True):
                    if x is None:
                        nmiss[li] += 1
                    else:
                        partial[li] += x
                newly = [li for li, _ in mine if left[li] == 0 and not nmiss[li] and partial[li] != 0]
                spent = len(broken) + len(newly)
                if (
                    spent + others <= link_budget
                    and spent + others + sum(1 for li, _ in mine if doomed(li)) <= link_budget
                ):
                    chosen[v] = sp
                    broken.extend(newly)
                    stop = visit(depth + 1)
                    del broken[len(broken) - len(newly) :]
                for (li, _), x in zip(mine, xs, strict=True):
                    if x is None:
                        nmiss[li] -= 1
                    else:
                        partial[li] -= x
                if stop:
                    break
            chosen[v] = None
            for li, _ in mine:
                lo_v, hi_v, miss_v = spans[li][v]
                lo[li] += lo_v
                hi[li] += hi_v
                may_miss[li] += miss_v
                left[li] += 1
            return stop

        visit(0)

    def _breaking(
        self, v: int, mine: list[tuple[int, _Terms]], partial: list[int], nmiss: list[int]
    ) -> list[Split]:
        """Row ``v``'s splits that break exactly one of its own sums and keep every sum through it
        (which the rows before it now determine)."""
        var = self.vars[v]
        need: dict[int, int] = {}  # position -> value the sums require
        determined = True
        for li, terms in mine:
            if nmiss[li]:
                determined = False
                continue
            if len(terms) != 1:
                determined = False
                continue
            ((pos, sign),) = terms
            value, rem = divmod(-partial[li], sign)
            if rem or need.get(pos, value) != value:
                return []
            need[pos] = value
        s = var.single_run()
        if determined and s is not None and len(need) == len(var.row.columns):
            if any(need[p] < 0 for p in need):
                return []
            texts = tuple(str(need[p]) for p in range(len(var.row.columns)))
            if "".join(texts) != s or any(
                len(t) not in _value_ends(t, 0, c.kind) for t, c in zip(texts, var.row.columns, strict=True)
            ):
                return []
            sp = Split(texts, tuple(need[p] for p in range(len(texts))))
            return [sp] if var.own_cost(sp)[0] == 1 else []
        out = []
        for sp in var.all():
            if var.own_cost(sp)[0] != 1:
                continue
            ok = True
            for li, terms in mine:
                x = _contribution(sp, terms)
                if x is not None and not nmiss[li] and partial[li] + x != 0:
                    ok = False
                    break
            if ok:
                out.append(sp)
        return out


def settle(rows: Sequence[RunRow], known: Mapping[str, Cell], format: FormatKey) -> list[Outcome]:
    """Decide, for every row whose values run together, the split to place or why none is placed.

    ``known`` holds the cells already read from rows that were not run together (a cell absent from
    it is not known). The rule is the module's; a row not placed (or placed in part: an appeals
    group) gets one GD109 finding.

    Rows are settled in two rounds. First the rows that split one way only: placed when a sum of
    their own confirms them (or their run cannot hide a blank cell), and from then on known like any
    other cell; rows whose every split breaks their own total are declined (the report broke that
    row, and no sum through it can be weighed). Then the rows left are weighed together, group by
    group of rows linked by sums.
    """
    outcomes: dict[int, Outcome] = {}
    vars: list[_Var] = []
    var_row: list[int] = []
    for i, row in enumerate(rows):
        size = _too_long(row.pieces)
        if size > MAX_RUN_CHARS:
            outcomes[i] = _declined(row, m.RUN_TOO_LONG, chars=size, limit=MAX_RUN_CHARS)
            continue
        ways = count_splits(row.pieces, [c.kind for c in row.columns])
        if ways == 0:
            outcomes[i] = _declined(row, m.RUN_DOES_NOT_SPLIT)
            continue
        if ways > MAX_SPLITS:
            outcomes[i] = _declined(row, m.RUN_TOO_MANY_SPLITS, ways=ways, limit=MAX_SPLITS)
            continue
        vars.append(_Var(row, ways, []))
        var_row.append(i)

    known = dict(known)
    for i, row in enumerate(rows):
        if i in outcomes:
            for col in row.columns:
                known.pop(col.address, None)  # declined: not known, whatever was there
    # round 1: rows that split one way, and rows whose own total no split keeps
    links = _equations(vars, known, format)
    linked = {v for link in links for v, _ in link.terms}
    rest: list[int] = []
    for v, var in enumerate(vars):
        if var.ways == 1 and not var.row.parts:
            outcome = _by_digits(var)
            outcomes[var_row[v]] = outcome
            if outcome.split is not None and all(outcome.placed):
                known.update(zip((c.address for c in var.row.columns), outcome.split.values, strict=True))
        elif v in linked and var.own and not var.keeping():
            outcomes[var_row[v]] = _declined(var.row, m.RUN_SUMS_BROKEN, ways=var.ways, broken=1)
        else:
            rest.append(v)
    # round 2: the others, weighed together group by group
    vars2 = [vars[v] for v in rest]
    rows2 = [var_row[v] for v in rest]
    for var in vars2:
        var.own = []
        var.reset()
    links = _equations(vars2, known, format)
    for group in _groups(len(vars2), links):
        index = {v: n for n, v in enumerate(group)}
        sub_links = [
            _Link(link.const, [(index[v], ts) for v, ts in link.terms])
            for link in links
            if link.terms[0][0] in index
        ]
        sub_vars = [vars2[v] for v in group]
        settled = (
            _settle_group(sub_vars, sub_links) if sub_links else [_settle_alone(var) for var in sub_vars]
        )
        for n, outcome in enumerate(settled):
            outcomes[rows2[group[n]]] = outcome
    return [outcomes[i] for i in range(len(rows))]


def _equations(vars: list[_Var], known: Mapping[str, Cell], format: FormatKey) -> list[_Link]:
    """The sums of the format with the known cells filled in: each sum through one row only is that
    row's own (``var.own``); the sums through several rows are returned. A sum with a cell that is
    missing or not known is not checkable and left out."""
    where: dict[str, tuple[int, int]] = {}
    for v, var in enumerate(vars):
        for pos, col in enumerate(var.row.columns):
            where[col.address] = (v, pos)
    links: list[_Link] = []
    for eq in equations(format):
        const = 0
        parts: dict[int, list[tuple[int, int]]] = {}
        checkable = True
        for sign, addresses in ((1, eq.plus), (-1, eq.minus)):
            for a in addresses:
                if a in where:
                    v, pos = where[a]
                    parts.setdefault(v, []).append((pos, sign))
                    continue
                x = _as_int(known.get(a))
                if x is None:
                    checkable = False
                    break
                const += sign * x
            if not checkable:
                break
        if not checkable or not parts:
            continue
        if len(parts) == 1:
            ((v, terms),) = parts.items()
            vars[v].own.append((const, tuple(terms)))
        else:
            links.append(_Link(const, [(v, tuple(ts)) for v, ts in parts.items()]))
    return links


def _groups(n: int, links: Sequence[_Link]) -> list[list[int]]:
    """Rows linked by sums, directly or through others (each group is weighed on its own)."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in links:
        first = link.terms[0][0]
        for v, _ in link.terms[1:]:
            parent[find(v)] = find(first)
    groups: dict[int, list[int]] = {}
    for v in range(n):
        groups.setdefault(find(v), []).append(v)
    return list(groups.values())


#: the checkable sums through a row under one reading: (the row's positions in the sum, it holds)
_Sums: TypeAlias = list[tuple[frozenset[int], bool]]


def _own_sums(var: _Var, split: Split) -> _Sums:
    out: _Sums = []
    for const, terms in var.own:
        x = _contribution(split, terms)
        if x is not None:
            out.append((frozenset(p for p, _ in terms), const + x == 0))
    return out


def _settle_alone(var: _Var) -> Outcome:
    """A row no sum links to another: weighed by its own sums (an appeals row's groups, or a
    row total), each part of it on its own."""
    if not var.own:
        if var.ways > 1:
            return _declined(var.row, m.RUN_SPLITS_NO_SUM, ways=var.ways)
        (only,) = var.all()
        return _decide(var, [only], [(only, [])], has_sums=False)
    keep = var.keeping()
    if keep and len(var.own) == 1 and not var.row.parts and var.ways > 1:
        # one sum only: every split is within one sum of the best, so the sum cannot settle it
        if len(keep) > 1:
            return _declined(var.row, m.RUN_SPLITS_FIT, ways=len(keep))
        return _declined(var.row, m.RUN_SPLIT_NOT_SAFE, others=var.ways - 1)
    scored: list[tuple[Split, int]] = [(sp, 0) for sp in keep]
    best = 0
    while not scored:
        best += 1
        scored = _within(var, best)
    scored = _within(var, best + 1)
    plausible = [sp for sp, b in scored if b <= best + 1]
    fitting = [(sp, _own_sums(var, sp)) for sp, b in scored if b == best]
    return _decide(var, plausible, fitting, has_sums=True)


def _without(vars: list[_Var], links: list[_Link], gone: set[int]) -> tuple[list[int], list[_Link]]:
    """The rows left when ``gone`` are left out, and the sums between them (renumbered)."""
    keep = [v for v in range(len(vars)) if v not in gone]
    index = {v: n for n, v in enumerate(keep)}
    return keep, [
        _Link(link.const, [(index[v], ts) for v, ts in link.terms])
        for link in links
        if all(v in index for v, _ in link.terms)
    ]


def _sub(vars: list[_Var], links: list[_Link], gone: set[int]) -> tuple[list[_Var], list[_Link]]:
    keep, sub_links = _without(vars, links, gone)
    return [vars[v] for v in keep], sub_links


def _consistent(vars: list[_Var], links: list[_Link]) -> bool:
    """Whether some reading of the rows breaks none of their sums."""
    if not links:
        return all(var.keeping() for var in vars if var.own)
    try:
        return bool(_Search(vars, links).run(0, first_only=True))
    except _Aborted:
        return False


def _settle_group(vars: list[_Var], links: list[_Link], peel: bool = True) -> list[Outcome]:
    """Weigh a group of rows linked by sums. When no reading keeps every sum, the rows without
    which the others have such a reading are left out (declined: one of them, or a cell it is
    summed with, is misprinted) and the others weighed without them; that only drops sums, so the
    rule still holds for what is placed."""
    search = _Search(vars, links)
    try:
        best = 0 if search.run(0, first_only=True) else None
        readings = search.run(1, first_only=False) if best is not None else []
    except _Aborted:
        return [
            _by_digits(var)
            if var.ways == 1
            else _declined(var.row, m.RUN_SEARCH_TOO_LONG, ways=var.ways, limit=MAX_NODES)
            for var in vars
        ]
    if best is None and peel and len(vars) > 1:
        gone = {v for v in range(len(vars)) if _consistent(*_sub(vars, links, {v}))}
        if gone and len(gone) < len(vars):
            out = {v: _declined(vars[v].row, m.RUN_ROW_BREAKS_SUMS, ways=vars[v].ways) for v in gone}
            keep, sub_links = _without(vars, links, gone)
            for group in _groups(len(keep), sub_links):
                index = {v: n for n, v in enumerate(group)}
                group_links = [
                    _Link(link.const, [(index[v], ts) for v, ts in link.terms])
                    for link in sub_links
                    if link.terms[0][0] in index
                ]
                group_vars = [vars[keep[v]] for v in group]
                settled = (
                    _settle_group(group_vars, group_links, peel=False)
                    if group_links
                    else [_settle_alone(var) for var in group_vars]
                )
                for v, outcome in zip(group, settled, strict=True):
                    out[keep[v]] = outcome
            return [out[v] for v in range(len(vars))]
    if best is None:
        # no reading keeps every sum: the sums are not searched further (MAX_BROKEN)
        return [
            _by_digits(var)
            if var.ways == 1
            else _declined(var.row, m.RUN_SUMS_BROKEN, ways=var.ways, broken=MAX_BROKEN + 1)
            for var in vars
        ]
    decided = []
    for v, var in enumerate(vars):
        fitting = []
        for r in readings:
            if r.cost != best:
                continue
            sums = _own_sums(var, r.splits[v])
            for link in links:
                mine = [ts for w, ts in link.terms if w == v]
                if not mine:
                    continue
                xs = [_contribution(r.splits[w], ts) for w, ts in link.terms]
                if all(x is not None for x in xs):
                    total = link.const + sum(x for x in xs if x is not None)
                    sums.append((frozenset(p for p, _ in mine[0]), total == 0))
            fitting.append((r.splits[v], sums))
        decided.append(_decide(var, [r.splits[v] for r in readings], fitting, has_sums=True))
    return decided


def _decide(
    var: _Var, plausible: Sequence[Split], fitting: Sequence[tuple[Split, _Sums]], has_sums: bool
) -> Outcome:
    """Place each part of the row on which every plausible reading agrees and which is confirmed
    (under every best reading some checkable sum through the part holds and none breaks) or whose
    run cannot hide a blank cell; decline the rest with one finding."""
    row = var.row
    parts = row.parts or ((0, len(row.columns)),)
    distinct = {sp.texts: sp for sp in plausible}
    fit = {sp.texts for sp, _ in fitting}
    placed = [False] * len(row.columns)
    hidden_blank = False
    for a, b in parts:
        if len({texts[a:b] for texts in distinct}) != 1:
            continue
        span = frozenset(range(a, b))
        confirmed = all(
            any(ok and pos & span for pos, ok in sums) and all(ok for pos, ok in sums if pos & span)
            for _, sums in fitting
        )
        if not confirmed and var.fewer():
            hidden_blank = True
            continue
        placed[a:b] = [True] * (b - a)
    chosen = next(iter(distinct.values()))
    if all(placed):
        return Outcome(row, chosen, tuple(placed), None, "digits" if var.ways == 1 else "sums")
    unplaced = [n for n, p in enumerate(placed) if not p]
    ambiguous = any(len({texts[a:b] for texts in distinct}) > 1 for a, b in parts)
    if not ambiguous and hidden_blank:
        finding = _finding(row, m.RUN_MAY_HIDE_BLANK, unplaced)
    elif not has_sums:
        finding = _finding(row, m.RUN_SPLITS_NO_SUM, unplaced, ways=len(distinct))
    elif len(fit) > 1:
        finding = _finding(row, m.RUN_SPLITS_FIT, unplaced, ways=len(fit))
    else:
        finding = _finding(row, m.RUN_SPLIT_NOT_SAFE, unplaced, others=len(distinct) - 1)
    if not any(placed):
        return Outcome(row, None, tuple(placed), finding, "declined")
    return Outcome(row, chosen, tuple(placed), finding, "digits" if var.ways == 1 else "sums")


def _by_digits(var: _Var) -> Outcome:
    """A row that splits one way by its digits where the sums between rows could not be weighed:
    placed if a sum of its own confirms it, or if its run cannot hide a blank cell."""
    (sp,) = var.all()
    return _decide(var, [sp], [(sp, _own_sums(var, sp))], has_sums=bool(var.own))


def _finding(row: RunRow, message: Message, positions: Sequence[int], **params: object) -> Finding:
    text = row.text.strip()
    en, zh = message.both(run=text, label=row.label, values=len(row.columns), **params)
    return CODES["GD109"].finding(
        en,
        zh,
        location=row.location,
        cells=[CellRef(row.columns[p].address, None) for p in positions],
        source=row.source,
        raw=text,
    )


def _declined(row: RunRow, message: Message, **params: object) -> Outcome:
    finding = _finding(row, message, range(len(row.columns)), **params)
    return Outcome(row, None, (False,) * len(row.columns), finding, "declined")
