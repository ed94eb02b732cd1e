"""A real report as its agency published it (tests/data/real, see SOURCES.md): a WPS export whose
tables are ruled, read cell by cell from the page geometry and checked against the values read
by hand (expected.json). Needs the pdf extra only; poppler is used for the prose when present."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from gov_disclosure import Amount, Report, read_report, validate
from gov_disclosure.core.findings import Finding
from gov_disclosure.pdf import read_pdf

REAL = Path(__file__).parents[1] / "data" / "real"
PDF = REAL / "hongze-gov-2023.pdf"
EXPECTED: dict[str, Any] = json.loads((REAL / "expected.json").read_text(encoding="utf-8"))["files"][PDF.name]
#: the row printed 2.其他法律行政止公开 (a misprint of 2.其他法律行政法规禁止公开): declined, not guessed
MISPRINTED = {a for a in EXPECTED["cells"] if a.startswith("applications/denied.prohibited_by_law/")}


def same(expected: Any, got: Any) -> bool:
    if isinstance(expected, dict):
        return (
            isinstance(got, Amount)
            and got.value == Decimal(expected["amount"])
            and got.unit == expected["unit"]
        )
    return not isinstance(got, Amount) and got == expected


@pytest.fixture(scope="module")
def reading() -> tuple[Report, list[Finding]]:
    return read_pdf(PDF)


def test_every_hand_read_cell(reading: tuple[Report, list[Finding]]) -> None:
    report, _ = reading
    assert len(MISPRINTED) == 7
    wrong = {
        a: (v, report.cell(a))
        for a, v in EXPECTED["cells"].items()
        if a not in MISPRINTED and not same(v, report.cell(a))
    }
    assert wrong == {}
    assert {a: report.cell(a) for a in MISPRINTED} == dict.fromkeys(MISPRINTED)


def test_the_cells_the_report_leaves_open_are_declined(reading: tuple[Report, list[Finding]]) -> None:
    report, findings = reading
    assert {a: report.cell(a) for a in EXPECTED["ambiguous"]} == dict.fromkeys(EXPECTED["ambiguous"])
    # the one 2019-style row （六）其他处理 inside the 2021 table is declined, saying which rows it stands for
    (other,) = [f for f in findings if f.code == "GD106" and "（六）其他处理" in (f.raw or "")]
    assert "heads rows of its own in the 2021 format" in other.message
    assert "3.其他" in other.message
    assert "3.其他" in other.message_zh
    assert other.source == "page 4, table 1, row 7, cell 1"


def test_the_misprinted_label_is_declined_naming_the_official_one(
    reading: tuple[Report, list[Finding]],
) -> None:
    _, findings = reading
    (misprint,) = [f for f in findings if f.code == "GD106" and "2.其他法律行政止公开" in (f.raw or "")]
    assert "nearest label of the format: '2.其他法律行政法规禁止公开'" in misprint.message
    assert "最接近的格式标签：“2.其他法律行政法规禁止公开”" in misprint.message_zh
    assert misprint.source == "page 3, table 2, row 9, cell 1"
    assert [f.code for f in findings if f.code not in ("GD106", "GD107")] == []


def test_metadata_defects_and_no_false_alarms(reading: tuple[Report, list[Finding]]) -> None:
    report, findings = reading
    assert (report.format, report.year) == (EXPECTED["format"], EXPECTED["year"])
    assert report.agency in EXPECTED["agency"]
    result = validate(report, findings=findings)
    for defect in EXPECTED["defects"]:
        assert any(
            f.code == defect["code"] and defect["where"] in (f.location or "") for f in result.findings
        ), defect
    assert not [f for f in result.findings if f.code in EXPECTED["must_not"]]


def test_which_way_each_page_was_read(reading: tuple[Report, list[Finding]]) -> None:
    _, findings = reading
    (note,) = [f for f in findings if f.code == "GD107"]
    assert note.severity.value == "info"
    assert "on pages 2, 3, 4 read cell by cell from their ruling lines" in note.message
    assert "第2、3、4页" in note.message_zh


def test_read_without_poppler_the_same(
    reading: tuple[Report, list[Finding]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no pdftotext: as on a Windows clerk's machine
    report, findings = read_report(PDF)
    assert report.cell_map() == reading[0].cell_map()
    assert (report.agency, report.year) == (reading[0].agency, reading[0].year)
    # the prose from PDFium instead of pdftotext: the same text, spaced differently
    for key, text in attrs.asdict(report.sections).items():
        assert "".join(text.split()) == "".join(getattr(reading[0].sections, key).split())
    assert sorted(f.code for f in findings) == sorted(f.code for f in reading[1])
