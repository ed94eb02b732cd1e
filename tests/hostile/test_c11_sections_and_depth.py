"""Class 11: a line that looks like a section heading inside a section's text re-split the sections
(a table then fell outside its section, unread: 10 proactive cells or 175 applications cells blank,
VALID); a page nested more than 255 levels deep lost the rest of the page silently (the 15 appeals
cells). The headings are now taken in the format's order (a quoted heading stays text, with a
GD106 finding) and a table under the wrong heading is still read; a page is read to 2,048 levels
and refused beyond."""

from __future__ import annotations

from pathlib import Path

import hostile_generators as g
import pytest
from hostile_limits import cells_of, read_in_child

from gov_disclosure import GovDisclosureError, read_report
from gov_disclosure.core.vocabulary import SECTIONS
from gov_disclosure.reading.meta import split_sections
from gov_disclosure.testing import sample_report

_CASES = [
    ("overview", "三、收到和处理政府信息公开申请情况"),
    ("proactive", "一、总体情况"),
    ("applications", "六、其他需要报告的事项"),
    ("appeals", "五、存在的主要问题及改进情况"),
    ("problems", "第二部分 主动公开政府信息情况"),
]


@pytest.mark.parametrize(("where", "line"), _CASES)
@pytest.mark.parametrize("kind", ["txt", "html", "docx"])
def test_a_heading_like_line_inside_a_section(tmp_path: Path, kind: str, where: str, line: str) -> None:
    for fmt in ("2019", "2021"):
        path = g.gen_11_heading_in_text(tmp_path, kind, where, line, fmt)
        back, _ = read_report(path)
        want = sample_report(fmt)  # type: ignore[arg-type]
        assert back.cell_map() == want.cell_map(), (fmt, kind, where)
        texts = [getattr(back.sections, s.key) for s in SECTIONS]
        # kept as text: in its section, or (the heading of the next section quoted just before
        # it: the two cannot be told apart) the quoted line starts that section
        assert any(line in t for t in texts) or "本机关全年共收到申请若干件。" in "".join(texts)
        filled = [s.key for s in SECTIONS if getattr(back.sections, s.key)]
        assert set(filled) >= {s.key for s in SECTIONS if getattr(want.sections, s.key)}


def test_in_a_child_process(tmp_path: Path) -> None:
    out = read_in_child(g.gen_11_heading_in_text(tmp_path, "txt", "proactive", "一、总体情况"))
    assert out.result is not None, out
    assert out.result["returned"]["cells"] == cells_of(sample_report("2021"))


def test_headings_out_of_order_stay_text() -> None:
    paras = ["一、总体情况", "甲。", "三、收到和处理政府信息公开申请情况", "二、主动公开政府信息情况", "乙。",
             "三、收到和处理政府信息公开申请情况", "丙。"]
    sections, findings = split_sections(paras)
    assert sections.overview == "甲。\n三、收到和处理政府信息公开申请情况"
    assert sections.proactive == "乙。"
    assert sections.applications == "丙。"
    assert [(f.code, f.location, f.source) for f in findings] == [("GD106", "sections/overview", "paragraph 3")]


def test_many_heading_lines_are_linear() -> None:
    paras = ["六、其他需要报告的事项", "一、总体情况"] * 20_000
    sections, findings = split_sections(paras)  # 40,000 heading lines: linear in their number
    assert sections.overview == ""
    # every heading line but the first 一 and the 六 after it (and the section 六 is too long)
    assert len([f for f in findings if f.source]) == len(paras) - 2


@pytest.mark.parametrize("levels", [300, 2000])
def test_a_deeply_nested_page_is_read_whole(tmp_path: Path, levels: int) -> None:
    out = read_in_child(g.gen_11_html_deep(tmp_path, levels))
    assert out.result is not None, out
    assert out.result["returned"]["cells"] == cells_of(sample_report("2021"))


def test_a_page_deeper_than_the_parser_is_refused(tmp_path: Path) -> None:
    with pytest.raises(GovDisclosureError, match="nested"):
        read_report(g.gen_11_html_deep(tmp_path, 3000))
