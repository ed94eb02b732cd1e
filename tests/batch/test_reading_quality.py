"""check: how well each file was read, in the summary and in the findings file."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from gov_disclosure import batch
from gov_disclosure.cli import main
from gov_disclosure.core.vocabulary import spec
from gov_disclosure.markdown import write_markdown
from gov_disclosure.testing import sample_report
from gov_disclosure.text import write_text


def _folder(tmp_path: Path) -> Path:
    good = sample_report("2021")
    (tmp_path / "a.md").write_text(write_markdown(good), encoding="utf-8")
    # a row that does not fit: declined by the reader
    text = write_text(sample_report("2019"), layout="tsv").replace("\t0\t", "\t0\t0\t", 1)
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    return tmp_path


def test_summary_counts_cells_and_reports_not_read_in_full(tmp_path: Path) -> None:
    result = batch.check_paths([_folder(tmp_path)], jobs=1, pairs=False)
    by_name = {Path(r.path).name: r for r in result.results}
    assert by_name["a.md"].reader == "gov_disclosure.markdown.read_markdown"
    assert by_name["a.md"].quality is not None
    assert by_name["a.md"].quality.declined == 0
    assert by_name["b.txt"].quality is not None
    assert by_name["b.txt"].quality.declined > 0
    s = result.summary.to_dict()
    assert s["partly_read"] == 1
    cells = len(spec("2021").cells) + len(spec("2019").cells)
    assert s["cells"]["placed"] + s["cells"]["declined"] + s["cells"]["blank"] == cells
    assert s["cells"]["declined"] == by_name["b.txt"].quality.declined


def test_findings_file_tells_how_each_file_was_read(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    folder = _folder(tmp_path / "in")
    out = tmp_path / "findings.csv"
    runner = CliRunner()
    result = runner.invoke(main, ["check", str(folder), "--findings", str(out), "--summary", "json"])
    assert result.exit_code in (0, 1), result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    b = [r for r in rows if r["file"].endswith("b.txt")]
    assert b
    assert {r["reader"] for r in b} == {"gov_disclosure.text.read_text"}
    assert {(r["cells_declined"] != "0") for r in b} == {True}
    cells = len(spec("2019").cells)
    assert all(int(r["cells_placed"]) + int(r["cells_declined"]) + int(r["cells_blank"]) == cells for r in b)
    summary = json.loads(result.output[result.output.index("{") :])
    assert summary["partly_read"] == 1
