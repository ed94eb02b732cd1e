"""The review workbook: what a supervising office keeps while it reviews a year's reports.

- 总览 (Overview): one row per file — agency, year, format, cells read and not read, errors, warnings,
  the verdict (coloured), a link to its first finding, and the indicators;
- 问题清单 (Findings): one row per finding — file, agency, year, rule, severity, the location in the
  official labels, the message, expected and found, the finding id, and two columns for the reviewer:
  处理意见 (a drop-down: 待核实 / 已确认 / 不予采纳) and 备注. :func:`~.decisions.read_decisions` reads
  them back; decisions given to the run are filled in, so a rerun keeps the reviewer's work;
- 按规则统计 (By rule): findings and reports per rule, and how many were confirmed or dismissed;
- 跨年度 (Year pairs): each pair of consecutive years of one agency and its cross-year findings;
- 过时处理意见 (Stale decisions), only when there are any: decisions whose finding no longer occurs.

Headers, verdicts, severities, messages and locations are in the language asked (Chinese or English).

Layer: review. Imports the core, the excel format package (openpyxl) and :mod:`.results`.
"""

from __future__ import annotations

import io
import os
from collections import Counter
from collections.abc import Sequence
from typing import IO, Any, Final

from ..core.errors import MissingExtraError
from ..core.files import atomic_write
from ..core.findings import Severity
from ..core.indicators import INDICATORS
from ..core.messages import Lang
from ..core.messages import review as m
from .decisions import Decision
from .results import VERDICT_MESSAGES, Review, ReviewedFile, ReviewedFinding, location_text, severity_label

try:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.hyperlink import Hyperlink
    from openpyxl.worksheet.worksheet import Worksheet

    from ..excel._write import put_text
except ImportError:  # pragma: no cover - depends on the environment
    raise MissingExtraError("the review workbook", "excel") from None

__all__ = ["review_workbook", "write_review_workbook"]

_FILLS: Final = {
    "pass": PatternFill("solid", fgColor="C6EFCE"),
    "fail": PatternFill("solid", fgColor="FFC7CE"),
    "unreadable": PatternFill("solid", fgColor="D9D9D9"),
}
_SEVERITY_FONT: Final = {
    Severity.ERROR: Font(color="9C0006", bold=True),
    Severity.WARNING: Font(color="9C5700", bold=True),
    Severity.INFO: Font(color="1F4E79"),
}
_HEADER_FILL: Final = PatternFill("solid", fgColor="DDEBF7")
_HEADER_FONT: Final = Font(bold=True)
_LINK_FONT: Final = Font(color="0563C1", underline="single")
_WRAP: Final = Alignment(wrap_text=True, vertical="top")
_TOP: Final = Alignment(vertical="top")
#: the rows of the decision drop-down below the findings (a reviewer may add rows)
_SPARE_ROWS: Final = 200


def _number(v: object) -> str | int | None:
    if v is None:
        return None
    return v if isinstance(v, int) else str(v)


def _header(ws: Worksheet, labels: Sequence[str], widths: Sequence[float]) -> None:
    for i, (label, width) in enumerate(zip(labels, widths, strict=True), start=1):
        cell = ws.cell(1, i)
        put_text(cell, label)  # type: ignore[arg-type]
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _WRAP
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"


def _put(ws: Worksheet, row: int, col: int, value: object) -> Any:
    cell = ws.cell(row, col)
    if isinstance(value, str):
        put_text(cell, value)  # type: ignore[arg-type]
    else:
        cell.value = value  # type: ignore[assignment]
    return cell


def _filter(ws: Worksheet, columns: int, rows: int) -> None:
    ws.auto_filter.ref = f"A1:{get_column_letter(columns)}{max(rows, 1)}"


def _findings_sheet(wb: Workbook, review: Review, lang: Lang) -> dict[str, int]:
    """The 问题清单 sheet; returns the first row of each file's findings."""
    ws = wb.create_sheet(m.SHEET_FINDINGS(lang))
    cols = (
        m.COL_FILE,
        m.COL_AGENCY,
        m.COL_YEAR,
        m.COL_CODE,
        m.COL_SEVERITY,
        m.COL_LOCATION,
        m.COL_MESSAGE,
        m.COL_EXPECTED,
        m.COL_FOUND,
        m.COL_ID,
        m.COL_DECISION,
        m.COL_NOTE,
    )
    _header(ws, [c(lang) for c in cols], (34, 24, 7, 8, 8, 40, 60, 9, 9, 21, 11, 30))
    first: dict[str, int] = {}
    row = 2
    decision_col = cols.index(m.COL_DECISION) + 1
    for f in review.files:
        if f.error is not None:
            first.setdefault(f.path, row)
            for col, value in enumerate((f.path, f.agency, f.year, "—", m.VERDICT_UNREADABLE(lang)), start=1):
                _put(ws, row, col, value)
            _put(ws, row, 7, f.error_text(lang)).alignment = _WRAP
            row += 1
            continue
        for rf in f.all_findings:
            first.setdefault(f.path, row)
            _finding_row(ws, row, f, rf, lang)
            row += 1
    last = max(row - 1, 1)
    choices = ",".join(d.label(lang) for d in Decision)
    dv = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
    dv.showErrorMessage = True
    dv.errorStyle = "stop"
    dv.error = m.DECISION_ERROR(lang, choices="、".join(d.label(lang) for d in Decision))
    dv.prompt = m.DECISION_PROMPT(lang)
    dv.showInputMessage = True
    letter = get_column_letter(decision_col)
    dv.add(f"{letter}2:{letter}{last + _SPARE_ROWS}")
    ws.add_data_validation(dv)
    _filter(ws, len(cols), last)
    return first


