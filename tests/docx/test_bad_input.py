"""Hostile and broken input: typed errors or findings, in bounded time and memory."""

from __future__ import annotations

import contextlib
import io
import zipfile
from pathlib import Path

import pytest

from docx import Document
from gov_disclosure.core.errors import NoTablesError, ReadError, UnsafeFileError, UnsupportedFileError
from gov_disclosure.docx import read_docx, write_docx
from gov_disclosure.io import read_report
from gov_disclosure.testing import sample_report


def _replace_part(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, content if info.filename == name else src.read(info))
    return out.getvalue()


def test_not_a_zip() -> None:
    with pytest.raises(ReadError, match=r"not a valid \.docx"):
        read_docx(b"this is plain text, not a document")


def test_truncated() -> None:
    data = write_docx(sample_report("2021"))
    with pytest.raises(ReadError):
        read_docx(data[: len(data) // 2])


def test_legacy_doc() -> None:
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024
    with pytest.raises(UnsupportedFileError, match=r"\.doc|legacy"):
        read_docx(ole2)


def test_xlsx_is_not_a_docx() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ReadError):
        read_docx(out.getvalue())


def test_zip_bomb() -> None:
    data = write_docx(sample_report("2021"))
    bomb = _replace_part(data, "word/document.xml", b" " * (40 * 1024 * 1024))
    assert len(bomb) < 1024 * 1024
    with pytest.raises(UnsafeFileError):
        read_docx(bomb)


_LAUGHS = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>\n"
)


def test_entity_bomb_in_document_xml() -> None:
    data = write_docx(sample_report("2021"))
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    body = document.split(b"?>", 1)[1].replace(b'<w:t xml:space="preserve">', b"<w:t>&lol9;", 1)
    bomb = _replace_part(data, "word/document.xml", _LAUGHS + body)
    with pytest.raises(UnsafeFileError, match="DTD"):
        read_docx(bomb)


def test_dtd_hidden_behind_a_long_comment() -> None:
    data = write_docx(sample_report("2021"))
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    body = document.split(b"?>", 1)[1]
    xxe = b"<!--" + b"x" * 10000 + b'-->\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
    with pytest.raises(UnsafeFileError):
        read_docx(_replace_part(data, "word/document.xml", xxe + body))


def test_python_docx_does_not_expand_entities() -> None:
    """What python-docx does on its own: its lxml parser (resolve_entities=False) leaves entity
    references unexpanded; we refuse such parts before it sees them anyway."""
    from docx.oxml.parser import parse_xml

    ns = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    small = b'<!DOCTYPE d [<!ENTITY a "aaa"><!ENTITY b "&a;&a;&a;">]>'
    element = parse_xml(small + b"<w:t " + ns + b">&b;</w:t>")
    assert element.text is None
    assert [str(child) for child in element] == ["&b;"]
    # and libxml2 refuses a real bomb outright (amplification limit), so nothing blows up either way
    from lxml.etree import XMLSyntaxError

    with pytest.raises(XMLSyntaxError):
        parse_xml(_LAUGHS + b"<w:t " + ns + b">&lol9;</w:t>")


def test_document_without_tables_is_not_read() -> None:
    """No statistical table: nothing to check, a reading failure (exit 2), not 200 blank cells."""
    doc = Document()
    doc.add_paragraph("某某局2021年政府信息公开工作年度报告")
    doc.add_paragraph("一、总体情况")
    doc.add_paragraph("本年度工作正常开展。")
    doc.add_paragraph("五、存在的主要问题及改进情况")
    doc.add_paragraph("人手不足。")
    buffer = io.BytesIO()
    doc.save(buffer)
    with pytest.raises(NoTablesError, match="none of the three statistical tables"):
        read_docx(buffer.getvalue())


def test_document_that_is_no_report() -> None:
    doc = Document()
    doc.add_paragraph("会议通知")
    buffer = io.BytesIO()
    doc.save(buffer)
    with pytest.raises(ReadError, match="not a report"):
        read_docx(buffer.getvalue())


def test_deeply_nested_tables() -> None:
    doc = Document()
    doc.add_paragraph("某某局2021年政府信息公开工作年度报告")
    cell = doc.add_table(rows=1, cols=2).rows[0].cells[1]
    for _ in range(20):
        cell = cell.add_table(rows=1, cols=2).rows[0].cells[1]
    cell.text = "深处"
    buffer = io.BytesIO()
    doc.save(buffer)
    # read without a crash; none of its tables is a statistical table: a typed reading failure
    with pytest.raises(NoTablesError):
        read_docx(buffer.getvalue())


def test_five_thousand_row_table() -> None:
    """A huge table is read in one linear pass; rows that are not the format's are findings."""
    doc = Document()
    doc.add_paragraph("某某局2021年政府信息公开工作年度报告")
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    rows = "".join(
        f"<w:tr><w:tc><w:p><w:r><w:t>行{i}</w:t></w:r></w:p></w:tc>"
        f"<w:tc><w:p><w:r><w:t>{i}</w:t></w:r></w:p></w:tc></w:tr>"
        for i in range(5000)
    )
    header = (
        "<w:tr><w:tc><w:p><w:r><w:t>信息内容</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>本年处理决定数量</w:t></w:r></w:p></w:tc></w:tr>"
    )
    tbl = parse_xml(f"<w:tbl {w}><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>{header}{rows}</w:tbl>")
    doc.element.body.sectPr.addprevious(tbl)
    buffer = io.BytesIO()
    doc.save(buffer)
    report, findings = read_docx(buffer.getvalue())
    assert report.year == 2021
    assert len(findings) >= 5000  # every unknown row is reported, none is dropped silently


