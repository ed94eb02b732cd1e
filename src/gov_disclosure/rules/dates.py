"""GD502–GD503: the signature date against the end of the reporting year and the legal deadline.

Layer: rules. Imports only :mod:`gov_disclosure.core` and :mod:`._base`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..core.findings import Finding, NotAssessable
from ..core.vocabulary import (
    DEADLINES,
)
from ._base import Context, Rule

__all__ = ["check_deadline", "check_published_after_year"]


def check_published_after_year(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    if r.year is None or r.published_on is None:
        return
    start = dt.date(r.year + 1, 1, 1)
    if r.published_on < start:
        yield rule.finding(
            f"dated {r.published_on.isoformat()}, before the {r.year} reporting period ended",
            f"落款日期{r.published_on.isoformat()}早于{r.year}年度统计期结束",
            location="published_on",
        )


def check_deadline(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    if r.year is None or r.published_on is None:
        return
    if r.agency_kind is None:
        ctx.not_assessable.append(NotAssessable(rule.code, "published_on", ("agency_kind",)))
        return
    month, day = DEADLINES[r.agency_kind]
    deadline = dt.date(r.year + 1, month, day)
    if r.published_on > deadline:
        yield rule.finding(
            f"dated {r.published_on.isoformat()}, after the {r.agency_kind} deadline {deadline.isoformat()}",
            f"落款日期{r.published_on.isoformat()}晚于法定期限{deadline.isoformat()}",
            location="published_on",
        )
