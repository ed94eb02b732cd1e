"""The rule base: :class:`Rule` (a code of the code table plus the check that makes its findings),
:class:`Context` (what every check sees) and the helpers the rule families share.

Layer: rules. Imports only :mod:`gov_disclosure.core`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache
from itertools import chain
from operator import attrgetter, itemgetter
from typing import Any, Final, Literal, TypeAlias, cast

import attrs

from ..core.codes import CODES, Code
from ..core.findings import CellRef, Finding, NotAssessable, Number
from ..core.messages import Message
from ..core.model import Report
from ..core.quality import covered_cells
from ..core.values import Cell
from ..core.vocabulary import (
    APPEALS_COLUMNS,
    APPEALS_GROUPS,
    APPLICATIONS_COLUMNS,
    CellKind,
    CellSpec,
    FormatKey,
    spec,
)
from ._text import TextView
from .config import DEFAULT, Config

__all__ = [
    "Check",
    "Context",
    "MissingPolicy",
    "Rule",
    "balance",
    "bilingual",
    "cell_getter",
    "prev_ref",
    "ref",
]

MissingPolicy: TypeAlias = Literal["not-assessable", "zero"]


@attrs.define
class Context:
    """What every check sees: the report (its cells computed once, when a check first asks), last
    year's, the policy."""

    report: Report
    previous: Report | None
    missing: MissingPolicy
    not_assessable: list[NotAssessable] = attrs.Factory(list)
    #: the thresholds of the rules that have one (selection and severities are applied by validate)
    config: Config = DEFAULT
    #: totals the source computed rather than reported (a template's formula over blank cells, a
    #: GD111 finding of the reader): address → the parts. No reported value: missing under
    #: ``not-assessable``, the parts' sum under ``zero``, never "blank" (GD101)
    computed: Mapping[str, Sequence[str]] = attrs.Factory(dict)
    #: the findings the reader made (``validate(findings=…)``): which cells it declined
    reader_findings: tuple[Finding, ...] = ()
    _cells: list[Cell] | None = attrs.field(init=False, default=None, repr=False)
    _plain: bool = attrs.field(init=False, default=False, repr=False)
    _values: dict[str, Cell] | None = attrs.field(init=False, default=None, repr=False)
    _unusual: tuple[tuple[CellSpec, Cell, str | None], ...] = attrs.field(init=False, default=(), repr=False)
    _text: TextView | None = attrs.field(default=None, init=False, repr=False)
    _previous_values: dict[str, Cell] | None = attrs.field(default=None, init=False, repr=False)
    _declined: frozenset[str] | None = attrs.field(default=None, init=False, repr=False)
    #: what several checks of one family compute once per validation (e.g. the parsed outline)
    memo: dict[str, Any] = attrs.field(factory=dict, init=False, repr=False)

    @property
    def cells(self) -> list[Cell]:
        """Every cell's value in the spec's order (``Report.spec.cells``): what :func:`cell_getter`'s
        getters read, faster than :attr:`values` by address."""
        if self._cells is None:
            self._scan()
        assert self._cells is not None
        return self._cells

    @property
    def plain_counts(self) -> bool:
        """Whether every count cell holds a whole number (an ``int``, of any sign: none missing)."""
        if self._cells is None:
            self._scan()
        return self._plain

    @property
    def values(self) -> dict[str, Cell]:
        """Every cell of the report, address → value."""
        if self._values is None:
            self._values = dict(zip(_reading_plan(self.report.format).addresses, self.cells, strict=True))
        return self._values

    def value(self, address: str) -> Cell:
        """One cell's value."""
        if self._values is not None:
            return self._values[address]
        return self.cells[_reading_plan(self.report.format).index[address]]

    @property
    def unusual(self) -> tuple[tuple[CellSpec, Cell, str | None], ...]:
        """The cells a cell rule may have something to say about (missing, negative, an amount, or
        read from non-canonical text), with their raw text: the clean majority is skipped once, here."""
        if self._cells is None:
            self._scan()
        return self._unusual

    def _scan(self) -> None:
        r = self.report
        plan = _reading_plan(r.format)
        self._cells = cells = plan.read(r)
        raw = r.raw
        counts = plan.counts(cells)
        changes = [(i, cells[i]) for i in plan.changes]
        self._plain = plain = set(map(type, counts)) == _INT and all(type(v) is int for _, v in changes)
        if plain and min(cast("tuple[int, ...]", counts)) >= 0:
            # the common case, checked at C speed: every count a whole number, none below zero but a
            # change's, so the unusual cells are the amounts, the negative changes and the cells read
            # from non-canonical text
            index = plan.index
            at = sorted(
                {
                    *plan.amounts,
                    *(i for i, v in changes if v < 0),  # type: ignore[operator]
                    *(index[a] for a in raw if a in index),
                }
            )
            self._unusual = tuple((plan.specs[i], cells[i], raw.get(plan.addresses[i])) for i in at)
        else:
            self._unusual = tuple(
                (c, v, raw.get(c.address))
                for c, v in zip(plan.specs, cells, strict=True)
                if v is None or type(v) is not int or v < 0 or c.address in raw
            )
        computed = self.computed
        if computed:
            # a computed total is no cell a cell rule speaks of (GD111 says what it is)
            self._unusual = tuple(u for u in self._unusual if u[0].address not in computed)
            if self.missing == "zero":
                index = plan.index
                for address, parts in computed.items():  # parts before their totals
                    i = index.get(address)
                    if i is not None and cells[i] is None:
                        cells[i] = sum(v for p in parts if p in index and isinstance(v := cells[index[p]], int))

    @property
    def declined(self) -> frozenset[str]:
        """The cells the reader declined (it saw something for them but would not place it): no
        value, and a reader finding covers them (:func:`~gov_disclosure.core.quality.covered_cells`,
        the one definition, also :class:`~gov_disclosure.core.quality.ReadQuality`'s). Such a cell is
        not blank: the reader's finding says why it has no value."""
        if self._declined is None:
            found = self.reader_findings
            self._declined = frozenset(covered_cells(self.report, found)) if found else frozenset()
        return self._declined

    @property
    def text(self) -> TextView:
        """The report's text prepared for the text rules (once per validation)."""
        if self._text is None:
            self._text = TextView(self.report.sections)
        return self._text

    @property
    def previous_values(self) -> dict[str, Cell]:
        """Last year's cells by address (empty without ``previous``)."""
        if self._previous_values is None:
            p = self.previous
            self._previous_values = {} if p is None else {c.address: v for c, v in p.cells()}
        return self._previous_values


