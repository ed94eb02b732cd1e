"""The documentation of every code (rules/docs/<CODE>/): each code has one, each failing example gives
exactly its code at exactly the locations it names, each passing example passes it; `rules CODE`
prints it in both languages; an unknown code is refused."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from gov_disclosure import RULES
from gov_disclosure.cli import main
from gov_disclosure.cli.examples import run_example
from gov_disclosure.core.messages import placeholders
from gov_disclosure.rules.ruledocs import documented, rule_doc

HAN = re.compile(r"[\u4e00-\u9fff]")


def test_every_code_of_the_table_is_documented() -> None:
    assert list(documented()) == sorted(RULES)


@pytest.mark.parametrize("code", sorted(RULES))
def test_the_documentation_has_both_languages(code: str) -> None:
    doc = rule_doc(code)
    for text in (doc.definition, doc.reads, doc.fix, doc.bad.summary, doc.good.summary):
        assert text.en.strip()
        assert HAN.search(text.zh), text.zh
        assert placeholders(text.en) == placeholders(text.zh)
    assert doc.definition.en != doc.fix.en


#: the codes whose failing example needs what the package cannot make by itself (a PDF file, a
#: workbook edited by hand in Excel, damaged bytes): described in words, not run here. Their findings
#: are tested on such files: tests/reading/test_pdf*.py, tests/excel/test_read.py,
#: tests/hostile/test_c12_c13_excel.py, tests/hostile/test_c07_c14_encodings.py
DESCRIBED = {"GD107", "GD110", "GD111", "GD112"}


def test_only_what_needs_a_file_is_described_rather_than_run() -> None:
    assert {c for c in RULES if rule_doc(c).bad.kind == "described"} == DESCRIBED


@pytest.mark.parametrize("code", sorted(set(RULES) - DESCRIBED))
def test_the_failing_example_gives_exactly_its_code_where_it_says(code: str) -> None:
    doc = rule_doc(code)
    run = run_example(code, "bad")
    assert {f.code for f in run.findings} == {code, *doc.bad.also}, [
        (f.code, f.location, f.message) for f in run.findings
    ]
    where = sorted(f.location or "" for f in run.findings if f.code == code)
    assert where == sorted(doc.bad.expect)


@pytest.mark.parametrize("code", sorted(RULES))
def test_the_passing_example_passes_its_code(code: str) -> None:
    run = run_example(code, "good")
    assert [f for f in run.findings if f.code == code] == []


@pytest.mark.parametrize("code", sorted(set(RULES) - DESCRIBED))
def test_the_examples_change_something(code: str) -> None:
    """A failing example that is the sample itself would prove nothing."""
    doc = rule_doc(code)
    assert not doc.bad.this.empty or not doc.bad.previous.empty or doc.bad.text or doc.bad.fixes or doc.bad.crawler


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rules_code_prints_the_rule_in_the_language_asked(lang: str) -> None:
    result = CliRunner().invoke(main, ["rules", "gd203", "--lang", lang])
    assert result.exit_code == 0, result.output
    doc = rule_doc("GD203")
    out = result.output
    assert out.startswith("GD203 · ")
    assert doc.definition(lang) in out
    assert doc.fix(lang) in out
    assert doc.bad.summary(lang) in out
    # the failing example's findings as validate makes them, located in words
    finding = next(f for f in run_example("GD203", "bad").findings)
    assert (finding.message_zh if lang == "zh" else finding.message) in out
    assert ("表三 · 勾稽关系" if lang == "zh" else "Table 3 · balance") in out
    other = "zh" if lang == "en" else "en"
    assert doc.definition(other) not in out


def test_rules_lists_every_code_and_refuses_an_unknown_one() -> None:
    runner = CliRunner()
    listed = runner.invoke(main, ["rules", "--lang", "zh"])
    assert listed.exit_code == 0
    assert [line.split()[0] for line in listed.output.splitlines()] == list(RULES)
    unknown = runner.invoke(main, ["rules", "GD999", "--lang", "zh"])
    assert unknown.exit_code == 2
    assert "GD999" in unknown.output
    assert "Traceback" not in unknown.output
