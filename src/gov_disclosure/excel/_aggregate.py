"""Aggregation: the reports of many reporting units summed cell by cell into one report.

A district collects every bureau's workbook; the summary is one report of the same format and year
plus a per-unit breakdown. Rules of the sum (docs/excel.md):

- Counts are summed. A cell a unit left blank (or filled with text) is never a silent zero: with
  ``missing="not-assessable"`` (the default) the total cell is missing too; with ``"zero"`` the
  present values are summed. Either way a GD101 finding on the total names the units.
- Amounts are converted exactly (Decimal, 元 ↔ 万元 by shifting the decimal point) to the header's
  unit (2021: 万元) or, without one (2019), to the units' common unit, else to 元. An amount of unknown
  unit cannot be converted: the total cell is missing and a GD104 finding names the units.
- Units of different formats or years are refused (:class:`AggregateError`).
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import os
import stat
import warnings
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import IO, Any, Final

import attrs

from ..core.codes import CODES
from ..core.errors import ArgumentError, GovDisclosureError, plain
from ..core.files import atomic_write, same_file
from ..core.findings import CellRef, Finding, ValidationReport
from ..core.messages import Lang, Message
from ..core.messages import errors as E
from ..core.messages import excel as XM
from ..core.model import AgencyKind, Report
from ..core.values import Amount, Cell, format_cell
from ..core.values import Unit as AmountUnit
from ..core.vocabulary import TABLE_TITLES, CellKind, location_label, spec
from ..reading.pool import Pool, ordered_map
from ..rules import MissingPolicy, validate
from ._layout import SHEET_UNIT_FINDINGS, SHEET_UNITS
from ._read import read_xlsx
from ._write import cell_at, fill_workbook, put_text, template_workbook, xlsx_bytes

__all__ = ["AggregateError", "AggregateResult", "UnitResult", "aggregate", "write_summary"]

#: below this many files, reading in worker processes costs more than it saves
_POOL_MIN: Final = 16
_NAMES_SHOWN: Final = 10

Source = str | os.PathLike[str] | bytes | Report


class AggregateError(GovDisclosureError, ValueError):
    """The units cannot be summed: different formats or years, a unit given twice, or files that could
    not be read. ``lines`` (one per unit or group, in both languages) follow the message."""

    def __init__(self, message: Message, lines: Sequence[Message] = (), **params: object) -> None:
        self.msg, self.lines, self.params = message, tuple(lines), params
        super().__init__(self.message("en"))

    def message(self, lang: Lang = "en") -> str:
        head = self.msg(lang, **self.params)
        return "\n".join([head, *(f"  {line(lang)}" for line in self.lines)])

    def __reduce__(self) -> tuple[Any, ...]:
        return (_aggregate_error, (self.msg, self.lines, self.params))


def _aggregate_error(message: Message, lines: Sequence[Message], params: dict[str, object]) -> AggregateError:
    return AggregateError(message, lines, **params)


@attrs.frozen
class UnitResult:
    """One reporting unit: its report as read, the reader's findings and its validation."""

    name: str  #: the unit's agency, else its file name
    source: str  #: the file it came from (or ``#<n>`` for a Report given directly)
    report: Report
    read_findings: tuple[Finding, ...]
    validation: ValidationReport


@attrs.frozen
class AggregateResult:
    total: Report  #: the summed report
    units: tuple[UnitResult, ...]
    #: what the sum itself found: cells missing in some units, amounts that could not be converted
    findings: tuple[Finding, ...]
    #: the total's validation (table rules), the aggregation findings first
    validation: ValidationReport

    @property
    def valid(self) -> bool:
        return self.validation.valid and all(u.validation.valid for u in self.units)

    def problems(self) -> list[tuple[UnitResult, Finding]]:
        """Which unit broke which rule: every error of every unit."""
        return [(u, f) for u in self.units for f in u.validation.errors]


def _read_one(source: str | bytes, missing: MissingPolicy) -> tuple[Report, list[Finding], ValidationReport]:
    report, findings = read_xlsx(source)
    return report, findings, validate(report, missing=missing, findings=findings)


