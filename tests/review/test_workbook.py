"""The review workbook, reopened with openpyxl; a reviewer's edits read back as decisions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from gov_disclosure.batch import iter_check
from gov_disclosure.review import Decision, Review, build_review, read_decisions, write_review_workbook
from gov_disclosure.review.errors import ReviewFileError


def _review(root: Path, decisions: Any = None) -> Review:
    return build_review(iter_check([root], jobs=1, keep_reports=True), decisions)


def _rows(ws: Any) -> list[dict[str, Any]]:
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_the_workbook_has_its_sheets_with_chinese_headers(corpus: dict[str, Path], tmp_path: Path) -> None:
    review = _review(corpus["0-2021"].parent)
    path = tmp_path / "review.xlsx"
    write_review_workbook(review, path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["总览", "问题清单", "按规则统计", "跨年度"]
    assert wb.active is not None
    assert wb.active.title == "总览"

    ov = wb["总览"]
    assert [c.value for c in ov[1]][:10] == [
        "文件",
        "机关",
        "年度",
        "格式版本",
        "已读取单元格",
        "未能读取单元格",
        "错误",
        "警告",
        "结论",
        "问题",
    ]
    assert "公开率" in [c.value for c in ov[1]]
    assert ov.freeze_panes == "A2"
    assert ov.auto_filter.ref is not None
    assert ov.auto_filter.ref.startswith("A1:")
    overview = _rows(ov)
    assert len(overview) == 6
    verdicts = {r["文件"]: r["结论"] for r in overview}
    assert verdicts[str(corpus["0-2021"])] == "通过"
    assert verdicts[str(corpus["0-2022"])] == "有错误"
    broken = next(r for r in overview if r["文件"] == str(corpus["1-2022"]))
    assert broken["未能读取单元格"] == 1  # 不详
    assert broken["已读取单元格"] == 199
    # verdict colours and links to the findings
    fail_row = next(i for i, r in enumerate(overview, start=2) if r["结论"] == "有错误")
    assert ov.cell(fail_row, 9).fill.fgColor.rgb.endswith("FFC7CE")
    link = ov.cell(fail_row, 10).hyperlink
    assert link is not None
    assert link.location is not None
    assert link.location.startswith("'问题清单'!A")
    target_row = int(link.location.rsplit("A", 1)[1])
    assert wb["问题清单"].cell(target_row, 1).value == ov.cell(fail_row, 1).value

    fl = wb["问题清单"]
    assert [c.value for c in fl[1]] == [
        "文件",
        "机关",
        "年度",
        "规则",
        "严重程度",
        "位置",
        "问题说明",
        "应为",
        "实为",
        "问题编号",
        "处理意见",
        "备注",
    ]
    findings = _rows(fl)
    codes = {(r["文件"], r["规则"]) for r in findings}
    for key in ("0-2022", "1-2022", "2-2022"):
        for code in ("GD201", "GD301", "GD701"):
            assert (str(corpus[key]), code) in codes, (key, code)
    gd102 = next(r for r in findings if r["规则"] == "GD102")
    assert gd102["位置"] == "表三 · （一）予以公开 · 商业企业"
    assert gd102["严重程度"] == "错误"
    assert "不详" in gd102["问题说明"]
    gd201 = next(r for r in findings if r["规则"] == "GD201")
    assert gd201["应为"] == gd201["实为"] - 3
    # the decision drop-down
    dvs = fl.data_validations.dataValidation
    assert len(dvs) == 1
    assert dvs[0].formula1 == '"待核实,已确认,不予采纳"'
    assert str(dvs[0].sqref).startswith("K2:K")

    rules = _rows(wb["按规则统计"])
    gd301 = next(r for r in rules if r["规则"] == "GD301")
    assert gd301["问题数"] == 3
    assert gd301["涉及报告数"] == 3
    pairs = _rows(wb["跨年度"])
    assert {r["本年度文件"] for r in pairs} == {str(corpus[k]) for k in ("0-2022", "1-2022", "2-2022")}
    assert {r["规则"] for r in pairs} >= {"GD701"}


def test_english_headers(corpus: dict[str, Path], tmp_path: Path) -> None:
    path = tmp_path / "review.xlsx"
    write_review_workbook(_review(corpus["0-2021"].parent), path, lang="en")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Overview", "Findings", "By rule", "Year pairs"]
    assert [c.value for c in wb["Findings"][1]][9:] == ["Finding ID", "Decision", "Note"]
    assert wb["Findings"].data_validations.dataValidation[0].formula1 == '"to be checked,confirmed,dismissed"'


def test_a_reviewers_edits_read_back_as_decisions_and_persist(
    corpus: dict[str, Path], tmp_path: Path
) -> None:
    root = corpus["0-2021"].parent
    path = tmp_path / "review.xlsx"
    write_review_workbook(_review(root), path)
    # the reviewer fills 处理意见 and 备注 (openpyxl stands for Excel/WPS)
    wb = openpyxl.load_workbook(path)
    ws = wb["问题清单"]
    header = [c.value for c in ws[1]]
    col = {name: header.index(name) + 1 for name in ("规则", "问题编号", "处理意见", "备注")}
    chosen: dict[str, Decision] = {}
    for row in range(2, ws.max_row + 1):
        code = ws.cell(row, col["规则"]).value
        if code == "GD102":
            ws.cell(row, col["处理意见"]).value = "不予采纳"
            ws.cell(row, col["备注"]).value = "原件如此"
            chosen[ws.cell(row, col["问题编号"]).value] = Decision.DISMISSED
        elif code == "GD301":
            ws.cell(row, col["处理意见"]).value = "已确认"
            chosen[ws.cell(row, col["问题编号"]).value] = Decision.CONFIRMED
    wb.save(path)
    decisions = read_decisions(path)
    assert {e.id: e.decision for e in decisions.decided()} == chosen
    assert len(chosen) == 6  # a GD102 and a GD301 in each broken report
    dismissed = next(e for e in decisions.decided() if e.decision is Decision.DISMISSED)
    assert dismissed.note == "原件如此"
    assert dismissed.origin.startswith("review.xlsx:")

    # a rerun with the decisions: the dismissed finding does not count, the workbook keeps them
    review = _review(root, decisions)
    assert {
        rf.id: rf.decision for _, rf in review.findings() if rf.decision is not Decision.PENDING
    } == chosen
    assert review.stale == ()
    again = tmp_path / "again.xlsx"
    write_review_workbook(review, again)
    assert {e.id: e.decision for e in read_decisions(again).decided()} == chosen
    wb2 = openpyxl.load_workbook(again)
    assert any(r["备注"] == "原件如此" for r in _rows(wb2["问题清单"]))


def test_decisions_from_csv_in_english_and_stale_ones(corpus: dict[str, Path], tmp_path: Path) -> None:
    root = corpus["0-2021"].parent
    review = _review(root)
    _, gd201 = next((f, rf) for f, rf in review.findings() if rf.finding.code == "GD201")
    csv = tmp_path / "decisions.csv"
    csv.write_text(
        "id,decision,note\n"
        f"{gd201.id},Dismissed,typo in the file\n"
        "GD201-000000000000,confirmed,\n"
        "GD203-111111111111,maybe,\n",
        encoding="utf-8-sig",
    )
    decisions = read_decisions(csv)
    assert len(decisions.problems) == 1
    assert "maybe" in decisions.problems[0][0]
    review = _review(root, decisions)
    assert [s.entry.id for s in review.stale] == ["GD201-000000000000"]
    assert [rf.id for _, rf in review.by_decision(Decision.DISMISSED)] == [gd201.id]


def test_a_file_without_the_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ReviewFileError) as err:
        read_decisions(path)
    assert "处理意见" in err.value.zh


@pytest.mark.libreoffice
def test_libreoffice_opens_the_workbook(corpus: dict[str, Path], tmp_path: Path, helpers: Any) -> None:
    path = tmp_path / "review.xlsx"
    write_review_workbook(_review(corpus["0-2021"].parent), path)
    out = helpers.soffice_convert(path, tmp_path / "lo", "xlsx:Calc MS Excel 2007 XML")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["总览", "问题清单", "按规则统计", "跨年度"]
    assert wb["问题清单"].data_validations.dataValidation  # the drop-down survives
    # LibreOffice's file still reads back as decisions (nothing decided yet)
    assert len(list(read_decisions(out).decided())) == 0
