"""Checking reports at scale: folders of files, many years, many agencies.

Everything here is built on one pure function per file, :func:`check_file` (read, validate, return a
picklable :class:`FileResult`), and one per pair of consecutive years, :func:`check_pair`. The rest
arranges them:

- :func:`iter_check` walks files and folders, checks every file in worker processes, pairs the reports
  of one agency in consecutive years and runs the cross-year rules GD701–GD704 on each pair, and
  yields events (:class:`FileResult`, :class:`PairResult`, :class:`Skipped`, :class:`Duplicate`) as
  they are ready; :class:`Summary` counts them. :func:`check_paths` collects it all in a
  :class:`BatchResult` for a notebook.
- :func:`iter_cell_records` / :func:`write_cells`: the flat cell export (FORMAT.md §7) of every report,
  with ``file, agency, year, format`` in front, as CSV, JSON Lines or Parquet.
- :func:`compare`: one pair of files.

The library never prints; progress is reported through ``on_progress(stage, done, total)``.

Memory: findings are streamed, never collected by :func:`iter_check`. Until the pairing step the
parent keeps, per readable report with a known agency and year, what the cross-year rules need: the
cell values (a tuple in spec order) and the section text, a few kilobytes per report.

Pairing: reports are paired by (agency, year) with (agency, year − 1). The agency names are compared
after :func:`agency_key` normalisation (NFKC, case folded, whitespace, punctuation and symbols dropped)
and nothing else: 定海区经信局 and 舟山市定海区经济和信息化局 are *not* paired. When several files
have the same (agency, year), the first in path order is paired and a :class:`Duplicate` is reported.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import unicodedata
import warnings
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import IO, Any, Final, TypeAlias

import attrs

from ._batch_pool import Pool, ordered_map
from .errors import GovDisclosureError
from .export import CELL_FIELDS, cell_records
from .findings import Finding, Severity, ValidationReport
from .io import read_report
from .model import Report, Sections
from .rules import RULES, Context, MissingPolicy, validate
from .similarity import DEFAULT_THRESHOLD, MIN_CHARS, make_check
from .values import Amount, Cell
from .vocabulary import SECTIONS, FormatKey, spec

__all__ = [
    "CELL_EXPORT_FIELDS",
    "FINDING_FIELDS",
    "SUFFIXES",
    "UNREADABLE",
    "BatchResult",
    "CrossYearData",
    "Discovery",
    "Duplicate",
    "Event",
    "ExportCount",
    "FileResult",
    "PairResult",
    "ProgressCallback",
    "Skipped",
    "Summary",
    "agency_key",
    "cells_kind",
    "check_file",
    "check_pair",
    "check_pairs",
    "check_paths",
    "compare",
    "cross_year_findings",
    "discover",
    "finding_records",
    "findings_kind",
    "iter_cell_records",
    "iter_check",
    "pair_up",
    "write_cells",
    "write_findings",
]

#: the suffixes a folder walk picks up (a file named on the command line is read whatever its suffix)
SUFFIXES: Final = frozenset({".json", ".xlsx", ".docx", ".txt", ".html", ".htm", ".pdf"})

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
)
#: the columns of the multi-file cell export: FORMAT.md §7 with the report's identity in front
CELL_EXPORT_FIELDS: Final = ("file", "agency", "year", "format", *CELL_FIELDS)

#: the code of the findings-file row that stands for a file that could not be read
UNREADABLE: Final = "unreadable"

#: ``on_progress(stage, done, total)``; stage is ``"files"`` or ``"pairs"``
ProgressCallback: TypeAlias = Callable[[str, int, int], None]


# -- results -------------------------------------------------------------------------------------


@attrs.frozen
class CrossYearData:
    """What the cross-year rules need of a report, compact enough to keep for every report of a run:
    every cell value and the six sections, packed (JSON, zlib-compressed: about 1 KB for a generated
    report, a few KB for a real one). Build it with :meth:`of`; :meth:`report` unpacks."""

    format: FormatKey
    year: int | None
    agency: str | None
    packed: bytes = attrs.field(repr=False)

    @classmethod
    def of(cls, report: Report) -> CrossYearData:
        values = [_pack_cell(v) for _, v in report.cells()]
        sections = [getattr(report.sections, s.key) for s in SECTIONS]
        data = json.dumps([values, sections], ensure_ascii=False, separators=(",", ":"))
        return cls(report.format, report.year, report.agency, zlib.compress(data.encode("utf-8"), 1))

    @property
    def values(self) -> tuple[Cell, ...]:
        """Every cell, in spec order."""
        return tuple(_unpack_cell(v) for v in self._unpack()[0])

    @property
    def sections(self) -> tuple[str, ...]:
        """The six sections, in SECTIONS order."""
        return tuple(self._unpack()[1])

    def _unpack(self) -> tuple[list[Any], list[str]]:
        values, sections = json.loads(zlib.decompress(self.packed).decode("utf-8"))
        return values, sections

    def report(self) -> Report:
        """The report again (without its raw texts, dates or kind: the cross-year rules need none)."""
        values, sections = self._unpack()
        cells = {c.address: _unpack_cell(v) for c, v in zip(spec(self.format).cells, values, strict=True)}
        return Report.from_cells(
            self.format, cells, year=self.year, agency=self.agency, sections=Sections(*sections)
        )


def _pack_cell(value: Cell) -> int | list[str | None] | None:
    if isinstance(value, Amount):
        return [format(value.value, "f"), value.unit]
    return value


def _unpack_cell(value: Any) -> Cell:
    if isinstance(value, list):
        return Amount(Decimal(value[0]), value[1])
    return value  # type: ignore[no-any-return]


@attrs.frozen
class FileResult:
    """The outcome of checking one file. ``error`` is set (and ``findings`` empty) when it could not
    be read; ``carry`` holds what the cross-year rules need and is dropped once pairing is done."""

    path: str
    suffix: str = ""
    format: str | None = None
    agency: str | None = None
    year: int | None = None
    findings: tuple[Finding, ...] = ()
    not_assessable: int = 0
    error: str | None = None
    error_type: str | None = None
    carry: CrossYearData | None = attrs.field(default=None, repr=False, eq=False)

    @property
    def readable(self) -> bool:
        return self.error is None

    @property
    def valid(self) -> bool:
        """Readable and without a finding of severity error."""
        return self.readable and not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def pair_key(self) -> tuple[str, int] | None:
        """(normalised agency, year), or None when either is unknown."""
        key = agency_key(self.agency)
        return (key, self.year) if key is not None and self.year is not None else None

    def without_carry(self) -> FileResult:
        return attrs.evolve(self, carry=None) if self.carry is not None else self


@attrs.frozen
class PairResult:
    """The cross-year findings (GD701–GD704) of ``this`` year's report against ``last`` year's."""

    last: str
    this: str
    agency: str | None
    year: int | None  #: this year's
    findings: tuple[Finding, ...] = ()
    not_assessable: int = 0
    #: set (and ``findings`` empty) when the pair could not be checked: its worker died or overran
    error: str | None = None

    @property
    def valid(self) -> bool:
        return self.error is None and not any(f.severity is Severity.ERROR for f in self.findings)


@attrs.frozen
class Skipped:
    """A file in a folder that was not checked, and why (its suffix is not a report's)."""

    path: str
    reason: str


@attrs.frozen
class Duplicate:
    """Several files give a report of the same agency and year; ``paths[0]`` is the one paired."""

    agency: str | None
    year: int
    paths: tuple[str, ...]


Event: TypeAlias = FileResult | PairResult | Skipped | Duplicate


@attrs.define
class Summary:
    """Counts over a run; feed it every event with :meth:`add`."""

    files: int = 0  #: files checked (read or not)
    read: int = 0
    unreadable: int = 0
    pairs: int = 0
    pairs_unchecked: int = 0  #: pairs whose check could not finish (a worker died or overran)
    duplicates: int = 0
    skipped: Counter[str] = attrs.Factory(Counter)  #: by suffix
    codes: Counter[str] = attrs.Factory(Counter)  #: findings per code, cross-year ones included
    severities: Counter[str] = attrs.Factory(Counter)
    error_files: set[str] = attrs.Factory(set)  #: readable reports with at least one error

    def add(self, event: Event) -> None:
        if isinstance(event, FileResult):
            self.files += 1
            if not event.readable:
                self.unreadable += 1
                return
            self.read += 1
            self._count(event.path, event.findings)
        elif isinstance(event, PairResult):
            self.pairs += 1
            if event.error is not None:
                self.pairs_unchecked += 1
                return
            self._count(event.this, event.findings)
        elif isinstance(event, Skipped):
            self.skipped[Path(event.path).suffix.lower() or "(none)"] += 1
        else:
            self.duplicates += 1

    def _count(self, path: str, findings: Iterable[Finding]) -> None:
        for f in findings:
            self.codes[f.code] += 1
            self.severities[f.severity.value] += 1
            if f.severity is Severity.ERROR:
                self.error_files.add(path)

    @property
    def with_errors(self) -> int:
        """Readable reports with at least one error, their own or a cross-year one."""
        return len(self.error_files)

    @property
    def exit_code(self) -> int:
        """2 if any file could not be read or any pair not checked (this wins), else 1 if any report
        has an error, else 0."""
        return 2 if self.unreadable or self.pairs_unchecked else 1 if self.error_files else 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "read": self.read,
            "unreadable": self.unreadable,
            "with_errors": self.with_errors,
            "pairs": self.pairs,
            "pairs_unchecked": self.pairs_unchecked,
            "duplicates": self.duplicates,
            "skipped": dict(sorted(self.skipped.items())),
            "findings": dict(sorted(self.codes.items())),
            "severities": {s.value: self.severities.get(s.value, 0) for s in Severity},
        }


