"""DOCX command: render a report as an official document (.docx, or .pdf through LibreOffice)."""

from __future__ import annotations

import click

from ..core.errors import ArgumentError, ConversionError
from ..core.messages import cli as M
from ..rules import validate
from ._common import check_output, error_text, fail, format_module, load, note, write_file
from ._i18n import argument, command, option, say


@command("render", help=M.RENDER_HELP, short=M.RENDER_SHORT)
@argument("report", metavar=M.METAVAR_REPORT, type=click.Path(dir_okay=False))
@option("-o", "--output", type=click.Path(dir_okay=False), required=True, help=M.RENDER_OUTPUT_HELP)
@option("--title-font", default=None, metavar=M.METAVAR_FONT, help=M.TITLE_FONT_HELP)
@option("--body-font", default=None, metavar=M.METAVAR_FONT, help=M.BODY_FONT_HELP)
@option("--heading-font", default=None, metavar=M.METAVAR_FONT, help=M.HEADING_FONT_HELP)
@option("--table-font", default=None, metavar=M.METAVAR_FONT, help=M.TABLE_FONT_HELP)
def render_command(
    report: str,
    output: str,
    title_font: str | None,
    body_font: str | None,
    heading_font: str | None,
    table_font: str | None,
) -> None:
    """Write a report as an official document (help: M.RENDER_HELP)."""
    check_output(output, (".docx", ".pdf"), command="render", inputs=(report,))
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
    except ArgumentError as exc:
        exc.params["name"] = "--" + str(exc.params.get("name", "")).replace("_", "-")  # the option
        fail(error_text(exc))
    if output.lower().endswith(".pdf"):
        try:
            data = docx.write_pdf(r, style=style)
        except ConversionError as exc:
            fail(error_text(exc))
    else:
        data = docx.write_docx(r, style=style)
    write_file(output, data)
    result = validate(r, findings=findings)
    click.echo(
        say(
            M.WROTE_REPORT,
            path=output,
            agency=r.agency or say(M.UNKNOWN),
            year=r.year or "?",
            format=r.format,
        )
    )
    if not result.valid:
        note(M.HAS_FINDINGS, errors=len(result.errors), warnings=len(result.warnings), report=report)


COMMANDS = [render_command]
