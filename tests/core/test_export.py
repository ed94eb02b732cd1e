import csv
import io
import json
from decimal import Decimal

from gov_disclosure import Amount, Report, cell_records
from gov_disclosure.core.export import CELL_FIELDS, cells_csv, write_cells_jsonl
from gov_disclosure.testing import sample_report


def test_one_record_per_cell_in_spec_order() -> None:
    r = sample_report("2021")
    records = list(cell_records(r))
    assert len(records) == 200
    assert [(x.table, x.row, x.column) for x in records] == [(c.table, c.row, c.column) for c in r.spec.cells]


def test_csv_matches_the_spec_example() -> None:
    r = Report.blank("2019").with_cells({"applications/denied.state_secret/natural_person": 0})
    rows = list(csv.DictReader(io.StringIO(cells_csv(r))))
    assert tuple(rows[0]) == CELL_FIELDS
    line = "applications,denied.state_secret,natural_person,0,,0"
    assert line in cells_csv(r).splitlines()


def test_missing_cells_keep_raw_and_amounts_their_unit() -> None:
    r = Report.blank("2019").with_cells(
        {
            "appeals/review/upheld": None,
            "proactive/art20_9.procurement/amount": Amount(Decimal("109994"), "yuan"),
        },
        raw={"appeals/review/upheld": "/", "proactive/art20_9.procurement/amount": "109994元"},
    )
    by_key = {(x.table, x.row, x.column): x for x in cell_records(r)}
    upheld = by_key[("appeals", "review", "upheld")]
    assert (upheld.value, upheld.raw) == ("", "/")
    amount = by_key[("proactive", "art20_9.procurement", "amount")]
    assert (amount.value, amount.unit, amount.raw) == ("109994", "yuan", "109994元")
    buf = io.StringIO()
    write_cells_jsonl((x.as_dict() for x in cell_records(r)), buf)
    lines = buf.getvalue().splitlines()
    assert len(lines) == 198
    assert json.loads(lines[0])["table"] == "proactive"
