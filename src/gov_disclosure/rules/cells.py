"""GD101–GD104: the cells one by one — missing, text, negative or fractional, units.

Layer: rules. Imports only :mod:`gov_disclosure.core` and :mod:`._base`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.findings import CellRef, Finding
from ..core.messages import rules as m
from ..core.values import Amount, format_cell, is_missing, parse_cell
from ..core.vocabulary import UNIT_LABELS, CellKind
from ._base import Context, Rule

__all__ = ["check_missing", "check_range", "check_text", "check_units"]


def check_missing(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for c, v, raw in ctx.unusual:
        if v is None and (raw is None or is_missing(raw)):
            if c.address in ctx.declined:
                continue  # not blank: the reader declined it, and its finding says why
            yield rule.emit(
                m.CELL_BLANK_MARKED if raw else m.CELL_BLANK,
                {"row": c.row_label, "column": c.column_label, "raw": raw},
                location=c.address,
                cells=[CellRef(c.address, None)],
                raw=raw,
            )


def check_text(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for c, v, raw in ctx.unusual:
        if v is None and raw is not None and parse_cell(raw, c.kind).problem == "GD102":
            yield rule.emit(
                m.CELL_TEXT,
                {"row": c.row_label, "column": c.column_label, "raw": raw},
                location=c.address,
                cells=[CellRef(c.address, None)],
                raw=raw,
            )


def check_range(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for c, v, raw in ctx.unusual:
        if v is None and raw is not None and parse_cell(raw, c.kind).problem == "GD103":
            yield rule.emit(
                m.CELL_FRACTION,
                {"row": c.row_label, "column": c.column_label, "raw": raw},
                location=c.address,
                cells=[CellRef(c.address, None)],
                raw=raw,
            )
        negative = (isinstance(v, int) and v < 0 and c.kind is CellKind.COUNT) or (
            isinstance(v, Amount) and v.value < 0
        )
        if negative:
            yield rule.emit(
                m.CELL_NEGATIVE,
                {"row": c.row_label, "column": c.column_label, "value": format_cell(v)},
                location=c.address,
                cells=[CellRef(c.address, v)],
                raw=raw,
            )


def check_units(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for c, v, raw in ctx.unusual:
        if isinstance(v, Amount):
            if v.unit is None:
                yield rule.emit(
                    m.AMOUNT_NO_UNIT,
                    {"row": c.row_label, "column": c.column_label, "value": format_cell(v)},
                    location=c.address,
                    cells=[CellRef(c.address, v)],
                    raw=raw,
                )
            elif c.unit is not None and v.unit != c.unit:
                yield rule.emit(
                    m.AMOUNT_OTHER_UNIT,
                    {
                        "row": c.row_label,
                        "column": c.column_label,
                        "unit": UNIT_LABELS[v.unit],
                        "want": UNIT_LABELS[c.unit],
                    },
                    location=c.address,
                    cells=[CellRef(c.address, v)],
                    raw=raw,
                )
        elif v is not None and raw is not None and parse_cell(raw, c.kind).problem == "GD104":
            yield rule.emit(
                m.COUNT_WITH_UNIT,
                {"row": c.row_label, "column": c.column_label, "raw": raw, "value": format_cell(v)},
                location=c.address,
                cells=[CellRef(c.address, v)],
                raw=raw,
            )
