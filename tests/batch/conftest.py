"""A folder of generated reports with known broken cells, and the findings they must produce."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import random
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest

from gov_disclosure import Report, to_json
from gov_disclosure.testing import random_report

AGENCY_A = "郑州市二七区科学技术局"
AGENCY_B = "杭州市西湖区人民政府"
AGENCY_C = "成都市武侯区市场监督管理局"


def prose(rng: random.Random, n: int, year: int) -> str:
    """``n`` random CJK characters in sentences, mentioning the year and a count: text that no other
    generated text repeats by chance."""
    parts = []
    for i in range(0, n, 40):
        parts.append("".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(40)))
        parts.append(f"{year}年度第{rng.randint(1, 999)}号，" if i % 80 == 0 else "。")
    return "".join(parts)


@attrs.frozen
class Corpus:
    root: Path
    files: dict[str, Path]  #: name → path
    #: (file name, code, location) of every finding the corpus must produce
    expected: frozenset[tuple[str, str, str | None]]
    pairs: frozenset[tuple[str, str]]  #: (last, this) names
    unreadable: frozenset[str]
    skipped: int


#: what the 2021 format asks 一、总体情况 to cover, for a report whose overview is otherwise random
ASPECTS = "本年度主动公开、依申请公开、政府信息管理、平台建设和监督保障各项工作有序推进。"


def _agency(r: Report, agency: str) -> Report:
    """Another agency's report: its name changed in the text too (the generated text names it)."""
    old = r.agency or ""
    texts = {k: v.replace(old, agency) for k, v in attrs.asdict(r.sections).items()}
    return attrs.evolve(r, agency=agency, sections=attrs.evolve(r.sections, **texts))


def _inc(r: Report, changes: dict[str, int]) -> Report:
    cells = {}
    for address, delta in changes.items():
        v = r.cell(address)
        assert isinstance(v, int)
        cells[address] = v + delta
    return r.with_cells(cells)


def build_corpus(
    root: Path, write: Callable[[Report, Path], Path] | None = None, suffix: str = ".json"
) -> Corpus:
    """Six reports of three agencies (A: 2020–2022, B: 2022–2023, C: 2023), each but C's broken in a
    known way, plus a corrupt JSON file, a corrupt .xlsx and a legacy .doc (skipped)."""
    rng = random.Random("batch corpus")
    root.mkdir(parents=True, exist_ok=True)
    (root / "A").mkdir(exist_ok=True)
    (root / "B" / "nested").mkdir(parents=True, exist_ok=True)

    a20 = random_report(rng, year=2020)
    a20 = attrs.evolve(_agency(a20, AGENCY_A), agency_kind="department", published_on=dt.date(2021, 1, 20))
    a21 = random_report(rng, previous=a20)
    a22 = random_report(rng, previous=a21)
    b22 = attrs.evolve(
        _agency(random_report(rng, year=2022), AGENCY_B),
        agency_kind="government",
        published_on=dt.date(2023, 3, 1),
    )
    b23 = random_report(rng, previous=b22)
    c23 = attrs.evolve(
        _agency(random_report(rng, year=2023), AGENCY_C),
        agency_kind="department",
        published_on=dt.date(2024, 1, 5),
    )

    expected: set[tuple[str, str, str | None]] = set()
    # A 2020: one appeal result too many (its group's 总计, which the text states, is left as it was)
    a20 = _inc(a20, {"appeals/review/upheld": 1})
    expected.add(("a20", "GD301", "appeals/review/total"))
    # A 2021: one application moved from "new" to "carried over": every sum of the year still
    # holds, only last year's carried_forward no longer matches (GD701)
    col = next(
        c
        for c in ("natural_person", "business", "research", "nonprofit", "legal_service", "other_org")
        if (a21.cell(f"applications/new/{c}") or 0) >= 1
    )
    a21 = _inc(
        a21,
        {
            f"applications/carried_over/{col}": 1,
            "applications/carried_over/total": 1,
            f"applications/new/{col}": -1,
            "applications/new/total": -1,
        },
    )
    expected |= {
        ("a21", "GD701", f"applications/carried_over/{col}"),
        ("a21", "GD701", "applications/carried_over/total"),
    }
    # A 2022: two applications granted too many: the row total and the column total break
    a22 = _inc(a22, {"applications/granted/business": 2})
    expected |= {
        ("a22", "GD201", "applications/granted/total"),
        ("a22", "GD202", "applications/total/business"),
    }
    # B 2022: a blank cell (the sums through it are not assessable, not broken)
    b22 = b22.with_cells({"applications/new/research": None})
    expected.add(("b22", "GD101", "applications/new/research"))
    # B 2023: the overview copied from 2022 with new numbers (GD704); the agency written differently
    overview = ASPECTS + prose(rng, 400, 2022)
    b22 = attrs.evolve(b22, sections=attrs.evolve(b22.sections, overview=overview))
    b23 = attrs.evolve(
        b23,
        agency="杭州市 西湖区 人民政府",
        sections=attrs.evolve(
            b23.sections, overview=overview.replace("2022年", "2023年").replace("号", "0号")
        ),
    )
    expected.add(("b23", "GD704", "sections/overview"))

    def default_write(r: Report, path: Path) -> Path:
        path.write_text(to_json(r), encoding="utf-8")
        return path

    w = write or default_write
    files = {
        "a20": w(a20, root / "A" / f"a-2020{suffix}"),
        "a21": w(a21, root / "A" / f"a-2021{suffix}"),
        "a22": w(a22, root / "A" / f"a-2022{suffix}"),
        "b22": w(b22, root / "B" / f"b-2022{suffix}"),
        "b23": w(b23, root / "B" / "nested" / f"b-2023{suffix}"),
        "c23": w(c23, root / f"c-2023{suffix}"),
    }
    bad = root / "bad.json"
    bad.write_text('{"format": "2021", "year": ', encoding="utf-8")
    broken = root / "B" / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not a zip archive")
    (root / "B" / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    (root / ".hidden.json").write_text("{}", encoding="utf-8")
    files["bad"] = bad
    files["broken"] = broken
    return Corpus(
        root,
        files,
        frozenset(expected),
        frozenset({("a20", "a21"), ("a21", "a22"), ("b22", "b23")}),
        frozenset({"bad", "broken"}),
        1,
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    return build_corpus(tmp_path / "reports")


@pytest.fixture
def make_corpus() -> Callable[..., Corpus]:
    """:func:`build_corpus`, for tests that write the reports in other formats."""
    return build_corpus


@pytest.fixture(autouse=True)
def no_process_left_behind() -> Iterator[None]:
    """Every batch run stops its worker processes: one left behind once made the interpreter wait
    for it at exit, forever."""
    yield
    assert multiprocessing.active_children() == []
