"""The review cycle from the command line: check/validate with --review, --html, --decisions, --fixes;
annotate; export --indicators."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from gov_disclosure.cli import main
from gov_disclosure.docx import read_docx_anchored


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _root(corpus: dict[str, Path]) -> str:
    return str(corpus["0-2021"].parent)


def test_check_writes_the_workbook_and_the_page(
    corpus: dict[str, Path], tmp_path: Path, runner: CliRunner
) -> None:
    review, page = tmp_path / "review.xlsx", tmp_path / "review.html"
    result = runner.invoke(
        main,
        [
            "check",
            _root(corpus),
            "-j",
            "1",
            "--no-progress",
            "--review",
            str(review),
            "--html",
            str(page),
            "--lang",
            "zh",
        ],
    )
    assert result.exit_code == 1, result.output
    assert f"已写入审核工作簿：{review}" in result.output
    assert f"已写入审核网页：{page}" in result.output
    assert openpyxl.load_workbook(review).sheetnames[:2] == ["总览", "问题清单"]
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def _dismiss_all_errors(review: Path) -> int:
    wb = openpyxl.load_workbook(review)
    ws = wb["问题清单"]
    header = [c.value for c in ws[1]]
    sev, dec = header.index("严重程度") + 1, header.index("处理意见") + 1
    n = 0
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, sev).value == "错误":
            ws.cell(row, dec).value = "不予采纳"
            n += 1
    wb.save(review)
    return n


def test_dismissed_findings_do_not_count_and_stale_ones_are_told(
    corpus: dict[str, Path], tmp_path: Path, runner: CliRunner
) -> None:
    review = tmp_path / "review.xlsx"
    args = ["check", _root(corpus), "-j", "1", "--no-progress", "--lang", "zh"]
    assert runner.invoke(main, [*args, "--review", str(review)]).exit_code == 1
    n = _dismiss_all_errors(review)
    assert n >= 12
    result = runner.invoke(main, [*args, "--decisions", str(review), "--review", str(review)])
    assert result.exit_code == 0, result.output  # every error dismissed
    assert result.output.count("不予采纳 GD") == n
    assert f"不予采纳{n}条（不计入结果）" in result.output
    # the rewritten workbook keeps the reviewer's decisions
    wb = openpyxl.load_workbook(review)
    column = [c.value for c in wb["问题清单"]["K"]]
    assert column.count("不予采纳") == n
    # a decision whose finding went away is stale
    (tmp_path / "d.csv").write_text("id,decision\nGD201-0123456789ab,confirmed\n", encoding="utf-8")
    stale = runner.invoke(main, [*args, "--decisions", str(tmp_path / "d.csv")])
    assert stale.exit_code == 1
    assert "处理意见已过时：问题GD201-0123456789ab（已确认）不再出现" in stale.output


def test_validate_with_fixes_and_decisions(
    corpus: dict[str, Path], tmp_path: Path, runner: CliRunner
) -> None:
    report = corpus["1-2022"]
    fixes = tmp_path / "fixes.csv"
    fixes.write_text(
        f"file,cell,value,note\n{report},applications/granted/business,0,按原件\n", encoding="utf-8"
    )
    result = runner.invoke(main, ["validate", str(report), "--fixes", str(fixes), "--lang", "zh"])
    assert result.exit_code == 1
    assert "GD901" in result.output
    assert "按原件" in result.output
    assert "GD102" not in result.output
    # the workbook of this one report, in English; the reviewer dismisses every error
    review = tmp_path / "r.xlsx"
    runner.invoke(main, ["validate", str(report), "--fixes", str(fixes), "--review", str(review), "--lang", "en"])
    wb = openpyxl.load_workbook(review)
    ws = wb["Findings"]
    assert [c.value for c in ws[1]][9:] == ["Finding ID", "Decision", "Note"]
    dismissed = 0
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, 5).value == "error":
            ws.cell(row, 11).value = "dismissed"
            dismissed += 1
    assert dismissed
    wb.save(review)
    done = runner.invoke(
        main, ["validate", str(report), "--fixes", str(fixes), "--decisions", str(review), "--lang", "en"]
    )
    assert done.exit_code == 0, done.output
    assert done.output.count("dismissed GD") == dismissed
    assert "VALID" in done.output


def test_unused_fixes_and_bad_files_are_told(
    corpus: dict[str, Path], tmp_path: Path, runner: CliRunner
) -> None:
    fixes = tmp_path / "fixes.csv"
    fixes.write_text("file,cell,value\nnowhere.docx,applications/new/total,3\n", encoding="utf-8")
    result = runner.invoke(
        main, ["check", _root(corpus), "-j", "1", "--no-progress", "--fixes", str(fixes), "--lang", "zh"]
    )
    assert "人工更正未使用：所检查的报告中没有nowhere.docx（fixes.csv:2）" in result.output
    bad = tmp_path / "bad.csv"
    bad.write_text("x,y\n", encoding="utf-8")
    refused = runner.invoke(main, ["check", _root(corpus), "--decisions", str(bad), "--lang", "zh"])
    assert refused.exit_code == 2
    assert "不是处理意见文件" in refused.output
    wrong = runner.invoke(main, ["check", _root(corpus), "--review", str(tmp_path / "r.csv"), "--lang", "zh"])
    assert wrong.exit_code == 2


def test_annotate_command(corpus: dict[str, Path], tmp_path: Path, runner: CliRunner) -> None:
    src = corpus["1-2022"]
    out = tmp_path / "checked.docx"
    result = runner.invoke(main, ["annotate", str(src), "-o", str(out), "--lang", "zh"])
    assert result.exit_code == 1, result.output
    assert f"{out}：已标注" in result.output
    reading = read_docx_anchored(out.read_bytes())
    assert len(list(reading.document.comments)) == 5  # GD102, GD201, GD203 twice, GD301
    with_last_year = runner.invoke(
        main, ["annotate", str(src), "-o", str(out), "--previous", str(corpus["1-2021"]), "--lang", "zh"]
    )
    assert with_last_year.exit_code == 1
    assert len(list(read_docx_anchored(out.read_bytes()).document.comments)) == 7  # and GD701 twice
    same = runner.invoke(main, ["annotate", str(src), "-o", str(src), "--lang", "zh"])
    assert same.exit_code == 2
    assert "输入文件不会被修改" in same.output
    suffix = runner.invoke(main, ["annotate", str(src), "-o", str(tmp_path / "x.pdf"), "--lang", "zh"])
    assert suffix.exit_code == 2
    good = runner.invoke(main, ["annotate", str(corpus["1-2021"]), "-o", str(tmp_path / "ok.docx")])
    assert good.exit_code == 0, good.output


def test_export_indicators(corpus: dict[str, Path], tmp_path: Path, runner: CliRunner) -> None:
    csv_path = tmp_path / "ind.csv"
    result = runner.invoke(main, ["export", "--indicators", _root(corpus), "-j", "1", "-o", str(csv_path)])
    assert result.exit_code == 0, result.output
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel on Chinese Windows reads it as UTF-8
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("file,agency,year,format,disclosure_rate,disclosure_rate_numerator")
    assert len(lines) == 7
    jsonl = runner.invoke(main, ["export", "--indicators", str(corpus["0-2021"]), "--output-format", "jsonl"])
    record = json.loads(jsonl.stdout.splitlines()[0])
    num, den = record["disclosure_rate_numerator"], record["disclosure_rate_denominator"]
    assert record["disclosure_rate"] == f"{num / den:.6f}"
    neither = runner.invoke(main, ["export", _root(corpus), "--lang", "zh"])
    assert neither.exit_code == 2
    assert "--cells 或 --indicators" in neither.output
    both = runner.invoke(main, ["export", "--cells", "--indicators", _root(corpus)])
    assert both.exit_code == 2


def test_export_cells_with_fixes_marks_the_cell(
    corpus: dict[str, Path], tmp_path: Path, runner: CliRunner
) -> None:
    fixes = tmp_path / "fixes.csv"
    fixes.write_text(
        f"file,cell,value,note\n{corpus['1-2022'].name},applications/granted/business,4,按原件\n",
        encoding="utf-8",
    )
    out = tmp_path / "cells.jsonl"
    result = runner.invoke(
        main, ["export", "--cells", _root(corpus), "-j", "1", "--fixes", str(fixes), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    marked = [r for r in rows if r["corrected_by_hand"]]
    assert len(marked) == 1
    assert marked[0]["file"] == str(corpus["1-2022"])
    assert (marked[0]["row"], marked[0]["column"], marked[0]["value"]) == ("granted", "business", "4")
    assert marked[0]["corrected_by_hand"] == "按原件"
