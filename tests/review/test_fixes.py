"""Hand corrections: a declined cell becomes a corrected one, the findings change exactly as expected,
and nothing is silent (applied: GD901; not applicable: GD902; unused: reported)."""

from __future__ import annotations

from pathlib import Path

from gov_disclosure import validate
from gov_disclosure.batch import check_paths
from gov_disclosure.core.fixes import HandFix, apply_fixes
from gov_disclosure.docx import read_docx, write_docx
from gov_disclosure.review import read_fixes, unused_fixes
from gov_disclosure.testing import sample_report

CELL = "applications/granted/business"


def _declined() -> tuple[bytes, int]:
    """A report whose 商业企业 of （一）予以公开 is printed as 不详 (declined by the reader), and the
    true value."""
    r = sample_report("2021")
    value = r.cell(CELL)
    assert isinstance(value, int)
    return write_docx(r.with_cells({CELL: None}, raw={CELL: "不详"})), value


def test_a_fix_turns_a_declined_cell_into_a_corrected_one() -> None:
    data, value = _declined()
    report, read = read_docx(data)
    assert report.cell(CELL) is None
    before = validate(report, findings=read)
    assert [(f.code, f.location) for f in before.errors] == [("GD102", CELL)]
    assert any(CELL in n.missing for n in before.not_assessable)  # its sums could not be checked

    fixed, findings = apply_fixes(
        report, read, [HandFix(CELL, str(value), "按纸质原件核对", file="x.docx", origin="fixes.csv:2")]
    )
    after = validate(fixed, findings=findings)
    assert fixed.cell(CELL) == value
    assert CELL not in fixed.raw
    assert [(f.code, f.location, f.severity.value) for f in after] == [("GD901", CELL, "info")]
    note = after.findings[0]
    assert "按纸质原件核对" in note.message_zh
    assert "不详" in note.message_zh
    assert note.source == "fixes.csv:2"
    assert after.valid
    assert not any(CELL in n.missing for n in after.not_assessable)  # its sums are checked now


def test_a_wrong_fix_changes_the_findings_exactly() -> None:
    data, value = _declined()
    report, read = read_docx(data)
    fixed, findings = apply_fixes(report, read, [HandFix(CELL, str(value + 2), file="x.docx")])
    after = validate(fixed, findings=findings)
    got = sorted((f.code, f.location, f.expected, f.found) for f in after.errors)
    total = report.cell("applications/granted/total")
    col_total = report.cell("applications/total/business")
    assert isinstance(total, int)
    assert isinstance(col_total, int)
    assert got == [
        ("GD201", "applications/granted/total", total + 2, total),  # the row no longer adds up
        ("GD202", "applications/total/business", col_total + 2, col_total),  # nor the column
    ]


def test_a_fix_that_cannot_be_applied_is_an_error_not_silence() -> None:
    r = sample_report("2021")
    fixed, findings = apply_fixes(
        r,
        [],
        [
            HandFix("applications/nowhere/total", "3"),
            HandFix(CELL, "three"),
            HandFix("applications/new/total", "5", "first"),
            HandFix("applications/new/total", "6", "second"),
        ],
    )
    codes = [(f.code, f.location) for f in findings]
    assert codes == [
        ("GD901", "applications/new/total"),
        ("GD902", "applications/nowhere/total"),
        ("GD902", CELL),
        ("GD902", "applications/new/total"),
    ]
    assert fixed.cell(CELL) == r.cell(CELL)
    assert fixed.cell("applications/new/total") == 5


def test_fixes_file_in_chinese_columns_gbk_and_locations_in_words(tmp_path: Path) -> None:
    text = (
        "文件,机关,年度,单元格,数值,备注\n"
        "a.docx,,,表三 · （一）予以公开 · 商业企业,12,按原件\n"
        ",某区人民政府,2022年,applications/new/total,30,电话核实\n"
        ",某区人民政府,今年,applications/new/total,30,\n"
        "b.docx,,,表九 · 不存在,1,\n"
    )
    path = tmp_path / "fixes.csv"
    path.write_bytes(text.encode("gb18030"))
    fixes, problems = read_fixes(path)
    assert [(f.file, f.agency, f.year, f.address, f.text, f.note, f.origin) for f in fixes] == [
        ("a.docx", None, None, CELL, "12", "按原件", "fixes.csv:2"),
        (None, "某区人民政府", 2022, "applications/new/total", "30", "电话核实", "fixes.csv:3"),
    ]
    assert len(problems) == 2
    assert "fixes.csv" in problems[0][1]
    assert "今年" in problems[0][1]
    assert "表九" in problems[1][1]


def test_a_run_applies_fixes_by_name_and_by_agency_and_reports_unused_ones(
    corpus: dict[str, Path], tmp_path: Path
) -> None:
    from gov_disclosure.core.findings import agency_key

    docx_2022 = corpus["1-2022"]
    xlsx_2022 = corpus["2-2022"]
    first = check_paths([corpus["0-2021"].parent], jobs=1)
    xlsx_result = next(r for r in first.results if r.path == str(xlsx_2022))
    fixes = [
        HandFix(CELL, "0", "按原件", file=docx_2022.name, origin="f.csv:2"),
        HandFix(CELL, "0", "", agency=f" {xlsx_result.agency} ", year=2022, origin="f.csv:3"),
        HandFix(CELL, "0", "", file="nowhere.docx", origin="f.csv:4"),
    ]
    result = check_paths([corpus["0-2021"].parent], jobs=1, fixes=fixes)
    by_path = {r.path: r for r in result.results}
    for path in (docx_2022, xlsx_2022):
        codes = [(f.code, f.location) for f in by_path[str(path)].findings]
        assert ("GD901", CELL) in codes
        assert ("GD102", CELL) not in codes
    untouched = by_path[str(corpus["0-2022"])]
    assert ("GD102", CELL) in [(f.code, f.location) for f in untouched.findings]
    all_findings = [f for r in result.results for f in r.findings]
    unused = unused_fixes(fixes, all_findings)
    assert [u[0].origin for u in unused] == ["f.csv:4"]
    assert "nowhere.docx" in unused[0][2]
    assert agency_key(fixes[1].agency) == agency_key(xlsx_result.agency)


def test_a_bare_name_that_fits_two_files_is_used_for_none(corpus: dict[str, Path], tmp_path: Path) -> None:
    import shutil

    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        shutil.copy(corpus["1-2022"], tmp_path / sub / "same.docx")
    fix = HandFix(CELL, "0", file="same.docx", origin="f.csv:2")
    result = check_paths([tmp_path], jobs=1, fixes=[fix])
    assert not any(f.code == "GD901" for r in result.results for f in r.findings)
    assert len(unused_fixes([fix], [f for r in result.results for f in r.findings])) == 1
