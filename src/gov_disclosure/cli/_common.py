"""What every command shares: reading an input file, printing findings, exit codes."""

from __future__ import annotations

import importlib
import json
import sys
import types
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

import click
from click.decorators import FC

from ..core.errors import GovDisclosureError, MissingExtraError
from ..core.findings import Finding, Severity, ValidationReport
from ..core.model import Report
from ..io import read_report

#: the options several commands share, defined once
LANG = click.option(
    "--lang",
    type=click.Choice(["en", "zh"]),
    default="en",
    show_default=True,
    help="Language of the messages.",
)
#: worker processes and the time limit per file, shared by check and export
JOBS = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes [default: all cores; in-process for fewer than 16 files].",
)
TIMEOUT = click.option(
    "--timeout",
    type=click.FloatRange(0, min_open=True),
    default=None,
    metavar="SECONDS",
    help="Stop a worker that spends longer than this on one file and report the file as "
    "unreadable [default: no limit]. Runs in worker processes (one with -j 1).",
)
MISSING_HELP = "Whether a missing cell makes a sum not assessable or counts as 0."


def missing_option(help: str = MISSING_HELP) -> Callable[[FC], FC]:
    """``--missing not-assessable|zero``: the validator's policy for missing cells."""
    return click.option(
        "--missing",
        type=click.Choice(["not-assessable", "zero"]),
        default="not-assessable",
        show_default=True,
        help=help,
    )


#: exit codes: 0 no errors, 1 errors found, 2 could not read
EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


def fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_UNREADABLE)


def format_module(name: str) -> types.ModuleType:
    """A format module (``excel``, ``docx``…), or exit 2 naming the extra to install."""
    try:
        return importlib.import_module(f"gov_disclosure.{name}")
    except MissingExtraError as exc:
        fail(str(exc))


def load(path: str) -> tuple[Report, list[Finding]]:
    """Read any supported file; an unreadable one ends the command with exit code 2."""
    try:
        return read_report(Path(path))
    except MissingExtraError as exc:
        fail(str(exc))
    except GovDisclosureError as exc:
        fail(str(exc))


def print_findings(result: ValidationReport, *, lang: str = "en", title: str | None = None) -> None:
    """Human output: findings grouped by table, each with its cells."""
    out = click.echo
    if title:
        out(click.style(title, bold=True))
    names = {
        "report": "report 报告",
        "proactive": "proactive 主动公开",
        "applications": "applications 依申请公开",
        "appeals": "appeals 行政复议与行政诉讼",
    }
    colours = {"error": "red", "warning": "yellow", "info": "blue"}
    for table, findings in result.by_table().items():
        out(click.style(f"[{names.get(table, table)}]", bold=True))
        for f in findings:
            sev = click.style(f"{f.severity.value:<7}", fg=colours[f.severity.value])
            message = f.message_zh if lang == "zh" else f.message
            where = f.location or ""
            if f.source:
                where += f" ({f.source})"
            out(f"  {f.code} {sev} {where}")
            out(f"      {message}")
            if len(f.cells) > 1:
                out("      cells: " + " ".join(str(c) for c in f.cells))
    n_err, n_warn, n_info = (len(result.by_severity(s)) for s in Severity)
    status = click.style(
        "VALID" if result.valid else "INVALID", fg="green" if result.valid else "red", bold=True
    )
    out(
        f"{status}: {n_err} errors, {n_warn} warnings, {n_info} info"
        + (
            f"; {len(result.not_assessable)} sums not assessable (missing cells)"
            if result.not_assessable
            else ""
        )
    )


def dump_json(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def exit_for(results: Sequence[ValidationReport]) -> int:
    return EXIT_OK if all(r.valid for r in results) else EXIT_FINDINGS
