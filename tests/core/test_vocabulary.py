"""The vocabulary against the normative spec (docs/FORMAT.md, a copy of the project's FORMAT.md)."""

from pathlib import Path

import pytest

from gov_disclosure.core import vocabulary as v

SPEC_TEXT = (Path(__file__).parents[2] / "docs" / "FORMAT.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("fmt", "rows", "cells"), [("2019", 23, 198), ("2021", 25, 200)])
def test_counts(fmt: v.FormatKey, rows: int, cells: int) -> None:
    s = v.spec(fmt)
    assert len(s.applications_rows) == rows
    assert len(s.cells) == cells
    assert len({c.address for c in s.cells}) == cells


@pytest.mark.parametrize("fmt", v.FORMATS)
def test_every_label_is_spelled_as_in_the_spec(fmt: v.FormatKey) -> None:
    s = v.spec(fmt)
    labels = [b.title for b in s.proactive]
    labels += [c.label for b in s.proactive for c in b.columns]
    labels += [r.label for b in s.proactive for r in b.rows]
    labels += [lr.label for lr in s.applications_layout]
    labels += [c.label for c in v.APPLICATIONS_COLUMNS]
    labels += [g.label for g in v.APPEALS_GROUPS] + [c.label for c in v.APPEALS_COLUMNS]
    labels += [sec.heading for sec in v.SECTIONS] + list(v.APPLICATIONS_HEADER.values())
    missing = [label for label in labels if label not in SPEC_TEXT]
    assert missing == []


@pytest.mark.parametrize("fmt", v.FORMATS)
def test_every_key_is_in_the_spec(fmt: v.FormatKey) -> None:
    s = v.spec(fmt)
    keys = {b.key for b in s.proactive} | {c.key for b in s.proactive for c in b.columns}
    keys |= {r.key for b in s.proactive for r in b.rows}
    keys |= {lr.key for lr in s.applications_rows if lr.key}
    missing = sorted(k for k in keys if f"`{k}`" not in SPEC_TEXT)
    assert missing == []


def test_result_rows_run_from_granted_to_the_last_other_row() -> None:
    assert v.spec("2019").result_rows[0] == "granted"
    assert v.spec("2019").result_rows[-1] == "other"
    assert v.spec("2021").result_rows[-1] == "other.other"
    assert "total" not in v.spec("2021").result_rows
    assert len(v.spec("2021").result_rows) == 21


def test_2021_has_no_art20_9_and_amount_in_wan_yuan() -> None:
    s = v.spec("2021")
    assert [b.key for b in s.proactive] == ["art20_1", "art20_5", "art20_6", "art20_8"]
    assert s.cell("proactive/art20_8.fees/amount").unit == "wan_yuan"
    assert v.spec("2019").cell("proactive/art20_9.procurement/amount").unit is None


def test_addresses_and_errors() -> None:
    s = v.spec("2021")
    assert s.cells[0].address == "proactive/art20_1.rules/issued"
    assert s.cells[-1].address == "appeals/suit_after_review/total"
    with pytest.raises(KeyError):
        s.cell("applications/other/total")  # a group in 2021
    assert v.spec("2019").has_cell("applications/other/total")
    with pytest.raises(ValueError, match="unknown format"):
        v.spec("2020")  # type: ignore[arg-type]


@pytest.mark.parametrize(("year", "fmt"), [(2019, "2019"), (2020, "2019"), (2021, "2021"), (2030, "2021")])
def test_format_for_year(year: int, fmt: str) -> None:
    assert v.format_for_year(year) == fmt
