"""The indicators of many reports as one table: CSV (UTF-8 with BOM, for Excel on Chinese Windows) or
JSON Lines. One record per readable report: ``file, agency, year, format``, then per indicator its
ratio (a decimal rounded to 6 places; blank when missing), numerator and denominator (exact integers,
so the ratio can be recomputed; blank when a cell is missing).

Layer: review. Imports the core and :mod:`.results`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any, Final

from ..core.csvout import CsvWriter
from ..core.indicators import iter_indicator_fields
from .results import ReviewedFile

__all__ = ["INDICATOR_FIELDS", "indicator_records", "write_indicators"]

#: the columns of the indicator export
INDICATOR_FIELDS: Final = ("file", "agency", "year", "format", *iter_indicator_fields())


def indicator_records(files: Iterable[ReviewedFile]) -> Iterator[dict[str, Any]]:
    """One record per readable report with indicators (a :class:`ReviewedFile` made from a run that
    kept its reports)."""
    for f in files:
        if f.error is not None or not f.indicators:
            continue
        rec: dict[str, Any] = {"file": f.path, "agency": f.agency, "year": f.year, "format": f.format}
        for v in f.indicators:
            key = v.indicator.key
            rec[key] = v.ratio_text() or None
            rec[f"{key}_numerator"] = v.numerator
            rec[f"{key}_denominator"] = v.denominator
        yield rec


def write_indicators(records: Iterable[dict[str, Any]], out: IO[str], *, kind: str = "csv") -> int:
    """Write indicator records as ``csv`` or ``jsonl``; returns how many. (Open a CSV target with
    :func:`gov_disclosure.core.csvout.open_csv`: atomic, UTF-8 with a BOM for Excel.)"""
    if kind not in ("csv", "jsonl"):
        raise ValueError(f"kind must be 'csv' or 'jsonl', not {kind!r}")
    n = 0
    writer = None
    if kind == "csv":
        writer = CsvWriter(out, INDICATOR_FIELDS)  # text that would start a formula is neutralised
    for rec in records:
        if writer is not None:
            writer.writerow(rec)
        else:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n
