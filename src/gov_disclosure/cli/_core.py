"""Core commands: validate, read, export, schema, sample, rules."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..core.serialize import json_schema, to_json
from ..rules import RULES, validate
from ..testing import sample_report
from ._common import (
    EXIT_OK,
    EXIT_UNREADABLE,
    JOBS,
    LANG,
    TIMEOUT,
    dump_json,
    exit_for,
    fail,
    load,
    missing_option,
    print_findings,
)


@click.command("validate")
@click.argument("report", type=click.Path(dir_okay=False))
@click.option(
    "--previous",
    type=click.Path(dir_okay=False),
    help="Last year's report of the same agency: enables the cross-year rules GD7xx.",
)
@click.option("--output", type=click.Choice(["text", "json"]), default="text", show_default=True)
@missing_option()
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
    """Read FILE (.txt/.html/.pdf/.docx/.xlsx/.json, recognised by content) and print what the reader
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
@click.argument("reports", nargs=-1, required=True, type=click.Path())
@click.option(
    "--cells",
    "cells",
    is_flag=True,
    required=True,
    help="Export every table cell as one record (FORMAT.md §7).",
)
@click.option(
    "--to",
    "fmt",
    type=click.Choice(["csv", "jsonl", "parquet"]),
    default=None,
    help="Output format [default: by the suffix of -o (.csv, .jsonl, .parquet), else csv]. "
    "Parquet needs pyarrow (or polars).",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
@JOBS
@TIMEOUT
def export_command(
    reports: tuple[str, ...],
    cells: bool,
    fmt: str | None,
    output: str | None,
    jobs: int | None,
    timeout: float | None,
) -> None:
    """Export the cells of REPORTS (files and folders, recursively) as one long table (CSV, JSON
    Lines or Parquet). With more than one file, each record starts with file, agency, year, format.

    Exit code: 0, or 2 if a file could not be read (the others are still exported).
    """
    from ..batch import cells_kind, write_cells
    from ..core.errors import MissingExtraError
    from ._batch import progress_bar

    kind = fmt or cells_kind(output)
    if kind == "parquet" and not output:
        fail("Parquet output needs a file: -o cells.parquet")
    many = len(reports) > 1 or any(Path(p).is_dir() for p in reports)
    try:
        with progress_bar(None if output else False) as on_progress:
            count = write_cells(
                reports,
                output or sys.stdout,
                kind=kind,
                jobs=jobs,
                timeout=timeout,
                with_file=many,
                on_progress=on_progress,
            )
    except MissingExtraError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    for _, message in count.unreadable:
        click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_UNREADABLE if count.unreadable else EXIT_OK)


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
