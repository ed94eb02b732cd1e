"""What a batch run produces: one :class:`FileResult` per file, one :class:`PairResult` per pair of
consecutive years, :class:`Skipped` and :class:`Duplicate` events, and the :class:`Summary` counting them.

Layer: batch. Imports the core and the rules.
"""

from __future__ import annotations

import json
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any, Final, TypeAlias

import attrs

from ..core.findings import Finding, Severity, agency_key
from ..core.messages import rules as m
from ..core.model import Report, Sections
from ..core.quality import ReadQuality
from ..core.values import Amount, Cell
from ..core.vocabulary import SECTIONS, FormatKey
from ..rules import RULES, Config
from ..rules.config import DEFAULT

__all__ = [
    "AMBIGUOUS",
    "UNREADABLE",
    "Ambiguous",
    "CrossYearData",
    "Duplicate",
    "Event",
    "FileResult",
    "PairResult",
    "ProgressCallback",
    "Skipped",
    "Summary",
    "agency_key",
]

#: the code of the findings-file row that stands for a file that could not be read
UNREADABLE: Final = "unreadable"
#: the code of the findings-file row of a report not paired because its agency name matches two
AMBIGUOUS: Final = "ambiguous-agency"

#: ``on_progress(stage, done, total)``; stage is ``"files"`` or ``"pairs"``
ProgressCallback: TypeAlias = Callable[[str, int, int], None]


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
        values = [_pack_cell(v) if isinstance(v, Amount) else v for v in report.values()]
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
        return Report.from_values(
            self.format,
            [_unpack_cell(v) if type(v) is list else v for v in values],
            year=self.year,
            agency=self.agency,
            sections=Sections(*sections),
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
    error: str | None = None  #: why it could not be read (English), naming the file
    error_type: str | None = None
    error_zh: str | None = None  #: ``error`` in Chinese
    #: the reader that read the file (``gov_disclosure.markdown.read_markdown``)
    reader: str | None = None
    #: how well it was read: cells placed / declined / blank (None when it could not be read)
    quality: ReadQuality | None = None
    carry: CrossYearData | None = attrs.field(default=None, repr=False, eq=False)
    #: the report read (with hand corrections applied), when the run was asked to keep it
    report: Report | None = attrs.field(default=None, repr=False, eq=False)
    #: the SHA-256 of the file's bytes (hex), for a file that was read
    sha256: str | None = None

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
    error_zh: str | None = None  #: ``error`` in Chinese
    #: last year's agency name when it is spelt otherwise (with or without its parent region):
    #: the pair was made across spellings
    last_agency: str | None = None
    #: the SHA-256 of this year's file
    sha256: str | None = None

    @property
    def valid(self) -> bool:
        return self.error is None and not any(f.severity is Severity.ERROR for f in self.findings)


@attrs.frozen
class Skipped:
    """A file in a folder that was not checked, and why (its suffix is not a report's, or it is the
    folder's documentation), in English and Chinese."""

    path: str
    reason: str
    reason_zh: str = ""


@attrs.frozen
class Duplicate:
    """Several files give a report of the same agency and year; ``paths[0]`` is the one paired.

    ``sha256`` holds each file's fingerprint: the same for copies of one file, different for a report
    changed after publication or two versions (on two platforms); :meth:`findings` says which (GD505).
    """

    agency: str | None
    year: int
    paths: tuple[str, ...]
    sha256: tuple[str | None, ...] = ()
    #: which codes run and their severities (GD505 may be ignored or given another severity)
    config: Config = attrs.field(default=DEFAULT, repr=False, eq=False)

    @property
    def identical(self) -> bool:
        """Whether every file is a byte-for-byte copy of the first."""
        return len(set(self.sha256)) == 1 and None not in self.sha256

    def findings(self) -> list[Finding]:
        """One GD505 finding per file whose content differs from another file of the group, naming
        the first such file (with the findings file's ``file`` column: :func:`versions`)."""
        return [f for _, f in self.versions()]

    def versions(self) -> list[tuple[str, Finding]]:
        """(path, GD505 finding) for every file that has another version in the group."""
        rule = RULES["GD505"]
        if not self.config.enabled(rule.code):
            return []
        severity = self.config.severity_of(rule.code, rule.severity)
        digests = self.sha256 or (None,) * len(self.paths)
        out = []
        for path, digest in zip(self.paths, digests, strict=True):
            others = [(p, d) for p, d in zip(self.paths, digests, strict=True) if d != digest and p != path]
            if digest is None or not others:
                continue
            other, other_digest = others[0]
            out.append(
                (
                    path,
                    rule.emit(
                        m.OTHER_VERSION,
                        {
                            "other": other,
                            "agency": self.agency or "",
                            "year": self.year,
                            "digest": digest[:12],
                            "other_digest": (other_digest or "")[:12],
                        },
                        location="file",
                    ),
                )
            )
        if severity is not rule.severity:
            out = [(p, attrs.evolve(f, severity=severity)) for p, f in out]
        return out


@attrs.frozen
class Ambiguous:
    """A report not paired with a neighbouring year because its agency name matches more than one
    agency of the corpus with and without a parent region (洪泽区人民政府 beside 淮安市洪泽区人民政府
    and 宿迁市洪泽区人民政府), or one agency spelt two ways in one year."""

    agency: str | None
    year: int
    path: str
    matches: tuple[str, ...]  #: the names it matches, as found


Event: TypeAlias = FileResult | PairResult | Skipped | Duplicate | Ambiguous


@attrs.define
class Summary:
    """Counts over a run; feed it every event with :meth:`add`."""

    files: int = 0  #: files checked (read or not)
    read: int = 0
    unreadable: int = 0
    pairs: int = 0
    pairs_unchecked: int = 0  #: pairs whose check could not finish (a worker died or overran)
    pairs_across_spellings: int = 0  #: pairs of a name with and without its parent region
    duplicates: int = 0
    ambiguous: int = 0  #: reports not paired because their agency name matches two agencies
    skipped: Counter[str] = attrs.Factory(Counter)  #: by suffix
    codes: Counter[str] = attrs.Factory(Counter)  #: findings per code, cross-year ones included
    severities: Counter[str] = attrs.Factory(Counter)
    error_files: set[str] = attrs.Factory(set)  #: readable reports with at least one error
    #: cells of the readable reports: placed / declined / blank (see :class:`ReadQuality`)
    cells: Counter[str] = attrs.Factory(Counter)
    #: readable reports of which the reader declined at least one cell (not read in full)
    partly_read: int = 0

    def add(self, event: Event) -> None:
        if isinstance(event, FileResult):
            self.files += 1
            if not event.readable:
                self.unreadable += 1
                return
            self.read += 1
            self._count(event.path, event.findings)
            if event.quality is not None:
                q = event.quality
                self.cells.update({"placed": q.placed, "declined": q.declined, "blank": q.blank})
                self.partly_read += q.declined > 0
        elif isinstance(event, PairResult):
            self.pairs += 1
            self.pairs_across_spellings += event.last_agency is not None
            if event.error is not None:
                self.pairs_unchecked += 1
                return
            self._count(event.this, event.findings)
        elif isinstance(event, Skipped):
            self.skipped[Path(event.path).suffix.lower() or "(none)"] += 1
        elif isinstance(event, Ambiguous):
            self.ambiguous += 1
        else:
            self.duplicates += 1
            for path, finding in event.versions():
                self._count(path, [finding])

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
            "pairs_across_spellings": self.pairs_across_spellings,
            "duplicates": self.duplicates,
            "ambiguous_agencies": self.ambiguous,
            "skipped": dict(sorted(self.skipped.items())),
            "findings": dict(sorted(self.codes.items())),
            "severities": {s.value: self.severities.get(s.value, 0) for s in Severity},
            "cells": {k: self.cells.get(k, 0) for k in ("placed", "declined", "blank")},
            "partly_read": self.partly_read,
        }
