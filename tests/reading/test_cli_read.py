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
