"""The rules of the outline, the text and text lint on the real reports in tests/data, each with its
expected outcome written out (read from the files by hand, not from the validator): what they get wrong
is found, nothing they get right is reported.

The table rules that need cells the readers cannot place yet (Shanghai's applications table) are run on
the text as read and the cells as read by hand (tests/data/real/expected.json)."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from gov_disclosure import Amount, Report, read_report, validate
from gov_disclosure.core.values import Cell

DATA = Path(__file__).parent.parent / "data"
#: the codes of issue 12 (outline, text, prose against the tables, lint) and the inferred deadline
NEW = {"GD503", *(f"GD{n}" for n in range(603, 617)), "GD705", "GD801", "GD802", "GD803"}

EXPECTED: dict[str, set[tuple[str, str | None]]] = {
    # 2020, 2019 format: the problems heading numbered 5、 and no section 六 at all
    "dinghai-econ-2020.txt": {("GD605", "sections/problems"), ("GD603", "sections/other")},
    # 2020, 2019 format: six sections in order, text that speaks of 2020, signed on time: nothing
    "erqi-sci-2020.txt": set(),
    # a sample report printed to PDF: a page number "—1—" left in section 二 is no heading repeated
    "pdf-layout-sample-2019.txt": set(),
    # the official blank template: three sections hold only the template's placeholders
    "official-blank-2021.docx": {
        ("GD610", "sections/overview"),
        ("GD610", "sections/problems"),
        ("GD610", "sections/other"),
    },
    # 2024, 2021 format (a PDF converted to Markdown): its own outline — 一 总体情况, 二 工作机制保障,
    # 三 主动公开, 四 申请, 五 政府信息管理, 六 平台建设, then the tables' sections numbered 一 二 三 again
    # and 五 其他 (no heading 五 问题: the problems section is only （一）主要问题) —, 所有申请均已按要求办理
    # 完成 with one application 转下一年度, a doubled 资金资金 and an ASCII comma in 六部分, 并附
    "real/shanghai-stcsm-2024.md": {
        ("GD603", "sections/problems"),  # the text is there, under （一）主要问题; the heading is not
        ("GD613", "sections/applications"),  # 表三 四、结转下年度继续办理 · 自然人 1
        ("GD605", "sections/proactive"),
        ("GD605", "sections/applications"),
        ("GD605", "sections/appeals"),
        ("GD605", "sections/other"),
        ("GD606", "sections/overview"),  # 二、工作机制保障
        ("GD606", "sections/applications"),  # 五、政府信息管理, 六、政府信息公开平台建设 (one location)
        ("GD607", "sections/proactive"),  # 一、主动公开政府信息情况 after 六、
        ("GD607", "sections/other"),  # 三、 then 五、其他需要报告的事项
        ("GD608", "sections/overview"),  # 政府信息管理 is a section of its own, not in 总体情况
        ("GD801", "sections/proactive"),  # 2023年上海市科技计划资金资金分配结果信息
        ("GD802", "sections/overview"),  # 六部分, 并附相关指标统计表
    },
    # 2023, 2021 format, the PDF as published: a report that follows the format; no date to check
    "real/hongze-gov-2023.pdf": set(),
}


def read(name: str) -> tuple[Report, list[Any]]:
    if name.endswith(".pdf") and shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return read_report(DATA / name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_new_rules_on_the_real_reports(name: str) -> None:
    r, findings = read(name)
    result = validate(r, findings=findings)
    got = {(f.code, f.location) for f in result.findings if f.code in NEW}
    assert got == EXPECTED[name], sorted((f.code, f.location, f.message) for f in result.findings if f.code in NEW)


def test_shanghai_names_each_heading_that_is_no_section() -> None:
    r, findings = read("real/shanghai-stcsm-2024.md")
    gd606 = [f.message_zh for f in validate(r, findings=findings).findings if f.code == "GD606"]
    assert len(gd606) == 3
    for heading in ("二、工作机制保障", "五、政府信息管理", "六、政府信息公开平台建设"):
        assert sum(heading in m for m in gd606) == 1


def hand_read(name: str) -> Report:
    """The report as read, with the cells read by hand from the file (expected.json)."""
    data = json.loads((DATA / "real" / "expected.json").read_text(encoding="utf-8"))["files"][name]
    r, _ = read(f"real/{name}")
    cells: dict[str, Cell] = {}
    for address, v in data["cells"].items():
        if isinstance(v, dict):
            cells[address] = Amount(Decimal(v["amount"]), v.get("unit"))
        else:
            cells[address] = v
    blank = Report.blank(r.format, year=r.year, agency=r.agency, sections=r.sections, outline=r.outline)
    return attrs.evolve(blank.with_cells(cells), published_on=r.published_on)


PROSE = {"GD602", "GD613", "GD614", "GD615", "GD616"}


def test_shanghai_says_every_application_was_dealt_with_and_carries_one_forward() -> None:
    """所有申请均已按要求办理完成 — and 转下一年度办理答复的有1件 (表三: 四、结转下年度 自然人 1)."""
    r = hand_read("shanghai-stcsm-2024.md")
    got = [f for f in validate(r).findings if f.code in PROSE]
    assert [(f.code, f.location) for f in got] == [("GD613", "sections/applications")]
    (f,) = got
    assert f.found == 1
    assert "所有申请均已按要求办理完成" in (f.raw or "")


def test_hongze_text_agrees_with_its_tables() -> None:
    """均在法定期限答复 with nothing carried forward; the fee of 0 元 stated in 六; 表四 counts its
    cases (its totals are misprinted: GD301, not a prose finding)."""
    r = hand_read("hongze-gov-2023.pdf")
    assert [f for f in validate(r).findings if f.code in PROSE] == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_lint_on_what_the_real_reports_write_rightly(name: str) -> None:
    r, findings = read(name)
    lint = {(f.code, f.location) for f in validate(r, findings=findings).findings if f.code.startswith("GD8")}
    assert lint == {x for x in EXPECTED[name] if x[0].startswith("GD8")}
