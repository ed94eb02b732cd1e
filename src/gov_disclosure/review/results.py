"""A run's results arranged for review: every finding with its stable id and the reviewer's decision,
per report the cells read and not read (:class:`~gov_disclosure.core.quality.ReadQuality`) and the
indicators, and the decisions that no longer apply.

:class:`ReviewCollector` takes the events of :func:`gov_disclosure.batch.iter_check` one by one (so the
CLI streams a run once, writing its findings file at the same time) and makes a :class:`Review`;
:func:`build_review` does it for an iterable of events, :func:`review_single` for one validated report.

Layer: review. Imports the core and :mod:`gov_disclosure.batch` (its result types).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Final, Literal, TypeAlias

import attrs

from ..batch.results import Duplicate, Event, FileResult, PairResult, Skipped
from ..core.findings import Finding, Severity, finding_ids
from ..core.indicators import IndicatorValue, indicators
from ..core.messages import Lang, Message
from ..core.messages import review as m
from ..core.model import Report
from ..core.quality import ReadQuality
from ..core.vocabulary import location_label
from .decisions import Decision, DecisionEntry, Decisions

__all__ = [
    "VERDICT_MESSAGES",
    "Review",
    "ReviewCollector",
    "ReviewedFile",
    "ReviewedFinding",
    "ReviewedPair",
    "Verdict",
    "build_review",
    "location_text",
    "review_single",
    "severity_label",
]

Verdict: TypeAlias = Literal["pass", "fail", "unreadable"]

VERDICT_MESSAGES: Final[dict[str, Message]] = {
    "pass": m.VERDICT_PASS,
    "fail": m.VERDICT_FAIL,
    "unreadable": m.VERDICT_UNREADABLE,
}
_SEVERITY: Final[dict[Severity, Message]] = {
    Severity.ERROR: m.SEVERITY_ERROR,
    Severity.WARNING: m.SEVERITY_WARNING,
    Severity.INFO: m.SEVERITY_INFO,
}


def severity_label(severity: Severity, lang: Lang) -> str:
    return _SEVERITY[severity](lang)


def location_text(f: Finding, format: str | None, lang: Lang) -> str:
    """A finding's location in the official labels, with its position in the file when it has no
    location (``table 2, row 5``)."""
    fmt = format if format in ("2019", "2021") else None
    where = location_label(f.location, fmt, lang)  # type: ignore[arg-type]
    return where or (f.source or "")


@attrs.frozen
class ReviewedFinding:
    """A finding with its stable id and, if the reviewer decided, the decision and note."""

    finding: Finding
    id: str
    decision: Decision = Decision.PENDING
    note: str = ""

    @property
    def dismissed(self) -> bool:
        return self.decision is Decision.DISMISSED

    @property
    def counts(self) -> bool:
        """Whether it counts toward the verdict and the exit code: an error not dismissed."""
        return self.finding.severity is Severity.ERROR and not self.dismissed


def _reviewed(
    findings: Sequence[Finding],
    agency: str | None,
    year: int | None,
    format: str | None,
    decisions: Decisions,
) -> tuple[ReviewedFinding, ...]:
    ids = finding_ids(findings, agency=agency, year=year, format=format)
    out = []
    for f, i in zip(findings, ids, strict=True):
        entry = decisions.get(i)
        out.append(
            ReviewedFinding(f, i, entry.decision, entry.note) if entry is not None else ReviewedFinding(f, i)
        )
    return tuple(out)


@attrs.frozen
class ReviewedFile:
    """One report (or a file that could not be read) as the review shows it."""

    path: str
    suffix: str = ""
    agency: str | None = None
    year: int | None = None
    format: str | None = None
    findings: tuple[ReviewedFinding, ...] = ()
    error: str | None = None
    error_zh: str | None = None
    #: of the cells of its format, how many were placed, declined by the reader and left blank
    #: (None when the review has no report to count them on)
    quality: ReadQuality | None = None
    indicators: tuple[IndicatorValue, ...] = ()
    #: the report, when the review keeps reports (for the page)
    report: Report | None = attrs.field(default=None, repr=False, eq=False)
    #: the cross-year findings of this report against last year's (filled in by the collector)
    cross_year: tuple[ReviewedFinding, ...] = ()

    @property
    def readable(self) -> bool:
        return self.error is None

    def error_text(self, lang: Lang) -> str:
        """Why the file could not be read, in ``lang`` ("" when it was read)."""
        return ((self.error_zh if lang == "zh" else None) or self.error) or ""

    @property
    def all_findings(self) -> tuple[ReviewedFinding, ...]:
        return (*self.findings, *self.cross_year)

    @property
    def verdict(self) -> Verdict:
        if self.error is not None:
            return "unreadable"
        return "fail" if any(f.counts for f in self.all_findings) else "pass"

    def count(self, severity: Severity) -> int:
        """Findings of a severity, dismissed ones left out."""
        return sum(1 for f in self.all_findings if f.finding.severity is severity and not f.dismissed)


@attrs.frozen
class ReviewedPair:
    """A pair of consecutive years of one agency and its cross-year findings."""

    last: str
    this: str
    agency: str | None
    year: int | None
    findings: tuple[ReviewedFinding, ...] = ()
    error: str | None = None
    error_zh: str | None = None

    def error_text(self, lang: Lang) -> str:
        """Why the pair could not be checked, in ``lang`` ("" when it was)."""
        return ((self.error_zh if lang == "zh" else None) or self.error) or ""


@attrs.frozen
class StaleDecision:
    """A decision (confirmed or dismissed) whose finding did not occur in this run."""

    entry: DecisionEntry


@attrs.frozen
class Review:
    """Everything a review shows."""

    files: tuple[ReviewedFile, ...]
    pairs: tuple[ReviewedPair, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    stale: tuple[StaleDecision, ...] = ()
    decision_problems: tuple[tuple[str, str], ...] = ()

    def findings(self) -> Iterator[tuple[ReviewedFile, ReviewedFinding]]:
        """Every finding with its report, the report's own then its cross-year ones, in file order."""
        for f in self.files:
            for rf in f.all_findings:
                yield f, rf

    def by_decision(self, decision: Decision) -> list[tuple[ReviewedFile, ReviewedFinding]]:
        return [(f, rf) for f, rf in self.findings() if rf.decision is decision]

    @property
    def exit_code(self) -> int:
        """2 if any file could not be read or any pair not checked, else 1 if any report has an error
        that was not dismissed, else 0."""
        if any(not f.readable for f in self.files) or any(p.error is not None for p in self.pairs):
            return 2
        return 1 if any(f.verdict == "fail" for f in self.files) else 0


