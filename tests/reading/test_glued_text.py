"""Crawler text whose cells run together (``get_text()`` of a report's page): lines cut back into
labels and runs (reading/glued.py), runs split only where certain (reading/runs.py). Every cell
placed equals the report's; reports that break their own sums never get a wrong cell."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gov_disclosure import Report, from_json
from gov_disclosure.cli import main
from gov_disclosure.core.findings import Finding
from gov_disclosure.core.values import Cell
from gov_disclosure.reading import glued
from gov_disclosure.testing import crawler_text, random_report, valid_reports
from gov_disclosure.text import read_text

DATA = Path(__file__).parent.parent / "data"
SAMPLE = DATA / "generated-crawler-text-2021.txt"


def kinds(line: str) -> list[tuple[str, str]]:
    return [(t.kind, t.text) for t in glued.tokens(line)]


# -- cutting lines -------------------------------------------------------------------------------


def test_labels_and_runs_come_apart() -> None:
    assert kinds("（三）不予公开1.属于国家秘密300305038") == [
        ("label", "（三）不予公开"),
        ("label", "1.属于国家秘密"),
        ("run", "300305038"),
    ]
    assert kinds("三、本年度办理结果（一）予以公开111072122") == [
        ("label", "三、本年度办理结果"),
        ("label", "（一）予以公开"),
        ("run", "111072122"),
    ]
    assert kinds("信息内容本年制发件数本年废止件数现行有效件数") == [
        ("label", "信息内容"),
        ("label", "本年制发件数"),
        ("label", "本年废止件数"),
        ("label", "现行有效件数"),
    ]


def test_an_item_number_run_into_the_values_before_goes_to_its_label() -> None:
    assert kinds("4.保护第三方合法权益00542011" + "5.属于三类内部事务信息07140012") == [
        ("label", "4.保护第三方合法权益"),
        ("run", "00542011"),
        ("label", "5.属于三类内部事务信息"),
        ("run", "07140012"),
    ]
    # 1、 numbering too
    assert kinds("规章000" + "1、属于国家秘密0000000")[2:] == [
        ("label", "1、属于国家秘密"),
        ("run", "0000000"),
    ]


def test_an_unknown_numbered_label_keeps_its_number_in_the_run_before() -> None:
    # a misprinted label: its item number cannot be told from the values, so the row before is not split
    report, findings = read_text(
        text="三、收到和处理政府信息公开申请情况\n"
        "（三）不予公开1.属于国家秘密00000002.其他法律行政止公开0000000\n"
        "3.危及“三安全一稳定”0000000\n4.保护第三方合法权益0000000\n",
        format="2021",
    )
    assert report.cell("applications/denied.state_secret/total") is None
    assert report.cell("applications/denied.three_securities/total") == 0
    assert any(f.code == "GD109" and f.raw == "00000002." for f in findings)


def test_digits_inside_a_label_stay_in_it() -> None:
    assert kinds("信息内容上一年项目数量（指2018年事项数）本年增/减处理决定数量") == [
        ("label", "信息内容"),
        ("label", "上一年项目数量（指2018年事项数）"),
        ("label", "本年增/减"),
        ("label", "处理决定数量"),
    ]


def test_whitespace_between_runs_is_a_gap() -> None:
    assert kinds("行政规范性文件4\u00a036") == [
        ("label", "行政规范性文件"),
        ("run", "4"),
        ("gap", "\u00a0"),
        ("run", "36"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "1.属于国家秘密",
        "0",
        "规章  0  0  0",
        "本机关2021年共收到申请12件。",
        "（一）予以公开\t3\t0",
        "依申请公开其他3件，办结率100%",
        "行政许可12件。",
    ],
)
def test_lines_that_do_not_run_together(line: str) -> None:
    assert not glued.is_run_together(line)


# -- whole reports -------------------------------------------------------------------------------


def wrong_cells(report: Report, read: Report) -> dict[str, tuple[Cell, Cell]]:
    return {
        a: (v, report.cell(a)) for a, v in read.cell_map().items() if v is not None and v != report.cell(a)
    }


def unread_are_said(report: Report, read: Report, findings: list[Finding]) -> bool:
    """Every cell the report fills that was not read is named by a reader finding."""
    named = {c.address for f in findings if f.code in ("GD105", "GD106", "GD109") for c in f.cells}
    return all(a in named for a, v in report.cell_map().items() if v is not None and read.cell(a) is None)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_reports(), st.booleans())
def test_every_cell_placed_is_the_reports(report: Report, one_line: bool) -> None:
    read, findings = read_text(text=crawler_text(report, one_line=one_line))
    assert wrong_cells(report, read) == {}
    assert read.format == report.format
    assert unread_are_said(report, read, findings)


def broken(report: Report, rng: random.Random, n: int, how: str) -> Report:
    """The report with ``n`` numbers of its applications and appeals tables changed, so that its
    sums break: a value off by a little, a digit mistyped, or any number."""
    cells = report.cell_map()
    targets = [a for a, v in cells.items() if isinstance(v, int) and not a.startswith("proactive/")]
    for a in rng.sample(targets, n):
        v = cells[a]
        assert isinstance(v, int)
        if how == "off":
            cells[a] = max(0, v + rng.choice((-10, -2, -1, 1, 2, 9, 10, 100)))
        elif how == "digit":
            s = str(v)
            i = rng.randrange(len(s))
            cells[a] = int(s[:i] + str(rng.randrange(1 if i == 0 and len(s) > 1 else 0, 10)) + s[i + 1 :])
        else:
            cells[a] = rng.randint(0, 300)
    return report.with_cells(cells)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.randoms(use_true_random=False),
    st.integers(1, 12),
    st.sampled_from(("off", "digit", "any")),
    st.booleans(),
)
def test_reports_that_break_their_sums_never_get_a_wrong_cell(
    rng: random.Random, n: int, how: str, one_line: bool
) -> None:
    report = broken(random_report(rng), rng, n, how)
    read, findings = read_text(text=crawler_text(report, one_line=one_line))
    assert wrong_cells(report, read) == {}
    assert unread_are_said(report, read, findings)


def share_placed(reports: list[Report]) -> float:
    filled = placed = 0
    for r in reports:
        read, _ = read_text(text=crawler_text(r))
        assert wrong_cells(r, read) == {}
        for a, v in r.cell_map().items():
            if v is not None:
                filled += 1
                placed += read.cell(a) is not None
    return placed / filled


def test_most_cells_of_valid_reports_are_placed() -> None:
    # measured: about 0.9 of the filled cells (the proactive table has no sum, so its rows with a
    # figure other than 0 are mostly declined; the applications table is read nearly whole)
    reports = [random_report(random.Random(f"share {i}")) for i in range(40)]
    assert share_placed(reports) > 0.8


def test_the_whole_applications_table_of_a_sparse_report_is_read() -> None:
    expected = from_json(SAMPLE.with_suffix(".json").read_text(encoding="utf-8"))
    read, findings = read_text(text=SAMPLE.read_text(encoding="utf-8"))
    assert wrong_cells(expected, read) == {}
    for table in ("applications", "appeals"):
        cells = {a: v for a, v in expected.cell_map().items() if a.startswith(table)}
        assert {a: read.cell(a) for a in cells} == cells
    assert read.agency == expected.agency
    assert read.year == expected.year
    assert read.published_on == expected.published_on
    # the proactive rows with figures have no sum to settle them (one holds a blank cell): declined
    assert sorted(f.location or "" for f in findings) == [
        "proactive/art20_1.normative_docs",
        "proactive/art20_1.rules",
    ]
    assert all(f.code == "GD109" for f in findings)


def test_validate_on_crawler_text(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["validate", str(SAMPLE), "--output-format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    codes = [f["code"] for f in data["findings"]]
    assert codes.count("GD109") == 2
    assert not {"GD201", "GD202", "GD203"} & set(codes)
    zh = runner.invoke(main, ["validate", str(SAMPLE), "--lang", "zh"])
    assert "种拆法" in zh.output
