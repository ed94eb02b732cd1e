"""GD601: the sections the report must have.

Layer: rules. Imports only :mod:`gov_disclosure.core` and :mod:`._base`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from ..core.findings import Finding
from ..core.messages import rules as m
from ._base import Context, Rule

__all__ = ["REQUIRED_SECTIONS", "check_sections"]


REQUIRED_SECTIONS: Final[dict[str, str]] = {
    "overview": "一、总体情况",
    "problems": "五、存在的主要问题及改进情况",
}


def check_sections(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for key, heading in REQUIRED_SECTIONS.items():
        if not getattr(ctx.report.sections, key).strip():
            yield rule.emit(m.SECTION_EMPTY, {"heading": heading}, location=f"sections/{key}")
