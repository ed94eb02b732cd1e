"""How well a file was read: of the cells of the format, how many were placed, declined or blank.

So that "the report is wrong" is never confused with "we could not read it", every reading is
summed up per cell of its format, from the report and the reader's findings alone (every reader gets
it without doing anything):

- **placed**: the cell has a value;
- **declined**: no value, and a reader finding covers the cell — the reader saw something for it but
  would not place it (GD102 text that is not a number, GD105 a row that does not fit, GD106 a row
  under a label that is not the format's, values without a label in its table, GD108 a table that
  came out of order). A finding covers the cells it lists; without a list, the cells of its location:
  one cell, a row (``applications/new``), or a whole table (``applications``: some values of that
  table were seen and not placed, and any empty cell of it may be one of them);
- **blank**: no value and nothing seen for it: the report leaves the cell empty (blank, “/”, “无”), or
  the row is not in the file at all.

Layer: core. Imports only :mod:`.codes`, :mod:`.findings`, :mod:`.model` and :mod:`.vocabulary`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

import attrs

from .codes import CODES
from .findings import Finding, Severity
from .model import Report
from .vocabulary import TABLES

__all__ = ["ReadQuality", "covered_cells"]


#: reader codes that decline nothing: GD110 places the number typed as text (it warns that Excel's
#: totals leave it out), GD112 is about the file's bytes
_PLACES: Final = frozenset({"GD110", "GD112"})
#: reader codes that decline only the cell at their location, whose ``cells`` are its context: GD111
#: declines a total computed over blank cells, and names those (blank, not declined) parts
_DECLINES_LOCATION: Final = frozenset({"GD111"})


def _declines(f: Finding) -> bool:
    """Whether a finding says a reader would not place something: GD102, or a reader code that is
    not a note (GD107, how the file was read, is information only) and not one of :data:`_PLACES`."""
    c = CODES.get(f.code)
    return f.code == "GD102" or (
        c is not None and c.scope == "reader" and f.severity is not Severity.INFO and f.code not in _PLACES
    )


def covered_cells(report: Report, findings: Iterable[Finding]) -> set[str]:
    """The cells of ``report``'s format that the reader findings among ``findings`` cover."""
    addresses = [c.address for c in report.spec.cells]
    known = set(addresses)
    out: set[str] = set()
    for f in findings:
        if not _declines(f):
            continue
        if f.cells and f.code not in _DECLINES_LOCATION:
            out.update(c.address for c in f.cells if c.address in known)
            continue
        loc = f.location
        if not loc:
            continue
        if loc in known:
            out.add(loc)
        elif loc in TABLES or loc.count("/") == 1:
            out.update(a for a in addresses if a.startswith(loc + "/"))
    return out


@attrs.frozen
class ReadQuality:
    """How many cells of the format were placed, declined and left blank (see the module)."""

    placed: int
    declined: int
    blank: int
    #: the declined cells' addresses, in the order of the format
    declined_cells: tuple[str, ...] = attrs.field(default=(), repr=False)

    @property
    def cells(self) -> int:
        """Every cell of the format (placed + declined + blank)."""
        return self.placed + self.declined + self.blank

    @classmethod
    def of(cls, report: Report, findings: Iterable[Finding] = ()) -> ReadQuality:
        """The quality of reading ``report`` with the reader's ``findings`` (other findings, such as
        the validator's, are ignored: only reader codes and GD102 say a cell was declined)."""
        covered = covered_cells(report, findings)
        placed = declined = blank = 0
        declined_cells: list[str] = []
        for spec_, value in report.cells():
            address = spec_.address
            if value is not None:
                placed += 1
            elif address in covered:
                declined += 1
                declined_cells.append(address)
            else:
                blank += 1
        return cls(placed, declined, blank, tuple(declined_cells))

    def to_dict(self) -> dict[str, Any]:
        return {"placed": self.placed, "declined": self.declined, "blank": self.blank, "cells": self.cells}
