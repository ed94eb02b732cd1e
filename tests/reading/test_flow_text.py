"""Text that came out of a PDF without its layout (plain ``pdftotext``): every cell a block of its own, in
the extractor's reading order. In wide tables that order is not the table's (neighbouring rows
interleave, a label comes after the first values of its row, two cells share a line), so the values
after a label need not be that row's. Whatever the order, a value is placed only where it is the
report's; a table whose reading does not confirm itself is declined (GD108) and says why.

The printer below imitates what poppler's pdftotext writes for LibreOffice and WPS exports (seen in
``test_pdf_text.py`` on real PDFs): narrow tables (the proactive blocks) come out row by row; in the
wide ones (applications, appeals) a row's own cells keep their order but interleave with the next
row's, a wrapped label's second line may follow the row's first value, and a blank cell leaves no
trace at all.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from gov_disclosure import Report
from gov_disclosure.core.values import Cell
from gov_disclosure.core.vocabulary import SECTIONS, FormatKey, report_title
from gov_disclosure.reading.engine import is_value_text
from gov_disclosure.testing import random_report
from gov_disclosure.text import read_text
from gov_disclosure.text._writer import table_rows

#: a row with at least this many values is "wide": its blocks may interleave with the next row's
WIDE = 5


def _wrap(label: str, rng: random.Random) -> list[str]:
    if len(label) > 8 and rng.random() < 0.5:
        cut = rng.randint(4, len(label) - 2)
        return [label[:cut], label[cut:]]
    return [label]


def _row_blocks(row: list[str], rng: random.Random) -> list[str]:
    """One row as blocks (each a line or two), in the row's own order; blank cells leave nothing."""
    labels = [c for c in row if c and not is_value_text(c)]
    values = [c for c in row if c.strip() and is_value_text(c)]
    blocks: list[str] = []
    for label in labels:
        pieces = _wrap(label, rng)
        blocks.append("\n".join(pieces))
    vals = list(values)
    i = 0
    while i < len(vals):
        if i + 1 < len(vals) and len(vals) >= WIDE and rng.random() < 0.15:
            blocks.append(f"{vals[i]} {vals[i + 1]}")  # two cells on one line, as pdftotext joins them
            i += 2
        else:
            blocks.append(vals[i])
            i += 1
    if labels and values and "\n" in blocks[len(labels) - 1] and rng.random() < 0.5:
        # the label's second line after the row's first value (4.保护第三方合法 / 2466 / 权益)
        first, second = blocks[len(labels) - 1].split("\n")
        blocks[len(labels) - 1] = first
        blocks.insert(len(labels) + 1, second)
    return blocks


def _interleave(a: list[str], b: list[str], rng: random.Random) -> list[str]:
    """The blocks of two neighbouring rows merged, each row's order kept."""
    out: list[str] = []
    i = j = 0
    while i < len(a) or j < len(b):
        if j >= len(b) or (i < len(a) and rng.random() < 0.6):
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    return out


def _table_blocks(rows: list[list[str]], rng: random.Random) -> list[str]:
    out: list[str] = []
    k = 0
    while k < len(rows):
        row = _row_blocks(rows[k], rng)
        wide = sum(1 for c in rows[k] if c.strip() and is_value_text(c)) >= WIDE
        if wide and k + 1 < len(rows) and rng.random() < 0.3:
            nxt = _row_blocks(rows[k + 1], rng)
            if sum(1 for c in rows[k + 1] if c.strip() and is_value_text(c)) >= WIDE:
                out.extend(_interleave(row, nxt, rng))
                k += 2
                continue
        out.extend(row)
        k += 1
    return out


def plain_pdftotext(report: Report, rng: random.Random) -> str:
    """The report as plain pdftotext would write it (see the module docstring)."""
    blocks: list[str] = []
    if report.year is not None:
        blocks.append(report_title(report.agency or "", report.year))
    for sec in SECTIONS:
        blocks.append(sec.heading)
        text = getattr(report.sections, sec.key)
        if text:
            blocks.append(text)
        if sec.key in ("proactive", "applications", "appeals"):
            blocks.extend(_table_blocks(table_rows(report, sec.key), rng))
    if report.agency:
        blocks.append(report.agency)
    return "\n\n".join(blocks) + "\n"


