"""Synthetic text and HTML made from generated reports read back to the same report, with the
variants of real reports (FORMAT.md §8) applied at random."""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from gov_disclosure import Amount, Report, Sections
from gov_disclosure.core.values import Cell, format_cell, parse_cell
from gov_disclosure.core.vocabulary import format_for_year
from gov_disclosure.html import read_html, write_html
from gov_disclosure.reading.engine import is_value_text
from gov_disclosure.testing import any_reports, valid_reports
from gov_disclosure.text import read_text, write_text

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

Variant = Callable[[str], str]


def _chinese_date(text: str) -> str:
    digits = "〇一二三四五六七八九"

    def small(n: int) -> str:
        if n < 10:
            return digits[n]
        return ("" if n < 20 else digits[n // 10]) + "十" + (digits[n % 10] if n % 10 else "")

    def repl(m: re.Match[str]) -> str:
        y = "".join(digits[int(d)] for d in m.group(1))
        return f"{y}年{small(int(m.group(2)))}月{small(int(m.group(3)))}日"

    return re.sub(r"(\d{4})年(\d{1,2})月(\d{1,2})日\s*$", repl, text.rstrip()) + "\n"


#: text variants seen in real reports; each keeps the report's meaning
COMMON: dict[str, Variant] = {
    "half-width brackets": lambda t: t.replace("（", "(").replace("）", ")"),
    "item numbers 1、": lambda t: re.sub(r"(\d)\.(?=[\u4e00-\u9fff])", r"\1、", t),
    "item numbers 1，": lambda t: re.sub(r"(\d)\.(?=[\u4e00-\u9fff])", r"\1，", t),
    "spaces in labels": lambda t: (
        t.replace("结果维持", "结果维 持")
        .replace("商业企业", "商业 企业")
        .replace("（一）予以公开", "（一） 予以公开")
    ),
    "社会组织": lambda t: t.replace("社会公益组织", "社会组织"),
    "过程序性信息": lambda t: t.replace("过程性信息", "过程序性信息"),
    "政府采购": lambda t: t.replace("政府集中采购", "政府采购"),
    "notes in headers": lambda t: t.replace("上一年项目数量", "上一年项目数量（指2018年事项数）").replace(
        "规范性文件", "规范性文件（指本机关制发的文件）"
    ),
    "renumbered heading": lambda t: t.replace("五、存在的主要问题及改进情况", "5、存在的主要问题及改进情况"),
    "reworded heading": lambda t: t.replace("五、存在的主要问题及改进情况", "五、存在的问题及改进情况"),
    "Chinese date": _chinese_date,
}
TEXT_ONLY: dict[str, Variant] = {
    "CRLF": lambda t: t.replace("\n", "\r\n"),
}
CELLS_ONLY: dict[str, Variant] = {
    "label broken across lines": lambda t: t.replace("\t本年新制作数量", "\t本年新\n制作数量").replace(
        "\t对外公开总数量", "\t对外公开\n总数量"
    ),
}


def _word_html(page: str) -> str:
    """Cells and headings as Word's "save as web page" writes them."""

    def cell(m: re.Match[str]) -> str:
        tag, attrs, text = m.group(1), m.group(2), m.group(3) or "&nbsp;"
        return (
            f'<{tag}{attrs} width=57 valign=top style="border:solid windowtext 1.0pt">'
            f'<p class=MsoNormal align=center><span lang=EN-US style="font-size:10.5pt">{text}'
            f"<o:p></o:p></span></p></{tag}>"
        )

    page = re.sub(r"<(td|th)([^>]*)>(.*?)</\1>", cell, page)
    return page.replace("<h2>", "<p class=MsoNormal><b><span>").replace("</h2>", "</span></b></p>")


HTML_ONLY: dict[str, Variant] = {
    "Word-exported HTML": _word_html,
    "br in header": lambda t: t.replace(">本年新制作数量<", ">本年新<br>制作数量<"),
    "nbsp blanks": lambda t: t.replace("<td></td>", "<td>&nbsp;</td>"),
    "upper-case tags": lambda t: t.replace("<td", "<TD").replace("</td>", "</TD>"),
}


def _apply(text: str, variants: list[str], table: dict[str, Variant]) -> str:
    for name in variants:
        text = table[name](text)
    return text


def _variants(*tables: dict[str, Variant]) -> st.SearchStrategy[list[str]]:
    names = sorted({k for t in tables for k in t})
    return st.lists(st.sampled_from(names), unique=True, max_size=5)


@SETTINGS
@given(valid_reports(), st.sampled_from(["cells", "tsv", "lines"]), _variants(COMMON, TEXT_ONLY, CELLS_ONLY))
def test_text_round_trip_with_variants(r: Report, layout: str, variants: list[str]) -> None:
    if layout != "cells":
        variants = [v for v in variants if v not in CELLS_ONLY]
    text = _apply(write_text(r, layout=layout), variants, {**COMMON, **TEXT_ONLY, **CELLS_ONLY})  # type: ignore[arg-type]
    back, findings = read_text(text=text)
    assert findings == []
    assert back == r


@SETTINGS
@given(valid_reports(), _variants(COMMON, HTML_ONLY))
def test_html_round_trip_with_variants(r: Report, variants: list[str]) -> None:
    page = _apply(write_html(r), variants, {**COMMON, **HTML_ONLY})
    back, findings = read_html(html=page)
    assert findings == []
    assert back == r


def _plain(r: Report) -> Report:
    """Any report's cells and raw texts, with a title, sections and signature a reader can find."""
    year = 2020 if r.format == "2019" else 2022
    assert format_for_year(year) == r.format
    cells: dict[str, Cell] = {}
    for c, v in r.cells():
        if isinstance(v, Amount) and v.unit is None and c.unit is not None:
            # a bare number under 本年收费金额（单位：万元） is in 万元: format_cell prints both alike
            cells[c.address] = Amount(v.value, c.unit)  # type: ignore[arg-type]
    for a, t in r.raw.items():
        # a written raw text is what a reader sees: its value is what that text says
        c = r.spec.cell(a)
        cells[a] = parse_cell(t.strip(), c.kind, c.unit).value  # type: ignore[arg-type]
    r = r.with_cells(cells)
    # the raw convention: what a reader stores is the stripped text, where it is not canonical
    raw = {a: t.strip() for a, t in r.raw.items() if t.strip() != format_cell(r.cell(a), r.spec.cell(a).unit)}  # type: ignore[arg-type]
    return attrs.evolve(
        r,
        year=year,
        agency="测试局",
        agency_kind="department",
        published_on=None,
        sections=Sections(),
        raw=raw,
    )


@SETTINGS
@given(any_reports(), st.sampled_from(["cells", "tsv", "html"]))
def test_any_cells_round_trip(r: Report, how: str) -> None:
    """Missing cells, broken sums, negative counts, raw texts ("/", "abc", "12件"), amounts of many
    digits or no unit all come back as they were."""
    r = _plain(r)
    # a text where the appeals row has no label to lean on would be a label, not a value
    assume(all(is_value_text(t) for a, t in r.raw.items() if a.startswith("appeals/")))
    if how == "html":
        back, _ = read_html(html=write_html(r))
    else:
        back, _ = read_text(text=write_text(r, layout=how))  # type: ignore[arg-type]
    assert back.cell_map() == r.cell_map()
    assert back.raw == r.raw
    assert back == r


@SETTINGS
@given(valid_reports())
def test_generated_reports_have_no_prose_contradictions(r: Report) -> None:
    from gov_disclosure import validate

    back, findings = read_text(text=write_text(r))
    assert validate(back, findings=findings).valid
