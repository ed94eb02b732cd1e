"""docs/FORMAT.md §6 lists every code of the code table (core/codes.py) as the table defines it.

The columns code · severity · scope · title · 标题 of §6 come from :data:`gov_disclosure.core.codes.CODES`;
the last column (rule) is the spec's own description and is written by hand. After adding a code to
the code table, run ``python tests/core/test_format_doc.py`` to rewrite the generated columns of §6:
rows are put in code order, a code without a row gets one whose rule column is the English definition
of ``rules/docs/<CODE>/details.toml`` (shorten it), and rows of codes no longer in the table are left
for you to delete (the tests below name them).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import tomllib
from importlib import resources
from pathlib import Path

import attrs
import pytest

from gov_disclosure import validate
from gov_disclosure.core import model
from gov_disclosure.core.codes import CODES, Code
from gov_disclosure.testing import sample_report

FORMAT_MD = Path(__file__).parents[2] / "docs" / "FORMAT.md"
HEADER = "| code | severity | scope | title | 标题 | rule |"
RULER = "|---|---|---|---|---|---|"
_ROW = re.compile(r"^\| (GD\d{3}) \|")


def _section6(text: str) -> tuple[int, int]:
    """The line range [start, end) of the code table in §6 of ``text`` (its header to its last row)."""
    lines = text.split("\n")
    try:
        six = next(i for i, line in enumerate(lines) if line.startswith("## 6."))
    except StopIteration:
        raise AssertionError("docs/FORMAT.md has no section '## 6.'") from None
    seven = next((i for i in range(six + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    try:
        start = next(i for i in range(six, seven) if lines[i].startswith("| code |"))
    except StopIteration:
        raise AssertionError("docs/FORMAT.md §6 has no table starting '| code |'") from None
    end = start
    while end < seven and lines[end].startswith("|"):
        end += 1
    return start, end


def _cells(line: str) -> list[str]:
    """The cells of a Markdown table row (``\\|`` inside a cell is not a separator)."""
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]


def documented_rows(text: str) -> dict[str, list[str]]:
    """§6's rows by code: the cells code, severity, scope, title, 标题, rule."""
    start, end = _section6(text)
    lines = text.split("\n")[start:end]
    return {m.group(1): _cells(line) for line in lines if (m := _ROW.match(line))}


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def row(code: Code, rule: str) -> str:
    """The §6 row of ``code``: its generated columns from the code table, then ``rule``."""
    cells = [code.code, code.severity.value, code.scope, code.title, code.title_zh, rule]
    return "| " + " | ".join(_escape(c) for c in cells) + " |"


def _definition(code: str) -> str:
    """The English definition of a code's documentation (the starting text of a new row's rule)."""
    path = resources.files("gov_disclosure.rules") / "docs" / code / "details.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return " ".join(str(data["en"]["definition"]).split())
    except (FileNotFoundError, KeyError):
        return "TODO: describe the rule"


def regenerate(text: str) -> str:
    """``text`` with §6's table rewritten: every code of the code table in code order (rule texts
    kept; a new code's taken from its documentation), then rows of codes the table no longer has."""
    start, end = _section6(text)
    lines = text.split("\n")
    old = documented_rows(text)
    rows = [HEADER, RULER]
    rows += [row(c, old[c.code][-1] if c.code in old else _definition(c.code)) for c in CODES.values()]
    rows += [
        "| " + " | ".join(_escape(c) for c in cells) + " |" for k, cells in old.items() if k not in CODES
    ]
    return "\n".join([*lines[:start], *rows, *lines[end:]])


TEXT = FORMAT_MD.read_text(encoding="utf-8")
ROWS = documented_rows(TEXT)
FIX = "run `python tests/core/test_format_doc.py` and describe the rule in the row's last column"


@pytest.mark.parametrize("code", list(CODES))
def test_every_code_of_the_code_table_is_in_section_6(code: str) -> None:
    c = CODES[code]
    assert code in ROWS, (
        f"{code} ({c.severity.value}, {c.scope}: {c.title} / {c.title_zh}) is in core/codes.py "
        f"but missing from docs/FORMAT.md §6: {FIX}"
    )
    cells = ROWS[code]
    assert len(cells) == 6, f"docs/FORMAT.md §6, {code}: expected 6 cells (code … rule), found {cells}"
    _, severity, scope, title, title_zh, rule = cells
    assert severity == c.severity.value, (
        f"{code}: docs/FORMAT.md §6 says severity {severity!r}, core/codes.py says {c.severity.value!r}"
    )
    assert scope == c.scope, f"{code}: docs/FORMAT.md §6 says scope {scope!r}, core/codes.py says {c.scope!r}"
    assert (title, title_zh) == (c.title, c.title_zh), f"{code}: titles differ from core/codes.py: {FIX}"
    assert rule, f"{code}: docs/FORMAT.md §6 does not describe the rule"
    assert not rule.startswith("TODO"), f"{code}: docs/FORMAT.md §6 does not describe the rule yet"