class ReviewCollector:
    """Collects the events of a run into a :class:`Review`: ``add`` each event, then ``result()``.

    ``decisions`` are applied to the findings by id; ``keep_reports`` keeps each report (its
    :class:`FileResult` must carry it: ``iter_check(..., keep_reports=True)``) for the page."""

    def __init__(self, decisions: Decisions | None = None, *, keep_reports: bool = False) -> None:
        self.decisions = decisions or Decisions()
        self.keep_reports = keep_reports
        self._files: list[ReviewedFile] = []
        self._pairs: list[ReviewedPair] = []
        self._skipped: list[Skipped] = []
        self._duplicates: list[Duplicate] = []
        self._formats: dict[str, str | None] = {}

    def add(self, event: Event) -> Event:
        """Take one event; returns it as it counts: without the findings the reviewer dismissed (and
        without its report), for a :class:`~gov_disclosure.batch.Summary` and the exit code."""
        if isinstance(event, FileResult):
            reviewed = self._file(event)
            self._files.append(reviewed)
            kept = tuple(rf.finding for rf in reviewed.findings if not rf.dismissed)
            return attrs.evolve(event, findings=kept if event.error is None else event.findings, report=None)
        if isinstance(event, PairResult):
            pair = self._pair(event)
            self._pairs.append(pair)
            return attrs.evolve(event, findings=tuple(rf.finding for rf in pair.findings if not rf.dismissed))
        if isinstance(event, Skipped):
            self._skipped.append(event)
        elif isinstance(event, Duplicate):
            self._duplicates.append(event)
        # an Ambiguous agency name (not paired) is counted by the Summary and in the findings file
        return event

    def _file(self, r: FileResult) -> ReviewedFile:
        self._formats[r.path] = r.format
        if r.error is not None:
            return ReviewedFile(
                r.path, r.suffix, r.agency, r.year, r.format, error=r.error, error_zh=r.error_zh
            )
        findings = _reviewed(r.findings, r.agency, r.year, r.format, self.decisions)
        quality = ReadQuality.of(r.report, r.findings) if r.report is not None else None
        values = indicators(r.report) if r.report is not None else ()
        return ReviewedFile(
            r.path,
            r.suffix,
            r.agency,
            r.year,
            r.format,
            findings,
            quality=quality,
            indicators=values,
            report=r.report if self.keep_reports else None,
        )

    def _pair(self, p: PairResult) -> ReviewedPair:
        findings = _reviewed(p.findings, p.agency, p.year, self._formats.get(p.this), self.decisions)
        return ReviewedPair(p.last, p.this, p.agency, p.year, findings, p.error, p.error_zh)

    def result(self) -> Review:
        cross: dict[str, list[ReviewedFinding]] = {}
        for p in self._pairs:
            cross.setdefault(p.this, []).extend(p.findings)
        files = tuple(
            attrs.evolve(f, cross_year=tuple(cross[f.path])) if f.path in cross else f for f in self._files
        )
        seen = {rf.id for f in files for rf in f.all_findings}
        stale = tuple(StaleDecision(e) for e in self.decisions.decided() if e.id not in seen)
        return Review(
            files,
            tuple(self._pairs),
            tuple(self._skipped),
            tuple(self._duplicates),
            stale,
            self.decisions.problems,
        )


def build_review(
    events: Iterable[Event], decisions: Decisions | None = None, *, keep_reports: bool = False
) -> Review:
    """A :class:`Review` of a run's events (``iter_check(..., keep_reports=True)`` for counts,
    indicators and, with ``keep_reports``, the page's tables)."""
    collector = ReviewCollector(decisions, keep_reports=keep_reports)
    for event in events:
        collector.add(event)
    return collector.result()


def review_single(
    path: str, report: Report, findings: Sequence[Finding], decisions: Decisions | None = None
) -> Review:
    """A :class:`Review` of one validated report (``validate``'s findings, cross-year ones included)."""
    result = FileResult(
        path,
        "",
        format=report.format,
        agency=report.agency,
        year=report.year,
        findings=tuple(findings),
        report=report,
    )
    return build_review([result], decisions, keep_reports=True)