def test_read_report_dispatches_to_read_docx(tmp_path: Path) -> None:
    r = sample_report("2019")
    path = tmp_path / "report.bin"  # the suffix does not matter: content decides
    write_docx(r, path)
    back, findings = read_report(path)
    assert back == r
    assert findings == []


def test_missing_file() -> None:
    with pytest.raises(ReadError, match="cannot open"):
        read_docx(Path("/nonexistent/report.docx"))


def test_spans_that_expand_the_grid_are_bounded() -> None:
    """A small file whose cells each span 200 grid columns over 5,000 rows: refused, not expanded."""
    from docx.oxml import parse_xml

    doc = Document()
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    row = "<w:tr><w:tc><w:tcPr><w:gridSpan w:val='100000'/></w:tcPr><w:p/></w:tc></w:tr>"
    doc.element.body.sectPr.addprevious(parse_xml(f"<w:tbl {w}>{row * 5000}</w:tbl>"))
    buffer = io.BytesIO()
    doc.save(buffer)
    with pytest.raises(UnsafeFileError, match="cells"):
        read_docx(buffer.getvalue())


@pytest.mark.parametrize("seed", range(12))
def test_damaged_document_xml_gives_a_typed_error_or_a_reading(seed: int) -> None:
    """Random cuts out of document.xml: ReadError (XML no longer well-formed) or a reading, never
    another exception."""
    import random

    rng = random.Random(seed)
    data = write_docx(sample_report("2021"))
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    for _ in range(rng.randint(1, 3)):
        start = rng.randrange(len(xml))
        xml = xml[:start] + xml[start + rng.randint(1, 400) :]
    try:
        report, findings = read_docx(_replace_part(data, "word/document.xml", xml))
    except ReadError:
        return
    assert report.format in ("2019", "2021")
    assert isinstance(findings, list)


def test_placeholder_text_of_content_controls_is_not_content() -> None:
    from docx.oxml import parse_xml

    doc = Document()
    doc.add_paragraph("某某局2021年政府信息公开工作年度报告")
    table = doc.add_table(rows=1, cols=4)  # a statistical table, so that the report is read
    for cell, text in zip(table.rows[0].cells, ("规章", "0", "0", "0"), strict=True):
        cell.text = text
    doc.add_paragraph("五、存在的主要问题及改进情况")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    sdt = parse_xml(
        f"<w:sdt {w}><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
        "<w:p><w:r><w:t>单击或点击此处输入文字。</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    doc.element.body.sectPr.addprevious(sdt)
    buffer = io.BytesIO()
    doc.save(buffer)
    report, _ = read_docx(buffer.getvalue())
    assert report.sections.problems == ""


@pytest.mark.parametrize("seed", range(40))
def test_flipped_bytes_give_a_typed_error_or_a_reading(seed: int) -> None:
    """Random bytes of the file changed (a damaged download): a ReadError or a reading, nothing else
    (damaged deflate data once escaped as zlib.error)."""
    import random

    rng = random.Random(seed)
    data = bytearray(write_docx(sample_report("2021")))
    for _ in range(rng.randint(1, 5)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    with contextlib.suppress(ReadError):
        read_docx(bytes(data))


def test_tampered_custom_properties_are_not_trusted() -> None:
    """Stored values that do not fit the format (a count in an amount cell, an unknown cell) or
    are not JSON: the document is read from what it shows."""
    r = sample_report("2021")
    data = write_docx(r)
    custom = zipfile.ZipFile(io.BytesIO(data)).read("docProps/custom.xml").decode()
    bad_exact = (
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="9" name="gov-disclosure.exact">'
        '<vt:lpwstr>{"cells":{"proactive/art20_8.fees/amount":{"seen":"%s","value":{"count":5},"raw":null}}}'
        "</vt:lpwstr></property></Properties>"
    )
    from gov_disclosure.core.values import format_cell

    seen = format_cell(r.cell("proactive/art20_8.fees/amount"), "wan_yuan")
    for tampered in (
        custom.replace("</Properties>", bad_exact % seen),
        custom.replace(
            "</Properties>", bad_exact.replace("proactive/art20_8.fees/amount", "no/such/cell") % seen
        ),
        custom.replace('"identity"', '"identity"').replace('{"agency"', '{"agency"{{{'),
    ):
        back, _ = read_docx(_replace_part(data, "docProps/custom.xml", tampered.encode()))
        assert back.cell_map() == r.cell_map()
        assert (back.agency, back.year) == (r.agency, r.year)


def test_document_without_body() -> None:
    data = write_docx(sample_report("2021"))
    xml = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
    with pytest.raises(ReadError, match="no body"):
        read_docx(_replace_part(data, "word/document.xml", xml))
