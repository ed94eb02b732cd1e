"""GD704: section text that repeats last year's, through validate() and on its own."""

from __future__ import annotations

import random
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_disclosure import validate
from gov_disclosure.batch import CrossYearData
from gov_disclosure.rules.similarity import containment, make_check, normalise, repeated_sections
from gov_disclosure.testing import any_reports, random_report, report_pairs


def prose(rng: random.Random, n: int) -> str:
    return "".join(chr(rng.randint(0x4E00, 0x9FA5)) + ("，" if i % 17 == 16 else "") for i in range(n))


def pair_with(overview_last: str, overview_this: str) -> tuple[object, object]:
    rng = random.Random(5)
    last = random_report(rng, year=2022)
    this = random_report(rng, previous=last)
    last = attrs.evolve(last, sections=attrs.evolve(last.sections, overview=overview_last))
    this = attrs.evolve(this, sections=attrs.evolve(this.sections, overview=overview_this))
    return last, this


def test_normalise() -> None:
    assert normalise("２０２１年 收到申请３１件。\n（一）") == "0年收到申请0件一"
    assert normalise("A　B") == "AB"


def test_copy_with_new_numbers_is_flagged_through_validate() -> None:
    rng = random.Random(1)
    text = prose(rng, 300)
    # (the five aspects the 2021 format asks of 总体情况 first, so that only GD704 has anything to say)
    aspects = "本年度主动公开、依申请公开、政府信息管理、平台建设和监督保障各项工作有序推进。"
    last, this = pair_with(f"{aspects}2022年度第31号。{text}", f"{aspects}2023年度第45号。{text}")
    result = validate(this, last)  # type: ignore[arg-type]
    gd704 = [f for f in result.findings if f.code == "GD704"]
    assert len(gd704) == 1
    f = gd704[0]
    assert f.location == "sections/overview"
    assert f.found == Decimal("1.0")
    assert "100%" in f.message
    assert "一、总体情况" in f.message_zh
    assert f.severity.value == "warning"
    assert validate(this).findings == ()  # cross-year rules only run with a previous report


def test_different_text_is_not_flagged() -> None:
    rng = random.Random(2)
    last, this = pair_with(prose(rng, 400), prose(rng, 400))
    assert [f for f in validate(this, last).findings if f.code == "GD704"] == []  # type: ignore[arg-type]


def test_appended_paragraph_still_repeats_and_half_new_does_not() -> None:
    rng = random.Random(3)
    old = prose(rng, 1000)
    last, grown = pair_with(old, old + prose(rng, 60))
    assert [r.key for r in repeated_sections(last, grown)] == ["overview"]  # type: ignore[arg-type]
    _, half = pair_with(old, old[:500] + prose(rng, 500))
    reps = repeated_sections(last, half, threshold=0.9)  # type: ignore[arg-type]
    assert reps == []
    assert 0.4 < containment(half.sections.overview, old) < 0.6  # type: ignore[attr-defined]


def test_short_sections_are_not_compared() -> None:
    last, this = pair_with("无。" * 20, "无。" * 20)
    assert repeated_sections(last, this) == []  # type: ignore[arg-type]
    # "本年度未收取信息处理费。" repeats every year too, and is 11 characters long; so do the generated
    # reports' one-line statements of the tables' figures (the numbers are compared as one)
    keys = [r.key for r in repeated_sections(last, this, min_chars=10)]  # type: ignore[arg-type]
    assert {"overview", "other"} <= set(keys)


def test_threshold_bounds() -> None:
    with pytest.raises(ValueError, match="threshold"):
        make_check(0.0)
    with pytest.raises(ValueError, match="threshold"):
        make_check(1.5)


@settings(max_examples=25, deadline=None)
@given(report_pairs())
def test_generated_valid_pairs_have_no_cross_year_findings(pair: tuple[object, object]) -> None:
    last, this = pair
    assert validate(this, last).findings == ()  # type: ignore[arg-type]


@settings(max_examples=40, deadline=None)
@given(any_reports(), st.booleans())  # flag: unused, a second example axis
def test_cross_year_data_keeps_what_the_rules_need(report: object, flag: bool) -> None:
    data = CrossYearData.of(report)  # type: ignore[arg-type]
    again = data.report()
    assert again.cell_map() == report.cell_map()  # type: ignore[attr-defined]
    assert again.sections == report.sections  # type: ignore[attr-defined]
    assert (again.year, again.agency, again.format) == (report.year, report.agency, report.format)  # type: ignore[attr-defined]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_normalise_is_nfkc_then_the_kept_characters(text: str) -> None:
    """normalise skips NFKC where it changes nothing kept: the result is what the definition gives."""
    import unicodedata

    from gov_disclosure.rules.similarity import _DIGITS

    nfkc = unicodedata.normalize("NFKC", text)
    kept = "".join(ch for ch in nfkc if not ch.isspace() and unicodedata.category(ch)[0] not in "PSZC")
    assert normalise(text) == _DIGITS.sub("0", kept)
