"""The sums of the format: which cells add up to which, per format version (FORMAT.md §3–§4).

The one place where the format's sum relations are written. The validator checks them (GD201–GD203,
GD301: :mod:`gov_disclosure.rules.sums`); the readers use them as the evidence that a reading is the
table's where the text alone cannot tell (:mod:`gov_disclosure.reading.sums`,
:func:`gov_disclosure.reading.runs.equations`). Each relation is ``sum(totals) == sum(parts)``:

- **row** (GD201), per data row of 表三: 总计 = the six kinds of applicant;
- **column** (GD202), per column of 表三: （七）总计 = the result rows (``FormatSpec.result_rows``, which
  differ between 2019 and 2021);
- **balance** (GD203), per column of 表三, the table's 勾稽关系: （七）总计 + 四、结转下年度继续办理 =
  一、本年新收 + 二、上年结转;
- **group** (GD301), per group of 表四: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

表二 (``proactive``) has none.

Layer: core. Imports only :mod:`.vocabulary`.
"""

from __future__ import annotations

from functools import cache
from typing import Final, Literal, TypeAlias

import attrs

from .vocabulary import APPEALS_COLUMNS, APPEALS_GROUPS, APPLICATIONS_COLUMNS, FormatKey, spec

__all__ = ["SUM_CODES", "Sum", "SumKind", "format_sums"]

SumKind: TypeAlias = Literal["row", "column", "balance", "group"]
#: the rule that checks each kind of sum
SUM_CODES: Final[dict[SumKind, str]] = {"row": "GD201", "column": "GD202", "balance": "GD203", "group": "GD301"}

_PARTS: Final = tuple(c.key for c in APPLICATIONS_COLUMNS if c.key != "total")


@attrs.frozen
class Sum:
    """One sum of the format: ``sum(totals) == sum(parts)``."""

    kind: SumKind
    #: the row (``new``), column (``business``) or appeals group (``review``) it is about
    key: str
    #: that row's, column's or group's official label
    label: str
    #: the reported side: the total (two cells for a balance: （七）总计 and 结转下年度)
    totals: tuple[str, ...]
    #: what it must equal the sum of
    parts: tuple[str, ...]

    @property
    def code(self) -> str:
        """The rule that checks it."""
        return SUM_CODES[self.kind]

    @property
    def name(self) -> str:
        """``row new``, ``column business``, ``balance business``, ``group review``."""
        return f"{self.kind} {self.key}"

    @property
    def table(self) -> str:
        return "appeals" if self.kind == "group" else "applications"

    @property
    def location(self) -> str:
        """Where a finding about it is: the total's cell; for a balance (two totals) the column's
        ``applications/balance/<column>``."""
        return f"applications/balance/{self.key}" if self.kind == "balance" else self.totals[0]

    @property
    def addresses(self) -> tuple[str, ...]:
        return (*self.totals, *self.parts)


@cache
def format_sums(format: FormatKey) -> tuple[Sum, ...]:
    """Every sum of ``format``, in this order: the rows, the columns, the balances (表三), the groups
    (表四)."""
    s = spec(format)
    rows = tuple(
        Sum(
            "row",
            r.key,
            r.label,
            (f"applications/{r.key}/total",),
            tuple(f"applications/{r.key}/{k}" for k in _PARTS),
        )
        for r in s.applications_rows
        if r.key is not None
    )
    columns = tuple(
        Sum(
            "column",
            c.key,
            c.label,
            (f"applications/total/{c.key}",),
            tuple(f"applications/{k}/{c.key}" for k in s.result_rows),
        )
        for c in APPLICATIONS_COLUMNS
    )
    balances = tuple(
        Sum(
            "balance",
            c.key,
            c.label,
            (f"applications/total/{c.key}", f"applications/carried_forward/{c.key}"),
            (f"applications/new/{c.key}", f"applications/carried_over/{c.key}"),
        )
        for c in APPLICATIONS_COLUMNS
    )
    groups = tuple(
        Sum(
            "group",
            g.key,
            g.label,
            (f"appeals/{g.key}/total",),
            tuple(f"appeals/{g.key}/{c.key}" for c in APPEALS_COLUMNS if c.key != "total"),
        )
        for g in APPEALS_GROUPS
    )
    return rows + columns + balances + groups