@attrs.frozen
class BatchResult:
    """Everything a run produced (for a notebook; the CLI streams instead)."""

    results: tuple[FileResult, ...]
    pairs: tuple[PairResult, ...]
    skipped: tuple[Skipped, ...]
    duplicates: tuple[Duplicate, ...]
    summary: Summary

    def finding_records(self, *, flat: bool = True) -> Iterator[dict[str, Any]]:
        """One record per finding (and per unreadable file), as in a findings file."""
        for result in self.results:
            yield from finding_records(result, flat=flat)
        for pair in self.pairs:
            yield from finding_records(pair, flat=flat)


# -- finding files and folders -------------------------------------------------------------------


@attrs.frozen
class Discovery:
    files: tuple[str, ...]
    skipped: tuple[Skipped, ...]


def discover(paths: Iterable[str | os.PathLike[str]], *, suffixes: frozenset[str] = SUFFIXES) -> Discovery:
    """The files to check: every path that is not a folder as given (even if it does not exist: it
    is then reported as unreadable), and every file under a folder whose suffix is in ``suffixes``,
    recursively, in path order (folder by folder, by name). Hidden files and folders and Office lock files (``~$…``) are left
    out silently; other files in folders are returned as :class:`Skipped`."""
    files: list[str] = []
    skipped: list[Skipped] = []
    for given in paths:
        p = Path(given)
        if not p.is_dir():
            files.append(str(p))
            continue
        found: list[Path] = []
        for root, dirs, names in os.walk(p):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found += (Path(root, name) for name in names if not name.startswith((".", "~$")))
        for f in sorted(found, key=_path_order):
            if f.suffix.lower() in suffixes:
                files.append(str(f))
            else:
                skipped.append(Skipped(str(f), f"not a report file type ({f.suffix or 'no suffix'})"))
    return Discovery(tuple(files), tuple(skipped))


