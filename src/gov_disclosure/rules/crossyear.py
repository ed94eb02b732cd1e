"""GD701–GD703: this year's report against last year's of the same agency (carry-overs, running
counts).

Layer: rules. Imports only :mod:`gov_disclosure.core` and :mod:`._base`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..core.findings import CellRef, Finding, NotAssessable
from ..core.messages import Message
from ..core.messages import rules as m
from ..core.values import Cell
from ..core.vocabulary import (
    APPLICATIONS_COLUMNS,
)
from ._base import Context, Rule, prev_ref
from .proactive import ITEM_BLOCKS

__all__ = ["check_carry_over", "check_in_force", "check_items"]


def check_carry_over(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r, p = ctx.report, ctx.previous
    assert p is not None
    for col in APPLICATIONS_COLUMNS:
        this_a = f"applications/carried_over/{col.key}"
        last_a = f"applications/carried_forward/{col.key}"
        this, last = r.cell(this_a), p.cell(last_a)
        if (this is None or last is None) and ctx.missing == "not-assessable":
            missing = (this_a,) * (this is None) + (f"previous:{last_a}",) * (last is None)
            ctx.not_assessable.append(NotAssessable(rule.code, this_a, missing))
            continue
        this_n, last_n = this if isinstance(this, int) else 0, last if isinstance(last, int) else 0
        if this_n != last_n:
            yield rule.emit(
                m.CARRY_OVER,
                {"label": col.label, "found": this_n, "expected": last_n},
                location=this_a,
                cells=[CellRef(this_a, this), prev_ref(last_a, last)],
                expected=last_n,
                found=this_n,
            )


def _running(
    rule: Rule,
    ctx: Context,
    address: str,
    previous_terms: Sequence[tuple[str, int]],
    this_terms: Sequence[tuple[str, int]],
    message: Message,
    label: str,
) -> Iterator[Finding]:
    """this[address] == Σ sign·previous[a] + Σ sign·this[a]."""
    r, p = ctx.report, ctx.previous
    assert p is not None
    refs = [CellRef(address, r.cell(address))]
    refs += [prev_ref(a, p.cell(a)) for a, _ in previous_terms]
    refs += [CellRef(a, r.cell(a)) for a, _ in this_terms]
    missing = tuple(ref.address for ref in refs if ref.value is None)
    if missing and ctx.missing == "not-assessable":
        ctx.not_assessable.append(NotAssessable(rule.code, address, missing))
        return

    def n(v: Cell) -> int:
        return v if isinstance(v, int) else 0

    expected = sum(sign * n(p.cell(a)) for a, sign in previous_terms) + sum(
        sign * n(r.cell(a)) for a, sign in this_terms
    )
    found = n(r.cell(address))
    if expected != found:
        yield rule.emit(
            message,
            {"label": label, "found": found, "expected": expected},
            location=address,
            cells=refs,
            expected=expected,
            found=found,
        )


def check_in_force(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r, p = ctx.report, ctx.previous
    assert p is not None
    if r.format != "2021" or p.format != "2021":
        return
    for row in r.spec.block("art20_1").rows:
        base = f"proactive/art20_1.{row.key}"
        yield from _running(
            rule,
            ctx,
            f"{base}/in_force",
            [(f"{base}/in_force", 1)],
            [(f"{base}/issued", 1), (f"{base}/repealed", -1)],
            m.IN_FORCE_RUNNING,
            row.label,
        )


def check_items(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r, p = ctx.report, ctx.previous
    assert p is not None
    if r.format != "2019" or p.format != "2019":
        return
    for b in ITEM_BLOCKS:
        for row in r.spec.block(b).rows:
            base = f"proactive/{b}.{row.key}"
            yield from _running(
                rule,
                ctx,
                f"{base}/previous_items",
                [(f"{base}/previous_items", 1), (f"{base}/change", 1)],
                [],
                m.ITEMS_RUNNING,
                row.label,
            )
