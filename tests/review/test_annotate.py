"""Annotated returns: every comment at the right cell, the file otherwise untouched, and LibreOffice
opens the result and keeps the comments."""

from __future__ import annotations

import copy
import io
import re
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from docx.oxml.ns import qn
from lxml import etree

import docx
from gov_disclosure import Report
from gov_disclosure.core.fixes import HandFix
from gov_disclosure.core.model import Sections
from gov_disclosure.core.vocabulary import APPEALS_COLUMNS, APPEALS_GROUPS, APPLICATIONS_COLUMNS, spec
from gov_disclosure.docx import read_docx, read_docx_anchored, write_docx
from gov_disclosure.excel import read_xlsx, read_xlsx_anchored, write_xlsx
from gov_disclosure.review import annotate
from gov_disclosure.review.errors import AnnotateError
from gov_disclosure.testing import sample_report
from gov_disclosure.text import write_text

BLANK = Path(__file__).parent.parent / "data" / "official-blank-2021.docx"
ID = re.compile(r"GD\d{3}-[0-9a-f]{12}(?:\.\d+)?")


def _broken(helpers: Any) -> Report:
    return helpers.broken(sample_report("2021"))  # type: ignore[no-any-return]


def _comments(document: Any) -> list[tuple[str, Any]]:
    """(text, the w:tc or body-level w:p holding its range start) for every comment."""
    texts = {c.comment_id: c.text for c in document.comments}
    out = []
    for start in document.element.body.iter(qn("w:commentRangeStart")):
        e = start.getparent()
        while e.tag != qn("w:tc") and e.getparent().tag != qn("w:body"):
            e = e.getparent()
        out.append((texts[int(start.get(qn("w:id")))], e))
    return out


def _locations(result: Any) -> dict[str, str | None]:
    """finding id → location."""
    return {rf.id: rf.finding.location for rf in result.findings}


def _official(report: Report) -> bytes:
    """The official 2021 blank filled with ``report``'s cells by python-docx, as a clerk would."""
    doc = docx.Document(str(BLANK))
    s = spec("2021")
    proactive, applications, appeals = doc.tables[:3]
    block = None
    for row in proactive.rows:
        seen: list[Any] = []  # the row's cells, each merged cell once
        for c in row.cells:
            if all(c._tc is not d._tc for d in seen):
                seen.append(c)
        label = seen[0].text.strip()
        block = next((b for b in s.proactive if b.title == label), block)
        if block is None:
            continue
        for r in block.rows:
            if label == r.label:
                for c, cell in zip(block.columns, seen[1:], strict=False):
                    cell.text = report.cell_text(f"proactive/{block.key}.{r.key}/{c.key}")
    for layout, row in zip(s.applications_rows, list(applications.rows)[3:], strict=True):
        for c, cell in zip(APPLICATIONS_COLUMNS, row.cells[3:], strict=True):
            cell.text = report.cell_text(f"applications/{layout.key}/{c.key}")
    addresses = [f"appeals/{g.key}/{c.key}" for g in APPEALS_GROUPS for c in APPEALS_COLUMNS]
    for address, cell in zip(addresses, list(appeals.rows)[3].cells, strict=True):
        cell.text = report.cell_text(address)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _stripped_body(data: bytes) -> bytes:
    """The body XML without what annotating adds: comment marks and references, cell and paragraph
    shading, empty runs."""
    body = copy.deepcopy(docx.Document(io.BytesIO(data)).element.body)
    for tag in ("w:commentRangeStart", "w:commentRangeEnd", "w:shd"):
        for e in list(body.iter(qn(tag))):
            e.getparent().remove(e)
    for r in list(body.iter(qn("w:r"))):
        if r.find(qn("w:commentReference")) is not None or len(r) == 0:
            r.getparent().remove(r)
    for props in list(body.iter(qn("w:tcPr"), qn("w:pPr"))):
        if len(props) == 0 and not props.attrib:
            props.getparent().remove(props)
    return etree.tostring(body, method="c14n")


