"""Findings: what the validator and the readers say is wrong, as data."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, TypeAlias

import attrs

from .values import Amount, Cell, format_cell

__all__ = ["CellRef", "Finding", "Severity", "ValidationReport"]

Number: TypeAlias = int | Decimal


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen
class CellRef:
    """A cell a finding involves: its FORMAT.md address and its value (None: missing)."""

    address: str
    value: Cell

    def __str__(self) -> str:
        return f"{self.address}={format_cell(self.value) or '∅'}"


@attrs.frozen
class Finding:
    """One problem, located as exactly as possible.

    - ``location``: where in the report (a cell address, ``published_on``, ``sections/problems``…).
    - ``cells``: every cell the rule involves, with its value; for a sum the total comes first.
    - ``expected``/``found``: for a sum, the computed and the reported value.
    - ``source``: where in the file (``依申请公开!D7``, ``line 123``, ``table 2, row 5``), from readers.
    - ``raw``: the text as found, from readers.
    """

    code: str
    severity: Severity
    message: str
    message_zh: str
    location: str | None = None
    cells: tuple[CellRef, ...] = ()
    expected: Number | None = None
    found: Number | None = None
    source: str | None = None
    raw: str | None = None

    @property
    def table(self) -> str:
        """The table (or ``report``) the finding belongs to, for grouping."""
        loc = self.location or (self.cells[0].address if self.cells else "")
        head = loc.split("/", 1)[0]
        return head if head in ("proactive", "applications", "appeals") else "report"

    def to_dict(self) -> dict[str, Any]:
        def num(v: Number | None) -> int | str | None:
            return str(v) if isinstance(v, Decimal) else v

        def cell(v: Cell) -> int | str | dict[str, str | None] | None:
            if isinstance(v, Amount):
                return {"value": str(v.value), "unit": v.unit}
            return v

        return {
            "code": self.code,
            "severity": self.severity.value,
            "location": self.location,
            "message": self.message,
            "message_zh": self.message_zh,
            "cells": [{"address": c.address, "value": cell(c.value)} for c in self.cells],
            "expected": num(self.expected),
            "found": num(self.found),
            "source": self.source,
            "raw": self.raw,
        }


@attrs.frozen
class NotAssessable:
    """A check that could not be made because a cell it needs is missing."""

    code: str
    location: str
    missing: tuple[str, ...]


@attrs.frozen
class ValidationReport:
    """All findings of one validation, plus the checks that could not be made."""

    findings: tuple[Finding, ...]
    not_assessable: tuple[NotAssessable, ...] = ()
    #: the config file the validation used (None: the defaults, or a config made in code)
    config: str | None = None

    @property
    def valid(self) -> bool:
        """True when there is no finding of severity error."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return self.by_severity(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return self.by_severity(Severity.WARNING)

    def by_severity(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is severity)

    def codes(self) -> Counter[str]:
        """How many findings of each code."""
        return Counter(f.code for f in self.findings)

    def by_table(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {}
        for f in self.findings:
            out.setdefault(f.table, []).append(f)
        return out

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def flatten(self) -> list[dict[str, Any]]:
        """One flat record per finding, for a table or CSV."""
        rows = []
        for f in self.findings:
            d = f.to_dict()
            d["cells"] = " ".join(str(c) for c in f.cells)
            rows.append(d)
        return rows

    def to_dict(self) -> dict[str, Any]:
        counts = Counter(f.severity.value for f in self.findings)
        return {
            "valid": self.valid,
            "counts": {s.value: counts.get(s.value, 0) for s in Severity},
            "findings": [f.to_dict() for f in self.findings],
            "not_assessable": [
                {"code": n.code, "location": n.location, "missing": list(n.missing)}
                for n in self.not_assessable
            ],
            "config": self.config,
        }


def merge_findings(first: Sequence[Finding], then: Iterable[Finding]) -> tuple[Finding, ...]:
    """``first`` (e.g. a reader's, with file positions), then those of ``then`` that say the same
    thing about a place ``first`` has not already covered (same code and location)."""
    seen = {(f.code, f.location) for f in first}
    return (*first, *(f for f in then if (f.code, f.location) not in seen))
