"""Reading .docx reports written by others: the official blank, copies filled in by hand (here:
by python-docx), content controls, tracked changes, nested and split tables, rows that do not fit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

from hypothesis import given, settings

from docx import Document
from gov_disclosure.core.model import Report, agency_kind_of
from gov_disclosure.core.values import Amount, format_cell
from gov_disclosure.docx import read_docx
from gov_disclosure.rules import validate
from gov_disclosure.testing import sample_report, valid_reports

BLANK = Path(__file__).parent.parent / "data" / "official-blank-2021.docx"


def _values() -> dict[str, str]:
    """Every cell of a valid 2021 sample as text, a few left blank, one sum broken."""
    r = sample_report("2021")
    texts = {c.address: format_cell(v, c.unit) for c, v in r.cells()}  # type: ignore[arg-type]
    for blank in (
        "applications/denied.query/research",
        "appeals/suit_direct/pending",
        "proactive/art20_1.rules/repealed",
    ):
        texts[blank] = ""
    texts["applications/granted/total"] = str(int(texts["applications/granted/total"]) + 1)
    return texts


def test_official_blank_reads_with_every_cell_missing() -> None:
    report, findings = read_docx(BLANK)
    assert report.format == "2021"
    assert all(v is None for v in report.cell_map().values())
    result = validate(report, findings=findings)
    missing = {f.location for f in result if f.code == "GD101"}
    assert missing == set(report.cell_map())
    assert not [f for f in findings if f.code in ("GD102", "GD105")]


def test_filled_official_every_value_in_its_cell(build: SimpleNamespace) -> None:
    texts = _values()
    doc = build.fill_official(texts)
    build.add_title_and_signature(
        doc, "郑州市二七区科学技术局2021年政府信息公开工作年度报告", "郑州市二七区科学技术局", "2022年1月20日"
    )
    report, findings = read_docx(build.to_bytes(doc))
    assert report.format == "2021"
    assert (report.agency, report.year) == ("郑州市二七区科学技术局", 2021)
    assert report.published_on == dt.date(2022, 1, 20)
    assert report.agency_kind is None  # not printed: GD503 infers it from the name
    assert agency_kind_of(report.agency) == "department"
    for address, text in texts.items():
        value = report.cell(address)
        unit = report.spec.cell(address).unit
        assert format_cell(value, unit) == text, address  # type: ignore[arg-type]
    assert report.cell("applications/denied.query/research") is None
    assert isinstance(report.cell("proactive/art20_8.fees/amount"), Amount)
    assert not [f for f in findings if f.code in ("GD102", "GD105", "GD106")]
    result = validate(report, findings=findings)
    broken = [f for f in result if f.code == "GD201" and f.location == "applications/granted/total"]
    assert len(broken) == 1
    assert {f.location for f in result if f.code == "GD101"} == {
        "applications/denied.query/research",
        "appeals/suit_direct/pending",
        "proactive/art20_1.rules/repealed",
    }
    assert report.sections.problems == "（文字描述）"


def test_units_and_markers_in_cells(build: SimpleNamespace) -> None:
    texts = {
        "applications/new/natural_person": "12件",
        "applications/new/business": "/",
        "applications/new/research": "１２",
        "proactive/art20_8.fees/amount": "3.5万元",
        "appeals/review/upheld": "无",
        "applications/granted/total": "abc",
    }
    report, findings = read_docx(build.to_bytes(build.fill_official(texts)))
    assert report.cell("applications/new/natural_person") == 12
    assert report.raw["applications/new/natural_person"] == "12件"
    assert report.cell("applications/new/business") is None
    assert report.raw["applications/new/business"] == "/"
    assert report.cell("applications/new/research") == 12
    assert report.cell("appeals/review/upheld") is None
    assert report.cell("applications/granted/total") is None
    assert report.raw["applications/granted/total"] == "abc"
    gd102 = [f for f in findings if f.code == "GD102"]
    assert [(f.location, f.raw) for f in gd102] == [("applications/granted/total", "abc")]
    assert gd102[0].source is not None
    assert gd102[0].source.startswith("table 2, row")


def test_text_in_the_appeals_row_is_reported_not_guessed(build: SimpleNamespace) -> None:
    texts = {f"appeals/review/{c}": "1" for c in ("upheld", "corrected", "other", "pending")}
    texts["appeals/review/total"] = "不详"
    report, findings = read_docx(build.to_bytes(build.fill_official(texts)))
    # the shared table engine takes a text in the label-less appeals row for a label: the row is
    # then not placed at all (GD105 with the raw cells), never shifted
    assert any(f.raw and "不详" in f.raw for f in findings if f.code in ("GD102", "GD105", "GD106"))
    for c in ("upheld", "corrected", "other", "pending"):
        assert report.cell(f"appeals/review/{c}") in (1, None)


def test_content_controls_and_tracked_insertions(build: SimpleNamespace) -> None:
    texts = {
        "applications/new/natural_person": "7",
        "applications/new/total": "9",
        "appeals/review/upheld": "4",
    }
    doc = build.fill_official(texts)
    applications = doc.tables[1]
    build.as_tracked_insertion(applications.rows[3].cells[3])  # 7 as a tracked insertion
    heading = next(p for p in doc.paragraphs if p.text.startswith("五、"))
    problems = heading._p.getnext()
    build.wrap_in_content_control(problems)  # the prose of section 5 inside a content control
    build.wrap_in_content_control(doc.tables[2]._tbl)  # the whole appeals table in one too
    data = build.to_bytes(doc)
    # python-docx itself does not see the content control's table
    assert len(Document(__import__("io").BytesIO(data)).tables) == 2
    report, _ = read_docx(data)
    assert report.cell("applications/new/natural_person") == 7
    assert report.cell("applications/new/total") == 9
    assert report.cell("appeals/review/upheld") == 4
    assert report.sections.problems == "（文字描述）"


def test_deleted_text_is_not_read(build: SimpleNamespace) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = build.fill_official({"applications/new/natural_person": "5"})
    cell = doc.tables[1].rows[3].cells[3]
    p = cell.paragraphs[0]._p
    deleted = OxmlElement("w:del", attrs={qn("w:id"): "2", qn("w:author"): "clerk"})
    run = OxmlElement("w:r")
    text = OxmlElement("w:delText")
    text.text = "8"
    run.append(text)
    deleted.append(run)
    p.append(deleted)
    report, _ = read_docx(build.to_bytes(doc))
    assert report.cell("applications/new/natural_person") == 5


def test_nested_table_is_read(build: SimpleNamespace) -> None:
    doc = build.fill_official({"appeals/review/upheld": "3", "appeals/suit_after_review/total": "2"})
    appeals = doc.tables[2]._tbl
    outer = doc.add_table(rows=1, cols=2)
    outer.rows[0].cells[0].text = "附表"
    cell = outer.rows[0].cells[1]
    cell._tc.insert(0, build.deep_copy(appeals))
    appeals.getparent().remove(appeals)
    report, _findings = read_docx(build.to_bytes(doc))
    assert report.cell("appeals/review/upheld") == 3
    assert report.cell("appeals/suit_after_review/total") == 2


def test_frame_table_around_the_report(build: SimpleNamespace) -> None:
    """A report laid out inside one big single-cell table: its content is read as the body."""
    doc = build.fill_official({"applications/new/total": "11"})
    build.add_title_and_signature(
        doc, "某某区人民政府2021年政府信息公开工作年度报告", "某某区人民政府", "2022年3月1日"
    )
    body = doc.element.body
    frame = doc.add_table(rows=1, cols=1)
    tc = frame.rows[0].cells[0]._tc
    for child in list(body):
        if child is frame._tbl or child.tag.endswith("sectPr"):
            continue
        tc.append(child)
    report, _ = read_docx(build.to_bytes(doc))
    assert (report.agency, report.year) == ("某某区人民政府", 2021)
    assert report.agency_kind is None  # not printed: GD503 infers it from the name
    assert agency_kind_of(report.agency) == "government"
    assert report.cell("applications/new/total") == 11


def test_table_split_in_two(build: SimpleNamespace) -> None:
    r = sample_report("2021")
    texts = {c.address: format_cell(v, c.unit) for c, v in r.cells()}  # type: ignore[arg-type]
    doc = build.fill_official(texts)
    tbl = doc.tables[1]._tbl
    second = build.deep_copy(tbl)
    rows = tbl.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tr")
    rows2 = second.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tr")
    for tr in rows[16:]:
        tbl.remove(tr)
    for tr in rows2[3:16]:  # the second part repeats the header, as on a new page
        second.remove(tr)
    tbl.addnext(second)
    report, findings = read_docx(build.to_bytes(doc))
    assert not [f for f in findings if f.code in ("GD105",)]
    for c, v in r.cells():
        if c.table == "applications":
            assert report.cell(c.address) == v, c.address


def test_row_with_one_value_too_many_is_gd105(build: SimpleNamespace) -> None:
    import copy

    texts = {f"appeals/review/{c}": "1" for c in ("upheld", "corrected", "other", "pending")}
    doc = build.fill_official(texts)
    row = doc.tables[2].rows[3]._tr
    tcs = row.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tc")
    extra = copy.deepcopy(tcs[0])
    row.append(extra)
    report, findings = read_docx(build.to_bytes(doc))
    gd105 = [f for f in findings if f.code == "GD105"]
    assert gd105
    assert gd105[0].raw is not None
    assert gd105[0].raw.count("|") == 15
    assert gd105[0].source is not None
    assert gd105[0].source.startswith("table 3, row 4")
    assert all(report.cell(f"appeals/review/{c}") is None for c in ("upheld", "corrected"))


def test_our_document_edited_by_hand_reads_what_it_shows() -> None:
    """Once the visible text changes, the stored metadata no longer applies to it."""
    import io

    from gov_disclosure.docx import write_docx

    r = sample_report("2021")
    doc = Document(io.BytesIO(write_docx(r)))
    doc.paragraphs[0].runs[0].text = "另一个局2030年政府信息公开工作年度报告"
    table = doc.tables[1]
    table.rows[3].cells[3].paragraphs[0].runs[0].text = "777"
    buffer = io.BytesIO()
    doc.save(buffer)
    back, _ = read_docx(buffer.getvalue())
    assert (back.agency, back.year) == ("另一个局", 2030)
    assert back.cell("applications/new/natural_person") == 777
    assert back.agency_kind == r.agency_kind


def _without_our_properties(data: bytes) -> bytes:
    """Our document as if someone else had written it: the custom properties removed."""
    import io

    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    doc = Document(io.BytesIO(data))
    package = doc.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.CUSTOM_PROPERTIES:
            del package.rels[rid]
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def test_both_formats_read_by_labels_alone() -> None:
    """Without the stored metadata the reader works from the text alone: format detected from the
    labels, every cell in place, title, sections and signature found."""
    from gov_disclosure.docx import write_docx

    for fmt in ("2019", "2021"):
        r = sample_report(fmt)  # type: ignore[arg-type]
        data = _without_our_properties(write_docx(r))
        report, findings = read_docx(data)
        assert report.format == fmt
        assert report.cell_map() == r.cell_map()
        assert report.raw == r.raw
        assert (report.agency, report.year, report.published_on) == (r.agency, r.year, r.published_on)
        assert report.agency_kind == r.agency_kind is None  # not printed, not guessed by the reader
        assert report.sections == r.sections
        assert findings == []


def test_broken_and_blank_cells_read_by_labels_alone() -> None:
    from gov_disclosure.docx import write_docx

    r = sample_report("2019").with_cells(
        {
            "applications/total/total": 1,
            "appeals/review/other": None,
            "proactive/art20_5.licensing/change": -7,
        },
        raw={"appeals/review/other": "/"},
    )
    report, _ = read_docx(_without_our_properties(write_docx(r)))
    assert report.cell_map() == r.cell_map()
    assert report.raw == {"appeals/review/other": "/"}
    codes = {(f.code, f.location) for f in validate(report)}
    assert ("GD202", "applications/total/total") in codes or ("GD201", "applications/total/total") in codes


@settings(max_examples=15, deadline=None)
@given(valid_reports())
def test_any_valid_report_read_by_labels_alone(r: Report) -> None:
    from gov_disclosure.docx import write_docx

    report, findings = read_docx(_without_our_properties(write_docx(r)))
    assert report.format == r.format
    assert report.cell_map() == r.cell_map()
    assert (report.agency, report.year, report.published_on) == (r.agency, r.year, r.published_on)
    assert report.sections == r.sections
    assert findings == []


def test_label_variants_and_notes_in_headers() -> None:
    """FORMAT.md §8: 社会组织, 过程序性信息, notes inside headers, 政府采购, labels broken by line
    breaks and spaces — every value still lands in its cell."""
    import io

    from gov_disclosure.docx import write_docx

    r = sample_report("2019")
    doc = Document(io.BytesIO(_without_our_properties(write_docx(r))))
    changes = {
        "社会公益组织": "社会组织",
        "6.属于四类过程性信息": "6、属于四类过程序性信息",
        "上一年项目数量": "上一年项目数量（指2018年事项数）",
        "政府集中采购": "政府采购",
        "结果维持": "结果维\n持",
        "本年新制作数量": "本年新 制作数量",
        "（一）予以公开": "(一)予以公开",
    }
    seen: set[str] = set()
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                new = changes.get(cell.text)
                if new is not None:
                    seen.add(cell.text)
                    cell.text = new
    assert seen == set(changes)
    buffer = io.BytesIO()
    doc.save(buffer)
    report, findings = read_docx(buffer.getvalue())
    assert report.format == "2019"
    assert report.cell_map() == r.cell_map()
    assert findings == []


def test_title_over_two_paragraphs_reworded_headings_and_signature(build: SimpleNamespace) -> None:
    doc = build.fill_official({"applications/new/total": "3"})
    paragraphs = doc.paragraphs
    paragraphs[1].text = "杭州市西湖区人民政府"
    paragraphs[2].text = "2021年政府信息公开工作年度报告"
    for p in paragraphs:
        if p.text == "五、存在的主要问题及改进情况":
            p.text = "5、存在的问题及改进情况"
    doc.add_paragraph("杭州市西湖区人民政府")
    doc.add_paragraph("2022年3月31日")
    report, _ = read_docx(build.to_bytes(doc))
    assert (report.agency, report.year) == ("杭州市西湖区人民政府", 2021)
    assert report.published_on == dt.date(2022, 3, 31)
    assert report.agency_kind is None  # not printed: GD503 infers it from the name
    assert agency_kind_of(report.agency) == "government"
    assert report.sections.problems == "（文字描述）"
    assert report.cell("applications/new/total") == 3
