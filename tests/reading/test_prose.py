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
    # the sample states its own figures in 三 and 四: the statements here are the test's only
    r = attrs.evolve(r, sections=attrs.evolve(r.sections, applications="", appeals=""))
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
    assert [s for s in statements(r) if s.section == "overview"] == []


def test_erqi_style_no_applications_agrees_with_a_zero_table() -> None:
    r = sample_report("2019").with_cells({"applications/new/total": 0})
    assert gd602(attrs.evolve(r, sections=Sections(overview="我局未收到任何形式的信息公开申请。"))) == []