def _read_units(
    sources: list[str | bytes], missing: MissingPolicy
) -> list[tuple[Report, list[Finding], ValidationReport] | Message]:
    """Each unit read and validated, or why it could not be, in both languages (never raises)."""
    out: list[tuple[Report, list[Finding], ValidationReport] | Message] = []
    for source in sources:
        try:
            out.append(_read_one(source, missing))
        except GovDisclosureError as exc:
            out.append(exc.text())
        except Exception as exc:  # a reader's own bug: reported with its unit, never a traceback
            out.append(Message(f"{E.INTERNAL_ERROR.en}: {type(exc).__name__}: {exc}", E.INTERNAL_ERROR.zh))
    return out


def _without_path(text: Message, label: str) -> Message:
    """A reader's message names the file; the unit's line names it already."""
    prefix = f"{label}: "
    return Message(*(t[len(prefix) :] if t.startswith(prefix) else t for t in (text.en, text.zh)))


def aggregate(
    sources: Iterable[Source],
    *,
    agency: str,
    agency_kind: AgencyKind | None = None,
    published_on: dt.date | None = None,
    missing: MissingPolicy = "not-assessable",
    on_progress: Callable[[int, int, str], None] | None = None,
    jobs: int | None = None,
    workers: int | None = None,
) -> AggregateResult:
    """Sum the reports of many units (workbook paths, bytes, or Reports) into one report of ``agency``.

    Every unit is validated, and so is the total. ``on_progress(done, total, source)`` is called after
    each unit is read. Files are read in ``jobs`` worker processes (``-j``; default: one per core, for
    16 files or more; ``workers`` is its deprecated name). Raises :class:`AggregateError` when a file cannot be read or the units differ in
    format or year.
    """
    items = list(sources)
    if not items:
        raise AggregateError(E.NO_UNITS)
    if not agency or not agency.strip():
        raise AggregateError(E.AGENCY_EMPTY)
    labels = [f"#{i + 1}" if isinstance(s, (bytes, Report)) else str(s) for i, s in enumerate(items)]
    _refuse_repeated_files(items, labels)
    results: list[tuple[Report, list[Finding], ValidationReport] | None] = [None] * len(items)
    errors: list[Message] = []
    to_read: list[tuple[int, str | bytes]] = []
    for i, s in enumerate(items):
        if isinstance(s, Report):
            results[i] = (s, [], validate(s, missing=missing))
        else:
            to_read.append((i, s if isinstance(s, bytes) else os.fspath(s)))
    done = len(items) - len(to_read)
    if workers is not None:
        warnings.warn(
            "workers= is deprecated and will be removed; use jobs=", DeprecationWarning, stacklevel=2
        )
        jobs = workers if jobs is None else jobs
    n_workers = jobs if jobs is not None else (os.cpu_count() or 1)
    pool = Pool(min(n_workers, len(to_read))) if len(to_read) >= _POOL_MIN and n_workers > 1 else None
    try:
        outcomes = ordered_map(
            pool,
            partial(_read_units, missing=missing),
            ([s] for _, s in to_read),
            lambda _, why: Message(
                E.CRASHED_READING.en.format(reason=why.en), E.CRASHED_READING.zh.format(reason=why.zh)
            ),
        )
        for (i, _), [outcome] in zip(to_read, outcomes, strict=True):
            if isinstance(outcome, Message):
                text = _without_path(outcome, labels[i])
                errors.append(Message(f"{labels[i]}: {text.en}", f"{labels[i]}：{text.zh}"))
            else:
                results[i] = outcome
            done += 1
            if on_progress:
                on_progress(done, len(items), labels[i])
    except RuntimeError as exc:  # the worker processes cannot run here at all
        raise AggregateError(plain(str(exc))) from None
    finally:
        if pool is not None:
            pool.close()
    if errors:
        raise AggregateError(E.UNITS_UNREADABLE, errors, n=len(errors), total=len(items))
    units = []
    for i, res in enumerate(results):
        assert res is not None
        report, findings, validation = res
        name = report.agency or Path(labels[i]).name
        units.append(UnitResult(name, labels[i], report, tuple(findings), validation))
    _check_compatible(units)
    total, sum_findings = _sum(
        units, agency=agency, agency_kind=agency_kind, published_on=published_on, missing=missing
    )
    table_findings = validate(total, missing=missing, findings=sum_findings)
    # the total is a table of sums, not a report: its text, date and deadline are not checked
    kept = tuple(f for f in table_findings.findings if CODES[f.code].scope in ("reader", "cell", "table"))
    return AggregateResult(
        total, tuple(units), tuple(sum_findings), ValidationReport(kept, table_findings.not_assessable)
    )


