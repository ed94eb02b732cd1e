"""What every command shares: reading an input file, printing findings, refusing outputs, exit codes."""

from __future__ import annotations

import errno
import functools
import importlib
import json
import os
import re
import sys
import types
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from ..core.errors import GovDisclosureError, MissingExtraError
from ..core.files import atomic_write, same_file
from ..core.findings import Finding, Severity, ValidationReport
from ..core.messages import Message, common
from ..core.messages import cli as M
from ..core.messages import reading as R
from ..core.messages import rules as RM
from ..core.model import Report
from ..core.vocabulary import location_label
from ..io import ReadInfo, read_report, read_report_info
from ..rules import Config, ConfigError, load_config
from ._i18n import Option, lang, lang_option, option, say

F = Callable[..., Any]

#: ``--lang`` exposed to the callback as ``lang`` (resolved: "en" or "zh"). Commands that do not take
#: ``lang`` get the option anyway (see :class:`._i18n.Command`); they call ``lang()``.
LANG: Callable[[F], F] = lambda f: _add_param(f, lang_option(expose=True))  # noqa: E731

#: worker processes and the time limit per file, shared by check and export
JOBS = option("-j", "--jobs", type=click.IntRange(min=1), default=None, help=M.JOBS_HELP)
TIMEOUT = option(
    "--timeout",
    type=click.FloatRange(0, min_open=True),
    default=None,
    metavar=M.METAVAR_SECONDS,
    help=M.TIMEOUT_HELP,
)
#: CSV outputs: UTF-8 with a BOM (Excel on Chinese Windows) unless --no-bom
BOM = option("--bom/--no-bom", default=True, help=M.BOM_HELP)
MISSING_HELP = M.MISSING_HELP


def _add_param(f: F, param: click.Parameter) -> F:
    params: list[click.Parameter] = f.__dict__.setdefault("__click_params__", [])
    params.append(param)
    return f


def missing_option(help: Message = MISSING_HELP) -> Callable[[F], F]:
    """``--missing not-assessable|zero``: the validator's policy for missing cells."""
    return option(
        "--missing",
        type=click.Choice(["not-assessable", "zero"]),
        default="not-assessable",
        show_default=True,
        help=help,
    )


#: the options that tune the rules (validate, check, compare); the callback gets one ``config``
_CONFIG_OPTIONS = (
    option(
        "--config",
        "config_file",
        type=click.Path(dir_okay=False),
        metavar=M.METAVAR_FILE,
        help=RM.CONFIG_FILE_HELP,
    ),
    option("--select", multiple=True, metavar=M.METAVAR_CODE, help=RM.SELECT_HELP),
    option("--ignore", multiple=True, metavar=M.METAVAR_CODE, help=RM.IGNORE_HELP),
    option("--severity", "severities", multiple=True, metavar=RM.METAVAR_SEVERITY, help=RM.SEVERITY_OPTION_HELP),
    option(
        "--anomaly-factor", type=click.FloatRange(1, min_open=True), default=None, help=RM.ANOMALY_FACTOR_HELP
    ),
    option("--anomaly-min-base", type=click.IntRange(min=0), default=None, help=RM.ANOMALY_BASE_HELP),
    option("--problems-min-chars", type=click.IntRange(min=0), default=None, help=RM.PROBLEMS_MIN_CHARS_HELP),
)
_CONFIG_KEYS = (
    "config_file",
    "select",
    "ignore",
    "severities",
    "anomaly_factor",
    "anomaly_min_base",
    "problems_min_chars",
)