@pytest.mark.parametrize("kind", ["ours", "official"])
def test_docx_every_comment_at_the_right_cell_and_nothing_else_changed(
    kind: str, tmp_path: Path, helpers: Any
) -> None:
    report = _broken(helpers)
    data = write_docx(report) if kind == "ours" else _official(report)
    src = tmp_path / "in.docx"
    src.write_bytes(data)
    out = tmp_path / "checked.docx"
    result = annotate(src, out, lang="zh")
    assert result.kind == "docx"
    assert src.read_bytes() == data  # the input is never touched
    codes = sorted(rf.finding.code for rf in result.findings)
    assert codes.count("GD201") == 1
    assert "GD301" in codes
    assert "GD102" in codes
    assert "GD203" in codes

    reading = read_docx_anchored(out.read_bytes())
    comments = _comments(reading.document)
    locations = _locations(result)
    placed = [(text, e) for text, e in comments if text.startswith("GD")]  # not the list on the title
    assert len(placed) == result.placed
    cell_findings = 0
    for text, element in placed:
        fid = ID.search(text)
        assert fid is not None
        location = locations[fid.group(0)]
        finding = next(rf.finding for rf in result.findings if rf.id == fid.group(0))
        if location in reading.cells:
            assert element is reading.cells[location], (fid.group(0), location)
            cell_findings += 1
        elif location is not None and location.startswith("applications/balance/"):
            assert element is reading.cells[finding.cells[0].address]  # the total reported, first
            cell_findings += 1
        assert finding.message_zh in text
    assert cell_findings >= 5
    # each offending cell is shaded: red for errors
    gd102_cell = reading.cells["applications/granted/business"]
    assert gd102_cell.find(qn("w:tcPr")).find(qn("w:shd")).get(qn("w:fill")) == "FFC7CE"
    # the document reads back as the same report, and its body is the original's but for the marks
    assert read_docx(out)[0] == read_docx(data)[0]
    assert _stripped_body(out.read_bytes()) == _stripped_body(data)


def test_docx_comments_in_english_and_findings_without_a_place_on_the_title(
    tmp_path: Path, helpers: Any
) -> None:
    report = _broken(helpers)
    emptied = attrs.evolve(report, sections=Sections(overview="总体情况。"))  # 五 is empty: GD601
    src = tmp_path / "in.docx"
    src.write_bytes(write_docx(emptied))
    out = tmp_path / "out.docx"
    result = annotate(src, out, lang="en")
    reading = read_docx_anchored(out.read_bytes())
    comments = _comments(reading.document)
    gd601 = [(t, e) for t, e in comments if "GD601" in t]
    assert len(gd601) == 1
    # GD601 is about section 五, whose heading exists (empty body): the comment stands at the heading
    assert gd601[0][1] is reading.places["sections/problems"]
    assert "required section missing" in gd601[0][0]
    assert all(
        rf.finding.code != "GD601" or rf.finding.location == "sections/problems" for rf in result.findings
    )


def test_xlsx_comments_fills_results_sheet_and_the_template_keeps_working(
    tmp_path: Path, helpers: Any
) -> None:
    report = _broken(helpers)
    src = tmp_path / "in.xlsx"
    write_xlsx(report, src)
    original = src.read_bytes()
    out = tmp_path / "checked.xlsx"
    result = annotate(src, out, lang="zh")
    assert result.kind == "xlsx"
    assert src.read_bytes() == original
    where = read_xlsx_anchored(original).cells
    wb = openpyxl.load_workbook(out)
    before = openpyxl.load_workbook(io.BytesIO(original))
    for rf in result.findings:
        address = rf.finding.location
        if address not in where:
            address = rf.finding.cells[0].address if rf.finding.cells else None
        assert address in where, rf.finding
        sheet, row, col = where[address]
        cell = wb[sheet].cell(row, col)
        assert cell.comment is not None, rf.id
        assert rf.id in cell.comment.text
        assert cell.fill.fgColor.rgb.endswith("FFC7CE")
    # every other cell's comment-free; every formula, name, validation and protection kept
    commented = {
        (ws.title, c.coordinate) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.comment
    }
    assert len(commented) == len(
        {where[a] for a in where if any(a == rf.finding.location for rf in result.findings)}
        | {where[rf.finding.cells[0].address] for rf in result.findings if rf.finding.location not in where}
    )
    for ws in before.worksheets:
        after = wb[ws.title]
        assert after.protection.sheet == ws.protection.sheet
        assert len(after.data_validations.dataValidation) == len(ws.data_validations.dataValidation)
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    assert after[c.coordinate].value == c.value
    assert set(wb.defined_names) == set(before.defined_names)
    # the results sheet lists every finding with a link to its cell, and is the one shown
    assert wb.sheetnames[-1] == "校验结果"
    assert wb.active is not None
    assert wb.active.title == "校验结果"
    assert [ws.sheet_view.tabSelected for ws in wb.worksheets].count(True) == 1
    rs = wb["校验结果"]
    rows = list(rs.iter_rows(min_row=4, values_only=True))
    assert len(rows) == len(result.findings)
    for n in range(4, 4 + len(rows)):
        link = rs.cell(n, 8).hyperlink
        assert link is not None
        assert link.location is not None
        sheet, ref = link.location.rsplit("!", 1)
        assert sheet.strip("'") in wb.sheetnames
        fid = rs.cell(n, 9).value
        assert fid in wb[sheet.strip("'")][ref].comment.text
    # and it reads back as the same report
    assert read_xlsx(out)[0] == read_xlsx(original)[0]


