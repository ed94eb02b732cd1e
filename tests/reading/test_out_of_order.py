"""A table whose text came out column by column (pdftotext without -layout): a group label below rows
beyond its group gives the table away; none of its cells is read (GD108), nothing is placed wrongly."""

from __future__ import annotations

from gov_disclosure.core.vocabulary import APPLICATIONS_COLUMNS
from gov_disclosure.reading.engine import GridCell, read_grids
from gov_disclosure.testing import sample_report
from gov_disclosure.text import read_text, write_text


def cells(*texts: str) -> list[GridCell]:
    return [GridCell(t, f"line {i + 1}") for i, t in enumerate(texts)]


def test_a_group_label_after_the_rows_beyond_its_group_declines_the_table() -> None:
    # as pdftotext gave the 2019 sample: the last values of （七）总计 come after the next label
    grid = [
        cells("1.信访举报投诉类申请", *"0000000"),
        cells("（七）总计", "32540", "5974", "8789", "6471", "8823", "5", "2"),
        cells("（五）", "不予处", "理", "四、结转下年度继续办理", "2", "1", "5180", "67777", "0", "0", "10"),
    ]
    reading = read_grids([grid], format="2019")
    assert not any(a.startswith("applications/") for a in reading.cells)
    (f,) = [f for f in reading.findings if f.code == "GD108"]
    assert f.location == "applications"
    assert "（五）不予处理" in f.message
    assert "（七）总计" in f.message
    assert not [
        g for g in reading.findings if g.code != "GD108" and (g.location or "").startswith("applications")
    ]


def test_group_labels_in_their_place_are_no_disorder() -> None:
    r = sample_report("2021")
    for layout in ("cells", "tsv", "lines"):
        back, findings = read_text(text=write_text(r, layout=layout))  # type: ignore[arg-type]
        assert back.cell_map() == r.cell_map()
        assert not [f for f in findings if f.code == "GD108"]
    # a merged group label repeated on every row of its group (continued) is not out of order either
    grid = [
        [GridCell("（三）不予公开", "r1"), GridCell("1.属于国家秘密", "r1"), *cells(*"0000000")],
        [
            GridCell("（三）不予公开", "r2", continued=True),
            GridCell("2.其他法律行政法规禁止公开", "r2"),
            *cells(*"0000000"),
        ],
        [GridCell("（四）无法提供", "r3"), GridCell("1.本机关不掌握相关政府信息", "r3"), *cells(*"0000000")],
    ]
    reading = read_grids([grid], format="2021")
    assert len(reading.cells) == 3 * len(APPLICATIONS_COLUMNS)
    assert not reading.findings
