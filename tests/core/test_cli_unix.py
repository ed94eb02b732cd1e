"""The command line behaves like a good Unix tool: data on stdout and nothing else, refused outputs,
a quiet end on a closed pipe, the same columns for one file as for many (issue 10's defects)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from gov_disclosure import from_json, to_json
from gov_disclosure.cli import main
from gov_disclosure.testing import sample_report

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8", "GOV_DISCLOSURE_LANG": "en"}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def report(tmp_path: Path) -> Path:
    p = tmp_path / "r.json"
    p.write_text(to_json(sample_report("2021")), encoding="utf-8")
    return p


def _report(tmp_path: Path, name: str, **changes: object) -> Path:
    import attrs

    r = attrs.evolve(sample_report("2021"), **changes)  # type: ignore[misc]
    p = tmp_path / name
    p.write_text(to_json(r), encoding="utf-8")
    return p


# 1. read without -o: the JSON alone on stdout


def test_read_prints_only_the_report_on_stdout(runner: CliRunner, tmp_path: Path) -> None:
    bad = _report(tmp_path, "bad.json").read_text(encoding="utf-8").replace('"total": 25', '"total": 26', 1)
    path = tmp_path / "bad2.json"
    path.write_text(bad, encoding="utf-8")
    result = runner.invoke(main, ["read", str(path)])
    assert from_json(result.stdout) is not None  # nothing but JSON
    assert "INVALID" in result.stderr or "VALID" in result.stderr
    with_o = runner.invoke(main, ["read", str(path), "-o", str(tmp_path / "out.json")])
    assert "VALID" in with_o.stdout  # stdout is free for the findings when the data goes to a file


# 2. an -o in a folder that does not exist


def test_read_into_a_missing_folder_is_an_error_not_a_traceback(runner: CliRunner, report: Path) -> None:
    result = runner.invoke(main, ["read", str(report), "-o", "/nonexistent/dir/x.json"])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.startswith("error: cannot write /nonexistent/dir/x.json: no such file or folder")


# 3. validate --previous: the same agency, the year before


def test_validate_refuses_a_previous_report_of_another_year_or_agency(
    runner: CliRunner, tmp_path: Path
) -> None:
    this = _report(tmp_path, "this.json", year=2021)
    same_year = _report(tmp_path, "same.json", year=2021)
    two_back = _report(tmp_path, "two.json", year=2019)
    other = _report(tmp_path, "other.json", year=2020, agency="杭州市西湖区人民政府")
    good = _report(tmp_path, "good.json", year=2020)
    for previous, words in ((same_year, "not of the year before"), (two_back, "not of the year before"),
                            (other, "not of 广州市天河区教育局")):  # fmt: skip
        result = runner.invoke(main, ["validate", str(this), "--previous", str(previous)])
        assert result.exit_code == 2, (previous, result.output)
        assert words in result.stderr
    assert runner.invoke(main, ["validate", str(this), "--previous", str(good)]).exit_code in (0, 1)
    zh = runner.invoke(main, ["validate", str(this), "--previous", str(two_back), "--lang", "zh"])
    assert "不是2021年度的上一年度" in zh.stderr


# 4. outputs whose suffix the command cannot write


@pytest.mark.parametrize(
    "args",
    [
        ["template", "-o", "{d}/x.docx"],
        ["to-xlsx", "{r}", "-o", "{d}/y.csv"],
        ["aggregate", "{r}", "-o", "{d}/s.csv", "--agency", "某区"],
        ["render", "{r}", "-o", "{d}/r.odt"],
        ["read", "{r}", "-o", "{d}/r.txt"],
        ["export", "--cells", "{r}", "-o", "{d}/c.xlsx"],
    ],
)
def test_a_suffix_the_command_cannot_write_is_refused(
    runner: CliRunner, report: Path, tmp_path: Path, args: list[str]
) -> None:
    argv = [a.format(d=tmp_path, r=report) for a in args]
    result = runner.invoke(main, argv)
    assert result.exit_code == 2, result.output
    assert "writes" in result.stderr
    out = Path(argv[argv.index("-o") + 1])
    assert not out.exists()


def test_an_output_that_is_an_input_is_refused(runner: CliRunner, report: Path) -> None:
    before = report.read_bytes()
    result = runner.invoke(main, ["read", str(report), "-o", str(report)])
    assert result.exit_code == 2
    assert "same file" in result.stderr
    assert report.read_bytes() == before


@pytest.mark.libreoffice
def test_render_to_pdf_makes_a_real_pdf(runner: CliRunner, report: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    result = runner.invoke(main, ["render", str(report), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, timeout=60, check=True
    )
    assert "广州市天河区教育局" in "".join(text.stdout.split())
    assert not list(tmp_path.glob(".r.pdf.*"))  # no temporary file left behind


def test_render_to_pdf_without_libreoffice_says_what_to_install(report: Path, tmp_path: Path) -> None:
    env = {**ENV, "PATH": str(tmp_path)}  # no soffice on it
    proc = subprocess.run(
        [sys.executable, "-m", "gov_disclosure", "render", str(report), "-o", str(tmp_path / "r.pdf")],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert proc.returncode == 2
    assert "LibreOffice" in proc.stderr
    assert "apt-get install libreoffice-writer-nogui" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "r.pdf").exists()


# 5. a closed pipe


def _head_one(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    """Run the CLI, read one line of its stdout, close the pipe, wait."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "gov_disclosure", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV,
    )  # fmt: skip
    assert proc.stdout is not None
    assert proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    proc.wait(timeout=120)
    return subprocess.CompletedProcess(args, proc.returncode, first, err)


