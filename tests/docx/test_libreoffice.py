"""Written reports opened by a real word processor: LibreOffice converts them to PDF and the PDF's
text (pdftotext) holds every label and every number, each table row's values on one line."""

from __future__ import annotations

import importlib.util
import re
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

from gov_disclosure.core.model import Report
from gov_disclosure.core.vocabulary import (
    APPEALS_COLUMNS,
    APPEALS_GROUPS,
    APPLICATIONS_COLUMNS,
    APPLICATIONS_HEADER,
    SECTIONS,
    TABLE_TITLES,
    spec,
)
from gov_disclosure.docx import write_docx
from gov_disclosure.testing import sample_report

pytestmark = pytest.mark.libreoffice


def _render() -> ModuleType:
    path = Path(__file__).with_name("render_docs.py")
    module_spec = importlib.util.spec_from_file_location("gd_docx_render_docs", path)
    assert module_spec is not None
    assert module_spec.loader is not None
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return module


def _labels(report: Report) -> list[str]:
    s = spec(report.format)
    out = [sec.heading for sec in SECTIONS]
    for b in s.proactive:
        out += [b.title, *(c.label for c in b.columns), *(r.label for r in b.rows)]
    out += [r.label for r in s.applications_layout]
    out += [c.label for c in APPLICATIONS_COLUMNS] + list(APPLICATIONS_HEADER.values())
    out += [g.label for g in APPEALS_GROUPS] + [c.label for c in APPEALS_COLUMNS]
    return out


def _present(label: str, flat: str, tokens: list[str]) -> bool:
    """The label is in the text, whole, or (in a narrow cell, where the PDF's lines interleave
    with the neighbouring cells') as pieces in reading order within a short stretch."""
    if re.sub(r"\s+", "", label) in flat:
        return True
    for start, token in enumerate(tokens):
        if not token or not label.startswith(token):
            continue
        rest = label[len(token) :]
        # (a merged cell that a page break cuts goes on after the next page's repeated table header)
        for later in tokens[start + 1 : start + 300]:
            if rest and later and rest.startswith(later):
                rest = rest[len(later) :]
        if not rest:
            return True
    return False


def _row_on_one_line(values: list[str], lines: list[str]) -> bool:
    # a unit after a number may come out with a space before it (9766783 万元)
    cells = [r"\s?".join(re.escape(ch) for ch in v) for v in values]
    pattern = re.compile(r"(?<!\S)" + r"\s+".join(cells) + r"(?!\S)")
    return any(pattern.search(line) for line in lines)


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_pdf_holds_every_label_and_number(fmt: str, tmp_path: Path) -> None:
    render = _render()
    report = sample_report(fmt)  # type: ignore[arg-type]
    path = tmp_path / f"report-{fmt}.docx"
    write_docx(report, path)
    pdf = render.to_pdf(path, tmp_path)
    layout = render.pdf_text(pdf)
    plain = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, timeout=60).stdout
    flat = re.sub(r"\s+", "", plain.decode("utf-8"))
    tokens = layout.split()
    assert report.agency is not None
    assert report.year is not None
    assert report.published_on is not None
    assert f"{report.agency}{report.year}年政府信息公开工作年度报告" in flat
    assert f"{report.published_on.year}年{report.published_on.month}月{report.published_on.day}日" in flat
    missing = [label for label in _labels(report) if not _present(label, flat, tokens)]
    assert missing == []
    for title in TABLE_TITLES.values():
        assert title in flat
    # every number, row by row: each row's printed values appear on one line, in order
    lines = layout.splitlines()
    s = report.spec
    rows: list[list[str]] = []
    for b in s.proactive:
        for r in b.rows:
            rows.append([render_cell(report, f"proactive/{b.key}.{r.key}/{c.key}") for c in b.columns])
    for lr in s.applications_rows:
        rows.append([render_cell(report, f"applications/{lr.key}/{c.key}") for c in APPLICATIONS_COLUMNS])
    rows.append(
        [render_cell(report, f"appeals/{g.key}/{c.key}") for g in APPEALS_GROUPS for c in APPEALS_COLUMNS]
    )
    not_found = [row for row in rows if not _row_on_one_line(row, lines)]
    assert not_found == []
    # the sections' prose is there too: its words (a page's footer comes between its lines where it
    # runs over a page; a comma hanging at the end of a line may not come out of the PDF)
    prose = re.sub(r"[\W_]+", "", re.sub(r"—\d+—", "", flat))
    for sec in SECTIONS:
        text = getattr(report.sections, sec.key)
        assert re.sub(r"[\W_]+", "", text) in prose
    # page numbers in the footer: “— 1 —”
    assert re.search(r"—\s*1\s*—", layout)


def render_cell(report: Report, address: str) -> str:
    from gov_disclosure.core.values import format_cell

    return report.raw.get(address) or format_cell(report.cell(address), report.spec.cell(address).unit)  # type: ignore[arg-type]


def test_a_report_with_blank_cells_renders_blank(tmp_path: Path) -> None:
    render = _render()
    report = sample_report("2021").with_cells({f"appeals/review/{c.key}": None for c in APPEALS_COLUMNS})
    path = tmp_path / "blank.docx"
    write_docx(report, path)
    layout = render.pdf_text(render.to_pdf(path, tmp_path))
    rest = [
        render_cell(report, f"appeals/{g}/{c.key}")
        for g in ("suit_direct", "suit_after_review")
        for c in APPEALS_COLUMNS
    ]
    line = next(ln for ln in layout.splitlines() if _row_on_one_line(rest, [ln]))
    # nothing before the ten litigation values on their line: the five review cells are blank, not 0
    assert line.split()[: len(rest)] == rest


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_saved_again_by_libreoffice_still_reads_back(fmt: str, tmp_path: Path) -> None:
    """A clerk opens our document in LibreOffice and saves it as .docx again: it still reads back
    as the same report (LibreOffice keeps the custom properties and the style names)."""
    from gov_disclosure.docx import read_docx

    render = _render()
    report = sample_report(fmt)  # type: ignore[arg-type]
    path = tmp_path / "ours.docx"
    write_docx(report, path)
    outdir = tmp_path / "saved"
    outdir.mkdir()
    saved = render.convert(path, outdir, "docx:MS Word 2007 XML", "docx")
    assert saved.read_bytes() != path.read_bytes()
    back, findings = read_docx(saved)
    assert back == report
    assert findings == []