def test_section_6_lists_no_code_the_code_table_lacks() -> None:
    stale = sorted(set(ROWS) - set(CODES))
    assert stale == [], f"docs/FORMAT.md §6 lists codes that core/codes.py does not have: {stale}"


def test_section_6_is_in_code_order_as_generated() -> None:
    assert list(ROWS) == sorted(ROWS)
    assert regenerate(TEXT) == TEXT, f"docs/FORMAT.md §6 is not as generated: {FIX}"


def test_a_missing_code_is_named() -> None:
    """The check above can fail: a §6 without GD503 reports GD503 by name, and regenerating puts the
    row back in place."""
    without = "\n".join(line for line in TEXT.split("\n") if not line.startswith("| GD503 |"))
    rows = documented_rows(without)
    assert "GD503" not in rows
    assert {"GD502", "GD504"} <= set(rows)
    restored = documented_rows(regenerate(without))
    assert list(restored) == list(CODES)
    assert restored["GD503"][:5] == [
        "GD503",
        "warning",
        "report",
        CODES["GD503"].title,
        CODES["GD503"].title_zh,
    ]


def test_severities_named_in_section_6_are_the_code_tables() -> None:
    severities = {c.severity.value for c in CODES.values()}
    start, _ = _section6(TEXT)
    intro = "\n".join(TEXT.split("\n")[:start])
    named = re.search(r"`severity` \(([^)]*)\)", intro[intro.index("## 6.") :])
    assert named, "§6 names the severities: `severity` (error / warning / info)"
    assert {s.strip() for s in named.group(1).split("/")} == severities


def _endings(kind: str) -> tuple[str, ...]:
    """The name endings §1 says GD503 reads as ``kind`` (government / department)."""
    start = TEXT.index("**The kind of agency, inferred (GD503).**")
    para = " ".join(TEXT[start : TEXT.index("\n\n", start)].split())
    pattern = {
        "government": r"a name ending in (.+?) is a `government`",
        "department": r"one ending in (.+?) is a `department`",
    }
    found = re.search(pattern[kind], para)
    assert found, f"§1 lists the endings of a {kind}"
    return tuple(e.strip() for e in re.split(r",| or ", found.group(1)) if e.strip())


@pytest.mark.parametrize(
    ("kind", "endings"),
    [("government", model._GOVERNMENT_ENDINGS), ("department", model._DEPARTMENT_ENDINGS)],
)
def test_the_inferred_agency_kind_is_as_section_1_says(kind: str, endings: tuple[str, ...]) -> None:
    documented = _endings(kind)
    assert sorted(documented) == sorted(endings), f"§1 lists {documented}, core/model.py reads {endings}"
    for ending in documented:
        assert model.agency_kind_of(f"某某市某某区{ending}") == kind, ending
    assert model.agency_kind_of("某某市某某区教育局办公室") == "department"
    assert model.agency_kind_of("某某市某某区住房和城乡建设局") == "department"
    assert model.agency_kind_of("湘乡市人民政府") == "government"
    assert model.agency_kind_of("某某海关") is None


def _late(agency: str) -> tuple[set[str], set[str]]:
    """A 2021 report of ``agency`` (kind not given) dated 15 April of the next year: the GD503
    findings and GD503 not assessable."""
    r = sample_report("2021")
    assert r.year is not None
    r = attrs.evolve(r, agency=agency, agency_kind=None, published_on=dt.date(r.year + 1, 4, 15))
    result = validate(r)
    return (
        {f.code for f in result.findings if f.code == "GD503"},
        {n.code for n in result.not_assessable if n.code == "GD503"},
    )


def test_gd503_infers_the_kind_and_says_so() -> None:
    assert _late("舟山市定海区经济和信息化局") == ({"GD503"}, set())
    assert _late("淮安市洪泽区人民政府") == ({"GD503"}, set())
    assert _late("某某海关") == (set(), {"GD503"})


@pytest.mark.parametrize(
    "agency",
    [
        "杭州市西湖区三墩镇人民政府",
        "杭州市西湖区转塘街道办事处",
        "某某县某某乡人民政府办公室",
        "国家税务总局杭州市西湖区税务局",
        "杭州海关",
        "某某市某某区税务局办公室",
    ],
)
def test_no_deadline_for_a_township_or_a_vertically_managed_body(agency: str) -> None:
    assert _late(agency) == (set(), {"GD503"})


if __name__ == "__main__":
    new = regenerate(TEXT)
    if new != TEXT:
        FORMAT_MD.write_text(new, encoding="utf-8")
        print(f"rewrote §6 of {FORMAT_MD}")
    else:
        print(f"{FORMAT_MD} §6 is current")
    sys.exit(0)