def _path_order(path: str | os.PathLike[str]) -> tuple[str, ...]:
    """The order of files in a run: by path, folder by folder."""
    return Path(path).parts


# -- one file, one pair --------------------------------------------------------------------------


def _with_path(path: str, message: str) -> str:
    return message if message.startswith(path) else f"{path}: {message}"


def check_file(
    path: str | os.PathLike[str], *, missing: MissingPolicy = "not-assessable", carry: bool = True
) -> FileResult:
    """Read and validate one file (single-year rules). Never raises for a bad file: an unreadable
    one (corrupt, unsupported, missing extra, or a reader's own bug) gives a result with ``error``.

    With ``carry`` the result keeps what the cross-year rules need, for :func:`check_pairs`.
    """
    p = str(path)
    suffix = Path(p).suffix.lower()
    try:
        report, read_findings = read_report(p)
        result = validate(report, missing=missing, findings=read_findings)
    except GovDisclosureError as exc:
        return FileResult(p, suffix, error=_with_path(p, str(exc)), error_type=type(exc).__name__)
    except Exception as exc:  # a reader's bug must not stop a run of thousands of files
        return FileResult(
            p,
            suffix,
            error=_with_path(p, f"internal error: {type(exc).__name__}: {exc}"),
            error_type="InternalError",
        )
    return FileResult(
        p,
        suffix,
        format=report.format,
        agency=report.agency,
        year=report.year,
        findings=result.findings,
        not_assessable=len(result.not_assessable),
        carry=CrossYearData.of(report) if carry else None,
    )


