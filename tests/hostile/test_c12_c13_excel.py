"""Classes 12 and 13 and issue 10's defect 11: what a filled template's cells say.

- 12: a total formula over blank input cells shows the sum of the filled ones; it was read as the
  reported total, without a finding, and aggregate summed it. It is now no reported value: missing
  under ``not-assessable`` (GD111 says why, naming the blank cells), the parts' sum under ``zero``.
- defect 11: numbers typed as text (１２, 5.0) are skipped by Excel's SUM; the total then failed
  GD201 and the cells had no finding. Each such cell gets GD110, the total GD111 naming them.
- 13: a count cell "21 8" read as 218 (the HTML and text readers say GD102); text beyond Excel's
  32,767 characters was cut silently.
"""

from __future__ import annotations

from pathlib import Path

import hostile_generators as g
import pytest
from hostile_limits import run_python

from gov_disclosure import validate
from gov_disclosure.excel import aggregate, read_xlsx
from gov_disclosure.testing import sample_report

_TOTAL = "applications/new/total"
_BLANKED = g.BLANKED


def test_a_total_over_blank_cells_is_no_reported_value(tmp_path: Path) -> None:
    report, findings = read_xlsx(g.gen_12_formula_blanks(tmp_path))
    assert all(report.cell(a) is None for a in _BLANKED)
    assert report.cell(_TOTAL) is None
    at_total = [f for f in findings if f.location == _TOTAL]
    assert [f.code for f in at_total] == ["GD111"]
    assert "商业企业" in at_total[0].message_zh
    strict = validate(report, findings=findings)
    assert strict.valid  # warnings only: blanks, and a total nobody reported
    assert _TOTAL in {n.location for n in strict.not_assessable}
    assert not [f for f in strict.findings if f.code == "GD101" and f.location == _TOTAL]
    lenient = validate(report, missing="zero", findings=findings)
    assert not [f for f in lenient.findings if f.code == "GD201"]  # the parts' sum, blanks as 0


def test_aggregate_does_not_sum_a_computed_total(tmp_path: Path) -> None:
    blank = g.gen_12_formula_blanks(tmp_path)
    full = g.gen_12_full_unit(tmp_path)
    one, _ = read_xlsx(full)
    strict = aggregate([blank, full], agency="某区人民政府")
    assert strict.total.cell(_TOTAL) is None
    assert any(f.code == "GD101" and f.location == _TOTAL for f in strict.findings)
    lenient = aggregate([blank, full], agency="某区人民政府", missing="zero")
    parts = ("natural_person", "business", "research", "nonprofit", "legal_service", "other_org")
    want = sum(v for p in parts if isinstance(v := lenient.total.cell(f"applications/new/{p}"), int))
    assert lenient.total.cell(_TOTAL) == want
    assert isinstance(one.cell(_TOTAL), int)


def test_numbers_typed_as_text(tmp_path: Path) -> None:
    path = g.gen_13_xlsx_spaced_number(tmp_path, "１２", research="5.0")
    report, findings = read_xlsx(path)
    sample = sample_report("2021")
    assert report.cell("applications/new/natural_person") == 12
    assert report.cell("applications/new/research") == 5
    typed = sorted(f.location or "" for f in findings if f.code == "GD110")
    assert typed == ["applications/new/natural_person", "applications/new/research"]
    at_total = [f for f in findings if f.location == _TOTAL]
    assert [f.code for f in at_total] == ["GD111"]
    assert "自然人" in at_total[0].message_zh
    assert "科研机构" in at_total[0].message_zh
    parts = ("natural_person", "business", "research", "nonprofit", "legal_service", "other_org")
    assert report.cell(_TOTAL) == sum(report.cell(f"applications/new/{p}") for p in parts)  # type: ignore[misc]
    result = validate(report, findings=findings)
    assert not [f for f in result.findings if f.code == "GD201" and f.location == _TOTAL]
    assert report.cell("applications/new/business") == sample.cell("applications/new/business")


@pytest.mark.parametrize("text", ["21 8", "2 1 8", "21\u30008", "1 000"])
def test_a_count_of_two_numbers_is_not_one(tmp_path: Path, text: str) -> None:
    report, findings = read_xlsx(g.gen_13_xlsx_spaced_number(tmp_path, text))
    assert report.cell("applications/new/natural_person") is None
    assert [f.code for f in findings if f.location == "applications/new/natural_person"] == ["GD102"]


_LONG = r"""
def case(path):
    from gov_disclosure.html import read_html, write_html
    from gov_disclosure.excel import read_xlsx, write_xlsx
    from gov_disclosure.testing import sample_report
    page = write_html(sample_report("2021")).replace("<td>218</td>", "<td>" + "某" * 40000 + "</td>", 1)
    report, _ = read_html(html=page)
    back, findings = read_xlsx(write_xlsx(report))
    raw = back.raw.get("applications/new/natural_person", "")
    return {"raw_len": len(raw), "codes": sorted({f.code for f in findings
            if f.location == "applications/new/natural_person"})}
"""


def test_text_over_the_excel_limit_is_not_cut_silently(tmp_path: Path) -> None:
    out = run_python(_LONG, tmp_path)
    assert out.result is not None, out
    got = out.result["returned"]
    assert got["raw_len"] <= 32_767
    assert "GD106" in got["codes"]  # cut, and said so
