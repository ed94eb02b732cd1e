"""GD705: year-on-year anomalies — a count that grows more than a set factor, or falls below its
inverse, from last year's report of the same agency to this year's.

Which counts: every count of the proactive table (not 上一年项目数量, which is last year's own figure,
nor the signed 本年增/减 or the amounts), the 总计 column of every row of the applications table but
二、上年结转 (last year's 结转下年度: GD701 checks it, and a jump there is last year's), and the 总计
of each appeals group — in both reports (a pair across the 2019/2021 formats compares the
cells the two formats share). A pair is reported when the larger of the two values is at least the
minimum base (``anomaly_min_base``, default 20: from 2 to 11 is noise) and this year's value is more
than ``anomaly_factor`` (default 5) times last year's, or less than last year's divided by it. Information
only: a count may rightly jump (a new task, a campaign); the finding gives both years' values.

Layer: rules. Imports only :mod:`gov_disclosure.core` and :mod:`._base`.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from ..core.findings import CellRef, Finding
from ..core.messages import Message
from ..core.messages import rules as m
from ..core.vocabulary import CellKind, FormatKey, location_label, spec
from ._base import Context, Rule, prev_ref

__all__ = ["anomaly_cells", "check"]


@cache
def anomaly_cells(last: FormatKey, this: FormatKey) -> tuple[tuple[str, Message], ...]:
    """The addresses compared for a pair of formats, with their location in words."""
    a, b = spec(last), spec(this)
    out = []
    for c in b.cells:
        if not a.has_cell(c.address) or c.kind is not CellKind.COUNT:
            continue
        if (c.table, c.column) == ("proactive", "previous_items") or c.row == "carried_over":
            continue  # last year's own figures
        if c.table in ("applications", "appeals") and c.column != "total":
            continue
        label = Message(location_label(c.address, this, "en"), location_label(c.address, this, "zh"))
        out.append((c.address, label))
    return tuple(out)


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r, p = ctx.report, ctx.previous
    assert p is not None
    factor, base = ctx.config.anomaly_factor, ctx.config.anomaly_min_base
    shown = f"{factor:g}"
    these, lasts = ctx.values, ctx.previous_values
    for address, label in anomaly_cells(p.format, r.format):
        this, last = these[address], lasts[address]
        if type(this) is not int or type(last) is not int or max(this, last) < base:
            continue
        if this > factor * last:
            message = m.COUNT_GREW
        elif this * factor < last:
            message = m.COUNT_FELL
        else:
            continue
        yield rule.emit(
            message,
            {"label": label, "this": this, "last": last, "factor": shown},
            location=address,
            cells=[CellRef(address, this), prev_ref(address, last)],
            found=this,
        )