def config_options(f: F) -> F:
    """Add the rules' options to a command; its callback gets ``config`` (a
    :class:`~gov_disclosure.rules.Config`): the config file (``--config``, else the one found from the
    working directory) with the options laid over it."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        values = {k: kwargs.pop(k) for k in _CONFIG_KEYS}
        kwargs["config"] = make_config(**values)
        return f(*args, **kwargs)

    for decorate in reversed(_CONFIG_OPTIONS):
        wrapper = decorate(wrapper)
    return wrapper


def _codes(values: Iterable[str]) -> list[str]:
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


def make_config(
    config_file: str | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    severities: Iterable[str] = (),
    **thresholds: Any,
) -> Config:
    """The config of a command: the file's, with the options over it; a bad one ends it with code 2."""
    pairs = []
    for value in _codes(severities):
        code, sep, level = value.partition("=")
        if not sep or level.strip().lower() not in ("error", "warning", "info"):
            fail(RM.SEVERITY_OPTION_BAD, value=value)
        pairs.append((code.strip(), level.strip().lower()))
    try:
        base = load_config(config_file)
        chosen = _codes(select)
        return base.updated(select=chosen or None, ignore=_codes(ignore), severity=pairs, **thresholds)
    except ConfigError as exc:
        fail(exc.message(lang()))


def print_config(config: str | None, *, err: bool = False) -> None:
    """Say which config file the findings were made with (nothing without one)."""
    if config:
        click.echo(say(RM.CONFIG_USED, path=config), err=err)


def deprecated_alias(old: str, new: str, value: Any) -> Any:
    """Tell on stderr that ``old`` is deprecated in favour of ``new``; return ``value``."""
    click.echo(say(M.DEPRECATED_OPTION, old=old, new=new), err=True)
    return value


#: ``--output-format text|json`` of validate and compare, and its deprecated name ``--output``
OUTPUT_FORMAT = option(
    "--output-format",
    type=click.Choice(["text", "json"]),
    default=None,
    help=M.OUTPUT_FORMAT_HELP,
)
OLD_OUTPUT = option(
    "--output",
    "old_output",
    type=click.Choice(["text", "json"]),
    default=None,
    hidden=True,
    help=M.OUTPUT_DEPRECATED_HELP,
)


def pick_output_format(new: str | None, old: str | None) -> str:
    if old is not None and new is None:
        return str(deprecated_alias("--output", "--output-format", old))
    return new or "text"


#: exit codes: 0 no errors, 1 errors found, 2 could not read (or refused)
EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


def error_text(exc: BaseException) -> str:
    """An exception's message in the language of the command (both languages for our errors)."""
    message = getattr(exc, "message", None)
    if callable(message):
        text = message(lang())
        if isinstance(text, str):
            return text
    return str(exc)


def fail(message: Message | str, /, **params: object) -> NoReturn:
    """Print ``error: …`` on stderr and exit with code 2."""
    text = say(message, **params) if isinstance(message, Message) else message
    click.echo(say(M.ERROR, message=text), err=True)
    sys.exit(EXIT_UNREADABLE)


def note(message: Message, /, **params: object) -> None:
    click.echo(say(message, **params), err=True)


def os_reason(exc: OSError) -> str:
    """Why an operating-system call failed, in the command's language."""
    from ..core.messages import errors as E

    return E.os_reason(exc)(lang()) if exc.errno is not None else error_text(exc)


def cannot_write(path: str | os.PathLike[str], exc: OSError) -> NoReturn:
    """``error: cannot write …`` and exit 2; a closed pipe on stdout is not an error (see ``_i18n``)."""
    if isinstance(exc, BrokenPipeError) or exc.errno == errno.EPIPE:
        raise exc
    fail(M.CANNOT_WRITE, path=os.fspath(path), reason=os_reason(exc))


def format_module(name: str) -> types.ModuleType:
    """A format module (``excel``, ``docx``…), or exit 2 naming the extra to install."""
    try:
        return importlib.import_module(f"gov_disclosure.{name}")
    except MissingExtraError as exc:
        fail(error_text(exc))


def load(path: str) -> tuple[Report, list[Finding]]:
    """Read any supported file; an unreadable one ends the command with exit code 2."""
    try:
        return read_report(Path(path))
    except (GovDisclosureError, MissingExtraError) as exc:
        fail(error_text(exc))