def _check_compatible(units: Sequence[UnitResult]) -> None:
    groups: dict[tuple[str, int | None], list[str]] = {}
    for u in units:
        groups.setdefault((u.report.format, u.report.year), []).append(u.name)
    if len(groups) > 1:
        lines = [
            Message(
                *E.UNIT_GROUP.both(format=fmt, year=year if year is not None else "?", names=_names(names))
            )
            for (fmt, year), names in groups.items()
        ]
        raise AggregateError(E.UNITS_DIFFER, lines)


def _refuse_repeated_files(items: Sequence[Source], labels: Sequence[str]) -> None:
    """A unit given twice would be counted twice: the same file (by any path), or the same content
    (a copy, or the same bytes)."""
    files: dict[tuple[int, int], list[str]] = {}
    contents: dict[bytes, list[str]] = {}
    for s, label in zip(items, labels, strict=True):
        if isinstance(s, Report):
            continue
        if isinstance(s, bytes):
            contents.setdefault(hashlib.sha256(s).digest(), []).append(label)
            continue
        try:
            st = os.stat(s)
            if not stat.S_ISREG(st.st_mode):
                continue  # reading it will say why
            digest = hashlib.sha256()
            with open(s, "rb") as fh:
                while chunk := fh.read(1 << 20):
                    digest.update(chunk)
        except OSError:
            continue  # reading it will say why
        if (st.st_dev, st.st_ino) in files:
            files[st.st_dev, st.st_ino].append(label)
        else:
            files[st.st_dev, st.st_ino] = [label]
            contents.setdefault(digest.digest(), []).append(label)
    repeated = [Message(*E.SAME_FILE_TWICE.both(paths=_names(v))) for v in files.values() if len(v) > 1]
    repeated += [
        Message(*E.SAME_CONTENT_TWICE.both(paths=_names(v))) for v in contents.values() if len(v) > 1
    ]
    if repeated:
        raise AggregateError(E.UNITS_TWICE, repeated)


def _names(names: Sequence[str]) -> str:
    shown = "、".join(names[:_NAMES_SHOWN])
    return shown + (f" … (+{len(names) - _NAMES_SHOWN})" if len(names) > _NAMES_SHOWN else "")


def _convert(a: Amount, unit: AmountUnit) -> Decimal:
    if a.unit == unit:
        return a.value
    return a.value.scaleb(4) if unit == "yuan" else a.value.scaleb(-4)


def _sum(
    units: Sequence[UnitResult],
    *,
    agency: str,
    agency_kind: AgencyKind | None,
    published_on: dt.date | None,
    missing: MissingPolicy,
) -> tuple[Report, list[Finding]]:
    first = units[0].report
    cells: dict[str, Cell] = {}
    findings: list[Finding] = []
    ctx = decimal.Context(prec=200)
    # totals a unit's template computed over blank cells (GD111): no reported value. Missing under
    # not-assessable (the sum's total is then missing too); the parts' sum under zero
    computed = [
        {f.location: f.expected for f in u.read_findings if f.code == "GD111" and isinstance(f.expected, int)}
        for u in units
    ]
    for c in spec(first.format).cells:
        values = [
            (u.name, comp[c.address] if v is None and missing == "zero" and c.address in comp else v)
            for u, comp in zip(units, computed, strict=True)
            for v in (u.report.cell(c.address),)
        ]
        absent = [name for name, v in values if v is None]
        present = [(name, v) for name, v in values if v is not None]
        where = Message(*(location_label(c.address, first.format, lang) for lang in ("en", "zh")))
        if absent:
            counted = missing == "zero" and present
            findings.append(
                CODES["GD101"].finding(
                    *(XM.MISSING_COUNTED_ZERO if counted else XM.MISSING_IN_UNITS).both(
                        where=where, n=len(absent), total=len(units), names=_names(absent)
                    ),
                    location=c.address,
                    cells=[CellRef(f"{name}:{c.address}", None) for name in absent[:_NAMES_SHOWN]],
                )
            )
            if not counted:
                cells[c.address] = None
                continue
        if not present:
            cells[c.address] = None
            continue
        if c.kind is CellKind.AMOUNT:
            amounts = [(name, v) for name, v in present if isinstance(v, Amount)]
            found_units = {a.unit for _, a in amounts}
            if None in found_units and found_units != {None}:
                unknown = [name for name, a in amounts if a.unit is None]
                findings.append(
                    CODES["GD104"].finding(
                        *XM.AMOUNTS_WITHOUT_UNIT.both(where=where, n=len(unknown), names=_names(unknown)),
                        location=c.address,
                        cells=[CellRef(f"{name}:{c.address}", a) for name, a in amounts if a.unit is None][
                            :_NAMES_SHOWN
                        ],
                    )
                )
                cells[c.address] = None
                continue
            if found_units == {None}:
                target: AmountUnit | None = None
            elif c.unit is not None:
                target = c.unit
            elif len(found_units) == 1:
                target = next(iter(found_units))
            else:
                target = "yuan"
            total = Decimal(0)
            for _, a in amounts:
                total = ctx.add(total, a.value if target is None else _convert(a, target))
            cells[c.address] = Amount(total, target)
        else:
            cells[c.address] = sum(v for _, v in present if isinstance(v, int))
    report = Report.from_cells(
        first.format,
        cells,
        year=first.year,
        agency=agency,
        agency_kind=agency_kind,
        published_on=published_on,
    )
    return report, findings


