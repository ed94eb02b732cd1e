"""Generators of hostile and broken input (issue 14), one or more per class, made in code: no large
file is committed.

Every generator writes into ``out`` (a folder) and returns the path of what it made (a file, or a
folder for the classes about folders). Sizes are parameters. Imports only gov_disclosure's public
API plus python-docx and openpyxl.

The base of most files is ``gov_disclosure.testing.sample_report("2021")`` written by our own
writers, so that what changes is only the hostile part.
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from gov_disclosure import Report, to_json
from gov_disclosure.testing import sample_report

HAN = "政"  #: the one Han character of the long lines (class 1)
TITLE = "测试市教育局2021年政府信息公开工作年度报告"

#: a generator of one size parameter
Maker = Callable[..., Path]


def base(fmt: str = "2021") -> Report:
    return sample_report(fmt)  # type: ignore[arg-type]


def _zip_replace(
    data: bytes,
    replace: dict[str, bytes | None],
    *,
    stored: frozenset[str] = frozenset(),
    rename: dict[str, str] | None = None,
    add: dict[str, bytes] | None = None,
) -> bytes:
    """A copy of an OOXML zip with entries replaced (None: dropped), renamed or added; entries named
    in ``stored`` are written without compression (ratio 1: the zip guard's ratio check passes)."""
    rename = rename or {}
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            name = info.filename
            body = replace.get(name, src.read(name)) if name in replace else src.read(name)
            if body is None:
                continue
            name = rename.get(name, name)
            zf.writestr(
                name, body, compress_type=zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            )
        for name, body in (add or {}).items():
            zf.writestr(
                name, body, compress_type=zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            )
    return out.getvalue()


def _xlsx() -> bytes:
    from gov_disclosure.excel import write_xlsx

    data = write_xlsx(base())
    assert isinstance(data, bytes)
    return data


def _strip_own(data: bytes) -> bytes:
    """One of our .docx files without its custom properties: read as anyone's document."""
    src = zipfile.ZipFile(io.BytesIO(data))
    rels = src.read("_rels/.rels")
    rels = re.sub(rb"<Relationship [^>]*custom-properties[^>]*/>", b"", rels)
    types = src.read("[Content_Types].xml")
    types = re.sub(rb'<Override PartName="/docProps/custom.xml"[^>]*/>', b"", types)
    return _zip_replace(
        data, {"_rels/.rels": rels, "[Content_Types].xml": types, "docProps/custom.xml": None}
    )


def _docx(own: bool = True) -> bytes:
    from gov_disclosure.docx import write_docx

    data = write_docx(base())
    assert isinstance(data, bytes)
    return data if own else _strip_own(data)


# -- 1. title regex quadratic in the line length ----------------------------------------------------


def gen_01_title_text(out: Path, n: int = 10_000) -> Path:
    """A text file whose first line is ``n`` times one Han character (issue: 100,000 → 152 s)."""
    p = out / f"c01-title-{n}.txt"
    p.write_text(HAN * n + "\n", encoding="utf-8")
    return p


def gen_01_title_html(out: Path, n: int = 10_000) -> Path:
    """Our HTML page of the sample report with a paragraph of ``n`` Han characters before the title
    (issue: nearly 3 minutes)."""
    from gov_disclosure.html import write_html

    page = write_html(base())
    page = page.replace("<h1>", f"<p>{HAN * n}</p>\n<h1>", 1)
    p = out / f"c01-title-{n}.html"
    p.write_text(page, encoding="utf-8")
    return p


def gen_01_title_docx(out: Path, n: int = 10_000) -> Path:
    """The sample report's Word document (not marked as ours) with a paragraph of ``n`` Han
    characters before the title (issue: 60,000 characters → 65 s, 2,000,000 never ends)."""
    import docx

    d = docx.Document(io.BytesIO(_docx(own=False)))
    d.paragraphs[0].insert_paragraph_before(HAN * n)
    p = out / f"c01-title-{n}.docx"
    d.save(str(p))
    return p


# -- 2. HTML span expansion ---------------------------------------------------------------------------


def gen_02_html_spans(out: Path, cells: int = 999, rows: int = 100) -> Path:
    """``cells`` × ``colspan=200`` cells in one row (199,800 positions: under the 200,000-cell budget)
    followed by ``rows`` empty ``<tr>`` (issue: 10,000 empty rows, 112 KB, never finishes)."""
    page = (
        "<html><body><table><tr>"
        + '<td colspan="200">1</td>' * cells
        + "</tr>"
        + "<tr></tr>" * rows
        + "</table></body></html>"
    )
    p = out / f"c02-spans-{cells}x{rows}.html"
    p.write_text(page, encoding="utf-8")
    return p


# -- 5. PDF ----------------------------------------------------------------------------------------


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF of the given objects (1-based; 1 must be the catalog), with a correct xref."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(content: bytes, compress: bool = True) -> bytes:
    if compress:
        z = zlib.compress(content, 9)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(z) + z + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def gen_05_pdf_flate(out: Path, mb: int = 30) -> Path:
    """A one-page PDF whose content stream inflates to ``mb`` MB of text-showing operators (issue:
    a 1 MB PDF with a 300 MB stream, pdftotext took 11 GB)."""
    line = b"BT /F1 8 Tf 1 0 0 1 %d %d Tm (0123456789 ABCDEFGHIJ) Tj ET\n"
    lines = [line % (20 + 40 * (i % 12), 20 + 9 * (i // 12 % 85)) for i in range(1020)]
    chunk = b"".join(lines)
    content = chunk * max(1, mb * 1024 * 1024 // len(chunk))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        _stream(content),
        _FONT,
    ]
    p = out / f"c05-flate-{mb}MB.pdf"
    p.write_bytes(_pdf(objs))
    return p


def gen_05_pdf_pages(out: Path, pages: int = 20_000) -> Path:
    """A PDF of ``pages`` pages that all show the same content stream of ~6.5 KB of text (issue: a
    20,000-page PDF wrote 126 MB to a temp file before the size check)."""
    rows = [
        b"BT /F1 9 Tf 30 %d Td (%s) Tj ET\n"
        % (800 - 12 * i, b"Row %02d of a long page of text 0123456789 " % i * 2)
        for i in range(64)
    ]
    content = b"".join(rows)
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        _stream(content),
        _FONT,
    ]
    for _ in range(pages):
        objs.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>"
        )
    p = out / f"c05-pages-{pages}.pdf"
    p.write_bytes(_pdf(objs))
    return p


def gen_05_pdf_wide(out: Path, pages: int = 500, rows: int = 100, width: int = 1000) -> Path:
    """A PDF of ``pages`` pages sharing one content stream of ``rows`` lines of ``width`` characters
    of a letter outside ASCII (the page as large as they need): pdftotext writes some 40 MB, more
    than the text a report may have (32 MB of UTF-8)."""
    line = (b"\xe9\xe9\xe9\xe9\xe9 " * (width // 6 + 1))[:width]  # Ø in the standard encoding: 2 bytes of UTF-8
    height = 10 * rows + 20
    content = b"".join(
        b"BT /F1 4 Tf 5 %d Td (%05d %s) Tj ET\n" % (height - 10 - 10 * i, i, line) for i in range(rows)
    )
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        _stream(content),
        _FONT,
    ]
    for _ in range(pages):
        objs.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 4 0 R >> >> "
            b"/Contents 3 0 R >>" % (3 * width + 20, height)
        )
    p = out / f"c05-wide-{pages}x{rows}x{width}.pdf"
    p.write_bytes(_pdf(objs))
    return p


# -- 6. JSON numbers, years, surrogates ----------------------------------------------------------------


def _json_with(replacements: dict[str, str], **top: Any) -> str:
    """The sample report's JSON with cell values replaced by raw JSON text (``"table/row/col"`` →
    text) and top-level fields set."""
    d = json.loads(to_json(base()))
    d.update(top)
    marks = {}
    for i, (address, raw) in enumerate(replacements.items()):
        table, row, col = address.split("/")
        node = d[table]
        for part in row.split("."):
            node = node[part]
        mark = f"@@MARK{i}@@"
        node[col] = mark
        marks[f'"{mark}"'] = raw
    text = json.dumps(d, ensure_ascii=False, indent=2)
    for k, v in marks.items():
        text = text.replace(k, v)
    return text


def gen_06_json_bigint(out: Path, digits: int = 10_000) -> Path:
    """A count of ``digits`` digits (over Python's 4,300-digit int-string limit)."""
    p = out / f"c06-bigint-{digits}.json"
    p.write_text(_json_with({"applications/new/natural_person": "9" * digits}), encoding="utf-8")
    return p


def gen_06_json_two_4300(out: Path) -> Path:
    """Two counts of 4,300 digits each (parse fine) in one sum: the sum has 4,301 digits."""
    big = "9" * 4300
    p = out / "c06-two-4300-digit-counts.json"
    p.write_text(
        _json_with({"applications/new/natural_person": big, "applications/new/business": big}),
        encoding="utf-8",
    )
    return p


def gen_06_json_year(out: Path, year: str = "9999") -> Path:
    p = out / f"c06-year-{year}.json"
    d = json.loads(to_json(base()))
    text = json.dumps(d, ensure_ascii=False, indent=2).replace('"year": 2021', f'"year": {year}', 1)
    p.write_text(text, encoding="utf-8")
    return p


def gen_06_json_surrogate(out: Path) -> Path:
    """The agency is a lone surrogate, ``"\\ud800"`` (valid JSON, not encodable as UTF-8)."""
    d = json.loads(to_json(base()))
    text = json.dumps(d, ensure_ascii=False, indent=2).replace(
        f'"agency": "{d["agency"]}"', '"agency": "\\ud800"', 1
    )
    p = out / "c06-surrogate.json"
    p.write_text(text, encoding="utf-8")
    return p


# -- 7. HTML charset ---------------------------------------------------------------------------------


def gen_07_html_charset(out: Path, charset: str = "idna") -> Path:
    """Our HTML page whose ``<meta charset>`` names ``charset`` (idna, punycode, undefined: codecs
    that are not text encodings)."""
    from gov_disclosure.html import write_html

    page = write_html(base()).replace('<meta charset="utf-8">', f'<meta charset="{charset}">', 1)
    p = out / f"c07-charset-{charset}.html"
    p.write_bytes(page.encode("utf-8"))
    return p


# -- 8. long agency ------------------------------------------------------------------------------------


def gen_08_long_agency(out: Path, n: int = 300) -> Path:
    """The sample report with an agency of ``n`` characters (python-docx's core properties: 255)."""
    p = out / f"c08-agency-{n}.json"
    p.write_text(to_json(attrs.evolve(base(), agency="某" * (n - 1) + "局")), encoding="utf-8")
    return p


# -- 9. Ctrl-C ----------------------------------------------------------------------------------------


def gen_09_corpus(out: Path, n: int = 200, slow_chars: int = 40_000) -> Path:
    """A folder of ``n`` .json reports and one slow text file (class 1, ``slow_chars`` characters),
    so that ``check`` is still running when it is interrupted."""
    d = out / "c09-corpus"
    d.mkdir(exist_ok=True)
    text = to_json(base())
    for i in range(n):
        (d / f"r{i:04d}.json").write_text(text, encoding="utf-8")
    (d / "slow.txt").write_text(HAN * slow_chars + "\n", encoding="utf-8")
    return d


# -- 10. nested tables ---------------------------------------------------------------------------------


def gen_10_html_nested(out: Path, inner: tuple[str, ...] | None = None) -> Path:
    """Our HTML page with one value cell's content (一、本年新收 / 自然人) wrapped in a nested table;
    ``inner``: the texts of the nested table's cells instead of the value."""
    from gov_disclosure.html import write_html

    r = base()
    page = write_html(r)
    value = str(r.cell("applications/new/natural_person"))
    texts = inner if inner is not None else (value,)
    label = "一、本年新收政府信息公开申请数量</td>"
    i = page.index(label) + len(label)
    cell = f"<td>{value}</td>"
    assert page.startswith(cell, i), "layout changed"
    nested = "<table><tr>" + "".join(f"<td>{t}</td>" for t in texts) + "</tr></table>"
    page = page[:i] + f"<td>{nested}</td>" + page[i + len(cell) :]
    p = out / f"c10-nested-{len(texts)}.html"
    p.write_text(page, encoding="utf-8")
    return p


def gen_10_docx_nested(out: Path, own: bool = True, inner: tuple[str, ...] | None = None) -> Path:
    """Our .docx of the sample report with one value cell's content (一、本年新收 / 自然人) moved into
    a table nested in the cell (``own=False``: without our custom properties); ``inner``: the texts
    of the nested table's cells instead of the value."""
    import docx

    d = docx.Document(io.BytesIO(_docx(own=own)))
    value = str(base().cell("applications/new/natural_person"))
    texts = inner if inner is not None else (value,)
    done = False
    for table in d.tables:
        for row in table.rows:
            cells = row.cells
            if cells and "本年新收" in cells[0].text:
                for cell in cells[1:]:
                    if cell.text.strip() == value:
                        cell.paragraphs[0].runs[0].text = ""
                        nested = cell.add_table(1, len(texts))
                        for k, t in enumerate(texts):
                            nested.cell(0, k).text = t
                        done = True
                        break
            if done:
                break
        if done:
            break
    assert done, "value cell not found"
    p = out / f"c10-nested{'' if own else '-not-own'}-{len(texts)}.docx"
    d.save(str(p))
    return p


# -- 11. heading-like lines, deep nesting ---------------------------------------------------------------


def gen_11_heading_in_text(
    out: Path,
    kind: str = "txt",
    where: str = "overview",
    line: str = "三、收到和处理政府信息公开申请情况",
    fmt: str = "2021",
) -> Path:
    """The sample report (``kind``: txt via write_text, html via write_html, docx via write_docx not
    marked as ours) with a line that looks like a section's heading (``line``) at the end of the
    text of section ``where``."""
    r = base(fmt)
    text = getattr(r.sections, where) + "\n" + line + "\n本机关全年共收到申请若干件。"
    r = attrs.evolve(r, sections=attrs.evolve(r.sections, **{where: text}))
    p = out / f"c11-heading-{fmt}-{where}-{line[:1]}.{kind}"
    if kind == "txt":
        from gov_disclosure.text import write_text

        p.write_text(write_text(r), encoding="utf-8")
    elif kind == "html":
        from gov_disclosure.html import write_html

        p.write_text(write_html(r), encoding="utf-8")
    else:
        from gov_disclosure.docx import write_docx

        data = write_docx(r)
        assert isinstance(data, bytes)
        p.write_bytes(_strip_own(data))
    return p


def gen_11_html_deep(out: Path, levels: int = 300) -> Path:
    """Our HTML page with the appeals table (section 四) inside ``levels`` nested ``<div>``s."""
    from gov_disclosure.html import write_html

    page = write_html(base())
    i = page.index("<h2>四、")
    j = page.index("<h2>五、")
    page = page[:i] + "<div>" * levels + page[i:j] + "</div>" * levels + page[j:]
    p = out / f"c11-deep-{levels}.html"
    p.write_text(page, encoding="utf-8")
    return p


# -- 12. template formulas over blanks -----------------------------------------------------------------


BLANKED = ("applications/new/business", "applications/new/research", "applications/new/nonprofit")


def gen_12_formula_blanks(out: Path) -> Path:
    """A filled template (write_xlsx of the sample report: every total is the template's formula)
    where a clerk then cleared three applicant cells of row 一: the total's formula now shows the
    sum of the filled ones."""
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(_xlsx()))
    for address in BLANKED:
        ((sheet, coord),) = list(wb.defined_names["gd." + address.replace("/", ".")].destinations)
        wb[sheet][coord.replace("$", "")].value = None
    p = out / "c12-formula-over-blanks.xlsx"
    wb.save(str(p))
    return p


def gen_12_full_unit(out: Path) -> Path:
    from gov_disclosure.excel import write_xlsx

    p = out / "c12-unit-full.xlsx"
    write_xlsx(base(), p)
    return p


# -- 13. XLSX long text, "21 8" ------------------------------------------------------------------------


def gen_13_xlsx_long_text(out: Path, n: int = 40_000) -> Path:
    """write_xlsx of the sample report with an agency of ``n`` characters (> 32,767)."""
    from gov_disclosure.excel import write_xlsx

    p = out / f"c13-long-agency-{n}.xlsx"
    write_xlsx(attrs.evolve(base(), agency="某" * (n - 1) + "局"), p)
    return p


def gen_13_xlsx_spaced_number(out: Path, text: str = "21 8", **more: str) -> Path:
    """Our filled workbook with one count cell (一、本年新收 / 自然人) holding the text ``text``;
    ``more``: other cells of row 一 (by column key) holding text too."""
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(_xlsx()))
    texts = {"natural_person": text, **more}
    for column, value in texts.items():
        target = None
        for name, dn in wb.defined_names.items():
            if name.lower() == f"gd.applications.new.{column}":
                target = next(iter(dn.destinations))
                break
        assert target is not None, f"defined name of {column} not found"
        sheet, coord = target
        wb[sheet][coord.replace("$", "")].value = value
    p = out / f"c13-text-{len(texts)}.xlsx"
    wb.save(str(p))
    return p


