"""Core commands: validate, read, export, schema, sample, rules."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from ..core.messages import cli as M
from ..core.messages import review as R
from ..core.messages import rules as RM
from ..rules import RULES, Config, validate
from ._common import (
    BOM,
    EXIT_OK,
    EXIT_UNREADABLE,
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
    load_info,
    missing_option,
    note,
    pick_output_format,
    print_config,
    print_findings,
    print_reading,
    title,
    write_file,
)
from ._i18n import argument, command, lang, option, say
from ._review import ReviewRun, apply_file_fixes, export_indicators, load_fixes, review_options, single_result
from .examples import SCOPES, SEVERITIES, rule_text

if TYPE_CHECKING:
    from ..core.model import Report


@command("validate", help=M.VALIDATE_HELP, short=M.VALIDATE_SHORT)
@argument("report", metavar=M.METAVAR_REPORT, type=click.Path(dir_okay=False))
@option("--previous", type=click.Path(dir_okay=False), metavar=M.METAVAR_REPORT, help=M.PREVIOUS_HELP)
@OUTPUT_FORMAT
@OLD_OUTPUT
@missing_option()
@review_options
@config_options
def validate_command(
    report: str,
    previous: str | None,
    output_format: str | None,
    old_output: str | None,
    missing: str,
    review_path: str | None,
    html_path: str | None,
    decisions_path: str | None,
    fixes_path: str | None,
    config: Config,
) -> None:
    """Validate one report (help: M.VALIDATE_HELP)."""
    fmt = pick_output_format(output_format, old_output)
    run = ReviewRun(review_path, html_path, decisions_path, fixes_path, inputs=(report,), command="validate")
    info = load_info(report)
    r, read_findings = info.report, list(info.findings)
    last = None
    if previous:
        last = load(previous)[0]
        _check_previous(report, r, previous, last)
    r, read_findings = apply_file_fixes(report, r, read_findings, run.fixes)
    result = validate(r, last, missing=missing, findings=read_findings, config=config)  # type: ignore[arg-type]
    result = single_result(report, r, result, run)
    if fmt == "json":
        dump_json(
            {
                "file": report,
                "agency": r.agency,
                "year": r.year,
                "format": r.format,
                "reader": info.reader,
                "cells": info.quality.to_dict(),
                **result.to_dict(),
            }
        )
    else:
        print_reading(info)
        print_findings(result, title=title(report, r), format=r.format)
        print_config(result.config)
    run.finish(err=fmt == "json")
    sys.exit(exit_for([result]))


def _check_previous(path: str, r: Report, previous: str, last: Report) -> None:
    """Refuse a --previous report that is not the same agency's report of the year before."""
    from ..batch import agency_key, same_agency
    from ..core.messages import batch as MB

    if r.year is not None and last.year is not None and last.year != r.year - 1:
        fail(M.PREVIOUS_NOT_YEAR_BEFORE, previous=previous, previous_year=last.year, year=r.year)
    if r.agency and last.agency and agency_key(r.agency) != agency_key(last.agency):
        if not same_agency(r.agency, last.agency):
            fail(M.PREVIOUS_OTHER_AGENCY, previous=previous, previous_agency=last.agency, agency=r.agency)
        note(MB.AGENCIES_SPELT_OTHERWISE, last=last.agency, this=r.agency)  # with/without its region
    for which, report in ((path, r), (previous, last)):
        if report.year is None:
            note(M.PREVIOUS_YEAR_UNKNOWN, which=which, previous=previous)


@command("read", help=M.READ_HELP, short=M.READ_SHORT)
@argument("file", metavar=M.METAVAR_FILE, type=click.Path(dir_okay=False))
@option("-o", "--output", type=click.Path(dir_okay=False), help=M.READ_OUTPUT_HELP)
def read_command(file: str, output: str | None) -> None:
    """Read one file of any kind (help: M.READ_HELP)."""
    check_output(output, (".json",), command="read", inputs=(file,))
    from ..core.serialize import to_json

    info = load_info(file)
    r = info.report
    text = to_json(r)
    if output:
        write_file(output, text + "\n")
    else:
        click.echo(text)
    print_reading(info)
    result = validate(r, findings=info.findings)
    print_findings(result, title=title(file, r), format=r.format, err=not output)
    sys.exit(exit_for([result]))