def test_other_inputs_are_rendered_with_declined_cells_grey(tmp_path: Path, helpers: Any) -> None:
    report = _broken(helpers)
    src = tmp_path / "report.txt"
    src.write_text(write_text(report), encoding="utf-8")
    out = tmp_path / "report.docx"
    result = annotate(src, out, lang="zh")
    assert result.kind == "rendered"
    reading = read_docx_anchored(out.read_bytes())
    assert reading.report == result.report  # the rendered document is what was read
    comments = _comments(reading.document)
    assert any("report.txt" in t for t, _ in comments)  # says what it was rendered from
    locations = _locations(result)
    for text, element in comments:
        fid = ID.search(text)
        if fid is None or text.count("GD") > 2:
            continue
        location = locations[fid.group(0)]
        if location in reading.cells:
            assert element is reading.cells[location]
    grey = reading.cells["applications/granted/business"].find(qn("w:tcPr")).find(qn("w:shd"))
    assert grey.get(qn("w:fill")) == "D9D9D9"


def test_hand_corrections_and_dismissed_findings(tmp_path: Path, helpers: Any) -> None:
    from gov_disclosure.review.decisions import Decision, DecisionEntry, Decisions

    report = _broken(helpers)
    src = tmp_path / "in.docx"
    src.write_bytes(write_docx(report))
    first = annotate(src, tmp_path / "a.docx")
    gd301 = next(rf for rf in first.findings if rf.finding.code == "GD301")
    decisions = Decisions({gd301.id: DecisionEntry(gd301.id, Decision.DISMISSED)})
    value = sample_report("2021").cell("applications/granted/business")
    fix = HandFix("applications/granted/business", str(value), "按纸质原件", file=str(src))
    second = annotate(src, tmp_path / "b.docx", fixes=[fix], decisions=decisions)
    codes = [rf.finding.code for rf in second.findings]
    assert "GD301" not in codes  # dismissed: not sent back
    assert "GD102" not in codes
    assert "GD901" in codes
    reading = read_docx_anchored((tmp_path / "b.docx").read_bytes())
    comments = _comments(reading.document)
    fixed = [e for t, e in comments if "GD901" in t and "按纸质原件" in t]
    assert fixed == [reading.cells["applications/granted/business"]]
    assert fixed[0].find(qn("w:tcPr")).find(qn("w:shd")).get(qn("w:fill")) == "DDEBF7"


def test_refusals(tmp_path: Path, helpers: Any) -> None:
    report = _broken(helpers)
    src = tmp_path / "in.docx"
    src.write_bytes(write_docx(report))
    with pytest.raises(AnnotateError) as same:
        annotate(src, src)
    assert "输入文件" in same.value.zh
    with pytest.raises(AnnotateError):
        annotate(src, tmp_path / "out.xlsx")
    workbook = tmp_path / "other.xlsx"
    wb = openpyxl.Workbook()
    wb.save(workbook)
    with pytest.raises(AnnotateError) as not_ours:
        annotate(workbook, tmp_path / "out2.xlsx")
    assert "模板" in not_ours.value.zh
    assert not (tmp_path / "out.xlsx").exists()
    assert not (tmp_path / "out2.xlsx").exists()


@pytest.mark.libreoffice
def test_libreoffice_opens_every_output_and_keeps_the_comments(tmp_path: Path, helpers: Any) -> None:
    report = _broken(helpers)
    (tmp_path / "in.docx").write_bytes(write_docx(report))
    write_xlsx(report, tmp_path / "in.xlsx")
    (tmp_path / "in.txt").write_text(write_text(report), encoding="utf-8")
    outputs = {
        "docx": annotate(tmp_path / "in.docx", tmp_path / "a.docx"),
        "xlsx": annotate(tmp_path / "in.xlsx", tmp_path / "b.xlsx"),
        "rendered": annotate(tmp_path / "in.txt", tmp_path / "c.docx"),
    }
    lo = tmp_path / "lo"
    for kind, result in outputs.items():
        path = Path(result.output)
        if path.suffix == ".docx":
            back = helpers.soffice_convert(path, lo, "docx:MS Word 2007 XML")
            texts = [c.text for c in docx.Document(str(back)).comments]
            ids = {m.group(0) for t in texts for m in ID.finditer(t)}
            assert {rf.id for rf in result.findings} <= ids, kind
            assert read_docx(back)[0].cell_map() == result.report.cell_map(), kind
        else:
            back = helpers.soffice_convert(path, lo, "xlsx:Calc MS Excel 2007 XML")
            wb = openpyxl.load_workbook(back)
            texts = [
                c.comment.text for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.comment
            ]
            ids = {m.group(0) for t in texts for m in ID.finditer(t)}
            assert {rf.id for rf in result.findings} <= ids
            # LibreOffice recalculated the template's formulas: the broken row's check says 错误
            values = openpyxl.load_workbook(back, data_only=True)
            sheet, row, _ = read_xlsx_anchored(path.read_bytes()).cells["applications/new/total"]
            assert values[sheet].cell(row, 11).value == "错误"
            assert read_xlsx(back)[0] == read_xlsx(path)[0]
        helpers.soffice_convert(path, lo / "pdf", "pdf")  # and it prints
