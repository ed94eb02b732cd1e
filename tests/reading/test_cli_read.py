"""`gov-disclosure read` and `validate` on text and HTML files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from gov_disclosure import from_json
from gov_disclosure.cli import main
from gov_disclosure.html import write_html
from gov_disclosure.testing import sample_report

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_read_text_sample_to_json(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = runner.invoke(main, ["read", str(DATA / "dinghai-econ-2020.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    r = from_json(out.read_text(encoding="utf-8"))
    assert r.agency == "舟山市定海区经济和信息化局"
    assert r.cell("proactive/art20_9.procurement/amount") is not None
    assert "GD101" in result.output  # the blank cells are listed


def test_read_erqi_prints_the_misfit_rows_and_fails(runner: CliRunner) -> None:
    result = runner.invoke(main, ["read", str(DATA / "erqi-sci-2020.txt"), "--lang", "zh"])
    assert result.exit_code == 1
    assert "GD105" in result.output
    assert "GD502" in result.output
    assert "10个数值" in result.output


def test_read_html_recognised_by_content(runner: CliRunner, tmp_path: Path) -> None:
    r = sample_report("2021")
    page = tmp_path / "report.download"  # no telling suffix
    page.write_text(write_html(r), encoding="utf-8")
    out = tmp_path / "r.json"
    result = runner.invoke(main, ["read", str(page), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert from_json(out.read_text(encoding="utf-8")) == r


def test_validate_html_json_output(runner: CliRunner, tmp_path: Path) -> None:
    r = sample_report("2019").with_cells({"appeals/review/total": 999})
    page = tmp_path / "report.html"
    page.write_text(write_html(r), encoding="utf-8")
    result = runner.invoke(main, ["validate", str(page), "--output-format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert any(f["code"] == "GD301" for f in data["findings"])


def test_read_garbage_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    p = tmp_path / "x.txt"
    p.write_text("今天天气很好。", encoding="utf-8")
    result = runner.invoke(main, ["read", str(p)])
    assert result.exit_code == 2
    assert "not a report" in result.output


def test_read_in_a_subprocess(tmp_path: Path) -> None:
    out = tmp_path / "erqi.json"
    proc = subprocess.run(
        [sys.executable, "-m", "gov_disclosure", "read", str(DATA / "erqi-sci-2020.txt"), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "GD105" in proc.stdout
    assert from_json(out.read_text(encoding="utf-8")).agency == "二七区科学技术局"


# -- what the file was read as, and how well ----------------------------------------------------------

REAL = DATA / "real"


def test_read_says_which_reader_and_how_well(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "gov_disclosure", "read", str(REAL / "shanghai-stcsm-2024.md"), "--lang", "en"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    stderr = out.stderr.decode("utf-8")
    assert "read as Markdown by gov_disclosure.markdown.read_markdown" in stderr
    assert "of 200 cells, 199 placed, 0 declined" in stderr
    assert from_json(out.stdout).agency == "上海市科委"  # the report alone on stdout


def test_read_says_it_in_chinese(runner: CliRunner) -> None:
    result = runner.invoke(main, ["read", str(DATA / "erqi-sci-2020.txt"), "--lang", "zh"])
    assert "作为纯文本读取（gov_disclosure.text.read_text）" in result.output
    assert "未能放入" in result.output


def test_validate_json_has_the_reader_and_the_cells(runner: CliRunner, tmp_path: Path) -> None:
    r = sample_report("2021")
    page = tmp_path / "report.html"
    page.write_text(write_html(r), encoding="utf-8")
    result = runner.invoke(main, ["validate", str(page), "--output-format", "json"])
    data = json.loads(result.output)
    assert data["reader"] == "gov_disclosure.html.read_html"
    filled = sum(1 for v in r.cell_map().values() if v is not None)
    assert data["cells"] == {"placed": filled, "declined": 0, "blank": 200 - filled, "cells": 200}


def test_a_file_without_tables_is_unreadable_in_one_line(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text("某某局2021年政府信息公开工作年度报告\n一、总体情况\n本年度工作正常开展。\n", encoding="utf-8")
    result = runner.invoke(main, ["validate", str(path), "--lang", "en"])
    assert result.exit_code == 2
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1
    assert "none of the three statistical tables" in lines[0]
    assert "GD101" not in result.output
    result = runner.invoke(main, ["read", str(path), "--lang", "zh"])
    assert result.exit_code == 2
    assert "三张统计表" in result.output