@command("export", help=M.EXPORT_HELP, short=M.EXPORT_SHORT)
@argument("reports", metavar=M.METAVAR_REPORTS, nargs=-1, required=True, type=click.Path())
@option("--cells", "cells", is_flag=True, help=M.CELLS_HELP)
@option("--indicators", "indicators", is_flag=True, help=R.INDICATORS_OPTION_HELP)
@option(
    "--output-format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "parquet"]),
    default=None,
    help=M.EXPORT_FORMAT_HELP,
)
@option("--to", "old_to", type=click.Choice(["csv", "jsonl", "parquet"]), hidden=True, help=M.EXPORT_TO_HELP)
@option("-o", "--output", type=click.Path(dir_okay=False), help=M.EXPORT_OUTPUT_HELP)
@option("--fixes", "fixes_path", type=click.Path(dir_okay=False), help=R.FIXES_OPTION_HELP)
@BOM
@JOBS
@TIMEOUT
def export_command(
    reports: tuple[str, ...],
    cells: bool,
    indicators: bool,
    fmt: str | None,
    old_to: str | None,
    output: str | None,
    fixes_path: str | None,
    bom: bool,
    jobs: int | None,
    timeout: float | None,
) -> None:
    """Export the cells or the indicators of many reports (help: M.EXPORT_HELP)."""
    from ..batch import cells_kind, write_cells
    from ..core.errors import MissingExtraError
    from ._batch import progress_bar

    if cells == indicators:
        fail(R.EXPORT_ONE_KIND if cells else R.EXPORT_WHAT)
    if old_to is not None and fmt is None:
        fmt = deprecated_alias("--to", "--output-format", old_to)
    check_output(output, (".csv", ".jsonl", ".ndjson", ".json", ".parquet"), command="export", inputs=reports)
    kind = fmt or cells_kind(output)
    fixes = load_fixes(fixes_path)
    if indicators:
        if kind == "parquet":
            fail(R.INDICATORS_NO_PARQUET)
        sys.exit(
            export_indicators(
                reports,
                output,
                kind,
                jobs=jobs,
                timeout=timeout,
                fixes=fixes,
                progress_bar=progress_bar,
                bom=bom,
            )
        )
    if kind == "parquet" and not output:
        fail(M.PARQUET_NEEDS_FILE)
    try:
        with progress_bar(None if output else False) as on_progress:
            count = write_cells(
                reports,
                output or sys.stdout,
                kind=kind,
                jobs=jobs,
                timeout=timeout,
                with_file=True,  # the same columns for one file as for a folder
                on_progress=on_progress,
                fixes=fixes,
                bom=bom,
            )
    except MissingExtraError as exc:
        fail(error_text(exc))
    except OSError as exc:
        cannot_write(output or "-", exc)
    for _, message in count.unreadable_zh if lang() == "zh" else count.unreadable:
        click.echo(say(M.ERROR, message=message), err=True)
    if count.files == 0:
        fail(M.NOTHING_TO_EXPORT, paths=", ".join(reports))
    sys.exit(EXIT_UNREADABLE if count.unreadable else EXIT_OK)


@command("schema", help=M.SCHEMA_HELP, short=M.SCHEMA_SHORT)
def schema_command() -> None:
    """Print the JSON Schema (help: M.SCHEMA_HELP)."""
    from ..core.serialize import json_schema

    dump_json(json_schema())


@command("sample", help=M.SAMPLE_HELP, short=M.SAMPLE_SHORT)
@option(
    "--format",
    "fmt",
    type=click.Choice(["2019", "2021"]),
    default="2021",
    show_default=True,
    help=M.FORMAT_HELP,
)
def sample_command(fmt: str) -> None:
    """Print a sample report (help: M.SAMPLE_HELP)."""
    from ..core.serialize import to_json
    from ..testing import sample_report

    click.echo(to_json(sample_report(fmt)))  # type: ignore[arg-type]


@command("rules", help=M.RULES_HELP, short=M.RULES_SHORT)
@argument("code", metavar=M.METAVAR_CODE, required=False)
def rules_command(code: str | None) -> None:
    """List the rules, or show one (help: M.RULES_HELP)."""
    if code is None:
        for rule in RULES.values():
            text = rule.title_zh if lang() == "zh" else rule.title
            scope = say(SCOPES[rule.scope]) if rule.scope in SCOPES else rule.scope
            click.echo(f"{rule.code}  {say(SEVERITIES[rule.severity.value]):<7}  {scope:<10}  {text}")
        sys.exit(EXIT_OK)
    wanted = code.strip().upper()
    if wanted not in RULES:
        fail(RM.RULES_UNKNOWN_CODE, code=code)
    click.echo(rule_text(wanted, lang()))
    sys.exit(EXIT_OK)


COMMANDS = [validate_command, read_command, export_command, schema_command, sample_command, rules_command]
