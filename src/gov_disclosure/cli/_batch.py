"""Batch commands: check many files and folders, compare two years of one agency."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import IO

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ..batch import (
    Ambiguous,
    Duplicate,
    FileResult,
    PairResult,
    Summary,
    agency_key,
    cross_year_findings,
    findings_kind,
    iter_check,
    same_agency,
    write_findings,
)
from ..core.findings import Severity
from ..core.messages import Lang
from ..core.messages import batch as mb
from ..rules import RULES
from ..rules.similarity import DEFAULT_THRESHOLD, MIN_CHARS
from ._common import JOBS, LANG, TIMEOUT, dump_json, exit_for, fail, load, missing_option, print_findings

__all__ = ["COMMANDS", "progress_bar"]

_STAGES = {"files": "reports 报告", "pairs": "pairs 跨年度比对"}


@contextlib.contextmanager
def progress_bar(enabled: bool | None) -> Iterator[Callable[[str, int, int], None]]:
    """A rich progress bar on stderr; yields the ``on_progress(stage, done, total)`` callback.
    ``enabled`` None: only when stderr is a terminal."""
    console = Console(stderr=True)
    show = console.is_terminal if enabled is None else enabled
    if not show:
        yield lambda stage, done, total: None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        tasks: dict[str, int] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = int(bar.add_task(_STAGES.get(stage, stage), total=total))
            bar.update(tasks[stage], completed=done, total=total)  # type: ignore[arg-type]

        yield update


def _summary_table(
    summary: Summary, lang: str, unreadable: list[FileResult | PairResult], duplicates: list[Duplicate]
) -> Table:
    table = Table(title="gov-disclosure check", show_header=True, header_style="bold")
    table.add_column("")
    table.add_column("count 数量", justify="right")
    table.add_column("rule 规则")
    rows = [
        ("files checked 检查文件", summary.files, ""),
        ("reports read 已读取报告", summary.read, ""),
        ("unreadable 无法读取", summary.unreadable, "red" if summary.unreadable else ""),
        ("reports with errors 有错误的报告", summary.with_errors, "red" if summary.with_errors else ""),
        ("year pairs checked 跨年度比对", summary.pairs, ""),
        *(
            [("pairs not checked 未能比对", summary.pairs_unchecked, "red")]
            if summary.pairs_unchecked
            else []
        ),
        ("duplicate agency+year 重复报告", summary.duplicates, "yellow" if summary.duplicates else ""),
        *(
            [
                (
                    f"{mb.ACROSS_SPELLINGS_ROW('en')} {mb.ACROSS_SPELLINGS_ROW('zh')}",
                    summary.pairs_across_spellings,
                    "",
                )
            ]
            if summary.pairs_across_spellings
            else []
        ),
        *(
            [(f"{mb.AMBIGUOUS_ROW('en')} {mb.AMBIGUOUS_ROW('zh')}", summary.ambiguous, "yellow")]
            if summary.ambiguous
            else []
        ),
    ]
    if summary.skipped:
        skipped = ", ".join(f"{k} {v}" for k, v in sorted(summary.skipped.items()))
        rows.append((f"files skipped 跳过文件 ({skipped})", sum(summary.skipped.values()), ""))
    for label, n, style in rows:
        table.add_row(label, str(n), "", style=style or None)
    if summary.codes:
        table.add_section()
        for code in sorted(summary.codes):
            rule = RULES.get(code)
            title = (rule.title_zh if lang == "zh" else rule.title) if rule else ""
            style = "red" if rule and rule.severity is Severity.ERROR else "yellow"
            table.add_row(code, str(summary.codes[code]), title, style=style)
    return table


#: GD704's knobs, shared by check and compare
SIMILARITY = click.option(
    "--similarity",
    type=click.FloatRange(0, 1, min_open=True),
    default=DEFAULT_THRESHOLD,
    show_default=True,
    help="GD704: flag a section when this share of its text repeats last year's.",
)
MIN_CHARS_OPTION = click.option(
    "--min-chars",
    type=click.IntRange(min=1),
    default=MIN_CHARS,
    show_default=True,
    help="GD704: sections shorter than this (characters, normalised) are not compared.",
)


@click.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@JOBS
@TIMEOUT
@click.option(
    "--findings",
    "findings_path",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write every finding here: .csv or .jsonl (by suffix); '-' for JSON Lines on stdout.",
)
@missing_option()
@click.option(
    "--pairs/--no-pairs",
    default=True,
    show_default=True,
    help="Pair reports of one agency in consecutive years and run GD701–GD704 on each pair.",
)
@SIMILARITY
@MIN_CHARS_OPTION
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr [default: when stderr is a terminal].",
)
@click.option(
    "--summary",
    "summary_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="The summary at the end, as a table or as JSON.",
)
@LANG
def check_command(
    paths: tuple[str, ...],
    jobs: int | None,
    timeout: float | None,
    findings_path: str | None,
    missing: str,
    pairs: bool,
    similarity: float,
    min_chars: int,
    progress: bool | None,
    summary_format: str,
    lang: str,
) -> None:
    """Check every report in PATHS (files and folders, recursively; .json, .xlsx, .docx, .txt, .html, .pdf),
    in parallel, and the reports of one agency in consecutive years against each other.

    Exit code: 2 if any file could not be read (this wins) or there was no file to check, else 1
    if any report has an error, else 0. One bad file never stops the run.
    """
    kind = "jsonl"
    if findings_path and findings_path != "-":
        try:
            kind = findings_kind(findings_path)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--findings") from None
    to_stdout = findings_path == "-"
    summary = Summary()
    unreadable: list[FileResult | PairResult] = []
    duplicates: list[Duplicate] = []
    ambiguous: list[Ambiguous] = []
    with contextlib.ExitStack() as stack:
        out: IO[str] | None = None
        if to_stdout:
            out = sys.stdout
        elif findings_path:
            try:
                out = stack.enter_context(open(findings_path, "w", encoding="utf-8", newline=""))
            except OSError as exc:
                fail(f"cannot write {findings_path}: {exc.strerror or exc}")
        on_progress = stack.enter_context(progress_bar(progress))
        events = iter_check(
            paths,
            jobs=jobs,
            timeout=timeout,
            missing=missing,  # type: ignore[arg-type]
            pairs=pairs,
            threshold=similarity,
            min_chars=min_chars,
            on_progress=on_progress,
        )
        if out is not None:
            events = write_findings(events, out, kind=kind)
        try:
            for event in events:
                summary.add(event)
                if isinstance(event, (FileResult, PairResult)) and event.error is not None:
                    unreadable.append(event)
                elif isinstance(event, Duplicate):
                    duplicates.append(event)
                elif isinstance(event, Ambiguous):
                    ambiguous.append(event)
        except RuntimeError as exc:
            fail(str(exc))
    _print_summary(summary, summary_format, lang, unreadable, duplicates, ambiguous, err=to_stdout)
    if summary.files == 0:
        fail(f"nothing to check: no report files in {', '.join(paths)} (没有找到报告文件)")
    sys.exit(summary.exit_code)


def _print_summary(
    summary: Summary,
    fmt: str,
    lang: str,
    unreadable: list[FileResult | PairResult],
    duplicates: list[Duplicate],
    ambiguous: list[Ambiguous],
    *,
    err: bool,
) -> None:
    if fmt == "json":
        data = {
            **summary.to_dict(),
            "unreadable_files": [
                {"file": r.path if isinstance(r, FileResult) else r.this, "error": r.error}
                for r in unreadable
            ],
            "duplicate_reports": [
                {"agency": d.agency, "year": d.year, "files": list(d.paths)} for d in duplicates
            ],
            "ambiguous_reports": [
                {"agency": a.agency, "year": a.year, "file": a.path, "matches": list(a.matches)}
                for a in ambiguous
            ],
        }
        if err:
            import json

            click.echo(json.dumps(data, ensure_ascii=False, indent=2), err=True)
        else:
            dump_json(data)
        return
    console = Console(stderr=err, highlight=False)
    for r in unreadable:
        console.print(f"[red]unreadable 无法读取[/red] {escape(r.error or '')}", soft_wrap=True)
    for d in duplicates:
        console.print(
            f"[yellow]duplicate 重复[/yellow] {escape(str(d.agency))} {d.year}: "
            f"{escape(', '.join(d.paths))} (paired: {escape(d.paths[0])})",
            soft_wrap=True,
        )
    for a in ambiguous:
        line = mb.AMBIGUOUS_LINE(
            "zh" if lang == "zh" else "en",
            agency=a.agency,
            year=a.year,
            path=a.path,
            matches=" / ".join(a.matches),
        )
        console.print(f"[yellow]{escape(line)}[/yellow]", soft_wrap=True)
    console.print(_summary_table(summary, lang, unreadable, duplicates))


@click.command("compare")
@click.argument("last", type=click.Path(dir_okay=False))
@click.argument("this", type=click.Path(dir_okay=False))
@click.option("--output", type=click.Choice(["text", "json"]), default="text", show_default=True)
@missing_option()
@SIMILARITY
@MIN_CHARS_OPTION
@LANG
def compare_command(
    last: str, this: str, output: str, missing: str, similarity: float, min_chars: int, lang: str
) -> None:
    """Check THIS year's report against LAST year's report of the same agency (GD701–GD704).

    Exit code: 0 no errors, 1 errors found, 2 a file could not be read or the years do not follow.
    """
    a, _ = load(last)
    b, _ = load(this)
    if a.year is not None and b.year is not None and a.year == b.year + 1:
        click.echo(f"note: {last} is {a.year} and {this} is {b.year}; comparing {this} → {last}", err=True)
        a, b, last, this = b, a, this, last
    if a.year is not None and b.year is not None and b.year != a.year + 1:
        fail(f"{last} is {a.year} and {this} is {b.year}: not consecutive years (上下年度不衔接)")
    language: Lang = "zh" if lang == "zh" else "en"
    if agency_key(a.agency) != agency_key(b.agency):
        message = mb.AGENCIES_SPELT_OTHERWISE if same_agency(a.agency, b.agency) else mb.AGENCIES_DIFFER
        click.echo(message(language, last=a.agency, this=b.agency), err=True)
    result = cross_year_findings(a, b, missing=missing, threshold=similarity, min_chars=min_chars)  # type: ignore[arg-type]
    if output == "json":
        dump_json({"last": last, "this": this, "agency": b.agency, "year": b.year, **result.to_dict()})
    else:
        print_findings(
            result, lang=lang, title=f"{last} ({a.year or '?'}) → {this} ({b.year or '?'}): {b.agency or '?'}"
        )
    sys.exit(exit_for([result]))


COMMANDS = [check_command, compare_command]