def _with_defects(report: Report, rng: random.Random) -> Report:
    """Some reports break their own sums or leave cells blank, as real ones do."""
    cells: dict[str, Cell] = dict(report.cell_map())
    for _ in range(rng.choice((0, 0, 1, 3))):
        address = rng.choice([a for a in cells if a.startswith(("applications/", "appeals/"))])
        cells[address] = rng.choice((None, 0, 1, 2, rng.randint(0, 50)))
    return Report.from_cells(
        report.format,
        cells,
        year=report.year,
        agency=report.agency,
        agency_kind=report.agency_kind,
        published_on=report.published_on,
        sections=report.sections,
    )


@st.composite
def flow_texts(draw: st.DrawFn) -> tuple[Report, str]:
    rng = draw(st.randoms(use_true_random=False))
    fmt: FormatKey = draw(st.sampled_from(("2019", "2021")))
    report = random_report(rng, fmt, big=draw(st.booleans()))
    if draw(st.booleans()):
        report = _with_defects(report, rng)
    return report, plain_pdftotext(report, rng)


@settings(max_examples=200, deadline=None)
@given(flow_texts())
def test_a_value_is_placed_only_where_it_is_the_reports(case: tuple[Report, str]) -> None:
    report, text = case
    back, findings = read_text(text=text)
    assert back.format == report.format
    placed = {a: v for a, v in back.cell_map().items() if v is not None}
    assert {a: report.cell(a) for a in placed} == placed
    unread = [a for a, v in report.cell_map().items() if v is not None and a not in placed]
    if unread:
        assert findings, "what is not placed is said"


def test_interleaved_rows_are_declined_with_a_finding_that_says_so() -> None:
    # the bottom of the applications table as plain pdftotext wrote it for a real PDF: the values of
    # （七）总计 and 四、结转下年度继续办理 interleave, and both rows still have seven values
    r = random_report(random.Random(3), "2019", big=True)
    text = plain_pdftotext(r, random.Random(0))
    total = [r.cell_text(f"applications/total/{c}") for c in _COLUMNS]
    carried = [r.cell_text(f"applications/carried_forward/{c}") for c in _COLUMNS]
    bottom = "\n\n".join(
        ["（七）总计", *total[:5], *carried[:2], "四、结转下年度继续办理", *carried[2:4], *total[5:], *carried[4:]]
    )
    start = text.index("（七）总计")
    end = text.index("四、政府信息公开行政复议")
    text = text[:start] + bottom + "\n\n" + text[end:]
    back, findings = read_text(text=text)
    assert all(v is None for a, v in back.cell_map().items() if a.startswith("applications/"))
    gd107 = [f for f in findings if f.code == "GD108"]
    assert [f.location for f in gd107] == ["applications"]
    assert "column by column" in gd107[0].message
    assert "按列" in gd107[0].message_zh
    # the tables that did come out row by row are read
    assert all(back.cell(a) == r.cell(a) for a in back.cell_map() if a.startswith("proactive/"))
    assert any(back.cell(a) is not None for a in back.cell_map() if a.startswith("proactive/"))


def test_a_table_in_order_is_read_from_blocks() -> None:
    """One cell per block in the table's own order (nothing interleaved): every table confirms itself."""
    r = random_report(random.Random(5), "2021")
    blocks = [report_title(r.agency or "", r.year or 2021)]
    for sec in SECTIONS:
        blocks.append(sec.heading)
        if sec.key in ("proactive", "applications", "appeals"):
            blocks.extend(c for row in table_rows(r, sec.key) for c in row if c)
    back, findings = read_text(text="\n\n".join(blocks) + "\n")
    assert back.cell_map() == r.cell_map()
    assert not [f for f in findings if f.code == "GD108"]


_COLUMNS = ("natural_person", "business", "research", "nonprofit", "legal_service", "other_org", "total")
