"""GD501 and GD504: what the report is — its format against its year, its year and agency known.

Layer: rules. Imports only :mod:`gov_disclosure.core` and :mod:`._base`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.findings import Finding
from ..core.vocabulary import (
    format_for_year,
)
from ._base import Context, Rule

__all__ = ["check_format_year", "check_identity"]


def check_format_year(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    if r.year is None:
        return
    want = format_for_year(r.year)
    if r.format != want:
        yield rule.finding(
            f"a {r.year} report must use the {want} format, not {r.format}",
            f"{r.year}年度报告应使用{want}年版格式，而不是{r.format}年版",
            location="format",
        )


def check_identity(rule: Rule, ctx: Context) -> Iterator[Finding]:
    r = ctx.report
    if r.year is None:
        yield rule.finding("the reporting year is unknown", "报告年度不明", location="year")
    if not (r.agency or "").strip():
        yield rule.finding("the issuing agency is unknown", "报告机关不明", location="agency")