# -- the summary workbook ------------------------------------------------------------------------

_BREAKDOWN_HEADERS: Final = ("表", "行", "列", "地址")
_FINDING_HEADERS: Final = ("单位", "文件", "代码", "级别", "位置", "单元格", "说明", "message")
_SEVERITY_ZH: Final = {"error": "错误", "warning": "警告", "info": "提示"}


def write_summary(
    result: AggregateResult, target: str | os.PathLike[str] | IO[bytes] | None = None
) -> bytes | None:
    """The summary workbook: the total as a filled template, a per-unit breakdown sheet (total and
    every unit side by side, one line per cell) and a sheet of every unit's findings. A path is
    written atomically; a path that is one of the units' files is refused (ArgumentError)."""
    if isinstance(target, (str, os.PathLike)):
        for u in result.units:
            if same_file(target, u.source):
                raise ArgumentError(E.OUTPUT_IS_INPUT, path=os.fspath(target))
    total = result.total
    wb = template_workbook(total.format)
    fill_workbook(wb, total)
    ws = wb.create_sheet(SHEET_UNITS)
    heads = [
        *_BREAKDOWN_HEADERS,
        XM.TOTAL_COLUMN.zh.format(agency=total.agency or ""),
        *(u.name for u in result.units),
    ]
    for col, text in enumerate(heads, start=1):
        put_text(cell_at(ws, 1, col), text)
    ws.freeze_panes = "F2"
    for row, c in enumerate(spec(total.format).cells, start=2):
        title = TABLE_TITLES[c.table]
        for col, text in enumerate((title, c.row_label, c.column_label, c.address), start=1):
            put_text(cell_at(ws, row, col), text)
        for col, rep in enumerate((total, *(u.report for u in result.units)), start=5):
            v, raw = rep.cell(c.address), rep.raw.get(c.address)
            cell = cell_at(ws, row, col)
            if raw is not None:
                put_text(cell, raw)
            elif isinstance(v, int):
                cell.value = v
            elif v is not None:
                put_text(cell, format_cell(v, c.unit))
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 30
    ws.column_dimensions["D"].width = 36
    ws = wb.create_sheet(SHEET_UNIT_FINDINGS)
    for col, text in enumerate(_FINDING_HEADERS, start=1):
        put_text(cell_at(ws, 1, col), text)
    row = 2
    rows = [(total.agency or "", "", f) for f in result.validation.findings]
    rows += [(u.name, u.source, f) for u in result.units for f in u.validation.findings]
    for name, source, f in rows:
        values = (
            name,
            source,
            f.code,
            _SEVERITY_ZH[f.severity.value],
            location_label(f.location, total.format, "zh") if f.location else "",
            f.source or "",
            f.message_zh,
            f.message,
        )
        for col, text in enumerate(values, start=1):
            put_text(cell_at(ws, row, col), text)
        row += 1
    data = xlsx_bytes(wb)
    if target is None:
        return data
    if isinstance(target, (str, os.PathLike)):
        atomic_write(target, data)  # the old file stays until the new one is complete
    else:
        target.write(data)
    return None
