"""DOCX command: render a report as an official document."""

from __future__ import annotations

import click

from ..rules import validate
from ._common import fail, format_module, load


@click.command("render")
@click.argument("report", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    required=True,
    help="Where to write the document (.docx).",
)
@click.option("--title-font", default=None, help="Font of the title [default: 方正小标宋简体].")
@click.option("--body-font", default=None, help="Font of the body text [default: 仿宋_GB2312].")
@click.option("--heading-font", default=None, help="Font of the section headings [default: 黑体].")
@click.option("--table-font", default=None, help="Font of the tables [default: 宋体].")
def render_command(
    report: str,
    output: str,
    title_font: str | None,
    body_font: str | None,
    heading_font: str | None,
    table_font: str | None,
) -> None:
    """Write REPORT (.json, .xlsx, .docx, .html or .txt) as an official .docx document.

    The title, the six sections, the three tables in the official layout of the report's format
    version and the signature, styled after GB/T 9704 (A4, 仿宋_GB2312 body, 黑体 headings, page
    numbers). Blank cells stay blank and totals are printed as reported: check the report with
    "gov-disclosure validate" before publishing it.
    """
    docx = format_module("docx")
    r, findings = load(report)
    fonts = {
        "title_font": title_font,
        "body_font": body_font,
        "heading_font": heading_font,
        "table_font": table_font,
    }
    try:
        style = docx.DocxStyle(**{k: v for k, v in fonts.items() if v is not None})
    except ValueError as exc:
        fail(str(exc))
    try:
        docx.write_docx(r, output, style=style)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    result = validate(r, findings=findings)
    click.echo(f"wrote {output}: {r.agency or '?'} {r.year or '?'} ({r.format} format)")
    if not result.valid:
        click.echo(
            f"note: the report has {len(result.errors)} errors and {len(result.warnings)} warnings; "
            f"see: gov-disclosure validate {report}",
            err=True,
        )


COMMANDS = [render_command]
