"""Markdown as PDF-to-Markdown converters write it: pipe tables, HTML tables inside the Markdown, ``#``
headings, converter markers, header fragments, tables broken by blank lines, rows whose labels float
above or below their values. Every cell is read exactly or declined with a finding, never wrong."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_disclosure import Report, read_report_info
from gov_disclosure.core.values import Cell
from gov_disclosure.core.vocabulary import APPLICATIONS_COLUMNS, FormatKey
from gov_disclosure.markdown import markdown_blocks, read_markdown, write_markdown
from gov_disclosure.testing import random_report, sample_report

pytest.importorskip("lxml")


@pytest.mark.parametrize("fmt", ["2019", "2021"])
@pytest.mark.parametrize("tables", ["pipe", "html"])
def test_write_markdown_reads_back_to_the_same_report(fmt: FormatKey, tables: str) -> None:
    r = random_report(random.Random(f"md {fmt} {tables}"), fmt)
    back, findings = read_markdown(text=write_markdown(r, tables=tables))  # type: ignore[arg-type]
    assert findings == []
    assert back == r


@settings(max_examples=40, deadline=None)
@given(st.randoms(use_true_random=False), st.sampled_from(["2019", "2021"]), st.sampled_from(["pipe", "html"]))
def test_roundtrip_of_any_valid_report(rng: random.Random, fmt: FormatKey, tables: str) -> None:
    r = random_report(rng, fmt, big=rng.random() < 0.5)
    back, findings = read_markdown(text=write_markdown(r, tables=tables))  # type: ignore[arg-type]
    assert findings == []
    assert back == r


# -- converter noise --------------------------------------------------------------------------------

_MARKERS = ("正文", "<!-- converted by pdf2md -->", "[TOC]", "目录")
_PIPE = re.compile(r"^\| ")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def converter_noise(md: str, rng: random.Random) -> str:
    """What PDF-to-Markdown converters do to a report (each at random): a marker on the first line,
    other heading levels and bold headings, header cells cut to fragments, blank lines that break a
    table in two, and data rows whose label leaves the table (a line of text above or below the
    row, which keeps only its values)."""
    lines = md.split("\n")
    out: list[str] = []
    if rng.random() < 0.7:
        out += [rng.choice(_MARKERS), ""]
    floating: list[str] = []  # labels to put back below the next row
    for line in lines:
        if line.startswith("#") and rng.random() < 0.5:
            text = line.lstrip("#").strip()
            line = rng.choice(["#", "###", "####", ""]) + (" " if rng.random() < 0.9 else "") + text
            if rng.random() < 0.3:
                line = f"**{text}**"
        if _PIPE.match(line):
            cells = _cells(line)
            if not any(re.fullmatch(r"[\d.,]+(?:万元|元)?", c) for c in cells):
                # a header or group row: labels cut to fragments at random
                cells = [c[rng.randint(0, max(0, len(c) - 2)) :] if len(c) > 3 and rng.random() < 0.3 else c for c in cells]
                line = _row(cells)
            elif rng.random() < 0.25 and cells and not re.fullmatch(r"[\d.,]*", cells[0]):
                # the label leaves its row: above it, or below the next one
                label, values = cells[0], [c for c in cells[1:] if c != ""] or cells[1:]
                if rng.random() < 0.5:
                    out += ["", label, ""]
                else:
                    floating.append(label)
                line = _row(values)
            if rng.random() < 0.1:
                out.append("")  # the table broken in two
        out.append(line)
        if floating and _PIPE.match(line) and rng.random() < 0.6:
            out += ["", *floating, ""]
            floating.clear()
    out += floating
    return "\n".join(out)


def _with_defects(r: Report, rng: random.Random) -> Report:
    cells: dict[str, Cell] = dict(r.cell_map())
    for _ in range(rng.choice((0, 1, 3))):
        address = rng.choice([a for a in cells if a.startswith("applications/")])
        cells[address] = rng.choice((None, 0, 1, rng.randint(0, 99)))
    return r.with_cells(cells)


@settings(max_examples=150, deadline=None)
@given(st.randoms(use_true_random=False), st.sampled_from(["2019", "2021"]), st.booleans())
def test_every_cell_exact_or_declined_under_converter_noise(
    rng: random.Random, fmt: FormatKey, defects: bool
) -> None:
    r = random_report(rng, fmt, big=rng.random() < 0.5)
    if defects:
        r = _with_defects(r, rng)
    md = converter_noise(write_markdown(r), rng)
    back, findings = read_markdown(text=md)
    assert back.format == r.format
    placed = {a: v for a, v in back.cell_map().items() if v is not None}
    assert {a: r.cell(a) for a in placed} == placed
    missed = [a for a, v in r.cell_map().items() if v is not None and a not in placed]
    if missed:
        assert findings, "what is not placed is said"
    assert back.agency == r.agency  # never the converter's marker
    assert back.year == r.year


def test_a_row_whose_label_floats_is_placed_by_the_rows_around_it() -> None:
    """The real converters' pattern (shanghai-stcsm-2024.md): a row of values without its label,
    between two labelled rows, where the format has exactly one row: that row, sums confirming."""
    r = sample_report("2021")
    md = write_markdown(r)
    label = "| 2.其他法律行政法规禁止公开 |"
    line = next(ln for ln in md.split("\n") if ln.startswith(label))
    values = _cells(line)[1:]
    md = md.replace(line, "2.其他法律行政法规禁\n止公开\n" + _row(values))
    back, findings = read_markdown(text=md)
    assert back == r
    assert not [f for f in findings if f.code in ("GD105", "GD106")]


def test_floating_rows_are_declined_when_the_sums_do_not_confirm_them() -> None:
    r = sample_report("2021")
    r = r.with_cells({"applications/total/natural_person": 10**6})  # the report breaks its own sum
    md = write_markdown(r)
    line = next(ln for ln in md.split("\n") if ln.startswith("| 2.其他法律行政法规禁止公开 |"))
    md = md.replace(line, _row(_cells(line)[1:]))
    back, findings = read_markdown(text=md)
    row = [f"applications/denied.prohibited_by_law/{c.key}" for c in APPLICATIONS_COLUMNS]
    assert all(back.cell(a) is None for a in row)
    assert any(f.code == "GD106" and f.location == "applications" for f in findings)
    info_cells = {a: v for a, v in back.cell_map().items() if v is not None}
    assert {a: r.cell(a) for a in info_cells} == info_cells


def test_two_floating_rows_for_one_gap_are_declined() -> None:
    r = sample_report("2021")
    md = write_markdown(r)
    line = next(ln for ln in md.split("\n") if ln.startswith("| 2.其他法律行政法规禁止公开 |"))
    row = _row(_cells(line)[1:])
    md = md.replace(line, row + "\n" + row)  # two rows of values where the format has one row
    back, _ = read_markdown(text=md)
    assert all(back.cell(f"applications/denied.prohibited_by_law/{c.key}") is None for c in APPLICATIONS_COLUMNS)


def test_html_table_inside_markdown_with_text_around_it() -> None:
    r = sample_report("2019")
    md = write_markdown(r, tables="html")
    md = md.replace('<table border="1">', 'see below: <table border="1" style="width:100%">', 1)
    back, _ = read_markdown(text="正文\n" + md)
    assert back.cell_map() == r.cell_map()
    assert back.agency == r.agency


def test_markdown_markup_is_taken_off() -> None:
    lines, tables = markdown_blocks(
        "# **某某局**2021年政府信息公开工作年度报告\n"
        "> 引用 [链接](http://x) ![图](a.png) `代码` 1\\*2\n"
        "- 一项\n"
        "| 规章 | 1 | 0 | 1 |\n"
        "|---|---|---|---|\n"
        "| 行政\\|规范性文件 | 2<br>件 | 0 | 2 |\n"
        "***\n"
    )
    assert lines[0] == "某某局2021年政府信息公开工作年度报告"
    assert lines[1] == "引用 链接  代码 1*2"
    assert lines[2] == "一项"
    assert lines[6] == ""
    assert [c.text for c in tables[0].grids[0][1]] == ["行政|规范性文件", "2\n件", "0", "2"]
    assert tables[0].grids[0][0][0].source == "line 4, field 1"


def test_read_report_takes_md_by_content(tmp_path: pytest.TempPathFactory) -> None:
    r = sample_report("2021")
    path = tmp_path / "report.txt"  # type: ignore[operator]
    path.write_text(write_markdown(r), encoding="utf-8")
    info = read_report_info(path)
    assert info.kind == "markdown"
    assert info.report == r
    assert (info.quality.placed, info.quality.declined) == (len([v for v in r.cell_map().values() if v is not None]), 0)
