"""The body walker: document order, hidden content, merged cells expanded into grids."""

from __future__ import annotations

from docx.oxml import parse_xml

from gov_disclosure.docx._walk import walk_body
from gov_disclosure.reading.engine import GridCell

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _body(inner: str) -> object:
    return parse_xml(f"<w:body {W}>{inner}</w:body>")


def _p(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{_p(text)}</w:tc>"


def test_paragraph_text_includes_hidden_content_and_skips_deletions() -> None:
    body = _body(
        "<w:p><w:pPr><w:pStyle w:val='Title'/></w:pPr>"
        "<w:r><w:t>甲</w:t></w:r>"
        "<w:ins w:id='1' w:author='a'><w:r><w:t>乙</w:t></w:r></w:ins>"
        "<w:del w:id='2' w:author='a'><w:r><w:delText>删</w:delText></w:r></w:del>"
        "<w:sdt><w:sdtContent><w:r><w:t>丙</w:t></w:r></w:sdtContent></w:sdt>"
        "<w:hyperlink><w:r><w:t>丁</w:t></w:r></w:hyperlink>"
        "<w:r><w:tab/><w:t>戊</w:t><w:br/><w:t>己</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
        "</w:p>"
        "<w:sdt><w:sdtContent>" + _p("在内容控件中") + "</w:sdtContent></w:sdt>"
    )
    paragraphs, grids = walk_body(body)
    assert [(p.text, p.style) for p in paragraphs] == [("甲乙丙丁\t戊\n己", "Title"), ("在内容控件中", None)]
    assert grids == []


def test_merged_cells_expand_with_continued_flags() -> None:
    body = _body(
        "<w:tbl>"
        "<w:tr>" + _tc("注", "<w:gridSpan w:val='2'/><w:vMerge w:val='restart'/>") + _tc("A") + "</w:tr>"
        "<w:tr>" + _tc("", "<w:gridSpan w:val='2'/><w:vMerge/>") + _tc("B") + "</w:tr>"
        "<w:tr><w:trPr><w:gridBefore w:val='1'/></w:trPr>" + _tc("x") + _tc("y", "<w:hMerge/>") + "</w:tr>"
        "</w:tbl>"
    )
    _, grids = walk_body(body)
    (grid,) = grids
    assert [[(c.text, c.continued) for c in row] for row in grid] == [
        [("注", False), ("注", True), ("A", False)],
        [("注", True), ("注", True), ("B", False)],
        [("", False), ("x", False), ("x", True)],
    ]
    assert grid[1][2] == GridCell("B", "table 1, row 2, cell 3")


def test_nested_report_tables_are_grids_of_their_own_numbered_after_their_parent() -> None:
    labels = "<w:tr>" + _tc("一、本年新收政府信息公开申请数量") + _tc("1") + "</w:tr>"
    labels += "<w:tr>" + _tc("二、上年结转政府信息公开申请数量") + _tc("2") + "</w:tr>"
    inner = f"<w:tbl>{labels}</w:tbl>"
    body = _body(
        "<w:tbl><w:tr>" + _tc("外") + f"<w:tc>{_p('含表')}{inner}</w:tc>" + "</w:tr></w:tbl>"
        "<w:tbl><w:tr>" + _tc("后") + _tc("表") + "</w:tr></w:tbl>"
    )
    _, grids = walk_body(body)
    assert [[[c.text for c in row] for row in g] for g in grids] == [
        [["外", "含表"]],
        [["一、本年新收政府信息公开申请数量", "1"], ["二、上年结转政府信息公开申请数量", "2"]],
        [["后", "表"]],
    ]
    assert grids[1][0][0].source == "table 2, row 1, cell 1"
    assert grids[2][0][0].source == "table 3, row 1, cell 1"


def test_other_nested_tables_are_part_of_their_cell() -> None:
    inner = "<w:tbl><w:tr>" + _tc("内1") + _tc("内2") + "</w:tr></w:tbl>"
    wrapped = "<w:tbl><w:tr>" + _tc("218") + "</w:tr></w:tbl>"
    body = _body(
        "<w:tbl><w:tr>" + _tc("外") + f"<w:tc>{_p('含表')}{inner}</w:tc>" + f"<w:tc>{_p('')}{wrapped}</w:tc>"
        "</w:tr></w:tbl>"
    )
    paragraphs, grids = walk_body(body)
    assert [[[c.text for c in row] for row in g] for g in grids] == [[["外", "含表\n内1\n内2", "\n218"]]]
    assert not paragraphs  # nothing moved into the prose


def test_single_cell_table_is_a_frame() -> None:
    body = _body(
        "<w:tbl><w:tr><w:tc>"
        + _p("标题")
        + "<w:tbl><w:tr>"
        + _tc("a")
        + _tc("b")
        + "</w:tr></w:tbl>"
        + _p("落款")
        + "</w:tc></w:tr></w:tbl>"
    )
    paragraphs, grids = walk_body(body)
    assert [p.text for p in paragraphs] == ["标题", "落款"]
    assert [[c.text for c in row] for g in grids for row in g] == [["a", "b"]]


def test_rows_and_cells_inside_content_controls() -> None:
    body = _body(
        "<w:tbl><w:sdt><w:sdtContent><w:tr>"
        + _tc("甲")
        + "<w:sdt><w:sdtContent>"
        + _tc("乙")
        + "</w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt></w:tbl>"
    )
    _, grids = walk_body(body)
    assert [[c.text for c in row] for g in grids for row in g] == [["甲", "乙"]]


def test_text_box_content_is_read_after_its_paragraph() -> None:
    body = _body(
        "<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:drawing><w:txbxContent>"
        + _p("文本框")
        + "</w:txbxContent></w:drawing></w:r></w:p>"
    )
    paragraphs, _ = walk_body(body)
    assert [p.text for p in paragraphs] == ["正文", "文本框"]


def test_our_applications_header_is_merged_as_written() -> None:
    import io

    import docx
    from gov_disclosure.docx import write_docx
    from gov_disclosure.testing import sample_report

    document = docx.Document(io.BytesIO(write_docx(sample_report("2021"))))
    _, grids = walk_body(document.element.body)
    assert len(grids) == 3
    applications = grids[1]
    assert all(len(row) == 10 for row in applications)
    note = [c for row in applications[:3] for c in row[:3]]
    assert not note[0].continued
    assert all(c.continued for c in note[1:])
    assert applications[2][3].text == "自然人"
    assert applications[2][3].continued
    # the group label 三、本年度办理结果 covers every result row
    results = [row[0] for row in applications[5:-1]]
    assert results[0].text == "三、本年度办理结果"
    assert not results[0].continued
    assert all(c.continued and c.text == "三、本年度办理结果" for c in results[1:])
    assert len(grids[2][3]) == 15


def test_odd_span_values() -> None:
    body = _body(
        "<w:tbl>"
        "<w:tr><w:trPr><w:gridBefore w:val='0'/></w:trPr>"
        + _tc("a", "<w:gridSpan w:val='x'/>")
        + _tc("b", "<w:gridSpan w:val='-3'/>")
        + "</w:tr>"
        "</w:tbl>"
    )
    _, grids = walk_body(body)
    assert [[c.text for c in row] for g in grids for row in g] == [["a", "b"]]
