"""The rule base: :class:`Rule` (a code of the code table plus the check that makes its findings),
:class:`Context` (what every check sees) and the helpers the rule families share.

Layer: rules. Imports only :mod:`gov_disclosure.core`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache
from operator import attrgetter, itemgetter
from typing import Any, Literal, TypeAlias

import attrs

from ..core.codes import CODES, Code
from ..core.findings import CellRef, Finding, NotAssessable, Number
from ..core.messages import Message
from ..core.model import Report
from ..core.values import Cell
from ..core.vocabulary import APPEALS_COLUMNS, APPEALS_GROUPS, APPLICATIONS_COLUMNS, CellSpec, FormatKey, spec
from ._text import TextView
from .config import DEFAULT, Config

__all__ = ["Check", "Context", "MissingPolicy", "Rule", "balance", "bilingual", "prev_ref", "ref"]

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
    _values: dict[str, Cell] | None = attrs.field(init=False, default=None, repr=False)
    _unusual: tuple[tuple[CellSpec, Cell, str | None], ...] = attrs.field(init=False, default=(), repr=False)
    _text: TextView | None = attrs.field(default=None, init=False, repr=False)
    _previous_values: dict[str, Cell] | None = attrs.field(default=None, init=False, repr=False)
    #: what several checks of one family compute once per validation (e.g. the parsed outline)
    memo: dict[str, Any] = attrs.field(factory=dict, init=False, repr=False)

    @property
    def values(self) -> dict[str, Cell]:
        """Every cell of the report, address → value."""
        if self._values is None:
            self._scan()
        assert self._values is not None
        return self._values

    @property
    def unusual(self) -> tuple[tuple[CellSpec, Cell, str | None], ...]:
        """The cells a cell rule may have something to say about (missing, negative, an amount, or
        read from non-canonical text), with their raw text: the clean majority is skipped once, here."""
        if self._values is None:
            self._scan()
        return self._unusual

    def _scan(self) -> None:
        r = self.report
        raw = r.raw
        specs, getters = _reading_plan(r.format)
        values: dict[str, Cell] = {}
        for addresses, get in getters:
            values.update(zip(addresses, get(r), strict=True))
        computed = self.computed
        self._unusual = tuple(
            (c, v, raw.get(c.address))
            for c, v in zip(specs, values.values(), strict=True)
            if (v is None or type(v) is not int or v < 0 or c.address in raw)
            and (not computed or c.address not in computed)
        )
        if computed and self.missing == "zero":
            for address, parts in computed.items():  # parts before their totals
                if address in values and values[address] is None:
                    values[address] = sum(v for p in parts if isinstance(v := values.get(p), int))
        self._values = values

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


_Getter: TypeAlias = tuple[tuple[str, ...], Callable[[Report], Sequence[Cell]]]


@cache
def _reading_plan(format: FormatKey) -> tuple[tuple[CellSpec, ...], tuple[_Getter, ...]]:
    """Every cell of a format in spec order, and per row of the model the addresses of its cells with
    a function that gives their values at once (C-level getters: faster than one cell at a time
    through :meth:`Report.cells`, and what every validation starts with)."""
    s = spec(format)
    getters: list[_Getter] = []
    for b in s.proactive:
        keys = tuple(c.key for c in b.columns)
        for row in b.rows:
            pick = itemgetter(*keys)
            addresses = tuple(f"proactive/{b.key}.{row.key}/{k}" for k in keys)

            def get(
                r: Report, b: str = b.key, row: str = row.key, pick: Any = pick, one: bool = len(keys) == 1
            ) -> Sequence[Cell]:
                got = pick(r.proactive[b][row])
                return (got,) if one else got

            getters.append((addresses, get))
    columns = tuple(c.key for c in APPLICATIONS_COLUMNS)
    pick_row = attrgetter(*columns)
    for lr in s.applications_rows:
        assert lr.key is not None
        addresses = tuple(f"applications/{lr.key}/{k}" for k in columns)

        def get_row(r: Report, key: str = lr.key) -> Sequence[Cell]:
            return pick_row(r.applications[key])

        getters.append((addresses, get_row))
    group_columns = tuple(c.key for c in APPEALS_COLUMNS)
    pick_group = attrgetter(*group_columns)
    for g in APPEALS_GROUPS:
        addresses = tuple(f"appeals/{g.key}/{k}" for k in group_columns)

        def get_group(r: Report, key: str = g.key) -> Sequence[Cell]:
            return pick_group(getattr(r.appeals, key))

        getters.append((addresses, get_group))
    order = [a for addresses, _ in getters for a in addresses]
    assert order == [c.address for c in s.cells], "the plan follows the spec's order"
    return tuple(s.cells), tuple(getters)


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
