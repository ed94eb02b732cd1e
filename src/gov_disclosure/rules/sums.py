"""GD201–GD203 and GD301: the totals and the 勾稽关系 of the applications and appeals tables, per
column or group, each sum computed once per format.

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
from ..core.values import Cell
from ..core.vocabulary import (
    APPEALS_COLUMNS,
    APPEALS_GROUPS,
    APPLICATIONS_COLUMNS,
    FormatKey,
    spec,
)
from ._base import Check, Context, Rule, balance, cell_getter

__all__ = ["appeals_totals", "carry_balances", "result_totals", "row_totals", "sum_check"]


_Getter: TypeAlias = Callable[[Sequence[Cell]], Sequence[Cell]]
_PARTS: Final = tuple(c.key for c in APPLICATIONS_COLUMNS if c.key != "total")


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


@cache
def row_totals(format: FormatKey) -> tuple[_Sum, ...]:
    return tuple(
        _Sum(
            f"applications/{row.key}/total",
            (f"applications/{row.key}/total",),
            tuple(f"applications/{row.key}/{k}" for k in _PARTS),
            m.SUM_ROW,
            row.label,
        )
        for row in spec(format).applications_rows
    )


@cache
def result_totals(format: FormatKey) -> tuple[_Sum, ...]:
    return tuple(
        _Sum(
            f"applications/total/{col.key}",
            (f"applications/total/{col.key}",),
            tuple(f"applications/{k}/{col.key}" for k in spec(format).result_rows),
            m.SUM_COLUMN,
            col.label,
        )
        for col in APPLICATIONS_COLUMNS
    )


@cache
def carry_balances(format: FormatKey) -> tuple[_Sum, ...]:
    return tuple(
        _Sum(
            f"applications/balance/{col.key}",
            (f"applications/total/{col.key}", f"applications/carried_forward/{col.key}"),
            (f"applications/new/{col.key}", f"applications/carried_over/{col.key}"),
            m.SUM_BALANCE,
            col.label,
        )
        for col in APPLICATIONS_COLUMNS
    )


@cache
def appeals_totals(format: FormatKey) -> tuple[_Sum, ...]:
    return tuple(
        _Sum(
            f"appeals/{g.key}/total",
            (f"appeals/{g.key}/total",),
            tuple(f"appeals/{g.key}/{c.key}" for c in APPEALS_COLUMNS if c.key != "total"),
            m.SUM_APPEALS,
            g.label,
        )
        for g in APPEALS_GROUPS
    )
