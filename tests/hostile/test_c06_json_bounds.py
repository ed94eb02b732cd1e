"""Class 6: JSON documents with values beyond any report — integers of 10,000 digits (Python cannot
even print them), two 4,300-digit counts in one sum, years 9999 / -1 / 10^30, a lone surrogate in the
agency — are refused with a typed error naming the value's path, in every command, never a
traceback."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import hostile_generators as g
import pytest
from hostile_limits import run_cli

from gov_disclosure import DocumentError, Report, ShapeError, from_json, to_json
from gov_disclosure.testing import sample_report

_CASES = {
    "10,000 digits": (lambda o: g.gen_06_json_bigint(o, 10_000), "natural_person"),
    "two 4,300-digit counts": (g.gen_06_json_two_4300, "business"),
    "year 9999": (lambda o: g.gen_06_json_year(o, "9999"), "year"),
    "year -1": (lambda o: g.gen_06_json_year(o, "-1"), "year"),
    "year 10^30": (lambda o: g.gen_06_json_year(o, "1" + "0" * 30), "year"),
    "lone surrogate": (g.gen_06_json_surrogate, "agency"),
}


def _commands(path: Path, out: Path) -> dict[str, list[str]]:
    return {
        "validate": ["validate", str(path)],
        "read": ["read", str(path)],
        "render": ["render", str(path), "-o", str(out / "out.docx")],
        "to-xlsx": ["to-xlsx", str(path), "-o", str(out / "out.xlsx")],
        "export": ["export", "--cells", str(path), str(path), "-o", str(out / "out.csv")],
    }


@pytest.mark.parametrize("case", list(_CASES))
def test_every_command_refuses_with_the_path(tmp_path: Path, case: str) -> None:
    make, where = _CASES[case]
    path = make(tmp_path)
    for name, argv in _commands(path, tmp_path).items():
        out = run_cli(*argv, deadline=60)
        assert not out.timed_out, (name, out)
        assert not out.traceback, (name, out)
        assert out.rc == 2, (name, out)
        assert where in out.stderr, (name, out)


@pytest.mark.parametrize("case", list(_CASES))
def test_from_json_raises_document_error(tmp_path: Path, case: str) -> None:
    make, where = _CASES[case]
    with pytest.raises(DocumentError, match=where):
        from_json(make(tmp_path).read_text(encoding="utf-8"))


def test_the_bounds_themselves_are_accepted() -> None:
    from gov_disclosure.core.values import MAX_COUNT

    r = sample_report("2021").with_cells(
        {"applications/new/natural_person": MAX_COUNT, "applications/new/business": -MAX_COUNT}
    )
    r = attrs.evolve(r, year=2200, agency="某" * 1000)
    assert from_json(to_json(r)) == r
    for year in (1900, 2200):
        assert from_json(to_json(attrs.evolve(r, year=year))).year == year


def test_the_model_refuses_what_cannot_be_written() -> None:
    from gov_disclosure.core.values import MAX_COUNT

    r = sample_report("2021")
    with pytest.raises(ShapeError, match="out of range"):
        r.with_cells({"applications/new/natural_person": MAX_COUNT + 1})
    with pytest.raises(ShapeError, match="year"):
        attrs.evolve(r, year=1899)
    with pytest.raises(ShapeError, match="surrogate"):
        attrs.evolve(r, sections=attrs.evolve(r.sections, other="文\ud800字"))
    with pytest.raises(ShapeError, match="characters"):
        attrs.evolve(r, agency="某" * 1001)
    with pytest.raises(ShapeError, match="out of range"):
        Report.from_cells("2021", {"applications/new/total": 10**10_000})


def test_a_huge_integer_anywhere_in_the_document_is_refused() -> None:
    d = json.loads(to_json(sample_report("2021")))
    text = json.dumps(d).replace('"agency_kind": ', '"agency_kind": ' + "9" * 5000 + ', "x": ', 1)
    with pytest.raises(DocumentError):
        from_json(text)
