"""Batch commands: check many files and folders, compare two years of one agency."""

from __future__ import annotations

import contextlib
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

import click

from ..core.csvout import open_csv
from ..core.files import atomic_open
from ..core.findings import Severity
from ..core.messages import batch as MB
from ..core.messages import cli as M
from ..core.messages import reading as R
from ..rules import RULES, Config
from ._common import (
    BOM,
    JOBS,
    OLD_OUTPUT,
    OUTPUT_FORMAT,
    TIMEOUT,
    cannot_write,
    check_output,
    config_options,
    deprecated_alias,
    dump_json,
    error_text,
    exit_for,
    fail,
    load,
    missing_option,
    note,
    pick_output_format,
    print_config,
    print_findings,
)
from ._i18n import argument, command, lang, option, say
from ._review import ReviewRun, review_options

if TYPE_CHECKING:
    # imported where used: the batch machinery (worker pool, multiprocessing) when a command runs,
    # rich when a progress bar or a summary is shown (start-up time of every command and --help)
    from rich.table import Table

    from ..batch import Ambiguous, Duplicate, FileResult, PairResult, Summary

__all__ = ["COMMANDS", "progress_bar"]

_STAGES = {"files": M.STAGE_FILES, "pairs": M.STAGE_PAIRS}


@contextlib.contextmanager
def progress_bar(enabled: bool | None) -> Iterator[Callable[[str, int, int], None]]:
    """A rich progress bar on stderr; yields the ``on_progress(stage, done, total)`` callback.
    ``enabled`` None: only when stderr is a terminal."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

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
                label = say(_STAGES[stage]) if stage in _STAGES else stage
                tasks[stage] = int(bar.add_task(label, total=total))
            bar.update(tasks[stage], completed=done, total=total)  # type: ignore[arg-type]

        yield update


def _summary_table(summary: Summary) -> Table:
    from rich.table import Table

    table = Table(title=say(M.SUMMARY_TITLE), show_header=True, header_style="bold")
    table.add_column("")
    table.add_column(say(M.COL_COUNT), justify="right")
    table.add_column(say(M.COL_RULE))
    rows = [
        (M.ROW_FILES, summary.files, ""),
        (M.ROW_READ, summary.read, ""),
        (R.ROW_PARTLY_READ, summary.partly_read, "yellow" if summary.partly_read else ""),
        (R.ROW_CELLS_PLACED, summary.cells["placed"], ""),
        (R.ROW_CELLS_DECLINED, summary.cells["declined"], "yellow" if summary.cells["declined"] else ""),
        (R.ROW_CELLS_BLANK, summary.cells["blank"], ""),
        (M.ROW_UNREADABLE, summary.unreadable, "red" if summary.unreadable else ""),
        (M.ROW_WITH_ERRORS, summary.with_errors, "red" if summary.with_errors else ""),
        (M.ROW_PAIRS, summary.pairs, ""),
        *([(M.ROW_PAIRS_UNCHECKED, summary.pairs_unchecked, "red")] if summary.pairs_unchecked else []),
        (M.ROW_DUPLICATES, summary.duplicates, "yellow" if summary.duplicates else ""),
        *(
            [(MB.ACROSS_SPELLINGS_ROW, summary.pairs_across_spellings, "")]
            if summary.pairs_across_spellings
            else []
        ),
        *([(MB.AMBIGUOUS_ROW, summary.ambiguous, "yellow")] if summary.ambiguous else []),
    ]
    for label, n, style in rows:
        table.add_row(say(label), str(n), "", style=style or None)
    if summary.skipped:
        which = ", ".join(f"{k} {v}" for k, v in sorted(summary.skipped.items()))
        table.add_row(say(M.ROW_SKIPPED, which=which), str(sum(summary.skipped.values())), "")
    if summary.codes:
        table.add_section()
        for code in sorted(summary.codes):
            rule = RULES.get(code)
            title = (rule.title_zh if lang() == "zh" else rule.title) if rule else ""
            style = "red" if rule and rule.severity is Severity.ERROR else "yellow"
            table.add_row(code, str(summary.codes[code]), title, style=style)
    return table


#: GD704's knobs, shared by check and compare
SIMILARITY = option(
    "--similarity-threshold",
    type=click.FloatRange(0, 1, min_open=True),
    default=None,  # the config file's similarity, else 0.9
    help=M.SIMILARITY_HELP,
)
OLD_SIMILARITY = option(
    "--similarity",
    "old_similarity",
    type=click.FloatRange(0, 1, min_open=True),
    default=None,
    hidden=True,
    help=M.SIMILARITY_HELP,
)
MIN_CHARS_OPTION = option(
    "--min-chars",
    type=click.IntRange(min=1),
    default=None,  # the config file's similarity-min-chars, else 200
    help=M.MIN_CHARS_HELP,
)


def _threshold(new: float | None, old: float | None) -> float | None:
    if old is not None:
        return float(deprecated_alias("--similarity", "--similarity-threshold", old))
    return new


#: at most this many failed files are listed under the summary table (all of them in JSON)
MAX_LISTED = 20


@command("check", help=M.CHECK_HELP, short=M.CHECK_SHORT)
@argument("paths", metavar=M.METAVAR_PATHS, nargs=-1, required=True, type=click.Path())
@JOBS
@TIMEOUT
@option(
    "--findings",
    "findings_path",
    type=click.Path(dir_okay=False, allow_dash=True),
    metavar=M.METAVAR_FILE,
    help=M.FINDINGS_HELP,
)
@BOM
@missing_option()
@option("--pairs/--no-pairs", default=True, help=M.PAIRS_HELP)
@SIMILARITY
@OLD_SIMILARITY
@MIN_CHARS_OPTION
@option("--progress/--no-progress", default=None, help=M.PROGRESS_HELP)
@option(
    "--summary",
    "summary_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help=M.SUMMARY_HELP,
)
@review_options
@config_options
def check_command(
    paths: tuple[str, ...],
    jobs: int | None,
    timeout: float | None,
    findings_path: str | None,
    bom: bool,
    missing: str,
    pairs: bool,
    similarity_threshold: float | None,
    old_similarity: float | None,
    min_chars: int | None,
    progress: bool | None,
    summary_format: str,
    review_path: str | None,
    html_path: str | None,
    decisions_path: str | None,
    fixes_path: str | None,
    config: Config,
) -> None:
    """Check many files and folders (help: M.CHECK_HELP)."""
    from ..batch import (
        Ambiguous,
        Duplicate,
        FileResult,
        PairResult,
        Summary,
        findings_kind,
        iter_check,
        write_findings,
    )

    run = ReviewRun(review_path, html_path, decisions_path, fixes_path, inputs=paths, command="check")
    threshold = _threshold(similarity_threshold, old_similarity)
    kind = "jsonl"
    if findings_path and findings_path != "-":
        try:
            kind = findings_kind(findings_path)
        except ValueError:
            suffix = Path(findings_path).suffix or say(M.NO_SUFFIX)
            fail(M.FINDINGS_SUFFIX, suffix=suffix)
        check_output(
            findings_path,
            (".csv", ".jsonl", ".ndjson", ".json"),
            command="check",
            option="--findings",
            inputs=paths,
        )
    to_stdout = findings_path == "-"
    summary = Summary()
    problems: list[FileResult | PairResult] = []
    duplicates: list[Duplicate] = []
    ambiguous: list[Ambiguous] = []
    failed: dict[str, Counter[str]] = {}
    try:
        with contextlib.ExitStack() as stack:
            out: IO[str] | None = None
            if to_stdout:
                out = sys.stdout
            elif findings_path:
                try:  # written atomically: an old findings file stays until the new one is complete
                    out = stack.enter_context(
                        open_csv(findings_path, bom=bom)
                        if kind == "csv"
                        else atomic_open(findings_path, "w", encoding="utf-8", newline="")
                    )
                except OSError as exc:
                    cannot_write(findings_path, exc)
            on_progress = stack.enter_context(progress_bar(progress))
            checked = iter_check(
                paths,
                jobs=jobs,
                timeout=timeout,
                missing=missing,  # type: ignore[arg-type]
                pairs=pairs,
                similarity_threshold=threshold,
                min_chars=min_chars,
                on_progress=on_progress,
                fixes=run.fixes,
                keep_reports=run.keep_reports,
                config=config,
            )
            stack.callback(checked.close)  # a failed write (a closed pipe) stops the workers now
            events = write_findings(checked, out, kind=kind) if out is not None else checked
            stack.callback(events.close)
            try:
                for event in events:
                    event = run.add(event)
                    summary.add(event)
                    if isinstance(event, (FileResult, PairResult)):
                        if event.error is not None:
                            problems.append(event)
                        else:
                            errors = [f.code for f in event.findings if f.severity is Severity.ERROR]
                            if errors:
                                path = event.path if isinstance(event, FileResult) else event.this
                                failed.setdefault(path, Counter()).update(errors)
                    elif isinstance(event, Duplicate):
                        duplicates.append(event)
                    elif isinstance(event, Ambiguous):
                        ambiguous.append(event)
            except RuntimeError as exc:
                fail(error_text(exc))
    except OSError as exc:  # the findings file could not be written (a full disk): the old one stays
        if findings_path is None or to_stdout:
            raise  # stdout: a closed pipe ends the command quietly (cli._i18n)
        cannot_write(findings_path, exc)
    _print_summary(
        summary, summary_format, problems, duplicates, failed, ambiguous, err=to_stdout, config=config.path
    )
    if summary.files:
        run.finish(err=to_stdout)
    if summary.files == 0:
        fail(M.NOTHING_TO_CHECK, paths=", ".join(paths))
    sys.exit(summary.exit_code)


def _problem_text(r: FileResult | PairResult) -> str:
    if lang() == "zh":
        return getattr(r, "error_zh", None) or r.error or ""
    return r.error or ""


def _print_summary(
    summary: Summary,
    fmt: str,
    problems: list[FileResult | PairResult],
    duplicates: list[Duplicate],
    failed: dict[str, Counter[str]],
    ambiguous: list[Ambiguous] | None = None,
    *,
    err: bool,
    config: str | None = None,
) -> None:
    from ..batch import FileResult, PairResult

    ambiguous = ambiguous or []
    if fmt == "json":
        data = {
            **summary.to_dict(),
            "unreadable_files": [
                {"file": r.path, "error": r.error} for r in problems if isinstance(r, FileResult)
            ],
            "unchecked_pairs": [
                {"last": r.last, "this": r.this, "error": r.error}
                for r in problems
                if isinstance(r, PairResult)
            ],
            "files_with_errors": [
                {"file": path, "codes": dict(sorted(codes.items()))} for path, codes in sorted(failed.items())
            ],
            "duplicate_reports": [
                {
                    "agency": d.agency,
                    "year": d.year,
                    "files": list(d.paths),
                    "sha256": list(d.sha256),
                    "identical": d.identical,
                }
                for d in duplicates
            ],
            "ambiguous_reports": [
                {"agency": a.agency, "year": a.year, "file": a.path, "matches": list(a.matches)}
                for a in ambiguous
            ],
            "config": config,
        }
        if err:
            import json

            click.echo(json.dumps(data, ensure_ascii=False, indent=2), err=True)
        else:
            dump_json(data)
        return
    from rich.console import Console
    from rich.markup import escape

    console = Console(stderr=err, highlight=False)
    for r in problems:
        line = M.UNREADABLE_LINE if isinstance(r, FileResult) else M.PAIR_UNCHECKED_LINE
        console.print(f"[red]{escape(say(line, error=_problem_text(r)))}[/red]", soft_wrap=True)
    for d in duplicates:
        text = say(
            M.DUPLICATE_LINE,
            agency=d.agency or say(M.UNKNOWN),
            year=d.year,
            paths=", ".join(d.paths),
            first=d.paths[0],
        )
        console.print(f"[yellow]{escape(text)}[/yellow]", soft_wrap=True)
    for a in ambiguous:
        text = say(
            MB.AMBIGUOUS_LINE,
            agency=a.agency or say(M.UNKNOWN),
            year=a.year,
            path=a.path,
            matches=" / ".join(a.matches),
        )
        console.print(f"[yellow]{escape(text)}[/yellow]", soft_wrap=True)
    console.print(_summary_table(summary))
    if failed:
        console.print(escape(say(M.FAILED_FILES, n=len(failed))), style="bold red", soft_wrap=True)
        for path, codes in sorted(failed.items())[:MAX_LISTED]:
            listed = ", ".join(f"{code}×{n}" if n > 1 else code for code, n in sorted(codes.items()))
            console.print(escape(f"  {path}: {listed}"), soft_wrap=True)
        if len(failed) > MAX_LISTED:
            console.print(escape(say(M.FAILED_MORE, n=len(failed) - MAX_LISTED)), soft_wrap=True)
    print_config(config, err=err)


@command("compare", help=M.COMPARE_HELP, short=M.COMPARE_SHORT)
@argument("last", metavar=M.METAVAR_LAST, type=click.Path(dir_okay=False))
@argument("this", metavar=M.METAVAR_THIS, type=click.Path(dir_okay=False))
@OUTPUT_FORMAT
@OLD_OUTPUT
@missing_option()
@SIMILARITY
@OLD_SIMILARITY
@MIN_CHARS_OPTION
@config_options
def compare_command(
    last: str,
    this: str,
    output_format: str | None,
    old_output: str | None,
    missing: str,
    similarity_threshold: float | None,
    old_similarity: float | None,
    min_chars: int | None,
    config: Config,
) -> None:
    """Compare two years of one agency (help: M.COMPARE_HELP)."""
    from ..batch import agency_key, cross_year_findings, same_agency

    fmt = pick_output_format(output_format, old_output)
    threshold = _threshold(similarity_threshold, old_similarity)
    a, _ = load(last)
    b, _ = load(this)
    if a.year is not None and b.year is not None and a.year == b.year + 1:
        note(M.SWAPPED, last=last, last_year=a.year, this=this, this_year=b.year)
        a, b, last, this = b, a, this, last
    if a.year is not None and b.year is not None and b.year != a.year + 1:
        fail(M.NOT_CONSECUTIVE, last=last, last_year=a.year, this=this, this_year=b.year)
    if a.agency and b.agency and agency_key(a.agency) != agency_key(b.agency):
        if not same_agency(a.agency, b.agency):
            fail(M.AGENCIES_DIFFER, last=last, last_agency=a.agency, this=this, this_agency=b.agency)
        note(MB.AGENCIES_SPELT_OTHERWISE, last=a.agency, this=b.agency)  # with/without its region
    result = cross_year_findings(
        a,
        b,
        missing=missing,  # type: ignore[arg-type]
        threshold=threshold,
        min_chars=min_chars,
        config=config,
    )
    if fmt == "json":
        dump_json({"last": last, "this": this, "agency": b.agency, "year": b.year, **result.to_dict()})
    else:
        heading = say(
            M.COMPARE_TITLE,
            last=last,
            last_year=a.year or "?",
            this=this,
            this_year=b.year or "?",
            agency=b.agency or say(M.UNKNOWN),
        )
        print_findings(result, title=heading, format=b.format)
        print_config(result.config)
    sys.exit(exit_for([result]))


COMMANDS = [check_command, compare_command]