def _finding_row(ws: Worksheet, row: int, f: ReviewedFile, rf: ReviewedFinding, lang: Lang) -> None:
    fd = rf.finding
    _put(ws, row, 1, f.path)
    _put(ws, row, 2, f.agency)
    _put(ws, row, 3, f.year)
    _put(ws, row, 4, fd.code)
    _put(ws, row, 5, severity_label(fd.severity, lang)).font = _SEVERITY_FONT[fd.severity]
    _put(ws, row, 6, location_text(fd, f.format, lang)).alignment = _WRAP
    _put(ws, row, 7, fd.message_zh if lang == "zh" else fd.message).alignment = _WRAP
    _put(ws, row, 8, _number(fd.expected))
    _put(ws, row, 9, _number(fd.found))
    _put(ws, row, 10, rf.id)
    if rf.decision is not Decision.PENDING:
        _put(ws, row, 11, rf.decision.label(lang))
    if rf.note:
        _put(ws, row, 12, rf.note).alignment = _WRAP
    for col in (1, 2, 3, 4, 8, 9, 10, 11):
        ws.cell(row, col).alignment = _TOP


def _overview_sheet(wb: Workbook, review: Review, lang: Lang, first: dict[str, int]) -> None:
    ws = wb.create_sheet(m.SHEET_OVERVIEW(lang), 0)
    cols = [
        m.COL_FILE(lang),
        m.COL_AGENCY(lang),
        m.COL_YEAR(lang),
        m.COL_FORMAT(lang),
        m.COL_READ(lang),
        m.COL_DECLINED(lang),
        m.COL_ERRORS(lang),
        m.COL_WARNINGS(lang),
        m.COL_VERDICT(lang),
        m.COL_LINK(lang),
        *(i.label if lang == "zh" else i.label_en for i in INDICATORS),
        m.COL_ERROR(lang),
    ]
    widths = [34, 24, 7, 8, 9, 9, 7, 7, 9, 12, *([10] * len(INDICATORS)), 40]
    _header(ws, cols, widths)
    findings_sheet = quote_sheetname(m.SHEET_FINDINGS(lang))
    for row, f in enumerate(review.files, start=2):
        _put(ws, row, 1, f.path)
        _put(ws, row, 2, f.agency)
        _put(ws, row, 3, f.year)
        _put(ws, row, 4, f.format)
        if f.quality is not None:
            _put(ws, row, 5, f.quality.placed)
            _put(ws, row, 6, f.quality.declined)
        if f.readable:
            _put(ws, row, 7, f.count(Severity.ERROR))
            _put(ws, row, 8, f.count(Severity.WARNING))
        verdict = _put(ws, row, 9, VERDICT_MESSAGES[f.verdict](lang))
        verdict.fill = _FILLS[f.verdict]
        n = len(f.all_findings) if f.readable else 1
        if f.path in first:
            link = _put(ws, row, 10, m.COL_LINK_TEXT(lang, n=n))
            link.hyperlink = Hyperlink(ref="", location=f"{findings_sheet}!A{first[f.path]}")
            link.font = _LINK_FONT
        else:
            _put(ws, row, 10, m.COL_NO_FINDINGS(lang))
        for i, value in enumerate(f.indicators, start=11):
            if value.value is not None:
                cell = _put(ws, row, i, float(value.value))
                cell.number_format = "0.0%"
        if f.error is not None:
            _put(ws, row, 11 + len(INDICATORS), f.error_text(lang))
    _filter(ws, len(cols), len(review.files) + 1)


