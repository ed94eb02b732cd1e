"""The flat cell export (FORMAT.md §7): every table cell as one record, in spec order."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

import attrs

from .csvout import CsvWriter
from .model import Report
from .values import Amount, format_cell

__all__ = ["CELL_FIELDS", "CellRecord", "cell_records", "write_cells_csv", "write_cells_jsonl"]

CELL_FIELDS: tuple[str, ...] = ("table", "row", "column", "value", "unit", "raw")


@attrs.frozen
class CellRecord:
    table: str
    row: str
    column: str
    value: str  #: the number as text ("" when missing); amounts as exact decimals
    unit: str  #: "yuan", "wan_yuan" or "" (unknown or not an amount)
    raw: str  #: the text as found, or the canonical text of the value

    def as_dict(self) -> dict[str, str]:
        return attrs.asdict(self)


def cell_records(report: Report) -> Iterator[CellRecord]:
    """Every cell of the report as a flat record, in the order of the spec."""
    for c, v in report.cells():
        if isinstance(v, Amount):
            value, unit = format(v.value, "f"), v.unit or ""
        else:
            value, unit = ("" if v is None else str(v)), ""
        raw = report.raw.get(c.address, format_cell(v, c.unit))
        yield CellRecord(c.table, c.row, c.column, value, unit, raw)


def write_cells_csv(
    rows: Iterable[Mapping[str, Any]], out: IO[str], *, fields: tuple[str, ...] = CELL_FIELDS
) -> None:
    """Write records (``CellRecord.as_dict()`` or with extra leading fields) as CSV with a header;
    text that would start a formula is neutralised (:mod:`.csvout`)."""
    CsvWriter(out, fields).writerows(rows)


def write_cells_jsonl(rows: Iterable[Mapping[str, Any]], out: IO[str]) -> None:
    """Write records as JSON Lines."""
    for r in rows:
        out.write(json.dumps(dict(r), ensure_ascii=False) + "\n")


def cells_csv(report: Report) -> str:
    """The flat export of one report as CSV text."""
    buf = io.StringIO()
    write_cells_csv((r.as_dict() for r in cell_records(report)), buf)
    return buf.getvalue()
