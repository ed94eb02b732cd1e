"""gov-disclosure check / compare / export --cells over folders."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from gov_disclosure.cli import main
from gov_disclosure.core.vocabulary import spec


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def names(corpus: Any) -> dict[str, str]:
    return {str(p): n for n, p in corpus.files.items()}


def test_check_writes_every_finding_as_csv(runner: CliRunner, corpus: Any, tmp_path: Path) -> None:
    out = tmp_path / "findings.csv"
    result = runner.invoke(main, ["check", str(corpus.root), "-j", "1", "--findings", str(out)])
    assert result.exit_code == 2, result.output  # unreadable files win over errors
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    n = names(corpus)
    got = {(n[r["file"]], r["code"], r["location"] or None) for r in rows if r["code"] != "unreadable"}
    assert got == corpus.expected
    assert {n[r["file"]] for r in rows if r["code"] == "unreadable"} == corpus.unreadable
    gd701 = [r for r in rows if r["code"] == "GD701"]
    assert all(n[r["previous"]] == "a20" and r["agency"] and r["year"] == "2021" for r in gd701)
    assert all(r["message"] and r["message_zh"] for r in rows)
    assert all(r["cells"] for r in rows if r["code"] not in ("unreadable", "GD704"))
    gd704 = next(r for r in rows if r["code"] == "GD704")
    assert float(gd704["found"]) >= 0.9
    assert "%" in gd704["message"]
    # the summary table
    assert "reports read" in result.output
    assert "GD704" in result.output
    assert "unreadable" in result.output
    assert "bad.json" in result.output


def test_check_jsonl_on_stdout(runner: CliRunner, corpus: Any) -> None:
    files = [str(corpus.files[k]) for k in ("a20", "a21", "a22")]
    result = runner.invoke(main, ["check", *files, "-j", "1", "--findings", "-", "--summary", "json"])
    assert result.exit_code == 1
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert {(x["code"], x["location"]) for x in lines} == {
        (c, loc) for name, c, loc in corpus.expected if name in ("a20", "a21", "a22")
    }
    gd201 = next(x for x in lines if x["code"] == "GD201")
    assert isinstance(gd201["cells"], list)
    assert gd201["expected"] != gd201["found"]
    summary = json.loads(result.stderr)
    assert summary["pairs"] == 2
    assert summary["with_errors"] == 3
    assert summary["unreadable_files"] == []


def test_check_exit_codes(runner: CliRunner, corpus: Any) -> None:
    ok = runner.invoke(main, ["check", str(corpus.files["c23"]), str(corpus.files["b22"])])
    assert ok.exit_code == 0, ok.output
    errors = runner.invoke(main, ["check", str(corpus.files["a22"])])
    assert errors.exit_code == 1
    missing = runner.invoke(main, ["check", str(corpus.files["a22"]), "no-such-file.json"])
    assert missing.exit_code == 2


def test_check_bad_findings_suffix(runner: CliRunner, corpus: Any) -> None:
    result = runner.invoke(main, ["check", str(corpus.root), "--findings", "out.xlsx"])
    assert result.exit_code == 2
    assert ".csv" in result.output


def test_check_with_two_processes(runner: CliRunner, corpus: Any, tmp_path: Path) -> None:
    one, two = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    runner.invoke(main, ["check", str(corpus.root), "-j", "1", "--findings", str(one)])
    runner.invoke(main, ["check", str(corpus.root), "-j", "2", "--findings", str(two), "--progress"])
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")
    assert one.read_text(encoding="utf-8").count("\n") == len(corpus.expected) + len(corpus.unreadable)


def test_compare(runner: CliRunner, corpus: Any) -> None:
    a20, a21, a22 = (str(corpus.files[k]) for k in ("a20", "a21", "a22"))
    result = runner.invoke(main, ["compare", a20, a21])
    assert result.exit_code == 1
    assert "GD701" in result.output
    swapped = runner.invoke(main, ["compare", a21, a20, "--output-format", "json"])
    assert swapped.exit_code == 1
    assert "note:" in swapped.stderr
    data = json.loads(swapped.stdout)
    assert data["last"] == a20
    assert {f["code"] for f in data["findings"]} == {"GD701"}
    assert runner.invoke(main, ["compare", a21, a22]).exit_code == 0
    gap = runner.invoke(main, ["compare", a20, a22])
    assert gap.exit_code == 2
    assert "consecutive" in gap.output
    other = runner.invoke(
        main, ["compare", str(corpus.files["b22"]), str(corpus.files["b23"]), "--lang", "zh"]
    )
    assert other.exit_code == 0
    assert "GD704" in other.output
    assert "相同" in other.output
    unreadable = runner.invoke(main, ["compare", str(corpus.files["bad"]), a21])
    assert unreadable.exit_code == 2


def test_export_cells_of_a_folder(runner: CliRunner, corpus: Any, tmp_path: Path) -> None:
    out = tmp_path / "cells.csv"
    result = runner.invoke(main, ["export", "--cells", str(corpus.root), "-o", str(out), "-j", "1"])
    assert result.exit_code == 2  # two unreadable files, reported; the rest exported
    assert "bad.json" in result.stderr
    assert "broken.xlsx" in result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert list(rows[0]) == [
        "file",
        "agency",
        "year",
        "format",
        "table",
        "row",
        "column",
        "value",
        "unit",
        "raw",
    ]
    per_file: dict[str, int] = {}
    for r in rows:
        per_file[r["file"]] = per_file.get(r["file"], 0) + 1
    n = names(corpus)
    assert {n[f] for f in per_file} == {"a20", "a21", "a22", "b22", "b23", "c23"}
    assert per_file[str(corpus.files["a20"])] == len(spec("2019").cells) == 198
    assert per_file[str(corpus.files["a21"])] == len(spec("2021").cells) == 200
    blank = next(r for r in rows if n[r["file"]] == "b22" and r["row"] == "new" and r["column"] == "research")
    assert blank["value"] == ""
    assert blank["year"] == "2022"


def test_export_cells_jsonl_parallel(runner: CliRunner, corpus: Any, tmp_path: Path) -> None:
    out = tmp_path / "cells.jsonl"
    good = [str(corpus.files[k]) for k in ("a20", "a21", "a22", "b22", "b23", "c23")]
    result = runner.invoke(main, ["export", "--cells", *good, "-o", str(out), "-j", "2"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["file"] for r in rows] == sorted((r["file"] for r in rows), key=good.index)
    assert rows[0]["year"] == 2020
    assert rows[0]["agency"] == "郑州市二七区科学技术局"


def test_export_parquet(runner: CliRunner, corpus: Any, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "cells.parquet"
    result = runner.invoke(main, ["export", "--cells", str(corpus.root / "A"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.num_rows == 198 + 2 * 200
    assert table.schema.field("year").type.bit_width == 64
    assert set(table.column("year").to_pylist()) == {2020, 2021, 2022}


def test_export_parquet_needs_a_file(runner: CliRunner, corpus: Any) -> None:
    result = runner.invoke(main, ["export", "--cells", str(corpus.root), "--output-format", "parquet"])
    assert result.exit_code == 2
    assert "-o" in result.output


def test_unwritable_outputs_are_errors_not_tracebacks(runner: CliRunner, corpus: Any, tmp_path: Path) -> None:
    nowhere = str(tmp_path / "no" / "such" / "dir" / "out.csv")
    check = runner.invoke(main, ["check", str(corpus.files["c23"]), "--findings", nowhere])
    assert check.exit_code == 2
    assert "cannot write" in check.output
    export = runner.invoke(main, ["export", "--cells", str(corpus.files["c23"]), "-o", nowhere])
    assert export.exit_code == 2
    assert "cannot write" in export.output


def test_bad_threshold_fails_before_any_work(corpus: Any) -> None:
    from gov_disclosure import batch

    with pytest.raises(ValueError, match="threshold"):
        next(iter(batch.iter_check([corpus.root], similarity_threshold=0)))


def test_an_empty_folder_does_not_pass(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = runner.invoke(main, ["check", str(tmp_path / "empty")])
    assert result.exit_code == 2
    assert "nothing to check" in result.output
