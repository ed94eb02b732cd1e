"""The ``render`` command."""

from __future__ import annotations

import zipfile
from pathlib import Path

from click.testing import CliRunner

from gov_disclosure.cli import main
from gov_disclosure.core.serialize import to_json
from gov_disclosure.docx import read_docx
from gov_disclosure.testing import sample_report


def test_render_json_to_docx(tmp_path: Path) -> None:
    r = sample_report("2021")
    source = tmp_path / "report.json"
    source.write_text(to_json(r), encoding="utf-8")
    out = tmp_path / "report.docx"
    result = CliRunner().invoke(main, ["render", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output
    back, findings = read_docx(out)
    assert back == r
    assert findings == []


def test_render_docx_again_is_the_same_document(tmp_path: Path) -> None:
    r = sample_report("2019")
    first = tmp_path / "a.docx"
    source = tmp_path / "report.json"
    source.write_text(to_json(r), encoding="utf-8")
    assert CliRunner().invoke(main, ["render", str(source), "-o", str(first)]).exit_code == 0
    second = tmp_path / "b.docx"
    result = CliRunner().invoke(main, ["render", str(first), "-o", str(second)])
    assert result.exit_code == 0, result.output
    assert first.read_bytes() == second.read_bytes()


def test_render_with_fonts(tmp_path: Path) -> None:
    source = tmp_path / "report.json"
    source.write_text(to_json(sample_report("2021")), encoding="utf-8")
    out = tmp_path / "report.docx"
    result = CliRunner().invoke(
        main, ["render", str(source), "-o", str(out), "--body-font", "FangSong", "--heading-font", "SimHei"]
    )
    assert result.exit_code == 0, result.output
    styles = zipfile.ZipFile(out).read("word/styles.xml").decode()
    assert 'w:eastAsia="FangSong"' in styles
    assert 'w:eastAsia="SimHei"' in styles


def test_render_broken_report_warns(tmp_path: Path) -> None:
    r = sample_report("2021").with_cells({"applications/new/total": 1})
    source = tmp_path / "report.json"
    source.write_text(to_json(r), encoding="utf-8")
    out = tmp_path / "report.docx"
    result = CliRunner().invoke(main, ["render", str(source), "-o", str(out)])
    assert result.exit_code == 0
    assert out.exists()
    assert "errors" in result.output


def test_render_unreadable_input_exits_2(tmp_path: Path) -> None:
    source = tmp_path / "broken.docx"
    source.write_bytes(b"PK\x03\x04 not really")
    result = CliRunner().invoke(main, ["render", str(source), "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 2
    assert "error" in result.output
    assert "Traceback" not in result.output


def test_render_empty_font_name_exits_2(tmp_path: Path) -> None:
    source = tmp_path / "report.json"
    source.write_text(to_json(sample_report("2021")), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["render", str(source), "-o", str(tmp_path / "x.docx"), "--body-font", " "]
    )
    assert result.exit_code == 2
