"""Class 10: a value wrapped in a table nested in its cell. The HTML table became layout (every cell
blank, VALID), the DOCX value moved into the prose. A nested table that is a single value is now
read as the cell's value; one of several values is declined (GD102 on the cell, an error), never
blank-and-valid and never prose. A table of the report nested in a layout table is still read."""

from __future__ import annotations

from pathlib import Path

import hostile_generators as g
import pytest
from hostile_limits import cells_of, read_in_child

from gov_disclosure.html import read_html, write_html
from gov_disclosure.testing import sample_report

_ADDRESS = "applications/new/natural_person"

_MAKERS = {
    "html": lambda o, inner=None: g.gen_10_html_nested(o, inner),
    "docx-ours": lambda o, inner=None: g.gen_10_docx_nested(o, True, inner),
    "docx-anyone's": lambda o, inner=None: g.gen_10_docx_nested(o, False, inner),
}


@pytest.mark.parametrize("kind", list(_MAKERS))
def test_a_value_wrapped_in_a_nested_table_is_read(tmp_path: Path, kind: str) -> None:
    out = read_in_child(_MAKERS[kind](tmp_path))
    assert out.result is not None, out
    got = out.result["returned"]
    want = sample_report("2021")
    assert got["cells"] == cells_of(want)
    assert got["valid"], got["findings"]
    assert "218" not in got["sections"]["applications"]


@pytest.mark.parametrize("kind", list(_MAKERS))
def test_several_values_in_a_nested_table_are_declined(tmp_path: Path, kind: str) -> None:
    out = read_in_child(_MAKERS[kind](tmp_path, ("21", "8")))
    assert out.result is not None, out
    got = out.result["returned"]
    assert got["cells"][_ADDRESS] is None
    assert not got["valid"]  # never blank and VALID
    assert any(f["code"] == "GD102" and f["location"] == _ADDRESS for f in got["findings"])
    want = sample_report("2021")
    others = {a: v for a, v in cells_of(want).items() if a != _ADDRESS}
    assert {a: v for a, v in got["cells"].items() if a != _ADDRESS} == others
    assert "21\n8" not in got["sections"]["applications"]


def test_a_report_table_inside_a_layout_table_is_read() -> None:
    r = sample_report("2021")
    page = write_html(r)
    start, end = page.index("<table"), page.rindex("</table>") + len("</table>")
    layout = f"<table><tr><td>导航</td><td>{page[start:end]}</td></tr></table>"
    back, _ = read_html(html=page[:start] + layout + page[end:])
    assert back.cell_map() == r.cell_map()


def test_a_label_wrapped_in_a_nested_table_is_read() -> None:
    r = sample_report("2021")
    label = "二、上年结转政府信息公开申请数量"
    page = write_html(r).replace(f">{label}<", f"><table><tr><td>{label}</td></tr></table><", 1)
    back, _ = read_html(html=page)
    assert back.cell_map() == r.cell_map()
