"""The review cycle on the command line: ``annotate``, and the options ``check`` and ``validate`` share
(``--review``, ``--html``, ``--decisions``, ``--fixes``) with what they do before and after a run.

Layer: cli. Imports the review layer and the other CLI modules' shared parts.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import click

from ..batch.results import Event, FileResult
from ..core.errors import GovDisclosureError, MissingExtraError
from ..core.findings import Finding, ValidationReport
from ..core.fixes import HandFix, apply_fixes, fixes_for
from ..core.messages import cli as M
from ..core.messages import review as R
from ..core.model import Report
from ..core.vocabulary import location_label
from ..review.decisions import Decision, Decisions, read_decisions
from ..review.fixes import read_fixes, unused_fixes
from ..review.results import Review, ReviewCollector
from ._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    cannot_write,
    check_output,
    error_text,
    fail,
    load,
    missing_option,
    note,
    print_findings,
    title,
)
from ._i18n import argument, command, lang, option, say

__all__ = ["COMMANDS", "ReviewRun", "review_options"]

F = Callable[..., Any]


def review_options(f: F) -> F:
    """``--review``, ``--html``, ``--decisions`` and ``--fixes`` (check and validate)."""
    for decorator in (
        option("--fixes", "fixes_path", type=click.Path(dir_okay=False), help=R.FIXES_OPTION_HELP),
        option(
            "--decisions", "decisions_path", type=click.Path(dir_okay=False), help=R.DECISIONS_OPTION_HELP
        ),
        option("--html", "html_path", type=click.Path(dir_okay=False), help=R.HTML_OPTION_HELP),
        option("--review", "review_path", type=click.Path(dir_okay=False), help=R.REVIEW_OPTION_HELP),
    ):
        f = decorator(f)
    return f


def _pick(pair: tuple[str, str]) -> str:
    return pair[1] if lang() == "zh" else pair[0]


def load_fixes(path: str | None) -> list[HandFix]:
    """The hand corrections of ``--fixes`` (its unusable rows told on stderr); exit 2 if unreadable."""
    if path is None:
        return []
    try:
        fixes, problems = read_fixes(path)
    except (GovDisclosureError, OSError) as exc:
        fail(error_text(exc))
    for problem in problems:
        note(R.FIXES_PROBLEM, problem=_pick(problem))
    return fixes


def load_decisions(path: str | None) -> Decisions | None:
    """The decisions of ``--decisions`` (its unusable rows told on stderr); exit 2 if unreadable."""
    if path is None:
        return None
    try:
        decisions = read_decisions(path)
    except (GovDisclosureError, MissingExtraError, OSError) as exc:
        fail(error_text(exc))
    for problem in decisions.problems:
        note(R.DECISIONS_PROBLEM, problem=_pick(problem))
    return decisions


class ReviewRun:
    """What the review options add to a run: the corrections to apply, the decisions to count by, and
    after the run the workbook and page to write and the decisions and corrections to report."""

    def __init__(
        self,
        review_path: str | None,
        html_path: str | None,
        decisions_path: str | None,
        fixes_path: str | None,
        *,
        inputs: Sequence[str],
        command: str,
    ) -> None:
        check_output(review_path, (".xlsx",), command=command, option="--review", inputs=inputs)
        check_output(html_path, (".html", ".htm"), command=command, option="--html", inputs=inputs)
        self.review_path, self.html_path = review_path, html_path
        self.fixes = load_fixes(fixes_path)
        self.decisions = load_decisions(decisions_path)
        #: whether the run must keep each report (counts, indicators, the page's tables)
        self.keep_reports = bool(review_path or html_path)
        active = self.keep_reports or self.decisions is not None or bool(self.fixes)
        self.collector = ReviewCollector(self.decisions, keep_reports=bool(html_path)) if active else None
        self.findings: list[Finding] = []

    def add(self, event: Event) -> Event:
        """An event of the run, as it counts (dismissed findings left out)."""
        if self.collector is None:
            return event
        if isinstance(event, FileResult):
            self.findings.extend(f for f in event.findings if f.code in ("GD901", "GD902"))
        return self.collector.add(event)

    def finish(self, *, err: bool = False) -> Review | None:
        """Write the workbook and the page, and tell the dismissed, confirmed and stale decisions and
        the unused corrections."""
        if self.collector is None:
            return None
        review = self.collector.result()
        language = lang()
        if self.review_path:
            from ..review.workbook import write_review_workbook

            try:
                write_review_workbook(review, self.review_path, lang=language)
            except OSError as exc:
                cannot_write(self.review_path, exc)
            click.echo(say(R.WROTE_REVIEW, path=self.review_path), err=True)
        if self.html_path:
            from ..review.page import write_page

            try:
                write_page(review, self.html_path, lang=language)
            except OSError as exc:
                cannot_write(self.html_path, exc)
            size = round(os.path.getsize(self.html_path) / 1024)
            click.echo(say(R.WROTE_PAGE, path=self.html_path, size=size), err=True)
        report_decisions(review, err=err)
        for _, en, zh in unused_fixes(self.fixes, self.findings):
            click.echo(zh if language == "zh" else en, err=True)
        return review


def report_decisions(review: Review, *, err: bool = False) -> None:
    """The dismissed and confirmed findings, one line each, the stale decisions and a count."""
    language = lang()
    decided = False
    for decision, message in ((Decision.DISMISSED, R.DISMISSED_LINE), (Decision.CONFIRMED, R.CONFIRMED_LINE)):
        for f, rf in review.by_decision(decision):
            decided = True
            fmt: Any = f.format if f.format in ("2019", "2021") else None
            where = location_label(rf.finding.location, fmt, language)
            tail = f" ({rf.note})" if rf.note else ""
            click.echo(
                say(message, id=rf.id, file=f.path, code=rf.finding.code, location=where, note=tail), err=err
            )
    for s in review.stale:
        decided = True
        click.echo(say(R.DECISION_STALE, id=s.entry.id, decision=s.entry.decision.label(language)), err=err)
    if decided:
        pending = sum(1 for _, rf in review.findings() if rf.decision is Decision.PENDING)
        click.echo(
            say(
                R.DECISIONS_SUMMARY,
                confirmed=len(review.by_decision(Decision.CONFIRMED)),
                dismissed=len(review.by_decision(Decision.DISMISSED)),
                pending=pending,
                stale=len(review.stale),
            ),
            err=err,
        )


def apply_file_fixes(
    path: str, report: Report, findings: list[Finding], fixes: Iterable[HandFix]
) -> tuple[Report, list[Finding]]:
    """The corrections for one file applied (validate, annotate)."""
    mine = fixes_for(fixes, path, report.agency, report.year)
    if not mine:
        return report, findings
    return apply_fixes(report, findings, mine)


def single_result(path: str, report: Report, result: ValidationReport, run: ReviewRun) -> ValidationReport:
    """``validate``'s result through the review options: the review of this one report written, the
    decisions reported; returns the result as it counts (dismissed findings left out)."""
    event = FileResult(
        path,
        Path(path).suffix.lower(),
        format=report.format,
        agency=report.agency,
        year=report.year,
        findings=result.findings,
        not_assessable=len(result.not_assessable),
        report=report,
    )
    counted = run.add(event)
    assert isinstance(counted, FileResult)
    return ValidationReport(counted.findings, result.not_assessable, config=result.config)


@command("annotate", help=R.ANNOTATE_HELP, short=R.ANNOTATE_SHORT)
@argument("report", metavar=M.METAVAR_REPORT, type=click.Path(dir_okay=False))
@option("-o", "--output", type=click.Path(dir_okay=False), required=True, help=R.ANNOTATE_OUTPUT_HELP)
@option("--previous", type=click.Path(dir_okay=False), metavar=M.METAVAR_REPORT, help=M.PREVIOUS_HELP)
@option("--decisions", "decisions_path", type=click.Path(dir_okay=False), help=R.DECISIONS_OPTION_HELP)
@option("--fixes", "fixes_path", type=click.Path(dir_okay=False), help=R.FIXES_OPTION_HELP)
@missing_option()
def annotate_command(
    report: str,
    output: str,
    previous: str | None,
    decisions_path: str | None,
    fixes_path: str | None,
    missing: str,
) -> None:
    """Annotate one report (help: R.ANNOTATE_HELP)."""
    from ..review.annotation import annotate

    fixes = load_fixes(fixes_path)
    decisions = load_decisions(decisions_path)
    last = load(previous)[0] if previous else None
    try:
        done = annotate(
            report,
            output,
            lang=lang(),
            fixes=fixes,
            decisions=decisions,
            previous=last,
            missing=missing,  # type: ignore[arg-type]
        )
    except (GovDisclosureError, MissingExtraError) as exc:
        fail(error_text(exc))
    except OSError as exc:
        cannot_write(output, exc)
    result = ValidationReport(tuple(rf.finding for rf in done.findings))
    print_findings(result, title=title(report, done.report), format=done.report.format, err=True)
    note(R.ANNOTATE_DONE, output=output, n=len(done.findings), placed=done.placed, elsewhere=done.elsewhere)
    sys.exit(EXIT_OK if result.valid else EXIT_FINDINGS)


def export_indicators(
    reports: Sequence[str],
    output: str | None,
    kind: str,
    *,
    jobs: int | None,
    timeout: float | None,
    fixes: Sequence[HandFix],
    progress_bar: Callable[[bool | None], contextlib.AbstractContextManager[Callable[[str, int, int], None]]],
    bom: bool = True,
) -> int:
    """``export --indicators``: one record per readable report; returns the exit code (2 if a file
    could not be read or there was none)."""
    from ..batch import iter_check
    from ..core.csvout import csv_encoding
    from ..core.files import atomic_open
    from ..review.export import indicator_records, write_indicators

    collector = ReviewCollector()
    unreadable: list[str] = []
    with progress_bar(None if output else False) as on_progress:
        try:
            for event in iter_check(
                reports,
                jobs=jobs,
                timeout=timeout,
                pairs=False,
                fixes=fixes,
                keep_reports=True,
                on_progress=on_progress,
            ):
                collector.add(event)
                if isinstance(event, FileResult) and event.error is not None:
                    unreadable.append((event.error_zh if lang() == "zh" else None) or event.error)
        except RuntimeError as exc:
            fail(error_text(exc))
    review = collector.result()
    if not review.files:
        fail(M.NOTHING_TO_CHECK, paths=", ".join(reports))
    records = indicator_records(review.files)
    kind = "jsonl" if kind in ("jsonl", "json") else "csv"
    try:
        if output:
            with atomic_open(
                output, "w", encoding=csv_encoding(bom) if kind == "csv" else "utf-8", newline=""
            ) as out:
                n = write_indicators(records, out, kind=kind)
            note(R.WROTE_INDICATORS, n=n, path=output)
        else:
            write_indicators(records, sys.stdout, kind=kind)
    except OSError as exc:
        cannot_write(output or "-", exc)
    for message in unreadable:
        click.echo(say(M.ERROR, message=message), err=True)
    return 2 if unreadable else EXIT_OK


COMMANDS = [annotate_command]
