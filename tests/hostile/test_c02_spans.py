"""Class 2: HTML span expansion bounded by the cell budget: width × height of every cell and every
row, empty or not (999 colspan=200 cells among 10,000 empty rows, 112 KB, never finished)."""

from __future__ import annotations

from pathlib import Path

import hostile_generators as g
import pytest
from hostile_limits import read_in_child

from gov_disclosure import UnsafeFileError
from gov_disclosure.html import read_html, write_html
from gov_disclosure.testing import sample_report


@pytest.mark.parametrize(("cells", "rows"), [(999, 10_000), (500, 100_000), (1, 190_000)])
def test_wide_spans_among_empty_rows(tmp_path: Path, cells: int, rows: int) -> None:
    path = g.gen_02_html_spans(tmp_path, cells, rows)
    out = read_in_child(path, deadline=60)
    assert not out.timed_out, out
    assert out.result is not None, out
    assert out.result.get("typed"), out.result  # refused (over the budget) or not a report


def test_empty_rows_count_against_the_budget() -> None:
    page = "<html><body><table>" + "<tr></tr>" * 250_000 + "</table></body></html>"
    with pytest.raises(UnsafeFileError, match="cells"):
        read_html(html=page)


def test_a_report_with_spans_is_still_read() -> None:
    r = sample_report("2021")
    back, _ = read_html(html=write_html(r))
    assert back.cell_map() == r.cell_map()
