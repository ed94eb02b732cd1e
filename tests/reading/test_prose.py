"""GD602: numbers in the text against the tables; the finding quotes the sentence."""

from __future__ import annotations

import attrs
import pytest

from gov_disclosure import Report, Sections, validate
from gov_disclosure.rules.prose import statements
from gov_disclosure.testing import sample_report


def with_text(r: Report, text: str) -> Report:
    return attrs.evolve(r, sections=attrs.evolve(r.sections, overview=text))


def gd602(r: Report) -> list[str]:
    return [f.raw or "" for f in validate(r) if f.code == "GD602"]


@pytest.fixture
def report() -> Report:
    r = sample_report("2021")
    return r.with_cells(
        {
            "applications/new/total": 3119,
            "applications/carried_over/total": 12,
            "appeals/review/total": 351,
            "appeals/suit_direct/total": 2,
            "appeals/suit_after_review/total": 1,
        }
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度共受理政府信息公开申请3119件。",
        "全年共收到政府信息公开申请3,119件，均按时答复。",
        "本年度共受理政府信息公开申请3131件。",  # new + carried over: also what 受理 may mean
        "收到行政复议351件。",
        "发生行政诉讼3件。",
    ],
)
def test_agreeing_statements(report: Report, sentence: str) -> None:
    assert gd602(with_text(report, sentence)) == []


@pytest.mark.parametrize(
    ("sentence", "what", "number"),
    [
        ("本年度共受理政府信息公开申请3000件，办结2990件。", "applications/new/total", 3000),
        ("2020年度，我局未收到任何形式的信息公开申请。", "applications/new/total", 0),
        ("共收到12件政府信息公开申请。", "applications/new/total", 12),
        ("全年发生政府信息公开行政复议350件。", "appeals/review/total", 350),
        ("未发生因政府信息公开引起的行政复议、行政诉讼。", "appeals/review/total", 0),
        ("行政诉讼五件。", "appeals/suit/total", 5),
    ],
)
def test_contradicting_statements_quote_the_sentence(
    report: Report, sentence: str, what: str, number: int
) -> None:
    r = with_text(report, "前文。" + sentence + "后文。")
    found = [s for s in statements(r) if s.what == what]
    assert [(s.number, s.sentence) for s in found] == [(number, sentence)]
    findings = [f for f in validate(r) if f.code == "GD602"]
    assert findings
    f = next(f for f in findings if f.found == number)
    assert f.raw == sentence
    assert sentence in f.message_zh
    assert f.location == "sections/overview"
    assert f.severity.value == "warning"


def test_missing_table_cell_is_not_assessable(report: Report) -> None:
    r = with_text(report.with_cells({"applications/new/total": None}), "共受理政府信息公开申请5件。")
    result = validate(r)
    assert not any(f.code == "GD602" for f in result)
    assert any(n.code == "GD602" for n in result.not_assessable)


def test_unrelated_numbers_are_not_statements() -> None:
    r = with_text(sample_report("2019"), "本年度发布信息1200条，开展培训3次，政策解读12件。")
    assert statements(r) == []


def test_erqi_style_no_applications_agrees_with_a_zero_table() -> None:
    r = sample_report("2019").with_cells({"applications/new/total": 0})
    assert gd602(attrs.evolve(r, sections=Sections(overview="我局未收到任何形式的信息公开申请。"))) == []


# -- sentences broken across lines, and the 2021 wordings ----------------------------------------------


def test_a_sentence_broken_across_lines_is_read_whole() -> None:
    r = sample_report("2021").with_cells({"applications/new/total": 95, "applications/carried_over/total": 0})
    text = (
        "（二）依申请公开情况。进一步规范依申请公开流程，畅通\n"
        "依申请公开受理渠道。2023 年区政府办代表区政府受理政府信息公开\n"
        "申请 17 件，均在法定期限答复。"
    )
    found = [f for f in validate(with_text(r, text)) if f.code == "GD602"]
    assert [(f.found, f.expected) for f in found] == [(17, 95)]
    assert "区政府办代表区政府受理政府信息公开申请 17 件" in (found[0].raw or "")


def test_headings_and_table_rows_stay_lines_of_their_own() -> None:
    from gov_disclosure.rules.prose import paragraphs

    text = "（一）主动公开情况\n本年度受理政府\n信息公开申请5件。\n二、主动公开政府信息情况\n规章  0  0  0\n共\n3件"
    assert paragraphs(text) == [
        "（一）主动公开情况",
        "本年度受理政府信息公开申请5件。",
        "二、主动公开政府信息情况",
        "规章  0  0  0",
        "共3件",
    ]


def test_the_2021_wordings(report: Report) -> None:
    r = report.with_cells(
        {"applications/total/total": 3000, "applications/carried_forward/total": 131}
    )
    agree = "本年度共收到政府信息公开申请3119件，上年结转12件，办结3000件，结转下年度继续办理131件。"
    assert gd602(with_text(r, agree)) == []
    said = {s.what: s.number for s in statements(with_text(r, agree))}
    assert said == {
        "applications/new/total": 3119,
        "applications/carried_over/total": 12,
        "applications/total/total": 3000,
        "applications/carried_forward/total": 131,
    }
    wrong = "本年度共收到政府信息公开申请3119件，上年结转政府信息公开申请13件，共办结2999件，转下一年度办理的有130件。"
    found = {f.cells[0].address: f.found for f in validate(with_text(r, wrong)) if f.code == "GD602"}
    assert found == {
        "applications/carried_over/total": 13,
        "applications/total/total": 2999,
        "applications/carried_forward/total": 130,
    }


def test_办结_in_other_words_is_no_statement(report: Report) -> None:
    text = "所有办结的信息公开申请中同意公开答复9件，按时办结率100%。"
    assert [s.what for s in statements(with_text(report, text))] == []