# -- 14. one bad byte in UTF-8 --------------------------------------------------------------------------


def gen_14_bad_utf8(out: Path) -> Path:
    """write_text of the sample report in UTF-8 with one byte 0xFF in the middle of the overview."""
    from gov_disclosure.text import write_text

    data = write_text(base()).encode("utf-8")
    i = data.index("本机关".encode())
    p = out / "c14-bad-byte.txt"
    p.write_bytes(data[:i] + b"\xff" + data[i:])
    return p


# -- 15. unlistable folder ------------------------------------------------------------------------------


def gen_15_unlistable(out: Path) -> Path:
    """A folder with one report and a sub-folder (mode 000) holding another."""
    d = out / "c15-corpus"
    sub = d / "locked"
    sub.mkdir(parents=True, exist_ok=True)
    (d / "a.json").write_text(to_json(base()), encoding="utf-8")
    (sub / "b.json").write_text(to_json(base("2019")), encoding="utf-8")
    os.chmod(sub, 0)
    return d


# -- 16. our own long repetitive section ---------------------------------------------------------------


def gen_16_own_long_section(out: Path, kind: str = "xlsx", repeats: int = 200_000) -> Path:
    """write_xlsx / write_docx of the sample report whose 其他 section is one sentence ``repeats``
    times (a valid report: any text is allowed)."""
    r = base()
    r = attrs.evolve(r, sections=attrs.evolve(r.sections, other="本年度未收取信息处理费。" * repeats))
    p = out / f"c16-own-long-section.{kind}"
    if kind == "xlsx":
        from gov_disclosure.excel import write_xlsx

        write_xlsx(r, p)
    else:
        from gov_disclosure.docx import write_docx

        write_docx(r, p)
    return p


