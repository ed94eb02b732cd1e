"""The table engine on ``pdftotext -layout`` output, where rows wrap around their values: every value
in its cell, or a finding, never a guess. Runs without LibreOffice (the extract is in tests/data)."""

from __future__ import annotations

from pathlib import Path

from gov_disclosure.testing import sample_report
from gov_disclosure.text import read_text

LAYOUT_2019 = Path(__file__).parent.parent / "data" / "pdf-layout-sample-2019.txt"


def test_values_beside_a_group_label_with_their_row_label_below() -> None:
    """In this extract (``pdftotext -layout`` of the 2019 sample written by write_docx and printed by
    LibreOffice) the values of 8.属于行政查询事项 stand on the line above their label, beside the
    group label's 本年; the next values' label 1.本机关不掌握相关政府信息 is below them too; a page
    number (—2—) falls inside a table. Every cell must land where it belongs."""
    back, findings = read_text(text=LAYOUT_2019.read_text(encoding="utf-8"))
    assert findings == []
    assert back.cell_map() == sample_report("2019").cell_map()


def test_a_label_between_two_unlabelled_lines_of_values_is_nobodys() -> None:
    """Without the label below the second line of values, 8.属于行政查询事项 could be either line's:
    neither gets it (findings), and no value is placed in a wrong cell."""
    text = LAYOUT_2019.read_text(encoding="utf-8").replace("1.本机关不掌握相关政府信息", "", 1)
    back, findings = read_text(text=text)
    expected = sample_report("2019").cell_map()
    placed = {a: v for a, v in back.cell_map().items() if v is not None}
    assert {a: expected[a] for a in placed} == placed
    for row in ("denied.query", "unavailable.not_held"):
        assert back.cell(f"applications/{row}/total") is None
    assert {f.code for f in findings} <= {"GD101", "GD105", "GD106"}
    assert any(f.code == "GD106" and f.source == "line 61" for f in findings)
