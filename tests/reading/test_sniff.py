"""What a file is taken for, by its content: HTML fragments (tags anywhere early), Markdown (pipe
tables, # headings), plain text; the suffix decides a tie; read_report_info says which reader read it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gov_disclosure import read_report_info
from gov_disclosure.html import write_html
from gov_disclosure.markdown import write_markdown
from gov_disclosure.reading.sniff import sniff
from gov_disclosure.testing import sample_report
from gov_disclosure.text import write_text

pytest.importorskip("lxml")


def _fragment(page: str) -> str:
    """A page's content as a CMS field keeps it: no <html>, <head> or <body>, tags with styles."""
    body = page[page.index('<div class="report">') : page.index("</body>")]
    return body.replace("<p>", '<p style="text-indent:2em;font-size:16px">').replace("<h2>", "<p><strong>")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('<p style="text-align:center">某某局2021年政府信息公开工作年度报告</p><p>一、总体情况</p>', "html"),
        ("某某局2021年政府信息公开工作年度报告<br/>一、总体情况<br/>本年度……<br>", "html"),
        ("<div>某某局2021年…</div><span>x</span><span>y</span>", "html"),
        ("正文\n某某局2021年…\n<table><tr><td>规章</td></tr></table>", "html"),
        ("正文\n# 某某局2021年政府信息公开工作年度报告\n## 一、总体情况\n", "markdown"),
        ("正文\n某某局\n| 规章 | 0 | 0 | 0 |\n|---|---|---|---|\n", "markdown"),
        ("# 标题\n## 一、总体情况\n<table><tr><td>规章</td></tr></table>\n", "markdown"),
        ("某某局2021年政府信息公开工作年度报告\n一、总体情况\n规章\t0\t0\t0\n", "text"),
        ('{"format": "2021"}', "json"),
        ("<!DOCTYPE html><html><body></body></html>", "html"),
    ],
)
def test_content_decides(text: str, kind: str) -> None:
    assert sniff(text.encode("utf-8"), "report.txt") == kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [("a.md", "markdown"), ("a.html", "html"), ("a.txt", "markdown"), ("a", "markdown")],
)
def test_the_suffix_decides_a_tie(name: str, kind: str) -> None:
    # one heading and one tag: as likely Markdown as HTML
    text = "# 某某局2021年政府信息公开工作年度报告\n本年度……<br>\n"
    assert sniff(text.encode("utf-8"), name) == kind


def test_plain_text_with_md_suffix_is_read_by_the_markdown_reader() -> None:
    assert sniff("某某局\n一、总体情况\n".encode(), "a.md") == "markdown"
    assert sniff("某某局\n一、总体情况\n".encode(), "a.txt") == "text"


def test_an_html_fragment_reads_every_cell(tmp_path: Path) -> None:
    r = sample_report("2021")
    path = tmp_path / "page.txt"
    path.write_text(_fragment(write_html(r)), encoding="utf-8")
    assert not re.search(r"<html|<body", path.read_text(encoding="utf-8"))
    info = read_report_info(path)
    assert info.kind == "html"
    assert info.reader == "gov_disclosure.html.read_html"
    assert info.report.cell_map() == r.cell_map()
    assert info.report.agency == r.agency  # not a tag
    assert info.quality.declined == 0


@pytest.mark.parametrize(
    ("make", "kind", "reader"),
    [
        (lambda r: write_text(r), "text", "gov_disclosure.text.read_text"),
        (lambda r: write_markdown(r), "markdown", "gov_disclosure.markdown.read_markdown"),
        (lambda r: write_html(r), "html", "gov_disclosure.html.read_html"),
    ],
)
def test_read_report_info_says_which_reader(tmp_path: Path, make: object, kind: str, reader: str) -> None:
    r = sample_report("2019")
    path = tmp_path / "report.dat"
    path.write_text(make(r), encoding="utf-8")  # type: ignore[operator]
    info = read_report_info(path)
    assert (info.kind, info.reader) == (kind, reader)
    assert info.report.cell_map() == r.cell_map()