@pytest.fixture
def many_bad(tmp_path: Path) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    r = sample_report("2021")
    for i in range(40):
        bad = r.with_cells({"appeals/review/total": 999})
        import attrs

        bad = attrs.evolve(bad, agency=f"机关{i}")
        (folder / f"r{i:02}.json").write_text(to_json(bad), encoding="utf-8")
    return folder


def test_a_closed_pipe_ends_export_quietly(many_bad: Path) -> None:
    done = _head_one(["export", "--cells", str(many_bad)])
    assert done.stdout.startswith(b"file,agency,year,format")
    assert done.stderr == b""
    assert done.returncode == 141  # 128 + SIGPIPE, as a shell reports a Unix tool ended by the pipe


def test_a_closed_pipe_ends_check_quietly(many_bad: Path) -> None:
    done = _head_one(["check", str(many_bad), "--findings", "-", "-j", "2"])
    assert json.loads(done.stdout)["code"] == "GD301"
    assert done.stderr == b""
    assert done.returncode == 141


# 6. an empty folder: nothing to export


def test_export_of_an_empty_folder_fails_like_check(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = runner.invoke(main, ["export", "--cells", str(tmp_path / "empty")])
    assert result.exit_code == 2
    assert "nothing to export" in result.stderr
    assert runner.invoke(main, ["check", str(tmp_path / "empty")]).exit_code == 2


# 7. the same columns for one file as for a folder


def test_export_columns_do_not_depend_on_the_number_of_files(
    runner: CliRunner, report: Path, tmp_path: Path
) -> None:
    one, folder = tmp_path / "one.csv", tmp_path / "folder.csv"
    assert runner.invoke(main, ["export", "--cells", str(report), "-o", str(one)]).exit_code == 0
    assert runner.invoke(main, ["export", "--cells", str(report.parent), "-o", str(folder)]).exit_code == 0
    head = one.read_text(encoding="utf-8-sig").splitlines()[0]
    assert head == folder.read_text(encoding="utf-8-sig").splitlines()[0]
    assert head.startswith("file,agency,year,format,")


# 8. a unit counted twice, an empty agency


def test_aggregate_refuses_a_unit_twice_and_an_empty_agency(runner: CliRunner, tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    from gov_disclosure.excel import write_xlsx

    unit = tmp_path / "a.xlsx"
    write_xlsx(sample_report("2021"), unit)
    copy = tmp_path / "copy.xlsx"
    shutil.copy(unit, copy)
    out = tmp_path / "sum.xlsx"
    for units in ([unit, unit], [unit, Path(f"{tmp_path}/./a.xlsx")], [unit, copy]):
        result = runner.invoke(main, ["aggregate", *map(str, units), "-o", str(out), "--agency", "某区"])
        assert result.exit_code == 2, result.output
        assert "counted twice" in result.stderr
        assert not out.exists()
    empty = runner.invoke(main, ["aggregate", str(unit), "-o", str(out), "--agency", "  "])
    assert empty.exit_code == 2
    assert "--agency" in empty.stderr


# 9. an empty file; aggregate names a file once


def test_an_empty_file_is_an_empty_file(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "r.txt"
    empty.write_bytes(b"")
    result = runner.invoke(main, ["validate", str(empty)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {empty}: empty file (0 bytes)\n"


def test_aggregate_names_an_unreadable_unit_once(runner: CliRunner, tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    from gov_disclosure.excel import write_xlsx

    good, bad, missing = tmp_path / "good.xlsx", tmp_path / "bad.xlsx", tmp_path / "missing.xlsx"
    write_xlsx(sample_report("2021"), good)
    bad.write_bytes(b"PK\x03\x04 not really")
    args = [str(good), str(bad), str(missing), "-o", str(tmp_path / "s.xlsx"), "--agency", "某区"]
    result = runner.invoke(main, ["aggregate", *args])
    assert result.exit_code == 2
    assert result.stderr.count(str(bad)) == 1, result.stderr
    assert result.stderr.count(str(missing)) == 1, result.stderr
    assert f"{missing}: cannot open: no such file or folder" in result.stderr


# 14. help names every readable kind


def test_help_names_pdf(runner: CliRunner) -> None:
    for command in ("validate", "render", "read", "check"):
        assert ".pdf" in runner.invoke(main, [command, "--help"]).output, command


# 15. one vocabulary


def test_output_is_always_a_file_and_old_names_still_work(runner: CliRunner, report: Path) -> None:
    for command in main.commands.values():
        for p in command.params:
            if "--output" in getattr(p, "opts", ()) and not getattr(p, "hidden", False):
                assert "-o" in p.opts, command.name
                assert p.type.name in ("path", "file"), command.name
    new = runner.invoke(main, ["validate", str(report), "--output-format", "json"])
    old = runner.invoke(main, ["validate", str(report), "--output", "json"])
    assert json.loads(new.stdout) == json.loads(old.stdout)
    assert "deprecated" in old.stderr


def test_api_names_match_the_options(report: Path) -> None:
    import inspect

    from gov_disclosure import batch

    assert "similarity_threshold" in inspect.signature(batch.iter_check).parameters
    assert "similarity_threshold" in inspect.signature(batch.check_paths).parameters
    with pytest.warns(DeprecationWarning, match="similarity_threshold"):
        old = batch.check_paths([report], jobs=1, threshold=0.5)
    assert old.summary.files == 1
    pytest.importorskip("openpyxl")
    from gov_disclosure.excel import aggregate

    assert "jobs" in inspect.signature(aggregate).parameters
    with pytest.warns(DeprecationWarning, match="jobs="):
        aggregate([sample_report("2021")], agency="某区", workers=1)


# 13. only the PDF tests that print a report need LibreOffice


def test_pdf_tests_need_libreoffice_only_where_they_print() -> None:
    """Marked ``libreoffice`` exactly when they use the printed PDFs; the damaged-PDF, scan and
    missing-tool tests run wherever LibreOffice is absent."""
    import ast

    source = (Path(__file__).parents[1] / "reading" / "test_pdf.py").read_text(encoding="utf-8")
    marks: dict[str, set[str]] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "pytestmark" for t in node.targets):
            pytest.fail("a module-wide mark")
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
            decorators = [ast.unparse(d) for d in node.decorator_list]
            marks[node.name] = {
                d.split(".")[2].split("(")[0] for d in decorators if d.startswith("pytest.mark.")
            }
            uses_printed = any(a.arg == "pdfs" for a in node.args.args)
            assert ("libreoffice" in marks[node.name]) == uses_printed, node.name
    assert marks["test_with_neither_reader_the_error_says_what_to_install"] == set()
    assert marks["test_a_damaged_pdf"] == {"poppler"}
