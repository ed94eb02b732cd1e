"""Core commands: validate, read, export, schema, sample, rules."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click

from ..export import CELL_FIELDS, cell_records, write_cells_csv, write_cells_jsonl
from ..rules import RULES, validate
from ..serialize import json_schema, to_json
from ..testing import sample_report
from ._common import EXIT_OK, dump_json, exit_for, load, print_findings

LANG = click.option(
    "--lang",
    type=click.Choice(["en", "zh"]),
    default="en",
    show_default=True,
    help="Language of the messages.",
)


@click.command("validate")
@click.argument("report", type=click.Path(dir_okay=False))
@click.option(
    "--previous",
    type=click.Path(dir_okay=False),
    help="Last year's report of the same agency: enables the cross-year rules GD7xx.",
)
@click.option("--output", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--missing",
    type=click.Choice(["not-assessable", "zero"]),
    default="not-assessable",
    show_default=True,
    help="Whether a missing cell makes a sum not assessable or counts as 0.",
)
@LANG
def validate_command(report: str, previous: str | None, output: str, missing: str, lang: str) -> None:
    """Validate REPORT (.json, .xlsx, .docx, .html or .txt).

    Exit code: 0 no errors, 1 errors found, 2 the file could not be read.
    """
    r, read_findings = load(report)
    last = load(previous)[0] if previous else None
    result = validate(r, last, missing=missing, findings=read_findings)  # type: ignore[arg-type]
    if output == "json":
        dump_json(
            {"file": report, "agency": r.agency, "year": r.year, "format": r.format, **result.to_dict()}
        )
    else:
        print_findings(
            result, lang=lang, title=f"{report}: {r.agency or '?'} {r.year or '?'} ({r.format} format)"
        )
    sys.exit(exit_for([result]))


@click.command("read")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report as JSON here.")
@LANG
def read_command(file: str, output: str | None, lang: str) -> None:
    """Read FILE (.txt/.html/.docx/.xlsx/.json, recognised by content) and print what the reader
    found; with -o, save the report as JSON."""
    r, findings = load(file)
    text = to_json(r)
    if output:
        Path(output).write_text(text + "\n", encoding="utf-8")
    else:
        click.echo(text)
    result = validate(r, findings=findings)
    print_findings(result, lang=lang, title=f"{file}: {r.agency or '?'} {r.year or '?'} ({r.format})")
    sys.exit(exit_for([result]))


@click.command("export")
@click.argument("reports", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--cells",
    "cells",
    is_flag=True,
    required=True,
    help="Export every table cell as one record (FORMAT.md §7).",
)
@click.option("--to", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
def export_command(reports: tuple[str, ...], cells: bool, fmt: str, output: str | None) -> None:
    """Export the cells of REPORTS as a long table (CSV or JSON Lines)."""
    many = len(reports) > 1
    fields = (("file", "agency", "year", "format") if many else ()) + CELL_FIELDS

    def rows() -> Iterator[dict[str, str]]:
        for path in reports:
            r, _ = load(path)
            for rec in cell_records(r):
                d = rec.as_dict()
                if many:
                    d = {
                        "file": path,
                        "agency": r.agency or "",
                        "year": str(r.year or ""),
                        "format": r.format,
                        **d,
                    }
                yield d

    with click.open_file(output or "-", "w", encoding="utf-8") as out:
        if fmt == "csv":
            write_cells_csv(rows(), out, fields=fields)
        else:
            write_cells_jsonl(rows(), out)


@click.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the report document."""
    dump_json(json_schema())


@click.command("sample")
@click.option("--format", "fmt", type=click.Choice(["2019", "2021"]), default="2021", show_default=True)
def sample_command(fmt: str) -> None:
    """Print a complete, valid sample report as JSON."""
    click.echo(to_json(sample_report(fmt)))  # type: ignore[arg-type]


@click.command("rules")
@LANG
def rules_command(lang: str) -> None:
    """List the rule catalogue."""
    for rule in RULES.values():
        title = rule.title_zh if lang == "zh" else rule.title
        click.echo(f"{rule.code}  {rule.severity.value:<7}  {rule.scope:<10}  {title}")
    sys.exit(EXIT_OK)


COMMANDS = [validate_command, read_command, export_command, schema_command, sample_command, rules_command]