def load_info(path: str) -> ReadInfo:
    """:func:`load`, with the reader used and how well it read (cells placed / declined / blank)."""
    try:
        return read_report_info(Path(path))
    except (GovDisclosureError, MissingExtraError) as exc:
        fail(error_text(exc))


_KINDS: dict[str, Message] = {
    "json": R.KIND_JSON,
    "xlsx": R.KIND_XLSX,
    "docx": R.KIND_DOCX,
    "html": R.KIND_HTML,
    "pdf": R.KIND_PDF,
    "markdown": R.KIND_MARKDOWN,
    "text": R.KIND_TEXT,
}


def print_reading(info: ReadInfo) -> None:
    """One line on stderr: what the file was read as, by which reader, and how well."""
    q = info.quality
    note(
        R.READ_WITH,
        kind=say(_KINDS[info.kind]),
        reader=info.reader,
        cells=q.cells,
        placed=q.placed,
        declined=q.declined,
        blank=q.blank,
    )


def check_output(
    path: str | None, suffixes: Sequence[str], *, command: str, option: str = "-o", inputs: Iterable[str] = ()
) -> None:
    """Refuse an output file whose suffix the command cannot write, or that is one of its inputs."""
    if path is None or path == "-":
        return
    suffix = Path(path).suffix.lower()
    if suffix not in suffixes:
        fail(
            M.BAD_SUFFIX,
            option=option,
            path=path,
            command=command,
            suffixes=" ".join(suffixes),
            suffix=suffix or say(M.NO_SUFFIX),
        )
    for source in inputs:
        if same_file(path, source):
            fail(M.SAME_FILE, output=path, path=source)


def write_file(path: str, data: bytes | str | Callable[[], bytes | str | None]) -> None:
    """Write an output file atomically; a failure ends the command with exit code 2. ``data`` may be
    a function that makes it (a writer can fail on a full disk too: openpyxl writes temporary files)."""
    try:
        payload = data() if callable(data) else data
        assert payload is not None
        atomic_write(path, payload)
    except OSError as exc:
        cannot_write(path, exc)


_SEVERITIES = {
    Severity.ERROR: (M.SEVERITY_ERROR, "red"),
    Severity.WARNING: (M.SEVERITY_WARNING, "yellow"),
    Severity.INFO: (M.SEVERITY_INFO, "blue"),
}
_TABLES = {
    "report": M.TABLE_REPORT,
    "proactive": M.TABLE_PROACTIVE,
    "applications": M.TABLE_APPLICATIONS,
    "appeals": M.TABLE_APPEALS,
}
#: the positions readers give (``Finding.source``), in words of the command's language
_SOURCES: list[tuple[re.Pattern[str], Message]] = [
    (re.compile(r"\btable (?P<t>\d+), row (?P<r>\d+), cell (?P<c>\d+)"), M.SOURCE_TABLE_ROW_CELL),
    (re.compile(r"\btable (?P<t>\d+), row (?P<r>\d+)"), M.SOURCE_TABLE_ROW),
    (re.compile(r"\bpage (?P<p>\d+), line (?P<n>\d+)"), M.SOURCE_PAGE_LINE),
    (re.compile(r"\bpage (?P<n>\d+)"), M.SOURCE_PAGE),
    (re.compile(r"\bline (?P<n>\d+), field (?P<f>\d+)"), M.SOURCE_LINE_FIELD),
    (re.compile(r"\bline (?P<n>\d+)"), M.SOURCE_LINE),
    (re.compile(r"\bparagraph (?P<n>\d+)"), M.SOURCE_PARAGRAPH),
]


def source_label(source: str) -> str:
    """A reader's position (``line 12``, ``table 2, row 5, cell 3``, ``依申请公开!D7``) in words."""
    for pattern, message in _SOURCES:
        source = pattern.sub(lambda m, msg=message: say(msg, **m.groupdict()), source)  # type: ignore[misc]
    return source