_INT: Final = {int}


def _one(key: str) -> Callable[[Any], tuple[Any, ...]]:
    """Like ``itemgetter(key)`` but always a tuple (``itemgetter`` of one key gives the value)."""

    def get(obj: Any) -> tuple[Any, ...]:
        return (obj[key],)

    return get


def _picker(keys: Sequence[str]) -> Callable[[Any], tuple[Any, ...]]:
    return itemgetter(*keys) if len(keys) > 1 else _one(keys[0])


@attrs.frozen
class _ReadingPlan:
    """How a validation reads a report's cells, per format: the values of every cell in spec order
    at once (C-level getters: faster than one cell at a time through :meth:`Report.cells`, and what
    every validation starts with)."""

    specs: tuple[CellSpec, ...]
    addresses: tuple[str, ...]
    index: Mapping[str, int]
    #: per proactive block: its key, the getter of its rows, the getter of a row's columns
    blocks: tuple[tuple[str, Callable[[Any], tuple[Any, ...]], Callable[[Any], tuple[Any, ...]]], ...]
    rows: Callable[[Any], tuple[Any, ...]]
    row_cells: Callable[[Any], tuple[Any, ...]]
    groups: Callable[[Any], tuple[Any, ...]]
    group_cells: Callable[[Any], tuple[Any, ...]]
    #: the values of the count cells but the changes (of a list of every value); the amount cells
    counts: Callable[[Sequence[Cell]], tuple[Cell, ...]]
    amounts: tuple[int, ...]
    #: the positions of the signed cells (a change of the item counts, which may rightly be below zero)
    changes: tuple[int, ...]

    def read(self, r: Report) -> list[Cell]:
        """Every cell's value, in the spec's order."""
        out: list[Cell] = []
        proactive = r.proactive
        for key, rows, columns in self.blocks:
            out.extend(chain.from_iterable(map(columns, rows(proactive[key]))))
        out.extend(chain.from_iterable(map(self.row_cells, self.rows(r.applications))))
        out.extend(chain.from_iterable(map(self.group_cells, self.groups(r.appeals))))
        return out


def cell_getter(format: FormatKey, addresses: Sequence[str]) -> Callable[[Sequence[Cell]], Sequence[Cell]]:
    """A C-level getter of the given cells' values (always a sequence) from :attr:`Context.cells`."""
    index = _reading_plan(format).index
    at = [index[a] for a in addresses]
    return itemgetter(*at) if len(at) > 1 else itemgetter(slice(at[0], at[0] + 1))


