"""The cell export of many reports (FORMAT.md §7 with ``file, agency, year, format`` in front) as CSV,
JSON Lines or Parquet.

Layer: batch. Imports the core, :mod:`gov_disclosure.io` and the other batch modules.
"""

from __future__ import annotations

import contextlib
import json
import os
import warnings
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import IO, Any, Final

import attrs

from ..core.csvout import CsvWriter, open_csv
from ..core.errors import ArgumentError
from ..core.export import CELL_FIELDS, cell_records
from ..core.files import atomic_open, same_file
from ..core.fixes import HandFix, apply_fixes, fixes_for, resolve_file_names
from ..core.messages import Message
from ..core.messages import batch as B
from ..core.messages import errors as E
from ..io import read_report
from ..reading.pool import ordered_map
from ._workers import chunk_size_for, chunks, crash, failure, make_pool, with_path
from .discover import discover
from .results import ProgressCallback

__all__ = [
    "CELL_EXPORT_FIELDS",
    "CORRECTED_FIELD",
    "ExportCount",
    "cells_kind",
    "iter_cell_records",
    "write_cells",
]

#: the columns of the multi-file cell export: FORMAT.md §7 with the report's identity in front
CELL_EXPORT_FIELDS: Final = ("file", "agency", "year", "format", *CELL_FIELDS)
#: the last column when hand corrections are given: the correction's note on a corrected cell
#: (``corrected by hand`` when it has none), blank elsewhere
CORRECTED_FIELD: Final = "corrected_by_hand"


@attrs.frozen
class _FileCells:
    path: str
    agency: str | None = None
    year: int | None = None
    format: str | None = None
    rows: tuple[tuple[str, ...], ...] = ()
    error: Message | None = None  #: why the file could not be read, in both languages


def _cells_of(path: str, fixes: Sequence[HandFix] = ()) -> _FileCells:
    try:
        report, findings = read_report(path)
        mine = fixes_for(fixes, path, report.agency, report.year)
        if mine:
            report, findings = apply_fixes(report, findings, mine)
    except Exception as exc:  # a bad file, or a reader's bug: it must not stop the export
        return _FileCells(path, error=failure(path, exc))
    records = cell_records(report)
    rows: tuple[tuple[str, ...], ...]
    if not fixes:
        rows = tuple((r.table, r.row, r.column, r.value, r.unit, r.raw) for r in records)
        return _FileCells(path, report.agency, report.year, report.format, rows)
    applied = {f.location for f in findings if f.code == "GD901" and f.location}
    notes = {fix.address: fix.note for fix in mine}
    rows = tuple(
        (
            r.table,
            r.row,
            r.column,
            r.value,
            r.unit,
            r.raw,
            _note(f"{r.table}/{r.row}/{r.column}", applied, notes),
        )
        for r in records
    )
    return _FileCells(path, report.agency, report.year, report.format, rows)


def _note(address: str, applied: set[str], notes: dict[str, str]) -> str:
    """The last column of a cell's record: its correction's note, if it was corrected by hand."""
    if address not in applied:
        return ""
    return notes.get(address) or "corrected by hand"


def _cells_chunk(paths: list[str], fixes: Sequence[HandFix] = ()) -> list[_FileCells]:
    return [_cells_of(p, fixes) for p in paths]


def _crashed_cells(path: str, reason: Message) -> _FileCells:
    return _FileCells(path, error=crash(path, reason))


def iter_cell_records(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    with_file: bool = True,
    timeout: float | None = None,
    on_progress: ProgressCallback | None = None,
    on_error: Callable[[str, str], None] | None = None,
    fixes: Sequence[HandFix] = (),
) -> Iterator[dict[str, Any]]:
    """Every cell of every report under ``paths`` as one record (:data:`CELL_EXPORT_FIELDS`; only
    FORMAT.md §7's fields when ``with_file`` is false), files in path order, cells in spec order.

    A file that cannot be read is passed to ``on_error(path, message)`` (English); without
    ``on_error`` a :class:`UserWarning` names it. It never stops the export. ``timeout`` as for
    :func:`iter_check`. ``fixes``: hand corrections, applied to the reports they are for; each
    record then ends with :data:`CORRECTED_FIELD`.
    """
    report = (lambda p, m: on_error(p, m.en)) if on_error is not None else None
    return _iter_cells(paths, jobs, with_file, timeout, on_progress, report, fixes)


