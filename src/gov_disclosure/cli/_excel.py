"""Excel commands: template, to-xlsx, aggregate."""

from __future__ import annotations

import sys
from collections import Counter

import click

from ..core.errors import GovDisclosureError
from ._common import EXIT_FINDINGS, EXIT_OK, LANG, fail, format_module, load, missing_option, print_findings


@click.command("template")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["2019", "2021"]),
    default="2021",
    show_default=True,
    help="Format version: 2019 (trial, reporting years 2019-2020) or 2021.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    required=True,
    help="Where to write the blank template (.xlsx).",
)
def template_command(fmt: str, output: str) -> None:
    """Write a blank data-collection template (填报模板) to fill in Excel, WPS or LibreOffice."""
    excel = format_module("excel")
    try:
        excel.write_template(output, fmt)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    click.echo(f"wrote {output} ({fmt} format)")


@click.command("to-xlsx")
@click.argument("report", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    required=True,
    help="Where to write the filled workbook (.xlsx).",
)
def to_xlsx_command(report: str, output: str) -> None:
    """Write REPORT (any readable file) as a filled workbook of our template."""
    excel = format_module("excel")
    r, _ = load(report)
    try:
        excel.write_xlsx(r, output)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    click.echo(f"wrote {output}: {r.agency or '?'} {r.year or '?'} ({r.format} format)")


@click.command("aggregate")
@click.argument("units", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    required=True,
    help="Where to write the summary workbook (.xlsx).",
)
@click.option("--agency", required=True, help="The collecting agency: the total's 报送单位.")
@click.option(
    "--kind",
    "agency_kind",
    type=click.Choice(["department", "government"]),
    help="The collecting agency's kind.",
)
@missing_option("A cell blank in some unit: leave the total missing, or sum the units that have it.")
@LANG
@click.option("-q", "--quiet", is_flag=True, help="Only the per-unit summary, not every finding.")
def aggregate_command(
    units: tuple[str, ...],
    output: str,
    agency: str,
    agency_kind: str | None,
    missing: str,
    lang: str,
    quiet: bool,
) -> None:
    """Sum the workbooks of UNITS (报送单位) cell by cell into one report of AGENCY.

    Validates every unit and the total, says which unit broke which rule, and writes a summary
    workbook with the total, a per-unit breakdown sheet and every unit's findings.
    Exit code: 0 no errors, 1 errors in a unit or the total, 2 refused (unreadable files, formats
    or years that differ).
    """
    excel = format_module("excel")

    def progress(done: int, total: int, source: str) -> None:
        click.echo(f"\r  read {done}/{total}", nl=done == total, err=True)

    try:
        result = excel.aggregate(
            units,
            agency=agency,
            agency_kind=agency_kind,
            missing=missing,
            on_progress=progress if sys.stderr.isatty() else None,
        )
    except GovDisclosureError as exc:
        fail(str(exc))
    for u in result.units:
        v = u.validation
        mark = click.style("ok " if v.valid else "BAD", fg="green" if v.valid else "red", bold=True)
        codes = ", ".join(f"{code}×{n}" for code, n in sorted(Counter(f.code for f in v.errors).items()))
        click.echo(
            f"{mark} {u.name} ({u.source}): {len(v.errors)} errors, {len(v.warnings)} warnings"
            + (f" [{codes}]" if codes else "")
        )
    if not quiet:
        for u, f in result.problems():
            message = f.message_zh if lang == "zh" else f.message
            where = (f.location or "") + (f" ({f.source})" if f.source else "")
            click.echo(f"  {u.name}: {f.code} {where}: {message}")
        print_findings(
            result.validation,
            lang=lang,
            title=f"total: {agency} {result.total.year or '?'} ({result.total.format} format), "
            f"{len(result.units)} units",
        )
    try:
        excel.write_summary(result, output)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    click.echo(f"wrote {output}")
    sys.exit(EXIT_OK if result.valid else EXIT_FINDINGS)


COMMANDS = [template_command, to_xlsx_command, aggregate_command]
