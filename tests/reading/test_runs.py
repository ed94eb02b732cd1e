"""Values run together (reading/runs.py): a run is split only where the digits and the table's sums
leave one reading that a report breaking one sum could not have made wrong; everything else is
declined with GD109."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_disclosure.core.vocabulary import (
    APPEALS_COLUMNS,
    APPEALS_GROUPS,
    APPLICATIONS_COLUMNS,
    CellKind,
    spec,
)
from gov_disclosure.reading.engine import GridCell, GridReading, read_grids
from gov_disclosure.reading.runs import (
    MAX_RUN_CHARS,
    Piece,
    _Counter,
    _prepare,
    count_splits,
    equations,
    splits,
)
from gov_disclosure.testing import sample_report

C = CellKind.COUNT


def brute_force(digits: str, n: int) -> list[tuple[str, ...]]:
    """Every cut of ``digits`` into ``n`` counts written as the format writes them."""
    out = []
    for cuts in itertools.combinations(range(1, len(digits)), n - 1):
        parts = tuple(digits[a:b] for a, b in zip((0, *cuts), (*cuts, len(digits)), strict=True))
        if all(p == "0" or not p.startswith("0") for p in parts) and all(len(p) <= 10 for p in parts):
            out.append(parts)
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789", min_size=1, max_size=14), st.integers(1, 8))
def test_the_count_is_that_of_every_cut(digits: str, n: int) -> None:
    expected = len(brute_force(digits, n))
    assert count_splits([Piece(digits, "run")], [C] * n) == expected
    # the general counter (signs, markers, units, gaps) agrees with the one for plain digits
    assert _Counter(_prepare([Piece(digits, "run")]), [C] * n).count() == expected


def test_no_value_has_a_leading_zero() -> None:
    assert count_splits([Piece("05", "run")], [C]) == 0
    assert count_splits([Piece("05", "run")], [C, C]) == 1
    assert count_splits([Piece("0000000", "run")], [C] * 7) == 1
    assert count_splits([Piece("1000100", "run")], [C] * 5) == len(brute_force("1000100", 5)) == 3


def test_a_gap_is_a_separator_or_blank_cells() -> None:
    # 3 · (blank) · 0 · 0 · 0 · 7 · 10, the blank written &nbsp;: read as a separator or as a blank
    pieces = [Piece("3", "run"), Piece("\u00a0", "gap"), Piece("000710", "run")]
    assert count_splits(pieces, [C] * 7) == 3  # 3|0|0|0|7|1|0, 3|_|0|0|0|7|10, 3|_|0|0|0|71|0


def test_amounts_signs_units_and_markers() -> None:
    col = [CellKind.COUNT, CellKind.AMOUNT]
    assert count_splits([Piece("0160.5964", "run")], col) == 1  # 0 | 160.5964
    # 5 | 109994元, 510 | 9994元, 5109 | 994元, 51099 | 94元, 510999 | 4元 (09994元 is no value)
    assert count_splits([Piece("5109994元", "run")], col) == 5
    signed = [CellKind.COUNT, CellKind.SIGNED, CellKind.COUNT]
    assert count_splits([Piece("3-12", "run")], signed) == 2  # 3 | -1 | 2, 3 | - | 12
    assert count_splits([Piece("0/0", "run")], [C] * 3) == 1


def applications_grid(rows: dict[str, str]) -> list[list[GridCell]]:
    """An applications table of the sample report, with the given rows' cells run together."""
    r = sample_report("2021")
    out = []
    for lr in r.spec.applications_layout:
        if lr.key is None:
            continue
        texts = [r.cell_text(f"applications/{lr.key}/{c.key}") for c in APPLICATIONS_COLUMNS]
        if lr.key in rows:
            out.append([GridCell(lr.label, "t"), GridCell(rows[lr.key], "t", glued=True)])
        else:
            out.append([GridCell(lr.label, "t"), *(GridCell(x, "t") for x in texts)])
    return out


def read(grid: list[list[GridCell]]) -> GridReading:
    return read_grids([grid], format="2021")


def row_values(key: str) -> list[int]:
    r = sample_report("2021")
    return [r.cell(f"applications/{key}/{c.key}") for c in APPLICATIONS_COLUMNS]  # type: ignore[misc]


def test_a_run_together_row_settled_by_the_sums_is_placed() -> None:
    for key in ("new", "granted", "total", "carried_forward"):
        values = row_values(key)
        reading = read(applications_grid({key: "".join(map(str, values))}))
        assert [reading.cells[f"applications/{key}/{c.key}"] for c in APPLICATIONS_COLUMNS] == values
        assert not [f for f in reading.findings if f.code == "GD109"]


def test_several_rows_run_together_are_weighed_together() -> None:
    keys = [lr.key for lr in spec("2021").applications_rows if lr.key is not None]
    reading = read(applications_grid({k: "".join(map(str, row_values(k))) for k in keys}))
    r = sample_report("2021")
    placed = {a: v for a, v in reading.cells.items() if v is not None}
    assert placed == {a: r.cell(a) for a in placed}
    assert len(placed) >= 0.8 * len(keys) * 7


