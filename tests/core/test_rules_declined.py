"""A cell the reader declined is not a blank cell: ``validate`` reports it once, by the reader's finding
(GD102, GD105, GD106, GD108, GD109 …), not again as GD101 "not filled". Which cells are declined is
:mod:`gov_disclosure.core.quality`'s definition (the one :class:`ReadQuality` counts)."""

from __future__ import annotations

from pathlib import Path

from gov_disclosure import read_report_info, validate
from gov_disclosure.core.codes import CODES
from gov_disclosure.core.findings import CellRef
from gov_disclosure.testing import sample_report

DATA = Path(__file__).parent.parent / "data"


def test_the_rows_a_text_reader_declines_are_not_reported_blank() -> None:
    # 二七区科学技术局 2020: （六）其他处理 and （七）总计 carry 8 values for 7 columns, the appeals row
    # 10 values for 15 columns: the text reader declines those rows (GD105)
    info = read_report_info(DATA / "erqi-sci-2020.txt")
    declined = set(info.quality.declined_cells)
    rows = {f.location for f in info.findings if f.code == "GD105"}
    assert rows == {"applications/other", "applications/total", "appeals"}
    assert (len(declined), info.quality.blank) == (29, 0)
    assert all(any(a.startswith(f"{row}/") for row in rows) for a in declined)
    result = validate(info.report, findings=info.findings)
    assert [f for f in result.findings if f.code == "GD101"] == []
    # each declined row is said once, by the reader
    assert sorted(f.location or "" for f in result.findings if f.code == "GD105") == sorted(rows)
    # a sum over a declined cell is still not assessable (declined is no value, not a zero)
    assert any(n.location == "applications/total/total" for n in result.not_assessable)


def test_without_the_readers_findings_the_same_cells_are_blank() -> None:
    info = read_report_info(DATA / "erqi-sci-2020.txt")
    blank = {f.location for f in validate(info.report).findings if f.code == "GD101"}
    assert blank == set(info.quality.declined_cells)


def test_a_blank_cell_next_to_a_declined_row_is_still_reported() -> None:
    info = read_report_info(DATA / "erqi-sci-2020.txt")
    r = info.report.with_cells({"applications/new/business": None})
    result = validate(r, findings=info.findings)
    assert [f.location for f in result.findings if f.code == "GD101"] == ["applications/new/business"]


def test_declined_is_what_read_quality_counts() -> None:
    r = sample_report("2021").with_cells(
        {
            "applications/new/natural_person": None,  # declined: a GD102 lists the cell
            "applications/granted/business": None,  # declined: its row did not fit (GD105)
            "applications/granted/total": None,
            "appeals/review/upheld": None,  # declined: the table's values were seen, not placed (GD106)
            "proactive/art20_1.rules/issued": None,  # blank: nothing said about it
            "applications/new/research": None,  # blank: a finding of no reader (GD101) covers nothing
        }
    )
    read = [
        CODES["GD102"].finding(
            "x", "x", location="applications/new/natural_person", cells=[CellRef("applications/new/natural_person", None)]
        ),
        CODES["GD105"].finding("x", "x", location="applications/granted"),
        CODES["GD106"].finding("x", "x", location="appeals"),
        CODES["GD107"].finding("x", "x", location="applications/new"),  # how the file was read: a note
    ]
    result = validate(r, findings=read)
    blank = sorted(f.location or "" for f in result.findings if f.code == "GD101")
    assert blank == ["applications/new/research", "proactive/art20_1.rules/issued"]
