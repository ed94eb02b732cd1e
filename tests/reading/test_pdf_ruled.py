"""Ruled tables read cell by cell from PDFs drawn as WPS exports them (made in code, see
pdf_make.py): blank cells in random places, tables cut by page breaks, fake bold, borders as thin
filled rectangles over white cell backgrounds or as stroked lines. Every blank is located, every
value is right, nothing is placed wrongly. Needs the pdf extra only."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from gov_disclosure import Report, read_report, validate
from gov_disclosure.core.vocabulary import FormatKey
from gov_disclosure.pdf import read_pdf
from gov_disclosure.testing import random_report

from .pdf_make import draw_report


def with_blanks(seed: int, format: FormatKey, share: float = 0.2) -> Report:
    """A random report with a share of its cells left blank, in random places."""
    rng = random.Random(seed)
    r = random_report(rng, format)
    addresses = list(r.cell_map())
    return r.with_cells(dict.fromkeys(rng.sample(addresses, int(len(addresses) * share))))


def check_read_back(r: Report, back: Report) -> None:
    expected, got = r.cell_map(), back.cell_map()
    assert back.format == r.format
    wrong = {a: (v, got[a]) for a, v in expected.items() if got[a] is not None and got[a] != v}
    assert wrong == {}
    assert {a for a, v in expected.items() if v is None} == {a for a, v in got.items() if v is None}
    assert not set(back.raw) & {a for a, v in expected.items() if v is None}
    assert (back.agency, back.year, back.published_on) == (r.agency, r.year, r.published_on)
    for key in ("overview", "problems", "other"):
        assert "".join(getattr(back.sections, key).split()) == "".join(getattr(r.sections, key).split())


CASES = [
    (1, "2019", {}),
    (2, "2021", {}),
    (3, "2019", {"break_rows": [(1, 5), (1, 14)], "bold_labels": True}),
    (4, "2021", {"break_rows": [(1, 4), (1, 13), (1, 22)], "bold_labels": True}),
    (5, "2021", {"stroked": True, "break_rows": [(1, 9)]}),
    (6, "2019", {"stroked": True, "width": 700.0}),
]


@pytest.mark.parametrize(("seed", "format", "style"), CASES)
def test_blank_cells_in_random_places_are_located(
    seed: int, format: FormatKey, style: dict[str, object]
) -> None:
    r = with_blanks(seed, format)
    back, findings = read_pdf(draw_report(r, **style))  # type: ignore[arg-type]
    check_read_back(r, back)
    assert [f.code for f in findings] == ["GD107"]
    assert "read cell by cell from their ruling lines" in findings[0].message
    # what validation says of the blanks: missing cells, never zeros
    missing = {f.location for f in validate(back, findings=findings).findings if f.code == "GD101"}
    assert missing == {a for a, v in r.cell_map().items() if v is None}


def test_a_table_of_blanks_only_and_every_cell_filled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    r = random_report(random.Random(7), "2021")
    blank = r.with_cells(dict.fromkeys(a for a in r.cell_map() if a.startswith("appeals/")))
    monkeypatch.setenv("PATH", str(tmp_path))  # without pdftotext: PDFium alone
    for report in (r, blank):
        path = tmp_path / "r.pdf"
        path.write_bytes(draw_report(report, break_rows=[(2, 3)]))
        back, findings = read_report(path)
        check_read_back(report, back)
        assert [f.code for f in findings] == ["GD107"]


def test_tables_without_rulings_are_read_from_the_text_and_rows_with_blanks_declined() -> None:
    r = with_blanks(8, "2021", 0.1)
    back, findings = read_pdf(draw_report(r, ruled=False))
    placed = {a: v for a, v in back.cell_map().items() if v is not None}
    assert {a: r.cell(a) for a in placed} == placed  # nothing wrong
    assert placed  # the rows without a blank are read
    (note,) = [f for f in findings if f.code == "GD107"]
    assert "read from the text layer" in note.message
    assert "GD105" in [f.code for f in findings]  # a row with a blank: declined, not guessed