def test_a_wrong_total_that_one_other_split_satisfies_is_not_placed() -> None:
    # 行政复议 printed 0 | 0 | 10 | 11 | 1 with a wrong total (10 + 11 is 21): "0010111" has exactly
    # one split whose total adds up, 0 | 0 | 10 | 1 | 11, and it is wrong
    truth = [0, 0, 10, 11, 1] + [0] * 10
    run = "".join(map(str, truth))
    fitting = [sp for sp in splits_of(run, 15) if all(sum(sp[g : g + 4]) == sp[g + 4] for g in (0, 5, 10))]
    assert fitting == [(0, 0, 10, 1, 11, *[0] * 10)]
    head = [
        [GridCell(g.label, "h") for g in APPEALS_GROUPS],
        [GridCell(c.label, "h") for c in APPEALS_COLUMNS],
    ]
    reading = read_grids([[*head, [GridCell(run, "line 9", glued=True)]]], format="2021")
    review = [f"appeals/review/{c.key}" for c in APPEALS_COLUMNS]
    assert not any(a in reading.cells for a in review)  # not the wrong reading, not any
    # 未经复议直接起诉 is not settled either: 0|0|1|0|1 + 11|0|0|0|0 + zeros breaks one sum too;
    # 复议后起诉 is five zeros under every reading that breaks at most one sum: placed
    assert reading.cells == {f"appeals/suit_after_review/{c.key}": 0 for c in APPEALS_COLUMNS}
    (f,) = reading.findings
    assert f.code == "GD109"
    assert f.location == "appeals"
    assert [c.address for c in f.cells] == [
        *review,
        *(f"appeals/suit_direct/{c.key}" for c in APPEALS_COLUMNS),
    ]
    assert "single wrong sum" in f.message


def splits_of(run: str, n: int) -> list[tuple[int, ...]]:
    return [tuple(int(x) for x in p) for p in brute_force(run, n)]


def test_a_blank_cell_lost_is_never_read_as_digits() -> None:
    # 3 · (blank) · 0 · 0 · 0 · 7 · 10 arrives as 3000710, which splits one way into seven values
    # (3|0|0|0|7|1|0): the row total does not confirm it, and it can be six values: not read
    reading = read(applications_grid({"granted": "3000710"}))
    assert not any(a.startswith("applications/granted/") for a in reading.cells)
    (f,) = [f for f in reading.findings if f.code == "GD109"]
    assert "blank" in f.message
    assert f.location == "applications/granted"
    assert f.raw == "3000710"


@pytest.mark.parametrize(
    ("run", "placed"),
    [("000", True), ("010", False), ("123", False), ("9052", False), ("0 12", False)],
)
def test_proactive_rows_have_no_sum_and_are_placed_only_when_nothing_else_fits(
    run: str, placed: bool
) -> None:
    pieces = [GridCell(t, "line 3", glued=True) for t in run.replace(" ", "\0 \0").split("\0")]
    reading = read_grids([[[GridCell("规章", "line 3"), *pieces]]], format="2021")
    cells = {a: v for a, v in reading.cells.items() if a.startswith("proactive/art20_1.rules/")}
    if placed:
        assert cells == {
            f"proactive/art20_1.rules/{k}": int(x)
            for k, x in zip(("issued", "repealed", "in_force"), run, strict=True)
        }
        assert not reading.findings
    else:
        assert cells == {}
        (f,) = reading.findings
        assert f.code == "GD109"
        assert f.location == "proactive/art20_1.rules"


def test_a_run_over_the_limit_is_declined_outright() -> None:
    run = "1" * (MAX_RUN_CHARS + 1)
    reading = read(applications_grid({"new": run}))
    (f,) = [f for f in reading.findings if f.code == "GD109"]
    assert f"{MAX_RUN_CHARS}" in f.message
    assert not any(a.startswith("applications/new/") for a in reading.cells)


def test_the_findings_say_how_many_splits_fit() -> None:
    # 2021 art20_1, no sum: 9052 is 9|0|52 or 90|5|2
    reading = read_grids([[[GridCell("行政规范性文件", "line 4"), GridCell("9052", "line 4", glued=True)]]])
    (f,) = reading.findings
    assert "2 ways to split '9052' into 3 values" in f.message
    assert "“9052”拆成3个数值有2种拆法" in f.message_zh


def test_a_cell_that_cannot_be_one_value_is_split_in_any_table() -> None:
    # an HTML or Markdown row whose values sit in one cell: 0000000 is no value, so it runs together
    reading = read_grids(
        [
            [
                [
                    GridCell("1.属于国家秘密", "table 1, row 7, cell 1"),
                    GridCell("0000000", "table 1, row 7, cell 2"),
                ]
            ]
        ]
    )
    assert dict(reading.cells) == {
        f"applications/denied.state_secret/{c.key}": 0 for c in APPLICATIONS_COLUMNS
    }


def test_cells_of_their_own_are_never_split() -> None:
    # six values for seven columns, each a value of its own: GD105 as before, nothing guessed
    reading = read_grids(
        [[[GridCell("1.属于国家秘密", "r"), *(GridCell(x, "r") for x in ("12", "0", "0", "0", "0", "12"))]]]
    )
    assert reading.cells == {}
    assert [f.code for f in reading.findings] == ["GD105"]


def test_equations_are_those_of_the_rules() -> None:
    eqs = equations("2021")
    assert {e.code for e in eqs} == {"GD201", "GD202", "GD203", "GD301"}
    assert len([e for e in eqs if e.code == "GD201"]) == len(spec("2021").applications_rows)
    assert len([e for e in eqs if e.code == "GD301"]) == len(APPEALS_GROUPS)
    total = next(e for e in eqs if e.where == "applications/total/natural_person")
    assert len(total.plus) == len(spec("2021").result_rows)


def test_splits_lists_what_count_counts() -> None:
    from gov_disclosure.reading.runs import Column, RunRow

    row = RunRow(tuple(Column(f"a{i}", C) for i in range(4)), (Piece("10203", "run"),), "x", "x", "x")
    found = splits(row)
    assert found is not None
    assert sorted(sp.texts for sp in found) == sorted(brute_force("10203", 4))
    assert count_splits(row.pieces, [C] * 4) == len(found)
