"""Excel commands: template, to-xlsx, aggregate."""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import Any

import click

from ..core.errors import GovDisclosureError
from ..core.messages import cli as M
from ._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    check_output,
    error_text,
    fail,
    finding_message,
    format_module,
    load,
    missing_option,
    note,
    print_findings,
    where,
    write_file,
)
from ._i18n import argument, command, option, say


@command("template", help=M.TEMPLATE_HELP, short=M.TEMPLATE_SHORT)
@option(
    "--format",
    "fmt",
    type=click.Choice(["2019", "2021"]),
    default="2021",
    show_default=True,
    help=M.FORMAT_HELP,
)
@option("-o", "--output", type=click.Path(dir_okay=False), required=True, help=M.TEMPLATE_OUTPUT_HELP)
def template_command(fmt: str, output: str) -> None:
    """Write a blank template (help: M.TEMPLATE_HELP)."""
    check_output(output, (".xlsx",), command="template")
    excel = format_module("excel")
    write_file(output, lambda: excel.write_template(None, fmt))
    click.echo(say(M.WROTE_TEMPLATE, path=output, format=fmt))


@command("to-xlsx", help=M.TO_XLSX_HELP, short=M.TO_XLSX_SHORT)
@argument("report", metavar=M.METAVAR_REPORT, type=click.Path(dir_okay=False))
@option("-o", "--output", type=click.Path(dir_okay=False), required=True, help=M.TO_XLSX_OUTPUT_HELP)
def to_xlsx_command(report: str, output: str) -> None:
    """Write a report as a filled workbook (help: M.TO_XLSX_HELP)."""
    check_output(output, (".xlsx",), command="to-xlsx", inputs=(report,))
    excel = format_module("excel")
    r, _ = load(report)
    write_file(output, lambda: excel.write_xlsx(r))
    click.echo(
        say(
            M.WROTE_REPORT,
            path=output,
            agency=r.agency or say(M.UNKNOWN),
            year=r.year or "?",
            format=r.format,
        )
    )


@command("aggregate", help=M.AGGREGATE_HELP, short=M.AGGREGATE_SHORT)
@argument("units", metavar=M.METAVAR_UNITS, nargs=-1, required=True, type=click.Path(dir_okay=False))
@option("-o", "--output", type=click.Path(dir_okay=False), required=True, help=M.AGGREGATE_OUTPUT_HELP)
@option("--agency", required=True, metavar=M.METAVAR_AGENCY, help=M.AGENCY_HELP)
@option("--kind", "agency_kind", type=click.Choice(["department", "government"]), help=M.KIND_HELP)
@missing_option(M.AGGREGATE_MISSING_HELP)
@option("-q", "--quiet", is_flag=True, help=M.QUIET_HELP)
def aggregate_command(
    units: tuple[str, ...],
    output: str,
    agency: str,
    agency_kind: str | None,
    missing: str,
    quiet: bool,
) -> None:
    """Sum unit workbooks into one report (help: M.AGGREGATE_HELP)."""
    check_output(output, (".xlsx",), command="aggregate", inputs=units)
    if not agency.strip():
        fail(M.AGENCY_EMPTY)
    excel = format_module("excel")

    def progress(done: int, total: int, source: str) -> None:
        click.echo("\r" + say(M.READ_PROGRESS, done=done, total=total), nl=done == total, err=True)

    try:
        result = excel.aggregate(
            units,
            agency=agency.strip(),
            agency_kind=agency_kind,
            missing=missing,
            on_progress=progress if sys.stderr.isatty() else None,
        )
    except GovDisclosureError as exc:
        fail(error_text(exc))
    _note_same_agencies(result.units)
    for u in result.units:
        v = u.validation
        mark = click.style(
            say(M.UNIT_OK if v.valid else M.UNIT_BAD), fg="green" if v.valid else "red", bold=True
        )
        codes = ", ".join(f"{code}×{n}" for code, n in sorted(Counter(f.code for f in v.errors).items()))
        line = say(
            M.UNIT_LINE,
            mark=mark,
            name=u.name,
            source=u.source,
            errors=len(v.errors),
            warnings=len(v.warnings),
        )
        click.echo(line + (f" [{codes}]" if codes else ""))
    if not quiet:
        for u, f in result.problems():
            click.echo(f"  {u.name}: {f.code} {where(f, u.report.format)}: {finding_message(f)}")
        heading = say(
            M.TOTAL_TITLE,
            agency=agency,
            year=result.total.year or "?",
            format=result.total.format,
            units=len(result.units),
        )
        print_findings(result.validation, title=heading, format=result.total.format)
    write_file(output, lambda: excel.write_summary(result))
    click.echo(say(M.WROTE, path=output))
    sys.exit(EXIT_OK if result.valid else EXIT_FINDINGS)


def _note_same_agencies(units: Sequence[Any]) -> None:
    """Units of one agency (spaces and full-width forms aside) may be one unit given twice."""
    by_agency: dict[str, list[Any]] = {}
    for u in units:
        if u.report.agency:
            key = "".join(unicodedata.normalize("NFKC", u.report.agency).split())
            by_agency.setdefault(key, []).append(u)
    for same in by_agency.values():
        if len(same) > 1:
            note(M.SAME_AGENCY, paths="、".join(u.source for u in same), agency=same[0].report.agency)


COMMANDS = [template_command, to_xlsx_command, aggregate_command]