def where(f: Finding, format: str | None = None) -> str:
    """A finding's location in words (and its address), and where in the file it was found."""
    text = ""
    if f.location:
        label = location_label(f.location, format if format in ("2019", "2021") else None, lang())  # type: ignore[arg-type]
        # a cell or row is named in words and by its address; a field (落款日期) by its name alone
        text = label if label == f.location or "/" not in f.location else f"{label} ({f.location})"
    if f.source:
        text += f" [{source_label(f.source)}]"
    return text.strip()


def cells_text(f: Finding, format: str | None = None) -> str:
    """The cells a finding involves, each by its name in words (the part of its label that the
    finding's location does not already say: 自然人=∅, 行政复议 · 结果维持=0) and its value; by address
    when the format is unknown."""
    fmt = format if format in ("2019", "2021") else None
    if fmt is None:
        return " ".join(str(c) for c in f.cells)
    head = location_label(f.location, fmt, lang()) + " · " if f.location else ""  # type: ignore[arg-type]
    out = []
    for c in f.cells:
        label = location_label(c.address, fmt, lang())  # type: ignore[arg-type]
        if label == c.address:  # not a cell of the format: its address
            out.append(str(c))
            continue
        name = label.removeprefix(head) if head and label.startswith(head) else label
        out.append(f"{name}={c.value_text}")
    return " ".join(out)


def finding_message(f: Finding) -> str:
    return f.message_zh if lang() == "zh" else f.message


def print_findings(
    result: ValidationReport,
    *,
    lang: str | None = None,
    title: str | None = None,
    format: str | None = None,
    err: bool = False,
) -> None:
    """Human output: findings grouped by table, each with its location in words and its cells.
    (``lang`` is accepted for old callers; the command's language decides.)"""

    def out(text: str) -> None:
        click.echo(text, err=err)

    if title:
        out(click.style(title, bold=True))
    for table, findings in result.by_table().items():
        out(click.style(f"[{say(_TABLES[table]) if table in _TABLES else table}]", bold=True))
        for f in findings:
            word, colour = _SEVERITIES[f.severity]
            sev = click.style(say(word), fg=colour)
            out(f"  {f.code} {sev} {where(f, format)}")
            out(f"      {finding_message(f)}")
            if len(f.cells) > 1:
                out("      " + say(M.CELLS, cells=cells_text(f, format)))
    print_verdict(result, err=err)


def print_verdict(result: ValidationReport, *, err: bool = False) -> None:
    n_err, n_warn, n_info = (len(result.by_severity(s)) for s in Severity)
    verdict = say(common.VALID if result.valid else common.INVALID)
    status = click.style(verdict, fg="green" if result.valid else "red", bold=True)
    line = say(M.VERDICT, verdict=status, errors=n_err, warnings=n_warn, infos=n_info)
    if result.not_assessable:
        line += say(M.NOT_ASSESSABLE, n=len(result.not_assessable))
    click.echo(line, err=err)


def title(file: str, r: Report) -> str:
    return say(M.TITLE, file=file, agency=r.agency or say(M.UNKNOWN), year=r.year or "?", format=r.format)


def dump_json(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def exit_for(results: Sequence[ValidationReport]) -> int:
    return EXIT_OK if all(r.valid for r in results) else EXIT_FINDINGS


__all__ = [
    "BOM",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "JOBS",
    "LANG",
    "TIMEOUT",
    "Option",
    "check_output",
    "config_options",
    "deprecated_alias",
    "dump_json",
    "error_text",
    "exit_for",
    "fail",
    "format_module",
    "load",
    "load_info",
    "make_config",
    "missing_option",
    "note",
    "print_config",
    "print_findings",
    "print_reading",
    "source_label",
    "title",
    "where",
    "write_file",
]
