"""The sums of the format as plain address lists, for readers that must confirm what they read.

A reader never checks a report (that is the validator's work, in :mod:`gov_disclosure.rules.sums`),
but where the text alone cannot tell which value belongs where (a table whose cells came out of the
extractor in its own order, rows of values separated from their labels), the format's own sums are the
only evidence that a reading is the table's. These are the same sums as GD201–GD203 and GD301.

Layer: reading. Imports only :mod:`gov_disclosure.core`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Final

import attrs

from ..core.values import Cell
from ..core.vocabulary import APPEALS_COLUMNS, APPEALS_GROUPS, APPLICATIONS_COLUMNS, FormatKey, spec

__all__ = ["Sum", "broken_sums", "table_sums"]

_PARTS: Final = tuple(c.key for c in APPLICATIONS_COLUMNS if c.key != "total")


@attrs.frozen
class Sum:
    """sum(totals) == sum(parts); ``name`` says which (``row new``, ``column business``…)."""

    name: str
    totals: tuple[str, ...]
    parts: tuple[str, ...]

    @property
    def addresses(self) -> tuple[str, ...]:
        return (*self.totals, *self.parts)


@cache
def table_sums(format: FormatKey, table: str) -> tuple[Sum, ...]:
    """Every sum of one table (``applications`` or ``appeals``; ``proactive`` has none)."""
    s = spec(format)
    if table == "applications":
        rows = tuple(
            Sum(
                f"row {r.key}",
                (f"applications/{r.key}/total",),
                tuple(f"applications/{r.key}/{k}" for k in _PARTS),
            )
            for r in s.applications_rows
        )
        columns = tuple(
            Sum(
                f"column {c.key}",
                (f"applications/total/{c.key}",),
                tuple(f"applications/{k}/{c.key}" for k in s.result_rows),
            )
            for c in APPLICATIONS_COLUMNS
        )
        balances = tuple(
            Sum(
                f"balance {c.key}",
                (f"applications/total/{c.key}", f"applications/carried_forward/{c.key}"),
                (f"applications/new/{c.key}", f"applications/carried_over/{c.key}"),
            )
            for c in APPLICATIONS_COLUMNS
        )
        return rows + columns + balances
    if table == "appeals":
        return tuple(
            Sum(
                f"group {g.key}",
                (f"appeals/{g.key}/total",),
                tuple(f"appeals/{g.key}/{c.key}" for c in APPEALS_COLUMNS if c.key != "total"),
            )
            for g in APPEALS_GROUPS
        )
    return ()


def broken_sums(cells: Mapping[str, Cell], sums: tuple[Sum, ...]) -> list[Sum]:
    """The sums that do not hold among those whose cells are all whole numbers in ``cells`` (a sum with
    a missing cell is not assessable and not listed)."""
    out: list[Sum] = []
    for s in sums:
        values = [cells.get(a) for a in s.addresses]
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            continue
        n = len(s.totals)
        if sum(values[:n]) != sum(values[n:]):  # type: ignore[arg-type]
            out.append(s)
    return out
