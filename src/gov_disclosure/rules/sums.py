"""GD201–GD203 and GD301: the totals and the 勾稽关系 of the applications and appeals tables, per
column or group, each sum computed once per format.

Layer: rules. Imports only :mod:`gov_disclosure.core` and :mod:`._base`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import cache
from itertools import repeat
from operator import call, eq
from typing import Final, TypeAlias

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


def sum_check(sums: Callable[[FormatKey], tuple[_Sum, ...]]) -> Check:
    """A check over the sums of a format (computed once per format, not per report)."""

    @cache
    def getters(format: FormatKey) -> tuple[tuple[_Getter, ...], tuple[_Getter, ...]]:
        return (
            tuple(cell_getter(format, s.reported) for s in sums(format)),
            tuple(cell_getter(format, s.parts) for s in sums(format)),
        )

    def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
        format = ctx.report.format
        if ctx.plain_counts:
            # no count missing: every sum at C speed; the findings, if any, made as below
            cells = repeat(ctx.cells)
            reported, parts = getters(format)
            if all(map(eq, map(sum, map(call, reported, cells)), map(sum, map(call, parts, cells)))):
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
