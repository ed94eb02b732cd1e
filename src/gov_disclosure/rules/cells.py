"""GD101–GD104: the cells one by one — missing, text, negative or fractional, units.

Layer: rules. Imports only :mod:`gov_disclosure.core` and :mod:`._base`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.findings import CellRef, Finding
from ..core.values import Amount, format_cell, is_missing, parse_cell
from ..core.vocabulary import (
    CellKind,
)
from ._base import Context, Rule

__all__ = ["check_missing", "check_range", "check_text", "check_units"]


def check_missing(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for c, v, raw in ctx.unusual:
        if v is None and (raw is None or is_missing(raw)):
            yield rule.finding(
                f"{c.row_label} / {c.column_label} is blank" + (f" ({raw!r})" if raw else ""),
                f"{c.row_label}/{c.column_label}未填写" + (f"（“{raw}”）" if raw else ""),
                location=c.address,
                cells=[CellRef(c.address, None)],
                raw=raw,
            )


def check_text(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for c, v, raw in ctx.unusual:
        if v is None and raw is not None and parse_cell(raw, c.kind).problem == "GD102":
            yield rule.finding(
                f"{c.row_label} / {c.column_label} holds {raw!r}, not a number",
                f"{c.row_label}/{c.column_label}填写的“{raw}”不是数字",
                location=c.address,
                cells=[CellRef(c.address, None)],
                raw=raw,
            )


def check_range(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for c, v, raw in ctx.unusual:
        if v is None and raw is not None and parse_cell(raw, c.kind).problem == "GD103":
            yield rule.finding(
                f"{c.row_label} / {c.column_label} holds {raw!r}, not a whole number",
                f"{c.row_label}/{c.column_label}填写的“{raw}”不是整数",
                location=c.address,
                cells=[CellRef(c.address, None)],
                raw=raw,
            )
        negative = (isinstance(v, int) and v < 0 and c.kind is CellKind.COUNT) or (
            isinstance(v, Amount) and v.value < 0
        )
        if negative:
            yield rule.finding(
                f"{c.row_label} / {c.column_label} is negative ({format_cell(v)})",
                f"{c.row_label}/{c.column_label}为负数（{format_cell(v)}）",
                location=c.address,
                cells=[CellRef(c.address, v)],
                raw=raw,
            )


def check_units(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for c, v, raw in ctx.unusual:
        if isinstance(v, Amount):
            if v.unit is None:
                yield rule.finding(
                    f"{c.row_label} / {c.column_label} {format_cell(v)} has no unit (元 or 万元?)",
                    f"{c.row_label}/{c.column_label}“{format_cell(v)}”未注明单位（元还是万元？）",
                    location=c.address,
                    cells=[CellRef(c.address, v)],
                    raw=raw,
                )
            elif c.unit is not None and v.unit != c.unit:
                yield rule.finding(
                    f"{c.row_label} / {c.column_label} is given in {v.unit}, the format asks {c.unit}",
                    f"{c.row_label}/{c.column_label}的单位与表头规定的单位不一致",
                    location=c.address,
                    cells=[CellRef(c.address, v)],
                    raw=raw,
                )
        elif v is not None and raw is not None and parse_cell(raw, c.kind).problem == "GD104":
            yield rule.finding(
                f"{c.row_label} / {c.column_label} carried a unit ({raw!r}); read as {v}",
                f"{c.row_label}/{c.column_label}数字带有单位（“{raw}”），按{v}读取",
                location=c.address,
                cells=[CellRef(c.address, v)],
                raw=raw,
            )
