"""GD501 and GD504: what the report is — its format against its year, its year and agency known.

Layer: rules. Imports only :mod:`gov_disclosure.core` and :mod:`._base`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.findings import Finding
from ..core.messages import rules as m
from ..core.vocabulary import format_for_year
from ._base import Context, Rule

__all__ = ["check_format_year", "check_identity"]


def check_format_year(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    if r.year is None:
        return
    want = format_for_year(r.year)
    if r.format != want:
        yield rule.emit(
            m.FORMAT_FOR_YEAR, {"year": r.year, "want": want, "format": r.format}, location="format"
        )


def check_identity(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    if r.year is None:
        yield rule.emit(m.YEAR_UNKNOWN, location="year")
    if not (r.agency or "").strip():
        yield rule.emit(m.AGENCY_UNKNOWN, location="agency")