def _iter_cells(
    paths: Iterable[str | os.PathLike[str]],
    jobs: int | None,
    with_file: bool,
    timeout: float | None,
    on_progress: ProgressCallback | None,
    on_error: Callable[[str, Message], None] | None,
    fixes: Sequence[HandFix] = (),
) -> Generator[dict[str, Any], None, None]:
    found = discover(paths)
    files = found.files
    for folder, why in found.unlistable:  # its reports cannot be exported: said, never skipped
        message = Message(with_path(folder, why.en), with_path(folder, why.zh))
        if on_error is not None:
            on_error(folder, message)
        else:
            warnings.warn(E.NOT_EXPORTED.en.format(error=message.en), UserWarning, stacklevel=2)
    fixes = resolve_file_names(fixes, files)
    extra = (CORRECTED_FIELD,) if fixes else ()
    fields_file, fields_plain = (*CELL_EXPORT_FIELDS, *extra), (*CELL_FIELDS, *extra)
    work = partial(_cells_chunk, fixes=fixes)
    pool = make_pool(jobs, files, timeout)
    try:
        size = chunk_size_for(len(files), pool, timeout)
        done = 0
        for chunk in ordered_map(pool, work, chunks(files, size), _crashed_cells, timeout=timeout):
            for fc in chunk:
                if fc.error is not None:
                    if on_error is not None:
                        on_error(fc.path, fc.error)
                    else:
                        warnings.warn(E.NOT_EXPORTED.en.format(error=fc.error.en), UserWarning, stacklevel=2)
                    continue
                head = (fc.path, fc.agency, fc.year, fc.format)
                for row in fc.rows:
                    if with_file:
                        yield dict(zip(fields_file, (*head, *row), strict=True))
                    else:
                        yield dict(zip(fields_plain, row, strict=True))
            done += len(chunk)
            if on_progress:
                on_progress("files", done, len(files))
    finally:
        if pool is not None:
            pool.close()


def cells_kind(path: str | os.PathLike[str] | None, default: str = "csv") -> str:
    """``csv``, ``jsonl`` or ``parquet`` from an output file's suffix, else ``default``."""
    if path is None:
        return default
    suffix = Path(path).suffix.lower()
    return {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}.get(suffix, default)


@attrs.frozen
class ExportCount:
    files: int
    rows: int
    unreadable: tuple[tuple[str, str], ...]  #: (path, message in English)
    unreadable_zh: tuple[tuple[str, str], ...] = ()  #: (path, message in Chinese)


def write_cells(
    paths: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str] | IO[str],
    *,
    kind: str = "csv",
    jobs: int | None = None,
    with_file: bool = True,
    timeout: float | None = None,
    on_progress: ProgressCallback | None = None,
    fixes: Sequence[HandFix] = (),
    bom: bool = True,
) -> ExportCount:
    """Write the cell export of every report under ``paths`` to ``out`` (a path, or a text stream
    for CSV/JSON Lines). ``kind``: ``csv``, ``jsonl`` or ``parquet`` (needs pyarrow, or polars).
    Unreadable files are left out and returned in the count.

    A file is written atomically (the old one stays until the new one is complete). CSV is UTF-8
    with a BOM (``bom=False``: without), and text that would start a formula is neutralised
    (:mod:`gov_disclosure.core.csvout`). An output that is one of the files given is refused
    (:class:`~gov_disclosure.core.errors.ArgumentError`)."""
    if kind not in ("csv", "jsonl", "parquet"):
        raise ArgumentError(B.BAD_CELLS_KIND, value=kind)
    paths = list(paths)
    if isinstance(out, (str, os.PathLike)):
        for given in paths:
            if same_file(out, given):
                raise ArgumentError(E.OUTPUT_IS_INPUT, path=os.fspath(out))
    unreadable: list[tuple[str, Message]] = []
    fields = (*(CELL_EXPORT_FIELDS if with_file else CELL_FIELDS), *((CORRECTED_FIELD,) if fixes else ()))
    files = 0

    def counting_progress(stage: str, done: int, total: int) -> None:
        nonlocal files
        files = done
        if on_progress:
            on_progress(stage, done, total)

    rows = _iter_cells(
        paths, jobs, with_file, timeout, counting_progress, lambda p, m: unreadable.append((p, m)), fixes
    )
    with contextlib.ExitStack() as stack:
        stack.callback(rows.close)  # a failed write (a closed pipe) stops the workers now
        if kind == "parquet":
            if not isinstance(out, (str, os.PathLike)):
                raise ArgumentError(B.PARQUET_NEEDS_PATH)
            from .parquet import write_parquet

            n = write_parquet(rows, out, fields)
        else:
            stream: IO[str]
            if not isinstance(out, (str, os.PathLike)):
                stream = out
            elif kind == "csv":
                stream = stack.enter_context(open_csv(out, bom=bom))
            else:
                stream = stack.enter_context(atomic_open(out, "w", encoding="utf-8", newline=""))
            n = _write_text_rows(rows, stream, kind, fields)
    return ExportCount(
        files, n, tuple((p, m.en) for p, m in unreadable), tuple((p, m.zh) for p, m in unreadable)
    )


def _write_text_rows(rows: Iterable[dict[str, Any]], out: IO[str], kind: str, fields: Sequence[str]) -> int:
    n = 0
    if kind == "csv":
        n = CsvWriter(out, fields).writerows(rows)
    else:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n