def cross_year_findings(
    last: Report,
    this: Report,
    *,
    missing: MissingPolicy = "not-assessable",
    threshold: float = DEFAULT_THRESHOLD,
    min_chars: int = MIN_CHARS,
) -> ValidationReport:
    """The cross-year rules only (GD701–GD704), ``this`` year's report against ``last`` year's.
    Whether the two are consecutive years of one agency is the caller's business."""
    ctx = Context(this, last, missing)
    gd704 = make_check(threshold, min_chars)
    findings: list[Finding] = []
    for rule in RULES.values():
        if rule.scope != "cross-year" or rule.check is None:
            continue
        check = gd704 if rule.code == "GD704" else rule.check
        findings.extend(check(rule, ctx))
    return ValidationReport(tuple(findings), tuple(ctx.not_assessable))


def check_pair(
    last: FileResult,
    this: FileResult,
    *,
    missing: MissingPolicy = "not-assessable",
    threshold: float = DEFAULT_THRESHOLD,
    min_chars: int = MIN_CHARS,
) -> PairResult:
    """GD701–GD704 for two results of :func:`check_file` (with ``carry``) of consecutive years."""
    if last.carry is None or this.carry is None:
        raise ValueError("check_pair needs results made with check_file(..., carry=True)")
    result = cross_year_findings(
        last.carry.report(), this.carry.report(), missing=missing, threshold=threshold, min_chars=min_chars
    )
    return PairResult(
        last.path, this.path, this.agency, this.year, result.findings, len(result.not_assessable)
    )


def compare(
    last: str | os.PathLike[str],
    this: str | os.PathLike[str],
    *,
    missing: MissingPolicy = "not-assessable",
    threshold: float = DEFAULT_THRESHOLD,
    min_chars: int = MIN_CHARS,
) -> PairResult:
    """GD701–GD704 for two files, last year's and this year's. Raises ReadError if one is unreadable.
    The years are not checked here (see :func:`pair_up`); the caller decides what a pair is."""
    a, _ = read_report(last)
    b, _ = read_report(this)
    result = cross_year_findings(a, b, missing=missing, threshold=threshold, min_chars=min_chars)
    return PairResult(str(last), str(this), b.agency, b.year, result.findings, len(result.not_assessable))


# -- pairing -------------------------------------------------------------------------------------


def agency_key(name: str | None) -> str | None:
    """The agency name as compared for pairing: NFKC, case folded, without whitespace, punctuation
    or symbols (“郑州市 二七区（科学技术局）” → “郑州市二七区科学技术局”). None if nothing is left."""
    if name is None:
        return None
    text = unicodedata.normalize("NFKC", name).casefold()
    key = "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PSZC")
    return key or None


def pair_up(results: Iterable[FileResult]) -> tuple[list[tuple[FileResult, FileResult]], list[Duplicate]]:
    """Pairs (last year's, this year's) among readable results with a known agency and year, and the
    duplicates (several files for one agency and year; the first in path order is the one paired)."""
    groups: dict[tuple[str, int], list[FileResult]] = {}
    for r in results:
        key = r.pair_key if r.readable else None
        if key is not None:
            groups.setdefault(key, []).append(r)
    firsts: dict[tuple[str, int], FileResult] = {}
    duplicates: list[Duplicate] = []
    for key in sorted(groups):
        members = sorted(groups[key], key=lambda r: _path_order(r.path))
        firsts[key] = members[0]
        if len(members) > 1:
            duplicates.append(Duplicate(members[0].agency, key[1], tuple(m.path for m in members)))
    pairs = [(firsts[(k, y - 1)], r) for (k, y), r in firsts.items() if (k, y - 1) in firsts]
    return pairs, duplicates


def check_pairs(
    results: Iterable[FileResult],
    *,
    missing: MissingPolicy = "not-assessable",
    threshold: float = DEFAULT_THRESHOLD,
    min_chars: int = MIN_CHARS,
) -> list[PairResult]:
    """Pair up the results (e.g. all results of one agency) and check every pair."""
    pairs, _ = pair_up(results)
    return [check_pair(a, b, missing=missing, threshold=threshold, min_chars=min_chars) for a, b in pairs]


