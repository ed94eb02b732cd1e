"""GD201–GD203 and GD301: the totals and the 勾稽关系 of the applications and appeals tables, per
column or group, each sum computed once per format (the sums are the format's, written once in
:mod:`gov_disclosure.core.sums`; here they get their finding's message).

Layer: rules. Imports only :mod:`gov_disclosure.core` and :mod:`._base`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import cache
from operator import eq
from typing import Final, TypeAlias, cast

import attrs

from ..core.findings import Finding
from ..core.messages import Message
from ..core.messages import rules as m
from ..core.sums import SumKind, format_sums
from ..core.values import Cell
from ..core.vocabulary import FormatKey
from ._base import Check, Context, Rule, balance, cell_getter

__all__ = ["appeals_totals", "carry_balances", "result_totals", "row_totals", "sum_check"]


_Getter: TypeAlias = Callable[[Sequence[Cell]], Sequence[Cell]]


@attrs.frozen
class _Sum:
    """One sum a rule checks: sum(reported) == sum(parts), located and described."""

    location: str
    reported: tuple[str, ...]
    parts: tuple[str, ...]
    message: Message
    label: str


def _sides(
    format: FormatKey, sides: Sequence[tuple[str, ...]]
) -> tuple[Callable[[Sequence[Cell]], Sequence[Cell]], tuple[slice, ...]]:
    """One getter of every cell of every sum's side at once, and where each sum's cells are in what it
    gives."""
    at = 0
    slices = []
    for addresses in sides:
        slices.append(slice(at, at + len(addresses)))
        at += len(addresses)
    return cell_getter(format, [a for addresses in sides for a in addresses]), tuple(slices)


def sum_check(sums: Callable[[FormatKey], tuple[_Sum, ...]]) -> Check:
    """A check over the sums of a format (computed once per format, not per report)."""

    @cache
    def plan(
        format: FormatKey,
    ) -> tuple[tuple[_Getter, tuple[slice, ...]], tuple[_Getter, tuple[slice, ...]]]:
        return _sides(format, [s.reported for s in sums(format)]), _sides(
            format, [s.parts for s in sums(format)]
        )

    def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
        format = ctx.report.format
        if ctx.plain_counts:
            # no count missing: every sum at C speed; the findings, if any, made as below
            cells = ctx.cells
            (reported, r_at), (parts, p_at) = plan(format)
            found = map(sum, map(cast("Sequence[int]", reported(cells)).__getitem__, r_at))
            expected = map(sum, map(cast("Sequence[int]", parts(cells)).__getitem__, p_at))
            if all(map(eq, found, expected)):
                return
        for s in sums(format):
            yield from balance(rule, ctx, s.location, s.reported, s.parts, s.message, {"label": s.label})

    return check


#: the message of each kind of sum's finding
_MESSAGES: Final[dict[SumKind, Message]] = {
    "row": m.SUM_ROW,
    "column": m.SUM_COLUMN,
    "balance": m.SUM_BALANCE,
    "group": m.SUM_APPEALS,
}


def _of_kind(format: FormatKey, kind: SumKind) -> tuple[_Sum, ...]:
    return tuple(
        _Sum(s.location, s.totals, s.parts, _MESSAGES[kind], s.label)
        for s in format_sums(format)
        if s.kind == kind
    )


@cache
def row_totals(format: FormatKey) -> tuple[_Sum, ...]:
    return _of_kind(format, "row")


@cache
def result_totals(format: FormatKey) -> tuple[_Sum, ...]:
    return _of_kind(format, "column")


@cache
def carry_balances(format: FormatKey) -> tuple[_Sum, ...]:
    return _of_kind(format, "balance")


@cache
def appeals_totals(format: FormatKey) -> tuple[_Sum, ...]:
    return _of_kind(format, "group")
