import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from gov_disclosure import from_json, to_json
from gov_disclosure.cli import main
from gov_disclosure.testing import sample_report


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write(tmp_path: Path, name: str, text: str) -> str:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_sample_is_valid_json_report(runner: CliRunner) -> None:
    for fmt in ("2019", "2021"):
        result = runner.invoke(main, ["sample", "--format", fmt])
        assert result.exit_code == 0
        assert from_json(result.output) == sample_report(fmt)  # type: ignore[arg-type]


def test_validate_exit_codes_and_json_output(runner: CliRunner, tmp_path: Path) -> None:
    good = write(tmp_path, "good.json", to_json(sample_report("2021")))
    result = runner.invoke(main, ["validate", good])
    assert result.exit_code == 0, result.output
    assert "VALID" in result.output

    r = sample_report("2021")
    total = r.cell("appeals/review/total")
    assert isinstance(total, int)
    bad = write(tmp_path, "bad.json", to_json(r.with_cells({"appeals/review/total": total + 1})))
    result = runner.invoke(main, ["validate", bad, "--output-format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["valid"] is False
    assert data["counts"]["error"] == 1
    (f,) = data["findings"]
    assert f["code"] == "GD301"
    assert f["location"] == "appeals/review/total"
    assert f["found"] == total + 1
    assert f["expected"] == total
    assert f["cells"][0] == {"address": "appeals/review/total", "value": total + 1}

    human = runner.invoke(main, ["validate", bad, "--lang", "zh"])
    assert human.exit_code == 1
    assert "[表四 · 政府信息公开行政复议、行政诉讼情况]" in human.output
    assert "表四 · 行政复议 · 总计 (appeals/review/total)" in human.output
    assert "未通过" in human.output

    unreadable = write(tmp_path, "broken.json", '{"format": ')
    result = runner.invoke(main, ["validate", unreadable])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    result = runner.invoke(main, ["validate", str(tmp_path / "nope.json")])
    assert result.exit_code == 2


def test_validate_with_previous(runner: CliRunner, tmp_path: Path) -> None:
    import random

    from gov_disclosure.testing import random_report

    rng = random.Random(7)
    last = random_report(rng, "2021", year=2022)
    this = random_report(rng, previous=last)
    v = this.cell("proactive/art20_1.rules/in_force")
    assert isinstance(v, int)
    this = this.with_cells({"proactive/art20_1.rules/in_force": v + 3})
    a = write(tmp_path, "a.json", to_json(last))
    b = write(tmp_path, "b.json", to_json(this))
    result = runner.invoke(main, ["validate", b, "--previous", a, "--output-format", "json"])
    assert result.exit_code == 0  # GD702 is a warning
    codes = [f["code"] for f in json.loads(result.output)["findings"]]
    assert codes == ["GD702"]


def test_export_cells_and_schema(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "r.json", to_json(sample_report("2019")))
    result = runner.invoke(main, ["export", "--cells", path])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "file,agency,year,format,table,row,column,value,unit,raw"  # as for many files
    assert len(lines) == 1 + 198
    out = tmp_path / "cells.jsonl"
    result = runner.invoke(main, ["export", "--cells", path, path, "--output-format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 2 * 198
    assert rows[0]["file"] == path
    schema = json.loads(runner.invoke(main, ["schema"]).output)
    assert schema["$schema"].endswith("2020-12/schema")


def test_rules_lists_the_catalogue(runner: CliRunner) -> None:
    result = runner.invoke(main, ["rules", "--lang", "zh"])
    assert result.exit_code == 0
    assert "GD203" in result.output
    assert "勾稽关系不成立" in result.output


def test_as_a_subprocess(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    sample = subprocess.run(
        [sys.executable, "-m", "gov_disclosure", "sample", "--format", "2019"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=60,
    )
    path = tmp_path / "s.json"
    path.write_text(sample.stdout, encoding="utf-8")
    ok = subprocess.run(
        [sys.executable, "-m", "gov_disclosure", "validate", str(path), "--output-format", "json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert ok.returncode == 0
    assert json.loads(ok.stdout)["valid"] is True
    garbage = tmp_path / "x.json"
    garbage.write_bytes(b"\x00\x01\x02 garbage")
    bad = subprocess.run(
        [sys.executable, "-m", "gov_disclosure", "validate", str(garbage)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr
    assert bad.stderr.startswith("error:")
