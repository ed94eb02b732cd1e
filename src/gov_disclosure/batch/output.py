"""Findings files: the rows of a run's findings as CSV or JSON Lines, streamed.

Layer: batch. Imports the core and :mod:`.results`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Generator, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Final

from ..core.csvout import CsvWriter
from ..core.errors import ArgumentError
from ..core.findings import Severity
from ..core.messages import batch as B
from ..core.messages import errors as E
from .results import AMBIGUOUS, UNREADABLE, Ambiguous, Duplicate, Event, FileResult, PairResult

__all__ = ["FINDING_FIELDS", "finding_records", "findings_kind", "write_findings"]

#: the columns of a findings file
FINDING_FIELDS: Final = (
    "file",
    "agency",
    "year",
    "code",
    "severity",
    "location",
    "cells",
    "expected",
    "found",
    "message",
    "message_zh",
    "source",
    "raw",
    "previous",
    # how the file was read (the same on every row of a file; empty on rows of a pair): the reader,
    # and of the format's cells how many it placed, declined and found blank (core.quality), so a
    # finding about the report is never mistaken for one about what could not be read
    "reader",
    "cells_placed",
    "cells_declined",
    "cells_blank",
    # the SHA-256 of the file's bytes: two different files for one agency and year are GD505
    "sha256",
)


def finding_records(
    event: FileResult | PairResult | Ambiguous | Duplicate, *, flat: bool = True
) -> Iterator[dict[str, Any]]:
    """The rows of a findings file for one event: one per finding, or one ``unreadable`` row (a file
    that could not be read, or a pair whose check could not finish), or one ``ambiguous-agency`` row
    (a report not paired because its agency name matches two agencies of the corpus); for a
    :class:`Duplicate`, one GD505 row per file that has another version. ``sha256`` is the file's
    fingerprint.

    ``flat`` (for CSV): cells as one string (``address=value …``); else as a list of objects.
    """
    if isinstance(event, Ambiguous):
        en, zh = B.AMBIGUOUS_AGENCY.both(
            agency=event.agency, year=event.year, matches=" / ".join(event.matches)
        )
        yield {
            "file": event.path,
            "agency": event.agency,
            "year": event.year,
            "code": AMBIGUOUS,
            "severity": Severity.WARNING.value,
            "location": "agency",
            "cells": "" if flat else [],
            "expected": None,
            "found": None,
            "message": en,
            "message_zh": zh,
            "source": None,
            "raw": " / ".join(event.matches),
            "previous": None,
            **dict.fromkeys(("reader", "cells_placed", "cells_declined", "cells_blank")),
            "sha256": None,
        }
        return
    reading: dict[str, Any] = dict.fromkeys(("reader", "cells_placed", "cells_declined", "cells_blank"))
    if isinstance(event, Duplicate):
        digests = dict(zip(event.paths, event.sha256 or (None,) * len(event.paths), strict=True))
        for path, f in event.versions():
            d = f.to_dict()
            if flat:
                d["cells"] = ""
            yield {
                "file": path,
                "agency": event.agency,
                "year": event.year,
                **d,
                "previous": None,
                **reading,
                "sha256": digests[path],
            }
        return
    if isinstance(event, FileResult):
        base: dict[str, Any] = {"file": event.path, "agency": event.agency, "year": event.year}
        previous = None
        if event.quality is not None:
            q = event.quality
            reading = {
                "reader": event.reader,
                "cells_placed": q.placed,
                "cells_declined": q.declined,
                "cells_blank": q.blank,
            }
    else:
        base = {"file": event.this, "agency": event.agency, "year": event.year}
        previous = event.last
    if event.error is not None:
        yield {
            **base,
            "code": UNREADABLE,
            "severity": Severity.ERROR.value,
            "location": None,
            "cells": "" if flat else [],
            "expected": None,
            "found": None,
            "message": event.error,
            "message_zh": (E.UNCOMPARED_ROW if previous else E.UNREADABLE_ROW).zh.format(
                error=event.error_zh or event.error
            ),
            "source": None,
            "raw": None,
            "previous": previous,
            **reading,
            "sha256": event.sha256,
        }
        return
    for f in event.findings:
        d = f.to_dict()
        if flat:
            d["cells"] = " ".join(str(c) for c in f.cells)
        yield {**base, **d, "previous": previous, **reading, "sha256": event.sha256}


class _FindingsWriter:
    def __init__(self, out: IO[str], kind: str) -> None:
        self.out, self.kind = out, kind
        self.csv: CsvWriter | None = None
        if kind == "csv":
            self.csv = CsvWriter(out, FINDING_FIELDS)  # text that would start a formula is neutralised

    def write(self, event: Event) -> int:
        if not isinstance(event, (FileResult, PairResult, Ambiguous, Duplicate)):
            return 0
        n = 0
        for rec in finding_records(event, flat=self.csv is not None):
            if self.csv is not None:
                self.csv.writerow(rec)
            else:
                self.out.write(json.dumps({k: rec[k] for k in FINDING_FIELDS}, ensure_ascii=False) + "\n")
            n += 1
        return n


def findings_kind(path: str | os.PathLike[str]) -> str:
    """``csv`` or ``jsonl`` by the file's suffix (.csv; .jsonl, .ndjson, .json)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    raise ArgumentError(B.BAD_FINDINGS_SUFFIX, suffix=suffix or "")


def write_findings(
    events: Iterable[Event], out: IO[str], *, kind: str = "csv"
) -> Generator[Event, None, None]:
    """Write the findings of ``events`` to ``out`` (``kind`` ``csv`` or ``jsonl``) while passing
    every event on, so a run is streamed once: ``for e in write_findings(iter_check(...), f): ...``.
    In CSV, text that would start a formula (``=``, ``+``, ``-``, ``@``, tab, CR) gets a leading
    ``'`` (:func:`gov_disclosure.core.csvout.neutralise`); open a file for it with
    :func:`gov_disclosure.core.csvout.open_csv` (atomic, UTF-8 with a BOM)."""
    if kind not in ("csv", "jsonl"):
        raise ArgumentError(B.BAD_FINDINGS_KIND, value=kind)
    writer = _FindingsWriter(out, kind)
    for event in events:
        writer.write(event)
        yield event