def _rules_sheet(wb: Workbook, review: Review, lang: Lang) -> None:
    from ..core.codes import CODES

    ws = wb.create_sheet(m.SHEET_BY_RULE(lang))
    cols = [
        m.COL_CODE(lang),
        m.COL_TITLE(lang),
        m.COL_SEVERITY(lang),
        m.COL_COUNT(lang),
        m.COL_FILES_AFFECTED(lang),
        m.DECISION_CONFIRMED(lang),
        m.DECISION_DISMISSED(lang),
    ]
    _header(ws, cols, (8, 40, 9, 9, 11, 9, 10))
    count: Counter[str] = Counter()
    files: dict[str, set[str]] = {}
    decided: Counter[tuple[str, Decision]] = Counter()
    for f, rf in review.findings():
        code = rf.finding.code
        count[code] += 1
        files.setdefault(code, set()).add(f.path)
        decided[(code, rf.decision)] += 1
    for row, code in enumerate(sorted(count), start=2):
        c = CODES.get(code)
        _put(ws, row, 1, code)
        if c is not None:
            _put(ws, row, 2, c.title_zh if lang == "zh" else c.title)
            _put(ws, row, 3, severity_label(c.severity, lang)).font = _SEVERITY_FONT[c.severity]
        _put(ws, row, 4, count[code])
        _put(ws, row, 5, len(files[code]))
        _put(ws, row, 6, decided[(code, Decision.CONFIRMED)])
        _put(ws, row, 7, decided[(code, Decision.DISMISSED)])
    _filter(ws, len(cols), len(count) + 1)


def _pairs_sheet(wb: Workbook, review: Review, lang: Lang) -> None:
    ws = wb.create_sheet(m.SHEET_PAIRS(lang))
    cols = [
        m.COL_AGENCY(lang),
        m.COL_YEAR(lang),
        m.COL_LAST_FILE(lang),
        m.COL_THIS_FILE(lang),
        m.COL_CODE(lang),
        m.COL_LOCATION(lang),
        m.COL_MESSAGE(lang),
        m.COL_EXPECTED(lang),
        m.COL_FOUND(lang),
        m.COL_ID(lang),
    ]
    _header(ws, cols, (24, 7, 30, 30, 8, 36, 60, 9, 9, 21))
    formats = {f.path: f.format for f in review.files}
    row = 2
    for p in review.pairs:
        head = (p.agency, p.year, p.last, p.this)
        if p.error is not None or not p.findings:
            for col, value in enumerate(head, start=1):
                _put(ws, row, col, value)
            text = m.PAIR_NOT_CHECKED(lang, error=p.error_text(lang)) if p.error else m.PAIR_NO_FINDINGS(lang)
            _put(ws, row, 7, text)
            row += 1
            continue
        for rf in p.findings:
            fd = rf.finding
            for col, value in enumerate(head, start=1):
                _put(ws, row, col, value)
            _put(ws, row, 5, fd.code).font = _SEVERITY_FONT[fd.severity]
            _put(ws, row, 6, location_text(fd, formats.get(p.this), lang)).alignment = _WRAP
            _put(ws, row, 7, fd.message_zh if lang == "zh" else fd.message).alignment = _WRAP
            _put(ws, row, 8, _number(fd.expected))
            _put(ws, row, 9, _number(fd.found))
            _put(ws, row, 10, rf.id)
            row += 1
    _filter(ws, len(cols), row - 1)


def _stale_sheet(wb: Workbook, review: Review, lang: Lang) -> None:
    if not review.stale:
        return
    ws = wb.create_sheet(m.DECISION_STALE_SHEET(lang))
    cols = [m.COL_ID(lang), m.COL_DECISION(lang), m.COL_NOTE(lang), m.COL_SOURCE(lang)]
    _header(ws, cols, (21, 11, 40, 40))
    for row, s in enumerate(review.stale, start=2):
        _put(ws, row, 1, s.entry.id)
        _put(ws, row, 2, s.entry.decision.label(lang))
        _put(ws, row, 3, s.entry.note)
        _put(ws, row, 4, s.entry.origin)


def review_workbook(review: Review, lang: Lang = "zh") -> Workbook:
    """The review workbook as an openpyxl Workbook."""
    wb = Workbook()
    default = wb.active
    if default is not None:
        wb.remove(default)
    first = _findings_sheet(wb, review, lang)
    _overview_sheet(wb, review, lang, first)
    _rules_sheet(wb, review, lang)
    _pairs_sheet(wb, review, lang)
    _stale_sheet(wb, review, lang)
    wb.active = 0
    wb.properties.creator = "gov-disclosure"
    return wb


def write_review_workbook(
    review: Review, target: str | os.PathLike[str] | IO[bytes], *, lang: Lang = "zh"
) -> None:
    """Write the review workbook to a path (atomically: a failed write leaves the old file) or a
    binary file."""
    buf = io.BytesIO()
    review_workbook(review, lang).save(buf)
    if isinstance(target, (str, os.PathLike)):
        atomic_write(target, buf.getvalue())
    else:
        target.write(buf.getvalue())
