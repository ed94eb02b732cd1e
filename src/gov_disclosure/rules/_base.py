"""The rule base: :class:`Rule` (a code of the code table plus the check that makes its findings),
:class:`Context` (what every check sees) and the helpers the rule families share.

Layer: rules. Imports only :mod:`gov_disclosure.core`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Literal, TypeAlias

import attrs

from ..core.codes import CODES, Code
from ..core.findings import CellRef, Finding, NotAssessable
from ..core.model import Report
from ..core.values import Cell
from ..core.vocabulary import CellSpec

__all__ = ["Check", "Context", "MissingPolicy", "Rule", "balance", "prev_ref", "ref"]

MissingPolicy: TypeAlias = Literal["not-assessable", "zero"]


@attrs.define
class Context:
    """What every check sees: the report (its cells computed once), last year's, the policy."""

    report: Report
    previous: Report | None
    missing: MissingPolicy
    not_assessable: list[NotAssessable] = attrs.Factory(list)
    #: totals the source computed rather than reported (a template's formula over blank cells, a
    #: GD111 finding of the reader): address → the parts. No reported value: missing under
    #: ``not-assessable``, the parts' sum under ``zero``, never "blank" (GD101)
    computed: Mapping[str, Sequence[str]] = attrs.Factory(dict)
    values: dict[str, Cell] = attrs.field(init=False)
    #: the cells a cell rule may have something to say about (missing, negative, an amount, or read
    #: from non-canonical text), with their raw text: the clean majority is skipped once, here
    unusual: tuple[tuple[CellSpec, Cell, str | None], ...] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        raw = self.report.raw
        values: dict[str, Cell] = {}
        unusual = []
        for c, v in self.report.cells():
            values[c.address] = v
            if (v is None or c.address in raw or type(v) is not int or v < 0) and c.address not in self.computed:
                unusual.append((c, v, raw.get(c.address)))
        if self.missing == "zero":
            for address, parts in self.computed.items():  # parts before their totals
                if address in values and values[address] is None:
                    values[address] = sum(v for p in parts if isinstance(v := values.get(p), int))
        self.values, self.unusual = values, tuple(unusual)


Check: TypeAlias = Callable[["Rule", Context], Iterator[Finding]]


@attrs.frozen
class Rule(Code):
    """One rule of the catalogue: a code of :data:`~gov_disclosure.core.codes.CODES` and its check
    (``None`` for the codes only readers find: they alone see the rows as found)."""

    check: Check | None = attrs.field(default=None, repr=False, eq=False)

    @classmethod
    def of(cls, code: str, check: Check | None = None) -> Rule:
        """The rule of a code of the code table."""
        return cls(**attrs.asdict(CODES[code], recurse=False), check=check)


# -- helpers shared by the families ----------------------------------------------------------------


def ref(r: Report, address: str) -> CellRef:
    return CellRef(address, r.cell(address))


def balance(
    rule: Rule,
    ctx: Context,
    location: str,
    reported: Sequence[str],
    parts: Sequence[str],
    what: str,
    what_zh: str,
) -> Iterator[Finding]:
    """Check sum(reported) == sum(parts); the computed side is ``expected``."""
    values = ctx.values
    found = expected = 0
    missing: list[str] = []
    for a in reported:
        v = values[a]
        if isinstance(v, int):
            found += v
        elif v is None:
            missing.append(a)
    for a in parts:
        v = values[a]
        if isinstance(v, int):
            expected += v
        elif v is None:
            missing.append(a)
    if missing and ctx.missing == "not-assessable":
        ctx.not_assessable.append(NotAssessable(rule.code, location, tuple(missing)))
        return
    if expected != found:
        yield rule.finding(
            f"{what}: reported {found}, computed {expected}",
            f"{what_zh}：填报{found}，计算应为{expected}",
            location=location,
            cells=[CellRef(a, values[a]) for a in (*reported, *parts)],
            expected=expected,
            found=found,
        )


def prev_ref(address: str, value: Cell) -> CellRef:
    return CellRef(f"previous:{address}", value)
