"""Findings: what the validator and the readers say is wrong, as data."""

from __future__ import annotations

import enum
import hashlib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, TypeAlias

import attrs

from .values import Amount, Cell, format_cell

__all__ = ["CellRef", "Finding", "Severity", "ValidationReport", "agency_key", "finding_id", "finding_ids"]

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

    @property
    def value_text(self) -> str:
        """The value as the findings print it (∅: missing)."""
        return format_cell(self.value) or "∅"

    def __str__(self) -> str:
        return f"{self.address}={self.value_text}"


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


# -- stable finding ids --------------------------------------------------------------------------


def agency_key(name: str | None) -> str | None:
    """The agency name as compared (for pairing years and for finding ids): NFKC, case folded,
    without whitespace, punctuation or symbols (“郑州市 二七区（科学技术局）” → “郑州市二七区科学技术局”).
    None if nothing is left."""
    if name is None:
        return None
    text = unicodedata.normalize("NFKC", name).casefold()
    key = "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PSZC")
    return key or None


def finding_id(finding: Finding, *, agency: str | None, year: int | None, format: str | None) -> str:
    """A finding's stable id, ``GD201-3f9a2c1b7d04``: the code and 12 hex digits of a SHA-1 over
    the report's identity (the agency as :func:`agency_key` compares it, the year, the format
    version), the code and the place (the location; for a finding without one, its position in the
    file, then its raw text). Never the file's path or the message text: a rerun, a renamed or
    moved file, another order of files, a reworded message or the other language keep the id.
    (48 bits: among a million findings the chance of any two sharing an id is below 0.2%.)"""
    place = finding.location or finding.source or finding.raw or ""
    key = "\x1f".join((agency_key(agency) or "", str(year or ""), format or "", finding.code, place))
    return f"{finding.code}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"


def finding_ids(
    findings: Iterable[Finding], *, agency: str | None, year: int | None, format: str | None
) -> list[str]:
    """The ids of a report's findings, in order: :func:`finding_id`, with ``.2``, ``.3`` … added
    to the second and later findings of one report that share an id (same code at the same place)."""
    seen: Counter[str] = Counter()
    out = []
    for f in findings:
        base = finding_id(f, agency=agency, year=year, format=format)
        seen[base] += 1
        out.append(base if seen[base] == 1 else f"{base}.{seen[base]}")
    return out
