"""Class 17 (and issue 10 defect 12): CSV formula injection and the BOM. ``export --cells`` and
``check --findings x.csv`` wrote text starting with =, +, -, @, tab or CR verbatim (a hostile web
page's =HYPERLINK(…) ran when the CSV was opened in Excel), and as UTF-8 without a BOM (mojibake in
Excel on Chinese Windows). Every CSV now goes through core.csvout: risky text gets a leading ',
numbers never; UTF-8 with a BOM unless --no-bom."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import hostile_generators as g
import pytest
from hostile_limits import run_cli

from gov_disclosure import to_json
from gov_disclosure.testing import sample_report

_RISKY = ("=", "+", "-", "@", "\t", "\r")


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _risky_fields(path: Path) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [x for row in csv.reader(f) for x in row if x.startswith(_RISKY) and not _number(x)]


def test_export_and_findings_are_safe_to_open(tmp_path: Path) -> None:
    corpus = g.gen_17_injection(tmp_path)
    signed = sample_report("2019").with_cells({"proactive/art20_5.licensing/change": -3})
    (corpus / "c.json").write_text(to_json(signed), encoding="utf-8")
    cells, findings = tmp_path / "cells.csv", tmp_path / "findings.csv"
    out = run_cli("export", "--cells", corpus, "-o", cells)
    assert out.rc == 0, out
    out = run_cli("check", corpus, "--findings", findings, "--no-progress")
    assert out.rc == 1, out
    for path in (cells, findings):
        assert path.read_bytes().startswith(b"\xef\xbb\xbf"), path  # UTF-8 with a BOM
        assert _risky_fields(path) == [], path
    text = cells.read_text(encoding="utf-8-sig")
    assert "'" + g.INJECT.replace('"', '""') in text
    assert ",-3," in text  # a negative count is a number, never quoted
    assert "'=HYPERLINK" in findings.read_text(encoding="utf-8-sig")


def test_no_bom_on_request(tmp_path: Path) -> None:
    corpus = g.gen_17_injection(tmp_path)
    cells, findings = tmp_path / "cells.csv", tmp_path / "findings.csv"
    assert run_cli("export", "--cells", corpus, "-o", cells, "--no-bom").rc == 0
    assert run_cli("check", corpus, "--findings", findings, "--no-bom", "--no-progress").rc == 1
    for path in (cells, findings):
        data = path.read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf")
        data.decode("utf-8")
        assert _risky_fields(path) == []


def test_the_writer_neutralises_text_never_numbers() -> None:
    from gov_disclosure.core.csvout import CsvWriter, neutralise

    for risky in ("=1+1", "+1+2", "-1+2", "@SUM(1)", "\t=1", "\r=1", "-", "=HYPERLINK(\"x\")"):
        assert neutralise(risky) == "'" + risky
    for safe in ("-3", "-3.25", "+1", "1e5", "0", "文字", "", "a=b", " =1"):
        assert neutralise(safe) == safe
    for number in (-3, -2.5, Decimal("-1.5"), None):
        assert neutralise(number) == number
    buf = io.StringIO()
    CsvWriter(buf, ["a", "b"]).writerow({"a": "=cmd", "b": -3})
    assert buf.getvalue().splitlines() == ["a,b", "'=cmd,-3"]


def test_every_library_csv_writer(tmp_path: Path) -> None:
    from gov_disclosure.core.export import cells_csv

    report = sample_report("2021").with_cells({}, raw={"applications/new/natural_person": "@SUM(1+1)"})
    assert "'@SUM(1+1)" in cells_csv(report)
    assert "\n@SUM" not in cells_csv(report)
    assert ",@SUM" not in cells_csv(report)


@pytest.mark.parametrize("bom", [True, False])
def test_write_cells_to_a_path(tmp_path: Path, bom: bool) -> None:
    from gov_disclosure.batch import write_cells

    corpus = g.gen_17_injection(tmp_path)
    target = tmp_path / "out.csv"
    write_cells([corpus], target, jobs=1, bom=bom)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf") == bom
    assert _risky_fields(target) == []
