"""Two reports as their agencies published them (tests/data/real, see SOURCES.md): a WPS PDF and a
PDF-to-Markdown conversion. Every cell read by hand (expected.json, written from the files, not from
the readers) is asserted: read right, or declined with a finding that says why; never a wrong value.
The cells the reports themselves leave open are declined."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from gov_disclosure import Amount, read_report_info, validate
from gov_disclosure.core.values import Cell
from gov_disclosure.io import ReadInfo

REAL = Path(__file__).parent.parent / "data" / "real"
EXPECTED: dict[str, Any] = json.loads((REAL / "expected.json").read_text(encoding="utf-8"))["files"]


def _expected(value: Any) -> Cell:
    if isinstance(value, dict):
        return Amount(Decimal(value["amount"]), value.get("unit"))
    return value  # type: ignore[no-any-return]


def _check_identity(info: ReadInfo, name: str) -> None:
    exp = EXPECTED[name]
    r = info.report
    assert (r.format, r.year) == (exp["format"], exp["year"])
    assert r.agency is not None
    assert "".join(r.agency.split()) in exp["agency"]
    published = r.published_on.isoformat() if r.published_on else None
    assert published == exp["published_on"]


def _check_defects(info: ReadInfo, name: str) -> None:
    exp = EXPECTED[name]
    result = validate(info.report, findings=info.findings)
    for code in exp.get("must_not", []):
        assert not [f.message for f in result if f.code == code], f"{code} must not fire on {name}"
    for defect in exp["defects"]:
        assert any(
            f.code == defect["code"] and defect["where"] in (f.location or "") for f in result
        ), defect


# -- 上海市科学技术委员会 2024, Markdown from a PDF-to-Markdown converter ------------------------------


@pytest.fixture(scope="module")
def shanghai() -> ReadInfo:
    return read_report_info(REAL / "shanghai-stcsm-2024.md")


def test_markdown_sample_every_hand_read_cell(shanghai: ReadInfo) -> None:
    exp = EXPECTED["shanghai-stcsm-2024.md"]
    r = shanghai.report
    wrong = {a: (r.cell(a), v) for a, v in exp["cells"].items() if r.cell(a) != _expected(v)}
    # every cell, the ten rows of values the converter separated from their labels included: they
    # are placed by the format's row order, which leaves no choice there, confirmed by the sums
    assert wrong == {}
    # the cell the report leaves open (blank, and a stray '1' elsewhere may be it) is not guessed
    for address in exp["ambiguous"]:
        assert r.cell(address) is None
    assert any(f.raw and "| 1" in f.raw and "2.申请人逾期未按收费" in f.raw for f in shanghai.findings)


def test_markdown_sample_is_read_as_markdown_with_its_metadata(shanghai: ReadInfo) -> None:
    assert shanghai.kind == "markdown"
    assert shanghai.reader == "gov_disclosure.markdown.read_markdown"
    _check_identity(shanghai, "shanghai-stcsm-2024.md")
    assert shanghai.report.agency == "上海市科委"  # not the converter's 正文 on the first line
    q = shanghai.quality
    assert (q.placed, q.declined, q.blank) == (199, 0, 1)


def test_markdown_sample_sections_and_prose(shanghai: ReadInfo) -> None:
    r = shanghai.report
    # the problems section has no heading of its own: its first sub-heading tells it
    assert r.sections.problems.startswith("（一）主要问题")
    assert "（二）改进情况" in r.sections.problems
    assert r.sections.other.startswith("本年度信息公开处理费收费情况")
    result = validate(r, findings=shanghai.findings)
    assert not [f for f in result if f.code in ("GD601", "GD602", "GD504")]
    _check_defects(shanghai, "shanghai-stcsm-2024.md")


# -- 洪泽区人民政府 2023, the PDF as published (WPS export) ---------------------------------------------

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")

#: the row printed with a misprinted label (2.其他法律行政止公开): its values are not placed
MISPRINT = "applications/denied.prohibited_by_law"


@pytest.fixture(scope="module")
def hongze() -> ReadInfo:
    if shutil.which("pdftotext") is None:
        pytest.skip("needs poppler's pdftotext")
    return read_report_info(REAL / "hongze-gov-2023.pdf")


@needs_pdftotext
def test_pdf_sample_every_hand_read_cell(hongze: ReadInfo) -> None:
    exp = EXPECTED["hongze-gov-2023.pdf"]
    r = hongze.report
    placed = {a: r.cell(a) for a in exp["cells"] if r.cell(a) is not None}
    wrong = {a: (v, _expected(exp["cells"][a])) for a, v in placed.items() if v != _expected(exp["cells"][a])}
    assert wrong == {}
    declined = sorted(a for a in exp["cells"] if r.cell(a) is None and exp["cells"][a] is not None)
    # only the misprinted row is declined, with a finding that names the official label
    assert declined == sorted(a for a in exp["cells"] if a.startswith(MISPRINT + "/"))
    hint = [f for f in hongze.findings if f.location == MISPRINT]
    assert len(hint) == 1
    assert "2.其他法律行政止公开" in hint[0].message
    assert "2.其他法律行政法规禁止公开" in hint[0].message
    assert "2.其他法律行政法规禁止公开" in hint[0].message_zh
    assert {c.address for c in hint[0].cells} == {a for a in exp["cells"] if a.startswith(MISPRINT + "/")}


@needs_pdftotext
def test_pdf_sample_2019_row_in_a_2021_table_is_declined(hongze: ReadInfo) -> None:
    exp = EXPECTED["hongze-gov-2023.pdf"]
    for address in exp["ambiguous"]:
        assert hongze.report.cell(address) is None
    hint = [f for f in hongze.findings if "（六）其他处理" in (f.raw or "")]
    assert len(hint) == 1
    assert "2019" in hint[0].message
    assert "3.其他" in hint[0].message_zh  # the 2021 rows its figures belong in, by their labels
    assert {c.address for c in hint[0].cells} == set(exp["ambiguous"])


@needs_pdftotext
def test_pdf_sample_metadata_defects_and_quality(hongze: ReadInfo) -> None:
    assert hongze.kind == "pdf"
    _check_identity(hongze, "hongze-gov-2023.pdf")
    _check_defects(hongze, "hongze-gov-2023.pdf")
    q = hongze.quality
    # 7 misprinted + 21 of the 2019 row: seen, not placed; every other cell read
    assert (q.placed, q.declined, q.blank) == (172, 28, 0)
