"""Class 8: ``render`` of an agency longer than python-docx's 255-character limit of a core property
(title, author) ended in a traceback; the properties are now shortened with an ellipsis, and the
document itself (title paragraph, custom properties) keeps the whole name."""

from __future__ import annotations

from pathlib import Path

import hostile_generators as g
import pytest
from hostile_limits import run_cli

import docx
from gov_disclosure import read_report


@pytest.mark.parametrize("n", [236, 300, 1000])
def test_render_a_long_agency(tmp_path: Path, n: int) -> None:
    source = g.gen_08_long_agency(tmp_path, n)
    target = tmp_path / "out.docx"
    out = run_cli("render", source, "-o", target)
    assert not out.traceback, out
    assert out.rc == 0, out
    back, _ = read_report(target)
    assert back.agency is not None
    assert len(back.agency) == n
    core = docx.Document(str(target)).core_properties
    assert len(core.title) <= 255
    assert len(core.author) <= 255
    assert core.author.startswith(back.agency[:200])
