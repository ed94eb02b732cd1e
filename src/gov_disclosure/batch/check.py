"""Checking files: :func:`check_file` (pure, picklable, never raises for a bad file), and the runs
:func:`iter_check` (streamed events) and :func:`check_paths` (collected in a :class:`BatchResult`).

Layer: batch. Imports the core, the rules, :mod:`gov_disclosure.io` and the other batch modules.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Generator, Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import attrs

from ..core.errors import ArgumentError, GovDisclosureError
from ..core.fixes import HandFix, apply_fixes, fixes_for, resolve_file_names
from ..core.messages import Message
from ..core.messages import batch as B
from ..core.messages import errors as E
from ..io import read_report_info
from ..reading.pool import ordered_map
from ..rules import Config, MissingPolicy, validate
from ..rules.config import DEFAULT
from ._workers import chunk_size_for, chunks, crash, failure, make_pool, renamed, with_path
from .discover import discover
from .output import finding_records
from .pairing import check_pair, pair_up
from .results import (
    Ambiguous,
    CrossYearData,
    Duplicate,
    Event,
    FileResult,
    PairResult,
    ProgressCallback,
    Skipped,
    Summary,
)

__all__ = ["BatchResult", "check_file", "check_paths", "iter_check"]


@attrs.frozen
class BatchResult:
    """Everything a run produced (for a notebook; the CLI streams instead)."""

    results: tuple[FileResult, ...]
    pairs: tuple[PairResult, ...]
    skipped: tuple[Skipped, ...]
    duplicates: tuple[Duplicate, ...]
    summary: Summary
    #: reports not paired because their agency name matches more than one agency
    ambiguous: tuple[Ambiguous, ...] = ()

    def finding_records(self, *, flat: bool = True) -> Iterator[dict[str, Any]]:
        """One record per finding (and per unreadable file, and per report not paired because its
        agency name is ambiguous), as in a findings file."""
        for result in self.results:
            yield from finding_records(result, flat=flat)
        for ambiguous in self.ambiguous:
            yield from finding_records(ambiguous, flat=flat)
        for pair in self.pairs:
            yield from finding_records(pair, flat=flat)


def check_file(
    path: str | os.PathLike[str],
    *,
    missing: MissingPolicy = "not-assessable",
    carry: bool = True,
    fixes: Sequence[HandFix] = (),
    keep_report: bool = False,
    config: Config = DEFAULT,
) -> FileResult:
    """Read and validate one file (single-year rules, as ``config`` says). Never raises for a bad file:
    an unreadable one (corrupt, unsupported, missing extra, or a reader's own bug) gives a result with
    ``error``. A file that was read carries its SHA-256 fingerprint (``sha256``).

    With ``carry`` the result keeps what the cross-year rules need, for :func:`check_pairs`.
    ``fixes``: hand corrections; those for this file (by path, or by agency and year) are applied
    before it is validated (:func:`gov_disclosure.core.fixes.apply_fixes`: each gives a GD901 or
    GD902 finding). ``keep_report``: the result keeps the report read (``FileResult.report``), for a
    review page that shows its tables.
    """
    p = str(path)
    suffix = Path(p).suffix.lower()
    try:
        info = read_report_info(p)
        report, read_findings = info.report, list(info.findings)
        mine = fixes_for(fixes, p, report.agency, report.year)
        if mine:
            report, read_findings = apply_fixes(report, read_findings, mine)
        result = validate(report, missing=missing, findings=read_findings, config=config)
        with open(p, "rb") as f:  # read: a regular file of a size the reader accepted
            digest = hashlib.file_digest(f, "sha256").hexdigest()
    except Exception as exc:  # a bad file, or a reader's bug: it must not stop a run of thousands
        why = failure(p, exc)
        kind = type(exc).__name__ if isinstance(exc, GovDisclosureError) else "InternalError"
        return FileResult(p, suffix, error=why.en, error_type=kind, error_zh=why.zh)
    return FileResult(
        p,
        suffix,
        format=report.format,
        agency=report.agency,
        year=report.year,
        findings=result.findings,
        not_assessable=len(result.not_assessable),
        reader=info.reader,
        quality=info.quality,
        carry=CrossYearData.of(report) if carry else None,
        report=report if keep_report else None,
        sha256=digest,
    )


def _check_chunk(
    paths: list[str], *, missing: MissingPolicy, fixes: Sequence[HandFix], keep_report: bool, config: Config
) -> list[FileResult]:
    return [check_file(p, missing=missing, fixes=fixes, keep_report=keep_report, config=config) for p in paths]


def _pair_chunk(
    pairs: list[tuple[FileResult, FileResult]], *, missing: MissingPolicy, config: Config
) -> list[PairResult]:
    return [check_pair(a, b, missing=missing, config=config) for a, b in pairs]


def _crashed_file(path: str, reason: Message) -> FileResult:
    why = crash(path, reason)
    return FileResult(
        path,
        Path(path).suffix.lower(),
        error=why.en,
        error_type="WorkerCrash" if reason is E.WORKER_DIED else "Timeout",
        error_zh=why.zh,
    )


def _crashed_pair(pair: tuple[FileResult, FileResult], reason: Message) -> PairResult:
    last, this = pair
    why = crash(this.path, reason, E.CRASHED_COMPARING, last=last.path)
    return PairResult(last.path, this.path, this.agency, this.year, error=why.en, error_zh=why.zh)


def iter_check(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    missing: MissingPolicy = "not-assessable",
    pairs: bool = True,
    similarity_threshold: float | None = None,
    min_chars: int | None = None,
    timeout: float | None = None,
    on_progress: ProgressCallback | None = None,
    threshold: float | None = None,
    fixes: Sequence[HandFix] = (),
    keep_reports: bool = False,
    config: Config = DEFAULT,
) -> Generator[Event, None, None]:
    """Check every file under ``paths`` and every pair of consecutive years; yield events.

    Order: the :class:`Skipped` files, then one :class:`FileResult` per file in path order (as soon
    as it and those before it are done), then the :class:`Duplicate` groups and the
    :class:`Ambiguous` agency names (see :func:`~.pairing.pair_up`), then one
    :class:`PairResult` per pair. ``jobs``: worker processes (default: all cores; 1 runs in this
    process). ``config``: which codes run, their severities and thresholds
    (:class:`~gov_disclosure.rules.Config`); ``similarity_threshold``/``min_chars``, when given, replace
    its GD704 ``similarity``/``similarity_min_chars`` (``--similarity-threshold``, ``--min-chars``);
    ``threshold`` is the deprecated name of ``similarity_threshold``.
    ``timeout``: seconds a worker may spend on one file (or pair); one that takes longer is stopped
    and reported unreadable. It needs worker processes, so with ``jobs=1`` one worker is started.
    ``fixes``: hand corrections, applied to the reports they are for (a correction that names a
    file by its bare name is for the one file of that name; with several, it is used for none).
    ``keep_reports``: each :class:`FileResult` keeps its report (see :func:`check_file`).
    """
    threshold = renamed("threshold", "similarity_threshold", threshold, similarity_threshold)
    if threshold is not None and not 0.0 < threshold <= 1.0:
        raise ArgumentError(B.BAD_THRESHOLD, value=threshold)
    config = config.updated(similarity=threshold, similarity_min_chars=min_chars)
    found = discover(paths)
    yield from found.skipped
    for folder, why in found.unlistable:  # its reports cannot be checked: unreadable, never skipped
        yield FileResult(
            folder,
            error=with_path(folder, why.en),
            error_type="UnlistableFolder",
            error_zh=with_path(folder, why.zh),
        )
    files = found.files
    fixes = resolve_file_names(fixes, files)
    pool = make_pool(jobs, files, timeout)
    try:
        keep: list[FileResult] = []
        done = 0
        if on_progress:
            on_progress("files", 0, len(files))
        check = partial(_check_chunk, missing=missing, fixes=fixes, keep_report=keep_reports, config=config)
        size = chunk_size_for(len(files), pool, timeout)
        for chunk in ordered_map(pool, check, chunks(files, size), _crashed_file, timeout=timeout):
            for r in chunk:
                if pairs and r.carry is not None and r.pair_key is not None:
                    keep.append(attrs.evolve(r, findings=(), report=None))
                yield r.without_carry()
            done += len(chunk)
            if on_progress:
                on_progress("files", done, len(files))
        if not pairs:
            return
        matched, duplicates = pair_up(keep, config=config)
        del keep
        yield from duplicates
        if on_progress:
            on_progress("pairs", 0, len(matched))
        check_pairs_ = partial(_pair_chunk, missing=missing, config=config)
        if pool is not None and len(matched) < 2 and timeout is None:
            pool.close()
            pool = None
        done = 0
        size = chunk_size_for(len(matched), pool, timeout)
        for presults in ordered_map(
            pool, check_pairs_, chunks(matched, size), _crashed_pair, timeout=timeout
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
    similarity_threshold: float | None = None,
    min_chars: int | None = None,
    timeout: float | None = None,
    on_progress: ProgressCallback | None = None,
    threshold: float | None = None,
    fixes: Sequence[HandFix] = (),
    keep_reports: bool = False,
    config: Config = DEFAULT,
) -> BatchResult:
    """:func:`iter_check`, collected: every result, pair, skipped file and duplicate, and the counts."""
    summary = Summary()
    results: list[FileResult] = []
    pair_results: list[PairResult] = []
    skipped: list[Skipped] = []
    duplicates: list[Duplicate] = []
    ambiguous: list[Ambiguous] = []
    for event in iter_check(
        paths,
        jobs=jobs,
        missing=missing,
        pairs=pairs,
        similarity_threshold=renamed("threshold", "similarity_threshold", threshold, similarity_threshold),
        min_chars=min_chars,
        timeout=timeout,
        on_progress=on_progress,
        fixes=fixes,
        keep_reports=keep_reports,
        config=config,
    ):
        summary.add(event)
        if isinstance(event, FileResult):
            results.append(event)
        elif isinstance(event, PairResult):
            pair_results.append(event)
        elif isinstance(event, Skipped):
            skipped.append(event)
        elif isinstance(event, Ambiguous):
            ambiguous.append(event)
        else:
            duplicates.append(event)
    return BatchResult(
        tuple(results), tuple(pair_results), tuple(skipped), tuple(duplicates), summary, tuple(ambiguous)
    )