@cache
def _reading_plan(format: FormatKey) -> _ReadingPlan:
    s = spec(format)
    cells = tuple(s.cells)
    addresses = tuple(c.address for c in cells)
    rows = tuple(lr.key for lr in s.applications_rows if lr.key is not None)
    amounts = tuple(i for i, c in enumerate(cells) if c.kind is CellKind.AMOUNT)
    changes = tuple(i for i, c in enumerate(cells) if c.kind is CellKind.SIGNED)
    counts = tuple(i for i, c in enumerate(cells) if c.kind is CellKind.COUNT)
    plan = _ReadingPlan(
        specs=cells,
        addresses=addresses,
        index={a: i for i, a in enumerate(addresses)},
        blocks=tuple(
            (b.key, _picker([row.key for row in b.rows]), _picker([c.key for c in b.columns]))
            for b in s.proactive
        ),
        rows=_picker(rows),
        row_cells=attrgetter(*(c.key for c in APPLICATIONS_COLUMNS)),
        groups=attrgetter(*(g.key for g in APPEALS_GROUPS)),
        group_cells=attrgetter(*(c.key for c in APPEALS_COLUMNS)),
        counts=itemgetter(*counts),
        amounts=amounts,
        changes=changes,
    )
    order = [
        *(f"proactive/{b.key}.{row.key}/{c.key}" for b in s.proactive for row in b.rows for c in b.columns),
        *(f"applications/{k}/{c.key}" for k in rows for c in APPLICATIONS_COLUMNS),
        *(f"appeals/{g.key}/{c.key}" for g in APPEALS_GROUPS for c in APPEALS_COLUMNS),
    ]
    assert order == list(addresses), "the plan follows the spec's order"
    return plan


Check: TypeAlias = Callable[["Rule", Context], Iterator[Finding]]


@attrs.frozen
class Rule(Code):
    """One rule of the catalogue: a code of :data:`~gov_disclosure.core.codes.CODES` and its check
    (``None`` for the codes only readers find: they alone see the rows as found)."""

    check: Check | None = attrs.field(default=None, repr=False, eq=False)

    @classmethod
    def of(cls, code: str, check: Check | None = None) -> Rule:
        """The rule of a code of the code table."""
        return cls(**attrs.asdict(CODES[code], recurse=False), check=check)

    def emit(
        self,
        message: Message,
        params: Mapping[str, object] | None = None,
        *,
        location: str | None = None,
        cells: Sequence[CellRef] = (),
        expected: Number | None = None,
        found: Number | None = None,
        raw: str | None = None,
        then: Message | None = None,
    ) -> Finding:
        """A finding of this rule whose detail is a catalogue message (and ``then``, appended),
        formatted in each language; a parameter given as a :class:`Message` is that language's text."""
        en, zh = _format(message, params or {})
        if then is not None:
            en2, zh2 = _format(then, params or {})
            en, zh = en + en2, zh + zh2
        return self.finding(en, zh, location=location, cells=cells, expected=expected, found=found, raw=raw)


def _format(message: Message, params: Mapping[str, object]) -> tuple[str, str]:
    en = {k: v.en if isinstance(v, Message) else v for k, v in params.items()}
    zh = {k: v.zh if isinstance(v, Message) else v for k, v in params.items()}
    return message.en.format(**en), message.zh.format(**zh)


def bilingual(en: str, zh: str) -> Message:
    """A value that reads differently in each language (a location in words), for :meth:`Rule.emit`."""
    return Message(en, zh)


# -- helpers shared by the families ----------------------------------------------------------------


def ref(r: Report, address: str) -> CellRef:
    return CellRef(address, r.cell(address))


def balance(
    rule: Rule,
    ctx: Context,
    location: str,
    reported: Sequence[str],
    parts: Sequence[str],
    message: Message,
    params: Mapping[str, object],
) -> Iterator[Finding]:
    """Check sum(reported) == sum(parts); the computed side is ``expected``."""
    values = ctx.values
    found = expected = 0
    missing: list[str] = []
    for a in reported:
        v = values[a]
        if isinstance(v, int):
            found += v
        elif v is None:
            missing.append(a)
    for a in parts:
        v = values[a]
        if isinstance(v, int):
            expected += v
        elif v is None:
            missing.append(a)
    if missing and ctx.missing == "not-assessable":
        ctx.not_assessable.append(NotAssessable(rule.code, location, tuple(missing)))
        return
    if expected != found:
        yield rule.emit(
            message,
            {**params, "found": found, "expected": expected},
            location=location,
            cells=[CellRef(a, values[a]) for a in (*reported, *parts)],
            expected=expected,
            found=found,
        )


def prev_ref(address: str, value: Cell) -> CellRef:
    return CellRef(f"previous:{address}", value)
