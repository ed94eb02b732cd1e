"""GD401–GD402: the proactive-disclosure table (2019 format): published within total, item counts not
negative.

Layer: rules. Imports only :mod:`gov_disclosure.core` and :mod:`._base`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from ..core.findings import CellRef, Finding, NotAssessable
from ..core.messages import rules as m
from ..core.vocabulary import spec
from ._base import Context, Rule, ref

__all__ = ["ITEM_BLOCKS", "check_items_not_negative", "check_published_le_total"]


def check_published_le_total(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    if r.format != "2019":
        return
    for row in spec("2019").block("art20_1").rows:
        base = f"proactive/art20_1.{row.key}"
        pub_a, tot_a = f"{base}/published", f"{base}/total"
        pub, tot = ctx.value(pub_a), ctx.value(tot_a)
        missing = tuple(a for a, v in ((pub_a, pub), (tot_a, tot)) if v is None)
        if missing and ctx.missing == "not-assessable":
            ctx.not_assessable.append(NotAssessable(rule.code, pub_a, missing))
            continue
        pub_n = pub if isinstance(pub, int) else 0
        tot_n = tot if isinstance(tot, int) else 0
        if pub_n > tot_n:
            yield rule.emit(
                m.PUBLISHED_OVER_TOTAL,
                {"label": row.label, "published": pub_n, "total": tot_n},
                location=pub_a,
                cells=[CellRef(pub_a, pub), CellRef(tot_a, tot)],
                expected=tot_n,
                found=pub_n,
            )


ITEM_BLOCKS: Final = ("art20_5", "art20_6", "art20_8")


def check_items_not_negative(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    if r.format != "2019":
        return
    for b in ITEM_BLOCKS:
        for row in spec("2019").block(b).rows:
            base = f"proactive/{b}.{row.key}"
            prev, change = ctx.value(f"{base}/previous_items"), ctx.value(f"{base}/change")
            if not isinstance(prev, int) or not isinstance(change, int):
                continue  # a missing cell: GD101 says so; a sign needs both numbers
            if prev + change < 0:
                yield rule.emit(
                    m.ITEMS_BELOW_ZERO,
                    {"label": row.label, "previous": prev, "change": change, "total": prev + change},
                    location=f"{base}/change",
                    cells=[ref(r, f"{base}/previous_items"), ref(r, f"{base}/change")],
                    found=prev + change,
                )
