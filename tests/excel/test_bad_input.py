"""Hostile and broken files: each gives a typed error (or findings), in bounded time and memory."""

from __future__ import annotations

import io
import zipfile
import zlib

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_disclosure.core.errors import (
    FileTooLargeError,
    GovDisclosureError,
    ReadError,
    UnsafeFileError,
    UnsupportedFileError,
)
from gov_disclosure.excel import read_xlsx, write_template
from gov_disclosure.testing import sample_report


def _template_bytes() -> bytes:
    data = write_template(None, "2021")
    assert isinstance(data, bytes)
    return data


def _replace(data: bytes, replacements: dict[str, bytes]) -> bytes:
    """The workbook with some parts replaced (or added), stored compressed."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            zf.writestr(info.filename, replacements.pop(info.filename, src.read(info.filename)))
        for name, content in replacements.items():
            zf.writestr(name, content)
    return out.getvalue()


def _sheet_part(data: bytes, title: str) -> str:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return f"xl/worksheets/sheet{wb.sheetnames.index(title) + 1}.xml"


def test_not_a_zip() -> None:
    with pytest.raises(ReadError, match=r"not a zip|not a valid"):
        read_xlsx(b"this is plain text, not a workbook")


def test_truncated() -> None:
    data = _template_bytes()
    with pytest.raises(ReadError):
        read_xlsx(data[: len(data) // 2])


def test_legacy_xls() -> None:
    with pytest.raises(UnsupportedFileError, match=r"\.xls|legacy"):
        read_xlsx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)


def test_zip_without_workbook() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(UnsupportedFileError):
        read_xlsx(out.getvalue())


def test_zip_bomb_is_refused_before_openpyxl() -> None:
    bomb = b"<" + b"0" * (60 * 1024 * 1024)  # compresses about 1000:1
    assert len(zlib.compress(bomb)) < 200_000
    data = _replace(_template_bytes(), {"xl/worksheets/sheet3.xml": bomb})
    assert len(data) < 500_000
    with pytest.raises(UnsafeFileError):
        read_xlsx(data)


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
        for i in range(1, 10)
    )
    + b']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>'
)


def test_entity_bomb_is_refused() -> None:
    data = _replace(_template_bytes(), {"xl/sharedStrings.xml": BILLION_LAUGHS})
    with pytest.raises(UnsafeFileError, match=r"DTD|entity|unsafe"):
        read_xlsx(data)


def test_entity_bomb_behind_a_long_comment_is_refused_by_defusedxml() -> None:
    data = _template_bytes()
    part = _sheet_part(data, "文字部分")
    body = (
        b'<?xml version="1.0"?><!--'
        + b" " * 100_000
        + b"-->"
        + BILLION_LAUGHS.split(b"?>", 1)[1]
        .replace(b"<sst", b"<worksheet")
        .replace(
            b"<si><t>&lol9;</t></si></sst>",
            b'<sheetData><row r="1"><c r="A1" t="inlineStr">'
            b"<is><t>&lol9;</t></is></c></row></sheetData></worksheet>",
        )
    )
    with pytest.raises(UnsafeFileError):
        read_xlsx(_replace(data, {part: body}))


def test_million_row_sheet_is_refused_quickly() -> None:
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i) for i in range(1, 1_000_001))
    sheet = (
        b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><sheetData>' + rows + b"</sheetData></worksheet>"
    )
    data = _template_bytes()
    with pytest.raises(FileTooLargeError, match="worksheet"):
        read_xlsx(_replace(data, {_sheet_part(data, "填报说明"): sheet}))


def test_sheet_declaring_a_million_rows_is_read() -> None:
    sheet = (
        b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><dimension ref="A1:Z1000000"/><sheetData/></worksheet>'
    )
    data = _template_bytes()
    report, _ = read_xlsx(_replace(data, {_sheet_part(data, "填报说明"): sheet}))
    assert report.format == "2021"


def test_one_far_away_cell_is_harmless() -> None:
    r = sample_report("2021")
    from gov_disclosure.excel import write_xlsx

    wb = openpyxl.load_workbook(io.BytesIO(write_xlsx(r)))  # type: ignore[arg-type]
    wb["填报说明"].cell(1_000_000, 1).value = "far away"
    buf = io.BytesIO()
    wb.save(buf)
    assert read_xlsx(buf.getvalue())[0] == r


def test_workbook_that_is_not_our_template() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["全区", "本部门"])
    ws.append([1, 2])
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(UnsupportedFileError, match="template"):
        read_xlsx(buf.getvalue())


def test_damaged_part_inside_a_valid_zip() -> None:
    data = _template_bytes()
    broken = _replace(data, {_sheet_part(data, "基本信息"): b"<worksheet><sheetData><row"})
    with pytest.raises(ReadError):
        read_xlsx(broken)


def test_bad_shared_string_index_in_a_sheet() -> None:
    data = _template_bytes()
    sheet = (
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="5"><c r="D5" t="s"><v>99999</v></c></row></sheetData></worksheet>'
    )
    with pytest.raises(ReadError, match="damaged"):
        read_xlsx(_replace(data, {_sheet_part(data, "收到和处理政府信息公开申请情况"): sheet}))


_PARTS = [
    "xl/workbook.xml",
    "xl/worksheets/sheet6.xml",
    "xl/styles.xml",
    "xl/worksheets/sheet2.xml",
    "xl/worksheets/sheet4.xml",
    "xl/_rels/workbook.xml.rels",
    "[Content_Types].xml",
]


@settings(max_examples=40, deadline=None)
@given(
    part=st.sampled_from(_PARTS),
    start=st.integers(0, 10_000),
    length=st.integers(0, 200),
    junk=st.binary(max_size=40) | st.sampled_from([b"<", b'"', b"#REF!", b"&amp;", b"\xff\xfe", b"999999"]),
)
def test_mangled_parts_give_a_report_or_a_typed_error(
    part: str, start: int, length: int, junk: bytes
) -> None:
    data = _FUZZ_BASE
    body = zipfile.ZipFile(io.BytesIO(data)).read(part)
    start %= max(len(body), 1)
    mangled = body[:start] + junk + body[start + length :]
    try:
        report, findings = read_xlsx(_replace(data, {part: mangled}))
    except GovDisclosureError:
        return
    assert report.format in ("2019", "2021")
    assert all(f.code.startswith("GD1") for f in findings)


_FUZZ_BASE = b""


@pytest.fixture(autouse=True, scope="module")
def _fuzz_base() -> None:
    global _FUZZ_BASE
    from gov_disclosure.excel import write_xlsx

    data = write_xlsx(sample_report("2019"))
    assert isinstance(data, bytes)
    _FUZZ_BASE = data