# -- runs ----------------------------------------------------------------------------------------


def _check_chunk(paths: list[str], *, missing: MissingPolicy) -> list[FileResult]:
    return [check_file(p, missing=missing) for p in paths]


def _pair_chunk(
    pairs: list[tuple[FileResult, FileResult]], *, missing: MissingPolicy, threshold: float, min_chars: int
) -> list[PairResult]:
    return [check_pair(a, b, missing=missing, threshold=threshold, min_chars=min_chars) for a, b in pairs]


def _crashed_file(path: str, reason: str) -> FileResult:
    return FileResult(
        path,
        Path(path).suffix.lower(),
        error=f"{path}: {reason} while reading this file",
        error_type="Timeout" if "time limit" in reason else "WorkerCrash",
    )


def _crashed_pair(pair: tuple[FileResult, FileResult], reason: str) -> PairResult:
    last, this = pair
    return PairResult(
        last.path,
        this.path,
        this.agency,
        this.year,
        error=f"{this.path}: {reason} while comparing it with {last.path}",
    )


def _chunks(items: Sequence[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


def _chunk_size(n: int, jobs: int) -> int:
    """Small enough to keep every worker busy and the progress smooth, large enough to amortise IPC."""
    return max(1, min(16, n // (jobs * 8) if jobs > 1 else 16))


#: with the default ``jobs``, fewer files than this are checked in-process (starting workers costs more)
MIN_FILES_FOR_WORKERS: Final = 16


def _cores() -> int:
    """The cores this process may run on (fewer than ``os.cpu_count()`` in a restricted container)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _pool(jobs: int | None, n: int, timeout: float | None = None) -> Pool | None:
    """Worker processes for ``n`` files: ``jobs`` of them (default: all cores, or none for a few
    files); None means in this process. A time limit needs at least one worker process."""
    if timeout is not None and timeout <= 0:
        raise ValueError(f"timeout must be positive, not {timeout!r}")
    if jobs is None:
        jobs = _cores() if n >= MIN_FILES_FOR_WORKERS else 1
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    jobs = min(jobs, n)
    return Pool(jobs) if jobs > 1 or (timeout is not None and n > 0) else None


def _size(n: int, pool: Pool | None, timeout: float | None) -> int:
    """Chunk size: one file per task under a time limit, so the limit is per file."""
    return 1 if timeout is not None else _chunk_size(n, pool.jobs if pool else 1)


def iter_check(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    missing: MissingPolicy = "not-assessable",
    pairs: bool = True,
    threshold: float = DEFAULT_THRESHOLD,
    min_chars: int = MIN_CHARS,
    timeout: float | None = None,
    on_progress: ProgressCallback | None = None,
) -> Iterator[Event]:
    """Check every file under ``paths`` and every pair of consecutive years; yield events.

    Order: the :class:`Skipped` files, then one :class:`FileResult` per file in path order (as soon
    as it and those before it are done), then the :class:`Duplicate` groups, then one
    :class:`PairResult` per pair. ``jobs``: worker processes (default: all cores; 1 runs in this
    process). ``threshold``/``min_chars`` tune GD704 (see :mod:`gov_disclosure.similarity`).
    ``timeout``: seconds a worker may spend on one file (or pair); one that takes longer is stopped
    and reported unreadable. It needs worker processes, so with ``jobs=1`` one worker is started.
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], not {threshold!r}")
    found = discover(paths)
    yield from found.skipped
    files = found.files
    pool = _pool(jobs, len(files), timeout)
    try:
        keep: list[FileResult] = []
        done = 0
        if on_progress:
            on_progress("files", 0, len(files))
        check = partial(_check_chunk, missing=missing)
        size = _size(len(files), pool, timeout)
        for chunk in ordered_map(pool, check, _chunks(files, size), _crashed_file, timeout=timeout):
            for r in chunk:
                if pairs and r.carry is not None and r.pair_key is not None:
                    keep.append(attrs.evolve(r, findings=()))
                yield r.without_carry()
            done += len(chunk)
            if on_progress:
                on_progress("files", done, len(files))
        if not pairs:
            return
        matched, duplicates = pair_up(keep)
        del keep
        yield from duplicates
        if on_progress:
            on_progress("pairs", 0, len(matched))
        check_pairs_ = partial(_pair_chunk, missing=missing, threshold=threshold, min_chars=min_chars)
        if pool is not None and len(matched) < 2 and timeout is None:
            pool.close()
            pool = None
        done = 0
        size = _size(len(matched), pool, timeout)
        for presults in ordered_map(
            pool, check_pairs_, _chunks(matched, size), _crashed_pair, timeout=timeout
        ):
            yield from presults
            done += len(presults)
            if on_progress:
                on_progress("pairs", done, len(matched))
    finally:
        if pool is not None:
            pool.close()


def check_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    missing: MissingPolicy = "not-assessable",
    pairs: bool = True,
    threshold: float = DEFAULT_THRESHOLD,
    min_chars: int = MIN_CHARS,
    timeout: float | None = None,
    on_progress: ProgressCallback | None = None,
) -> BatchResult:
    """:func:`iter_check`, collected: every result, pair, skipped file and duplicate, and the counts."""
    summary = Summary()
    results: list[FileResult] = []
    pair_results: list[PairResult] = []
    skipped: list[Skipped] = []
    duplicates: list[Duplicate] = []
    for event in iter_check(
        paths,
        jobs=jobs,
        missing=missing,
        pairs=pairs,
        threshold=threshold,
        min_chars=min_chars,
        timeout=timeout,
        on_progress=on_progress,
    ):
        summary.add(event)
        if isinstance(event, FileResult):
            results.append(event)
        elif isinstance(event, PairResult):
            pair_results.append(event)
        elif isinstance(event, Skipped):
            skipped.append(event)
        else:
            duplicates.append(event)
    return BatchResult(tuple(results), tuple(pair_results), tuple(skipped), tuple(duplicates), summary)


# -- findings files ------------------------------------------------------------------------------


def finding_records(event: FileResult | PairResult, *, flat: bool = True) -> Iterator[dict[str, Any]]:
    """The rows of a findings file for one event: one per finding, or one ``unreadable`` row (a file
    that could not be read, or a pair whose check could not finish).

    ``flat`` (for CSV): cells as one string (``address=value …``); else as a list of objects.
    """
    if isinstance(event, FileResult):
        base: dict[str, Any] = {"file": event.path, "agency": event.agency, "year": event.year}
        previous = None
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
            "message_zh": f"{'无法比对' if previous else '无法读取'}：{event.error}",
            "source": None,
            "raw": None,
            "previous": previous,
        }
        return
    for f in event.findings:
        d = f.to_dict()
        if flat:
            d["cells"] = " ".join(str(c) for c in f.cells)
        yield {**base, **d, "previous": previous}


class _FindingsWriter:
    def __init__(self, out: IO[str], kind: str) -> None:
        self.out, self.kind = out, kind
        self.csv: csv.DictWriter[str] | None = None
        if kind == "csv":
            self.csv = csv.DictWriter(out, fieldnames=list(FINDING_FIELDS), lineterminator="\n")
            self.csv.writeheader()

    def write(self, event: Event) -> int:
        if not isinstance(event, (FileResult, PairResult)):
            return 0
        n = 0
        for rec in finding_records(event, flat=self.csv is not None):
            if self.csv is not None:
                self.csv.writerow({k: "" if v is None else v for k, v in rec.items()})
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
    raise ValueError(f"a findings file must end in .csv or .jsonl, not {suffix or 'nothing'!r}")


def write_findings(events: Iterable[Event], out: IO[str], *, kind: str = "csv") -> Iterator[Event]:
    """Write the findings of ``events`` to ``out`` (``kind`` ``csv`` or ``jsonl``) while passing
    every event on, so a run is streamed once: ``for e in write_findings(iter_check(...), f): ...``."""
    if kind not in ("csv", "jsonl"):
        raise ValueError(f"kind must be 'csv' or 'jsonl', not {kind!r}")
    writer = _FindingsWriter(out, kind)
    for event in events:
        writer.write(event)
        yield event


# -- the cell export -----------------------------------------------------------------------------


@attrs.frozen
class _FileCells:
    path: str
    agency: str | None = None
    year: int | None = None
    format: str | None = None
    rows: tuple[tuple[str, ...], ...] = ()
    error: str | None = None


def _cells_of(path: str) -> _FileCells:
    try:
        report, _ = read_report(path)
    except GovDisclosureError as exc:
        return _FileCells(path, error=_with_path(path, str(exc)))
    except Exception as exc:  # a reader's bug must not stop the export
        return _FileCells(path, error=_with_path(path, f"internal error: {type(exc).__name__}: {exc}"))
    rows = tuple((r.table, r.row, r.column, r.value, r.unit, r.raw) for r in cell_records(report))
    return _FileCells(path, report.agency, report.year, report.format, rows)


def _cells_chunk(paths: list[str]) -> list[_FileCells]:
    return [_cells_of(p) for p in paths]


def _crashed_cells(path: str, reason: str) -> _FileCells:
    return _FileCells(path, error=f"{path}: {reason} while reading this file")


def iter_cell_records(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    with_file: bool = True,
    timeout: float | None = None,
    on_progress: ProgressCallback | None = None,
    on_error: Callable[[str, str], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """Every cell of every report under ``paths`` as one record (:data:`CELL_EXPORT_FIELDS`; only
    FORMAT.md §7's fields when ``with_file`` is false), files in path order, cells in spec order.

    A file that cannot be read is passed to ``on_error(path, message)``; without ``on_error`` a
    :class:`UserWarning` names it. It never stops the export. ``timeout`` as for :func:`iter_check`.
    """
    files = discover(paths).files
    pool = _pool(jobs, len(files), timeout)
    try:
        size = _size(len(files), pool, timeout)
        done = 0
        for chunk in ordered_map(pool, _cells_chunk, _chunks(files, size), _crashed_cells, timeout=timeout):
            for fc in chunk:
                if fc.error is not None:
                    if on_error is not None:
                        on_error(fc.path, fc.error)
                    else:
                        warnings.warn(f"not exported, unreadable: {fc.error}", UserWarning, stacklevel=2)
                    continue
                head = (fc.path, fc.agency, fc.year, fc.format)
                for row in fc.rows:
                    if with_file:
                        yield dict(zip(CELL_EXPORT_FIELDS, (*head, *row), strict=True))
                    else:
                        yield dict(zip(CELL_FIELDS, row, strict=True))
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
    unreadable: tuple[tuple[str, str], ...]  #: (path, message)


def write_cells(
    paths: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str] | IO[str],
    *,
    kind: str = "csv",
    jobs: int | None = None,
    with_file: bool = True,
    timeout: float | None = None,
    on_progress: ProgressCallback | None = None,
) -> ExportCount:
    """Write the cell export of every report under ``paths`` to ``out`` (a path, or a text stream
    for CSV/JSON Lines). ``kind``: ``csv``, ``jsonl`` or ``parquet`` (needs pyarrow, or polars).
    Unreadable files are left out and returned in the count."""
    if kind not in ("csv", "jsonl", "parquet"):
        raise ValueError(f"kind must be csv, jsonl or parquet, not {kind!r}")
    unreadable: list[tuple[str, str]] = []
    fields = CELL_EXPORT_FIELDS if with_file else CELL_FIELDS
    files = 0

    def counting_progress(stage: str, done: int, total: int) -> None:
        nonlocal files
        files = done
        if on_progress:
            on_progress(stage, done, total)

    rows = iter_cell_records(
        paths,
        jobs=jobs,
        with_file=with_file,
        timeout=timeout,
        on_progress=counting_progress,
        on_error=lambda p, m: unreadable.append((p, m)),
    )
    if kind == "parquet":
        if not isinstance(out, (str, os.PathLike)):
            raise ValueError("Parquet output needs a file path")
        from ._batch_parquet import write_parquet

        n = write_parquet(rows, out, fields)
    else:
        with contextlib.ExitStack() as stack:
            stream = (
                stack.enter_context(open(out, "w", encoding="utf-8", newline=""))
                if isinstance(out, (str, os.PathLike))
                else out
            )
            n = _write_text_rows(rows, stream, kind, fields)
    return ExportCount(files, n, tuple(unreadable))


def _write_text_rows(rows: Iterable[dict[str, Any]], out: IO[str], kind: str, fields: Sequence[str]) -> int:
    n = 0
    if kind == "csv":
        w = csv.DictWriter(out, fieldnames=list(fields), lineterminator="\n")
        w.writeheader()
        for row in rows:
            w.writerow(row)
            n += 1
    else:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n
