"""Class 16: our own writers' files of a report with long repetitive sections were refused by our
readers as zip bombs (a 200,000-sentence section: 277x). The model now bounds a section
(MAX_SECTION_CHARS, MAX_SECTION_LINES), the zip guard's ratio limit applies only to entries over
RATIO_MIN_BYTES, and every writer's file of the longest sections the model allows reads back."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hostile_limits import run_python

from gov_disclosure import ShapeError
from gov_disclosure.testing import sample_report
from gov_disclosure.text import read_text, write_text

_ROUNDTRIP = r"""
def case(kind, unit, folder):
    import attrs
    from pathlib import Path
    from gov_disclosure import read_report
    from gov_disclosure.testing import sample_report
    try:
        from gov_disclosure.core.model import MAX_SECTION_CHARS, MAX_SECTION_LINES
    except ImportError:  # before the model had bounds: the same sizes
        MAX_SECTION_CHARS, MAX_SECTION_LINES = 100_000, 2_000
    r = sample_report("2021")
    if unit == "one-line":
        text = "本" * MAX_SECTION_CHARS
    else:
        per_line = MAX_SECTION_CHARS // MAX_SECTION_LINES
        line = (unit * per_line)[: per_line - 1]
        text = "\n".join([line] * MAX_SECTION_LINES)[:MAX_SECTION_CHARS]
    keys = ("overview", "proactive", "applications", "appeals", "problems", "other")
    r = attrs.evolve(r, sections=attrs.evolve(r.sections, **dict.fromkeys(keys, text)))
    path = Path(folder) / f"long.{kind}"
    if kind == "xlsx":
        from gov_disclosure.excel import write_xlsx
        write_xlsx(r, path)
    elif kind == "docx":
        from gov_disclosure.docx import write_docx
        write_docx(r, path)
    elif kind == "html":
        from gov_disclosure.html import write_html
        path.write_text(write_html(r), encoding="utf-8")
    else:
        from gov_disclosure.text import write_text
        path.write_text(write_text(r), encoding="utf-8")
    back, findings = read_report(path)
    return {"cells": back.cell_map() == r.cell_map(), "sections": back.sections == r.sections,
            "codes": sorted({f.code for f in findings})}
"""


@pytest.mark.parametrize("unit", ["本年度未收取信息处理费。", "&", "<", "one-line"])
@pytest.mark.parametrize("kind", ["xlsx", "docx", "html", "txt"])
def test_the_longest_sections_read_back(tmp_path: Path, kind: str, unit: str) -> None:
    out = run_python(_ROUNDTRIP, kind, unit, tmp_path, deadline=120)
    assert out.result is not None, out
    assert "returned" in out.result, out.result
    got = out.result["returned"]
    assert got["cells"], got
    assert got["sections"], got


def test_a_longer_section_is_refused_by_the_model() -> None:
    from gov_disclosure.core.model import MAX_SECTION_CHARS, MAX_SECTION_LINES

    r = sample_report("2021")
    with pytest.raises(ShapeError, match="characters"):
        attrs.evolve(r, sections=attrs.evolve(r.sections, other="费" * (MAX_SECTION_CHARS + 1)))
    with pytest.raises(ShapeError, match="lines"):
        attrs.evolve(r, sections=attrs.evolve(r.sections, other="费\n" * MAX_SECTION_LINES))


def test_a_reader_cuts_a_longer_section_and_says_so() -> None:
    from gov_disclosure.core.model import MAX_SECTION_CHARS

    text = write_text(sample_report("2021")).replace(
        "六、其他需要报告的事项\n", "六、其他需要报告的事项\n" + "本年度未收取信息处理费。" * 20_000 + "\n", 1
    )
    back, findings = read_text(text=text)
    assert len(back.sections.other) == MAX_SECTION_CHARS
    assert [f.code for f in findings if f.location == "sections/other"] == ["GD106"]