# -- 17. CSV formula injection ---------------------------------------------------------------------------


INJECT = '=HYPERLINK("http://evil.example/","点击")'


def gen_17_injection(out: Path) -> Path:
    """A folder with a JSON report whose agency and overview start with a formula (and one total
    off by one, so that findings are written), and our HTML page whose count cell reads ``@SUM(1+1)``
    and another ``-1+2`` (GD102 / GD103, their raw text goes into the findings)."""
    from gov_disclosure.html import write_html

    d = out / "c17-corpus"
    d.mkdir(exist_ok=True)
    r = base()
    total = r.cell("appeals/review/total")
    assert isinstance(total, int)
    bad = attrs.evolve(
        r.with_cells({"appeals/review/total": total + 1}),
        agency=INJECT,
        sections=attrs.evolve(r.sections, overview="+1+2 " + r.sections.overview),
    )
    (d / "a.json").write_text(to_json(bad), encoding="utf-8")
    page = write_html(r)
    v = r.cell("applications/new/natural_person")
    page = page.replace(
        f"<td>一、本年新收政府信息公开申请数量</td><td>{v}</td>",
        "<td>一、本年新收政府信息公开申请数量</td><td>@SUM(1+1)</td>",
        1,
    )
    (d / "b.html").write_text(page, encoding="utf-8")
    return d


# -- 18. non-atomic writes: inputs -------------------------------------------------------------------------


def gen_18_inputs(out: Path) -> Path:
    """Inputs for every writing command: a valid report (.json, .xlsx) and two unit workbooks."""
    from gov_disclosure.excel import write_xlsx
    from gov_disclosure.testing import random_report

    d = out / "c18"
    d.mkdir(exist_ok=True)
    r = base()
    (d / "r.json").write_text(to_json(r), encoding="utf-8")
    bad = r.with_cells({"appeals/review/total": 10**6})
    (d / "bad.json").write_text(to_json(bad), encoding="utf-8")
    rng = random.Random("c18")
    for i in range(2):
        write_xlsx(random_report(rng, "2021", year=2023), d / f"unit{i}.xlsx")
    return d
