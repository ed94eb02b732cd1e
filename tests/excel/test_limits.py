"""Issue 14, class 3: every part of a workbook the reader parses is bounded before the work — a
worksheet wherever its relationship stores it, styles.xml's cell formats, the defined names, the
shared strings — and refused with a typed error in bounded time and memory (each file is read in a
child process with a deadline and an address-space limit)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from gov_disclosure.excel import read_xlsx, write_xlsx
from gov_disclosure.excel._book import (
    MAX_CELL_FORMATS,
    MAX_DEFINED_NAMES,
    MAX_SHARED_STRINGS,
    MAX_SHEET_BYTES,
)
from gov_disclosure.testing import sample_report

from ..bounded import run_bounded

_SHEET_CT = b"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


def _ours() -> bytes:
    data = write_xlsx(sample_report("2021"))
    assert isinstance(data, bytes)
    return data


def _rezip(data: bytes, replace: dict[str, bytes], rename: dict[str, str] | None = None) -> bytes:
    """The package with some parts replaced or added (all stored: no zip-bomb ratio) and renamed."""
    rename = rename or {}
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        for name in src.namelist():
            zf.writestr(rename.get(name, name), replace.pop(name, src.read(name)))
        for name, body in replace.items():
            zf.writestr(name, body)
    return out.getvalue()


def _sheet_elsewhere(cells: int) -> bytes:
    """Every worksheet moved to xl/elsewhere/ (the relationships say so) and one row of ``cells``
    cells added to 基本信息, the sheet every read parses."""
    data = _ours()
    src = zipfile.ZipFile(io.BytesIO(data))
    rels = src.read("xl/_rels/workbook.xml.rels")
    types = src.read("[Content_Types].xml")
    rename = {}
    for name in src.namelist():
        if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name):
            rename[name] = name.replace("worksheets", "elsewhere")
            rels = rels.replace(name.encode(), rename[name].encode())
            types = types.replace(name.encode(), rename[name].encode())
    assert b"elsewhere" in rels
    info = src.read("xl/worksheets/sheet2.xml").replace(
        b"</sheetData>", b'<row r="40">' + b"<c><v>1</v></c>" * cells + b"</row></sheetData>"
    )
    replace = {"xl/worksheets/sheet2.xml": info, "xl/_rels/workbook.xml.rels": rels, "[Content_Types].xml": types}
    return _rezip(data, replace, rename)


def test_a_moved_worksheet_of_ordinary_size_is_read() -> None:
    report, _ = read_xlsx(_sheet_elsewhere(10))
    assert report == sample_report("2021")


def test_a_worksheet_stored_elsewhere_is_bounded_like_any(tmp_path: Path) -> None:
    cells = MAX_SHEET_BYTES // 15 + 1000  # 15 bytes a cell: just over the limit
    path = tmp_path / "elsewhere.xlsx"
    path.write_bytes(_sheet_elsewhere(cells))
    got = run_bounded(path, limit_mib=600)
    assert got["error"] == "FileTooLargeError", got
    assert "xl/elsewhere/sheet2.xml" in got["message"]
    assert got["peak_mib"] < 200


def _styles(extra: int) -> bytes:
    data = _ours()
    styles = zipfile.ZipFile(io.BytesIO(data)).read("xl/styles.xml")
    more = b'<xf numFmtId="0"/>' * extra
    styles = re.sub(rb"</cellXfs>", more + b"</cellXfs>", styles, count=1)
    return _rezip(data, {"xl/styles.xml": styles})


def _names(extra: int) -> bytes:
    data = _ours()
    wb = zipfile.ZipFile(io.BytesIO(data)).read("xl/workbook.xml")
    more = b"".join(b'<definedName name="x%d">$A$1</definedName>' % i for i in range(extra))
    return _rezip(data, {"xl/workbook.xml": wb.replace(b"</definedNames>", more + b"</definedNames>", 1)})


def _strings(n: int, used: bool) -> bytes:
    """A shared-strings part of ``n`` strings (our writer writes inline strings: part, relationship
    and content type added); with ``used`` a cell of 基本信息 refers to the last one."""
    data = _ours()
    src = zipfile.ZipFile(io.BytesIO(data))
    sst = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + b"<si><t>x</t></si>" * n
        + b"</sst>"
    )
    rels = src.read("xl/_rels/workbook.xml.rels").replace(
        b"</Relationships>",
        b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"'
        b' Target="sharedStrings.xml" Id="rId99"/></Relationships>',
    )
    types = src.read("[Content_Types].xml").replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    replace = {"xl/sharedStrings.xml": sst, "xl/_rels/workbook.xml.rels": rels, "[Content_Types].xml": types}
    if used:
        info = src.read("xl/worksheets/sheet2.xml").replace(
            b"</sheetData>", b'<row r="40"><c r="F40" t="s"><v>%d</v></c></row></sheetData>' % (n - 1)
        )
        replace["xl/worksheets/sheet2.xml"] = info
    return _rezip(data, replace)


@pytest.mark.parametrize(
    ("make", "what"),
    [
        (lambda: _styles(MAX_CELL_FORMATS + 10), "cell formats"),
        (lambda: _names(MAX_DEFINED_NAMES + 10), "defined names"),
        (lambda: _strings(MAX_SHARED_STRINGS + 10, used=True), "shared strings"),
    ],
    ids=["styles", "names", "strings"],
)
def test_parts_holding_too_many_items_are_refused(make: object, what: str, tmp_path: Path) -> None:
    path = tmp_path / "many.xlsx"
    path.write_bytes(make())  # type: ignore[operator]
    got = run_bounded(path, limit_mib=600)
    assert got["error"] == "FileTooLargeError", got
    assert what in got["message"]
    assert got["peak_mib"] < 200
    assert got["cpu"] < 20


def test_parts_with_many_items_under_the_limits_are_read() -> None:
    for data in (_styles(1000), _names(1000), _strings(1000, used=True)):
        report, _ = read_xlsx(data)
        assert report.cell_map() == sample_report("2021").cell_map()


def test_a_part_of_too_many_tags_is_refused_before_it_is_parsed() -> None:
    """Empty elements cost memory too: a part is refused on its number of tags, before parsing."""
    data = _ours()
    wb = zipfile.ZipFile(io.BytesIO(data)).read("xl/workbook.xml")
    junk = wb.replace(b"</workbook>", b"<x/>" * 600_000 + b"</workbook>")
    from gov_disclosure.core.errors import FileTooLargeError

    with pytest.raises(FileTooLargeError, match="XML elements"):
        read_xlsx(_rezip(data, {"xl/workbook.xml": junk}))
