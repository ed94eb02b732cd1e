"""A report returned with its findings marked where they are.

- A ``.docx`` (anyone's, or ours) comes back as the same document, untouched except for a Word comment
  anchored at each offending table cell (at the paragraph of the title, a section heading or the date
  for findings about those) and a shading on that cell: red for errors, yellow for warnings, blue for
  information (a hand correction). Findings without a place in the document (a text the reader could
  not place, a missing section) are listed in one comment on the title.
- Our ``.xlsx`` template comes back with a cell comment and a fill on each offending cell and a
  ``校验结果`` sheet listing the findings with links to their cells; formulas, sheet protection, data
  validation and defined names are kept.
- Any other input (PDF, HTML, text, JSON…) comes back as our rendered ``.docx`` of what was read,
  annotated the same way, with the cells that could not be read shaded grey.

The input is never modified: the output is written atomically to another path.

Layer: review. Imports the core, the rules, the reading layer, the docx and excel format packages and
:mod:`gov_disclosure.io`.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, Literal, TypeAlias

import attrs

from ..core.errors import UnsupportedFileError
from ..core.files import atomic_write, same_file
from ..core.findings import Finding, Severity
from ..core.fixes import HandFix, apply_fixes, fixes_for
from ..core.messages import Lang
from ..core.messages import review as m
from ..core.model import Report
from ..core.quality import ReadQuality
from ..io import read_report
from ..reading.load import load_bytes
from ..reading.sniff import sniff
from ..rules import MissingPolicy, validate
from .decisions import Decision, Decisions
from .results import ReviewedFinding, location_text, review_single, severity_label

__all__ = ["AnnotateResult", "annotate", "comment_text"]

Kind: TypeAlias = Literal["docx", "xlsx", "rendered"]

#: cell and paragraph shading per severity; cells a reader could not read are grey
FILLS: Final[dict[Severity, str]] = {
    Severity.ERROR: "FFC7CE",
    Severity.WARNING: "FFEB9C",
    Severity.INFO: "DDEBF7",
}
NOT_READ_FILL: Final = "D9D9D9"
_RANK: Final = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
#: codes whose finding is about the document's text, not a table cell
_DOCUMENT_FIELDS: Final = ("title", "agency", "year", "format", "published_on", "agency_kind")


@attrs.frozen
class AnnotateResult:
    """What :func:`annotate` did: the output written, how (``docx``, ``xlsx`` or ``rendered``), the
    findings marked (dismissed ones are not), how many at their place and how many listed apart."""

    output: str
    kind: Kind
    report: Report
    findings: tuple[ReviewedFinding, ...]
    placed: int
    elsewhere: int


def comment_text(rf: ReviewedFinding, format: str | None, lang: Lang) -> str:
    """The text of a finding's comment: code, severity and location; the message; expected and
    found; the decision if confirmed; the finding id."""
    f = rf.finding
    lines = [
        m.ANNOTATION_HEAD(
            lang,
            code=f.code,
            severity=severity_label(f.severity, lang),
            location=location_text(f, format, lang),
        ),
        f.message_zh if lang == "zh" else f.message,
    ]
    if f.expected is not None and f.found is not None:
        lines.append(m.ANNOTATION_EXPECTED(lang, expected=f.expected, found=f.found))
    if rf.decision is Decision.CONFIRMED:
        lines.append(rf.decision.label(lang) + (f"：{rf.note}" if lang == "zh" and rf.note else ""))
        if lang == "en" and rf.note:
            lines[-1] += f": {rf.note}"
    lines.append(m.ANNOTATION_ID(lang, id=rf.id))
    return "\n".join(lines)


def annotate(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    lang: Lang = "zh",
    fixes: Iterable[HandFix] = (),
    decisions: Decisions | None = None,
    previous: Report | None = None,
    missing: MissingPolicy = "not-assessable",
    now: dt.datetime | None = None,
) -> AnnotateResult:
    """Write ``source`` to ``output`` with its findings marked (see the module's description).

    ``fixes`` (hand corrections for this file), ``previous`` (last year's report: the cross-year
    rules run too) and ``decisions`` (dismissed findings are not marked; confirmed ones say so) as
    for ``check``. ``now`` is the time stamp of the comments (default: the current time).

    Raises :class:`~.errors.AnnotateError` when ``output`` is the input, its suffix does not fit the
    input (a .docx or any non-workbook input gives .docx, our .xlsx template gives .xlsx) or a
    workbook is not our template, and :class:`~gov_disclosure.core.errors.ReadError` when the input
    cannot be read.
    """
    from .errors import AnnotateError

    src, out = Path(source), Path(output)
    if same_file(src, out) or src.resolve() == out.resolve():
        raise AnnotateError(*m.ANNOTATE_SAME_FILE.both(output=str(out)))
    data = load_bytes(src)
    file_kind = sniff(data, str(src))
    want = ".xlsx" if file_kind == "xlsx" else ".docx"
    if out.suffix.lower() != want:
        kind_name = {"docx": ".docx", "xlsx": ".xlsx"}.get(file_kind, file_kind.upper())
        raise AnnotateError(*m.ANNOTATE_SUFFIX.both(kind=kind_name, want=want, suffix=out.suffix or "—"))
    stamp = now or dt.datetime.now(dt.UTC)
    if file_kind == "docx":
        from ..docx import read_docx_anchored

        reading = read_docx_anchored(data)
        report, findings = _checked(reading.report, reading.findings, src, fixes, previous, missing)
        reviewed = _reviewed(str(src), report, findings, decisions)
        placed, elsewhere = _mark_docx(
            reading, reviewed, report, lang, stamp, declined=set(), note=None, sources=True
        )
        atomic_write(out, _docx_bytes(reading.document))
        return AnnotateResult(str(out), "docx", report, reviewed, placed, elsewhere)
    if file_kind == "xlsx":
        from ..excel import read_xlsx_anchored

        try:
            xreading = read_xlsx_anchored(data)
        except UnsupportedFileError as exc:
            raise AnnotateError(
                m.ANNOTATE_NOT_TEMPLATE("en", reason=exc.message("en")),
                m.ANNOTATE_NOT_TEMPLATE("zh", reason=exc.message("zh")),
            ) from None
        report, findings = _checked(xreading.report, xreading.findings, src, fixes, previous, missing)
        reviewed = _reviewed(str(src), report, findings, decisions)
        payload, placed, elsewhere = _mark_xlsx(
            data, xreading.cells, xreading.places, reviewed, report, src, lang
        )
        atomic_write(out, payload)
        return AnnotateResult(str(out), "xlsx", report, reviewed, placed, elsewhere)
    from ..docx import read_docx_anchored, write_docx

    report, read_findings = read_report(src)
    report, findings = _checked(report, read_findings, src, fixes, previous, missing)
    reviewed = _reviewed(str(src), report, findings, decisions)
    declined = set(ReadQuality.of(report, findings).declined_cells)
    rendered = read_docx_anchored(write_docx(report))
    note = m.ANNOTATION_RENDERED(lang, file=src.name)
    # positions in the rendered document are not those of the file read: findings are placed by address
    placed, elsewhere = _mark_docx(
        rendered, reviewed, report, lang, stamp, declined=declined, note=note, sources=False
    )
    atomic_write(out, _docx_bytes(rendered.document))
    return AnnotateResult(str(out), "rendered", report, reviewed, placed, elsewhere)


def _checked(
    report: Report,
    findings: Sequence[Finding],
    src: Path,
    fixes: Iterable[HandFix],
    previous: Report | None,
    missing: MissingPolicy,
) -> tuple[Report, tuple[Finding, ...]]:
    mine = fixes_for(fixes, str(src), report.agency, report.year)
    read = list(findings)
    if mine:
        report, read = apply_fixes(report, read, mine)
    return report, validate(report, previous, missing=missing, findings=read).findings


def _reviewed(
    path: str, report: Report, findings: Sequence[Finding], decisions: Decisions | None
) -> tuple[ReviewedFinding, ...]:
    review = review_single(path, report, findings, decisions)
    return tuple(rf for rf in review.files[0].findings if not rf.dismissed)


def _targets(f: Finding, known: Mapping[str, Any]) -> str | None:
    """The address or place key a finding is marked at, among ``known`` ones."""
    if f.location is not None:
        loc = f.location.removeprefix("previous:")
        if loc in known:
            return loc
    for c in f.cells:
        if c.address in known:
            return c.address
    return None


# -- Word ------------------------------------------------------------------------------------------


def _docx_bytes(document: Any) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _runs(container: Any) -> list[Any]:
    """The runs of a ``w:tc`` or ``w:p`` to anchor a comment on (an empty run is added to an empty
    cell or paragraph; nested tables are left alone)."""
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    tag_p, tag_r, tag_tbl = qn("w:p"), qn("w:r"), qn("w:tbl")
    paragraphs = [container] if container.tag == tag_p else [c for c in container if c.tag == tag_p]
    runs: list[Any] = []
    for p in paragraphs:
        stack = list(p)
        found: list[Any] = []
        while stack:
            e = stack.pop(0)
            if e.tag == tag_r:
                found.append(e)
            elif e.tag != tag_tbl and e.tag not in (qn("w:del"), qn("w:moveFrom"), qn("w:pPr")):
                stack[:0] = list(e)
        runs += found
    if runs:
        return runs
    if not paragraphs:
        return []
    r = OxmlElement("w:r")
    paragraphs[0].append(r)
    return [r]


def _shade(element: Any, fill: str) -> None:
    """Shade a ``w:tc`` (cell properties) or a ``w:p`` (paragraph properties) with ``fill``."""
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    props = element.get_or_add_tcPr() if element.tag == qn("w:tc") else element.get_or_add_pPr()
    seq = tuple(getattr(type(props), "_tag_seq", ()))
    old = props.find(qn("w:shd"))
    if old is not None:
        props.remove(old)
    shd = OxmlElement("w:shd", attrs={qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): fill})
    after = seq[seq.index("w:shd") + 1 :] if "w:shd" in seq else ()
    props.insert_element_before(shd, *after)


def _mark_docx(
    reading: Any,
    reviewed: Sequence[ReviewedFinding],
    report: Report,
    lang: Lang,
    stamp: dt.datetime,
    *,
    declined: set[str],
    note: str | None,
    sources: bool,
) -> tuple[int, int]:
    from docx.text.run import Run

    document = reading.document
    author, initials = m.ANNOTATION_AUTHOR(lang), "GD"
    anchors: dict[str, Any] = dict(reading.cells)
    anchors.update(reading.places)
    title = reading.places.get("title")
    if title is None:
        title = next((p for p in reading.paragraphs if "".join(p.itertext()).strip()), None)
    if title is None and reading.paragraphs:
        title = reading.paragraphs[0]
    worst: dict[int, tuple[Any, str]] = {}
    unplaced: list[ReviewedFinding] = []

    def comment(element: Any, text: str) -> None:
        runs = _runs(element)
        if not runs:
            return
        first, last = Run(runs[0], document.part), Run(runs[-1], document.part)
        c = document.add_comment([first, last], text=text, author=author, initials=initials)
        c._comment_elm.date = stamp

    placed = 0
    for rf in reviewed:
        f = rf.finding
        element = _place(f, anchors, reading, sources)
        if element is None:
            unplaced.append(rf)
            continue
        comment(element, comment_text(rf, report.format, lang))
        placed += 1
        key = id(element)
        fill = NOT_READ_FILL if f.location in declined else FILLS[f.severity]
        old = worst.get(key)
        if old is None or (old[1] != NOT_READ_FILL and _worse(fill, old[1])):
            worst[key] = (element, fill)
    for address in sorted(declined):
        element = reading.cells.get(address)
        if element is not None:
            worst[id(element)] = (element, NOT_READ_FILL)
    for element, fill in worst.values():
        _shade(element, fill)
    head: list[str] = [note] if note else []
    if unplaced:
        head.append(m.ANNOTATION_ELSEWHERE(lang, n=len(unplaced)))
        for rf in unplaced:
            f = rf.finding
            where = f" [{f.source}]" if f.source else ""
            head.append(f"· {f.code} {f.message_zh if lang == 'zh' else f.message}{where} ({rf.id})")
    if head and title is not None:
        comment(title, "\n".join(head))
    return placed, len(unplaced)


def _worse(fill: str, than: str) -> bool:
    order = [FILLS[s] for s in sorted(FILLS, key=_RANK.__getitem__)]
    return order.index(fill) < order.index(than) if fill in order and than in order else False


def _place(f: Finding, anchors: Mapping[str, Any], reading: Any, sources: bool) -> Any:
    """The element a finding is marked at: its cell, the cell it names first, the paragraph of its
    field or section, or (with ``sources``) the grid position or paragraph the reader gave; None when
    none is known."""
    key = _targets(f, anchors)
    if key is not None:
        return anchors[key]
    if f.source and sources:
        src = f.source
        if src in reading.positions:
            return reading.positions[src]
        if src.startswith("paragraph "):
            try:
                i = int(src.split()[1]) - 1
            except ValueError:
                return None
            if 0 <= i < len(reading.paragraphs):
                return reading.paragraphs[i]
        if src.count(",") == 1 and f"{src}, cell 1" in reading.positions:  # a row: its first cell
            return reading.positions[f"{src}, cell 1"]
    if f.location in _DOCUMENT_FIELDS or f.location == "format":
        return anchors.get("title")
    return None


# -- Excel -----------------------------------------------------------------------------------------


def _mark_xlsx(
    data: bytes,
    cells: Mapping[str, tuple[str, int, int]],
    places: Mapping[str, tuple[str, int, int]],
    reviewed: Sequence[ReviewedFinding],
    report: Report,
    src: Path,
    lang: Lang,
) -> tuple[bytes, int, int]:
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.hyperlink import Hyperlink

    from ..excel._write import put_text

    wb = openpyxl.load_workbook(io.BytesIO(data), keep_links=False)
    known: dict[str, tuple[str, int, int]] = {**cells, **places}
    texts: dict[tuple[str, int, int], list[str]] = {}
    fills: dict[tuple[str, int, int], str] = {}
    where_of: list[tuple[str, int, int] | None] = []
    for rf in reviewed:
        key = _targets(rf.finding, known)
        pos = known.get(key) if key is not None else None
        where_of.append(pos)
        if pos is None or pos[0] not in wb.sheetnames:
            continue
        texts.setdefault(pos, []).append(comment_text(rf, report.format, lang))
        fill = FILLS[rf.finding.severity]
        if pos not in fills or _worse(fill, fills[pos]):
            fills[pos] = fill
    author = m.ANNOTATION_AUTHOR(lang)
    for pos, parts in texts.items():
        ws = wb[pos[0]]
        cell = ws.cell(pos[1], pos[2])
        text = "\n\n".join(parts)
        comment = Comment(text, author)
        comment.width = 360
        comment.height = min(60 + 16 * text.count("\n") + len(text) // 3, 600)
        cell.comment = comment
        cell.fill = PatternFill("solid", fgColor=fills[pos])
    # the results sheet: every finding, with a link to its cell
    title = m.SHEET_RESULTS(lang)
    if title in wb.sheetnames:
        del wb[title]
    ws = wb.create_sheet(title)
    errors = sum(1 for rf in reviewed if rf.finding.severity is Severity.ERROR)
    warnings = sum(1 for rf in reviewed if rf.finding.severity is Severity.WARNING)
    head = (
        m.RESULTS_HEAD(lang, n=len(reviewed), errors=errors, warnings=warnings, file=src.name)
        if reviewed
        else m.RESULTS_NONE(lang, file=src.name)
    )
    put_text(ws.cell(1, 1), head)
    ws.cell(1, 1).font = Font(bold=True, size=13)
    cols = (
        m.COL_NUMBER,
        m.COL_CODE,
        m.COL_SEVERITY,
        m.COL_LOCATION,
        m.COL_MESSAGE,
        m.COL_EXPECTED,
        m.COL_FOUND,
        m.COL_CELL,
        m.COL_ID,
    )
    widths = (6, 8, 8, 40, 60, 9, 9, 22, 21)
    for i, (c, width) in enumerate(zip(cols, widths, strict=True), start=1):
        cell = ws.cell(3, i)
        put_text(cell, c(lang))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        ws.column_dimensions[get_column_letter(i)].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    for n, (rf, pos) in enumerate(zip(reviewed, where_of, strict=True), start=1):
        row = 3 + n
        f = rf.finding
        ws.cell(row, 1).value = n
        put_text(ws.cell(row, 2), f.code)
        sev = ws.cell(row, 3)
        put_text(sev, severity_label(f.severity, lang))
        sev.fill = PatternFill("solid", fgColor=FILLS[f.severity])
        put_text(ws.cell(row, 4), location_text(f, report.format, lang))
        put_text(ws.cell(row, 5), f.message_zh if lang == "zh" else f.message)
        for col, v in ((6, f.expected), (7, f.found)):
            if v is not None:
                ws.cell(row, col).value = v if isinstance(v, int) else float(v)
        if pos is not None and pos[0] in wb.sheetnames:
            ref = f"{get_column_letter(pos[2])}{pos[1]}"
            link = ws.cell(row, 8)
            put_text(link, f"{pos[0]}!{ref}")
            link.hyperlink = Hyperlink(ref="", location=f"{quote_sheetname(pos[0])}!{ref}")
            link.font = Font(color="0563C1", underline="single")
        put_text(ws.cell(row, 9), rf.id)
        for col in range(1, 10):
            ws.cell(row, col).alignment = wrap
    ws.freeze_panes = "A4"
    for sheet in wb.worksheets:
        sheet.sheet_view.tabSelected = False
    wb.active = wb.sheetnames.index(title)
    ws.sheet_view.tabSelected = True
    buf = io.BytesIO()
    wb.save(buf)
    placed = sum(1 for p in where_of if p is not None)
    return buf.getvalue(), placed, len(reviewed) - placed
