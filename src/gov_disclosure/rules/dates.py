"""GD502–GD503: the signature date against the end of the reporting year and the legal deadline.

GD503 needs the kind of agency (Art. 49: 31 January for a department, 31 March for a people's
government). When the report does not give it, it is inferred from the agency's name
(:func:`~gov_disclosure.core.model.agency_kind_of`) and the finding says so; when the name says
neither, GD503 is not assessable.

Layer: rules. Imports only :mod:`gov_disclosure.core` and :mod:`._base`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..core.findings import Finding, NotAssessable
from ..core.messages import rules as m
from ..core.model import agency_kind_of
from ..core.vocabulary import DEADLINES
from ._base import Context, Rule

__all__ = ["check_deadline", "check_published_after_year"]


def check_published_after_year(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    if r.year is None or r.published_on is None:
        return
    start = dt.date(r.year + 1, 1, 1)
    if r.published_on < start:
        yield rule.emit(
            m.DATED_BEFORE_YEAR_END,
            {"date": r.published_on.isoformat(), "year": r.year},
            location="published_on",
        )


def check_deadline(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    if r.year is None or r.published_on is None:
        return
    kind = r.agency_kind
    inferred = kind is None
    if kind is None:
        kind = agency_kind_of(r.agency)
    if kind is None:
        ctx.not_assessable.append(NotAssessable(rule.code, "published_on", ("agency_kind",)))
        return
    month, day = DEADLINES[kind]
    deadline = dt.date(r.year + 1, month, day)
    if r.published_on > deadline:
        yield rule.emit(
            m.LATE,
            {
                "date": r.published_on.isoformat(),
                "deadline": deadline.isoformat(),
                "kind": m.KIND_GOVERNMENT if kind == "government" else m.KIND_DEPARTMENT,
                "agency": r.agency,
            },
            location="published_on",
            then=m.KIND_INFERRED if inferred else None,
        )
