"""Properties: the batch says exactly what validate() says, file by file and pair by pair."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from gov_disclosure import Report, batch, to_json, validate
from gov_disclosure.testing import any_reports, report_pairs


@settings(max_examples=25, deadline=None)
@given(st.lists(any_reports(), min_size=1, max_size=4))
def test_check_paths_agrees_with_validate(reports: list[Report]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, r in enumerate(reports):
            p = Path(tmp, f"{i}.json")
            p.write_text(to_json(r), encoding="utf-8")
            paths.append(p)
        result = batch.check_paths([tmp], jobs=1, pairs=False)
    assert [Path(r.path).name for r in result.results] == [p.name for p in paths]
    for r, report in zip(result.results, reports, strict=True):
        assert r.findings == validate(report).findings
        assert (r.agency, r.year, r.format) == (report.agency, report.year, report.format)


@settings(max_examples=25, deadline=None)
@given(report_pairs(), st.dictionaries(st.sampled_from(["carried_over", "new"]), st.integers(1, 5)))
def test_check_pair_agrees_with_validate(pair: tuple[Report, Report], shift: dict[str, int]) -> None:
    last, this = pair
    if shift:  # break the carry-over in some columns
        this = this.with_cells(
            {
                f"applications/{row}/natural_person": (this.cell(f"applications/{row}/natural_person") or 0)
                + n
                for row, n in shift.items()
            }
        )
    expected = [f for f in validate(this, last).findings if f.code.startswith("GD7")]
    assert list(batch.cross_year_findings(last, this).findings) == expected
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp, "last.json"), Path(tmp, "this.json")
        a.write_text(to_json(last), encoding="utf-8")
        b.write_text(to_json(this), encoding="utf-8")
        got = batch.check_pair(batch.check_file(a), batch.check_file(b))
    assert list(got.findings) == expected
    assert (got.last, got.this) == (str(a), str(b))
