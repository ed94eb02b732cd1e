"""The sums of the format as plain address lists, for readers that must confirm what they read.

A reader never checks a report (that is the validator's work, in :mod:`gov_disclosure.rules.sums`),
but where the text alone cannot tell which value belongs where (a table whose cells came out of the
extractor in its own order, rows of values separated from their labels), the format's own sums are the
only evidence that a reading is the table's. These are the same sums as GD201–GD203 and GD301, taken
from the one place the format's sums are written, :mod:`gov_disclosure.core.sums`.

Layer: reading. Imports only :mod:`gov_disclosure.core`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from ..core.sums import Sum, format_sums
from ..core.values import Cell
from ..core.vocabulary import FormatKey

__all__ = ["Sum", "broken_sums", "table_sums"]


@cache
def table_sums(format: FormatKey, table: str) -> tuple[Sum, ...]:
    """Every sum of one table (``applications`` or ``appeals``; ``proactive`` has none), in the order
    of :func:`~gov_disclosure.core.sums.format_sums`: rows, columns, balances; groups."""
    return tuple(s for s in format_sums(format) if s.table == table)


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
