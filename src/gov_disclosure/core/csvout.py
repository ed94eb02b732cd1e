"""Writing CSV for people: every CSV the library or the CLI writes goes through here.

- **No formula injection** (OWASP, "CSV injection"): Excel, WPS and LibreOffice run a cell that starts
  with ``=``, ``+``, ``-`` or ``@`` as a formula, and a leading tab or carriage return can smuggle one
  in. A *text* field starting with one of these is written with a leading ``'``
  (``=HYPERLINK(…)`` → ``'=HYPERLINK(…)``), so a spreadsheet shows it as text. Numbers are never
  changed: ints, floats, Decimals, and text that is a plain number (``-3``, ``-3.25``, ``+1``).
  The text of a report is anyone's (a web page read from the internet, a clerk's workbook): what we
  write must be safe to open.
- **UTF-8 with a BOM** by default (``utf-8-sig``): Excel on Chinese Windows reads a CSV without one
  as the local code page and shows mojibake. ``bom=False`` writes plain UTF-8 (for tools that do
  not expect a BOM). Files are written atomically (:mod:`.files`).

Layer: core. Imports only the standard library and :mod:`.files`.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import IO, Any, Final

from .files import atomic_open

__all__ = ["RISKY_STARTS", "CsvWriter", "csv_encoding", "neutralise", "open_csv"]

#: what a text field may not start with (OWASP): it would be a formula
RISKY_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def neutralise(value: Any) -> Any:
    """A field as it may go into a CSV: text that would start a formula gets a leading ``'``;
    numbers (and text that is a plain number) and everything else are returned as they are."""
    if not isinstance(value, str) or not value.startswith(RISKY_STARTS):
        return value
    if _PLAIN_NUMBER.fullmatch(value):
        return value  # -3 is a number, never a formula
    return "'" + value


def csv_encoding(bom: bool = True) -> str:
    """``utf-8-sig`` (UTF-8 with a BOM: Excel reads Chinese right) or plain ``utf-8``."""
    return "utf-8-sig" if bom else "utf-8"


@contextlib.contextmanager
def open_csv(path: str | os.PathLike[str], *, bom: bool = True) -> Iterator[IO[str]]:
    """A CSV file to write, atomically, UTF-8 with a BOM unless ``bom=False``."""
    with atomic_open(path, "w", encoding=csv_encoding(bom), newline="") as fh:
        yield fh


class CsvWriter:
    """``csv.DictWriter`` that neutralises every field (:func:`neutralise`); ``None`` is written as
    an empty field. Rows with fields not in ``fieldnames`` are refused."""

    def __init__(self, out: IO[str], fieldnames: Sequence[str], *, header: bool = True) -> None:
        self.fieldnames = list(fieldnames)
        self._writer = csv.DictWriter(out, fieldnames=self.fieldnames, lineterminator="\n", extrasaction="raise")
        if header:
            self._writer.writeheader()

    def writerow(self, row: Mapping[str, Any]) -> None:
        self._writer.writerow({k: "" if v is None else neutralise(v) for k, v in row.items()})

    def writerows(self, rows: Iterable[Mapping[str, Any]]) -> int:
        n = 0
        for row in rows:
            self.writerow(row)
            n += 1
        return n


def is_number(value: Any) -> bool:
    """Whether a field is a number (never neutralised)."""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return True
    return isinstance(value, str) and _PLAIN_NUMBER.fullmatch(value) is not None
