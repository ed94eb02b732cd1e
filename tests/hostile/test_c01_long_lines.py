"""Class 1: time linear in the line length. The title pattern was quadratic (a first line of 100,000
Han characters took 152 s), and so was the label matching of a cell of nested brackets; every
reader is run on long lines of one character, digits, spaces, brackets and repeated keywords."""

from __future__ import annotations

from pathlib import Path

import hostile_generators as g
import pytest
from hostile_limits import read_in_child, run_python

from gov_disclosure.reading.meta import parse_title


@pytest.mark.parametrize(
    ("make", "n"),
    [(g.gen_01_title_text, 200_000), (g.gen_01_title_html, 200_000), (g.gen_01_title_docx, 300_000)],
    ids=["text", "html", "docx"],
)
def test_a_long_line_before_the_title(tmp_path: Path, make: g.Maker, n: int) -> None:
    path = make(tmp_path, n)
    out = read_in_child(path)
    assert not out.timed_out, out
    assert out.result is not None, out
    if "raised" in out.result:
        assert out.result["typed"], out.result  # the text file without the title: not a report
        assert path.suffix == ".txt"
        return
    got = out.result["returned"]
    assert got["year"] == 2021
    # the long paragraph is not part of the title: the agency is the title's, not 300,000 characters
    assert len(got["agency"]) < 40, got["agency"][:80]


def test_the_title_is_found_after_a_long_line() -> None:
    assert parse_title("政" * 500) == (None, None)
    assert parse_title("政" * 500 + "测试市教育局2021年政府信息公开工作年度报告") == (None, None)  # a paragraph
    assert parse_title("测试市教育局2021年政府信息公开工作年度报告") == ("测试市教育局", 2021)
    assert parse_title("2020年度 郑州市二七区科学技术局 政府信息公开工作年度报告") == ("郑州市二七区科学技术局", 2020)


_FUZZ = r"""
def case(kind, n):
    import io
    from gov_disclosure import GovDisclosureError
    from gov_disclosure.testing import sample_report
    n = int(n)
    r = sample_report("2021")
    lines = {
        "han": "政" * n, "digits": "1" * n, "spaces": "x" + " " * n + "x", "tabs": "x" + "\t" * n + "x",
        "ideographic-spaces": "x" + "\u3000" * n + "x", "open-brackets": "(" * n,
        "nested-brackets": "(" * (n // 2) + "x" + ")" * (n // 2),
        "nested-full-width": "（" * (n // 2) + "x" + "）" * (n // 2),
        "years": "2021年" * (n // 5), "title-words": "政府信息公开" * (n // 6),
        "year-title": "2021年度政府" * (n // 8), "received": "收到申请" + "1" * n,
        "received-again": "收到申请1 " * (n // 6), "dashes": "-" * n, "chinese-numerals": "一" * n,
        "headings": "一、" * (n // 2), "dates": "2021年1月" * (n // 7), "items": "1." * (n // 2),
        "hash-spaces": "#" + " " * n + "x", "heading-tabs": "# a" + "\t" * n + "x", "dash-space": "- " * (n // 2),
        "tags": "<a>" * (n // 3) + "x", "label": "标题：" + "政" * n, "pipes": "|" * n + "x",
        "page-number": "第1页" + " " * n + "x", "stars": "*" * n + "x",
    }
    outcomes = {}
    for name, line in lines.items():
        try:
            if kind == "text":
                from gov_disclosure.text import read_text, write_text
                t = write_text(r)
                read_text(text=line + "\n" + t)
                read_text(text=t.replace("二、主动公开政府信息情况", line + "\n二、主动公开政府信息情况"))
                read_text(text=t + "\n" + line + "\n")
                read_text(text=t.replace("\t218\t", "\t" + line + "\t", 1))
            elif kind == "html":
                from gov_disclosure.html import read_html, write_html
                page = write_html(r)
                read_html(html=page.replace("<h1>", f"<p>{line}</p><h1>", 1))
                read_html(html=page.replace("<td>218</td>", f"<td>{line}</td>", 1))
                read_html(html=page.replace("一、本年新收政府信息公开申请数量", line, 1))
                read_html(html=page.replace("<title>", f"<title>{line}", 1))
            elif kind == "markdown":
                from gov_disclosure.markdown import read_markdown, write_markdown
                md = write_markdown(r)
                read_markdown(text=line + "\n" + md)
                read_markdown(text=md.replace("二、主动公开政府信息情况", line + "\n二、主动公开政府信息情况"))
                read_markdown(text=md + "\n" + line + "\n")
            elif kind == "docx":
                import docx
                from gov_disclosure.docx import read_docx
                d = docx.Document()
                d.add_paragraph(line)
                d.add_paragraph("测试市教育局2021年政府信息公开工作年度报告")
                t = d.add_table(2, 3)
                t.cell(0, 0).text = line
                t.cell(1, 0).text = "一、本年新收政府信息公开申请数量"
                t.cell(1, 1).text = line
                d.add_paragraph(line)
                b = io.BytesIO()
                d.save(b)
                read_docx(b.getvalue())
            outcomes[name] = "ok"
        except GovDisclosureError as exc:
            outcomes[name] = "typed " + type(exc).__name__
        except Exception as exc:
            outcomes[name] = f"UNTYPED {type(exc).__name__}: {str(exc)[:200]}"
    return outcomes
"""


@pytest.mark.parametrize("kind", ["text", "html", "markdown", "docx"])
def test_long_lines_through_every_reader(kind: str) -> None:
    out = run_python(_FUZZ, kind, "200000", deadline=120)
    assert not out.timed_out, out
    assert out.result is not None, out
    assert "returned" in out.result, out.result
    untyped = {k: v for k, v in out.result["returned"].items() if v.startswith("UNTYPED")}
    assert not untyped
