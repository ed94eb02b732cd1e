"""Builders of .docx files "written by others" for the DOCX tests: the official blank, filled in
with python-docx the way a clerk would, and variants (content controls, tracked insertions,
nested and split tables, rows that do not fit)."""

from __future__ import annotations

import copy
import io
from collections.abc import Mapping
from pathlib import Path
from types import SimpleNamespace

import pytest
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn

from docx import Document
from gov_disclosure.core.vocabulary import APPEALS_COLUMNS, APPEALS_GROUPS, APPLICATIONS_COLUMNS, spec

BLANK = Path(__file__).parent.parent / "data" / "official-blank-2021.docx"


def set_cell_text(cell: object, text: str) -> None:
    cell.text = text  # type: ignore[attr-defined]


def fill_official(values: Mapping[str, str], doc: DocumentObject | None = None) -> DocumentObject:
    """The official 2021 blank with ``values`` (address -> text) typed into their cells."""
    doc = doc or Document(str(BLANK))
    s = spec("2021")
    proactive, applications, appeals = doc.tables[:3]
    # proactive: a title row per block, a header row, then data rows labelled in column 0
    block = None
    for row in proactive.rows:
        cells = _distinct(row.cells)
        label = cells[0].text.strip()
        for b in s.proactive:
            if label == b.title:
                block = b
        if block is None:
            continue
        for r in block.rows:
            if label == r.label:
                for c, cell in zip(block.columns, cells[1:], strict=False):
                    text = values.get(f"proactive/{block.key}.{r.key}/{c.key}")
                    if text is not None:
                        set_cell_text(cell, text)
    data_rows = list(applications.rows)[3:]
    for layout, row in zip(s.applications_rows, data_rows, strict=True):
        cells = row.cells[3:]
        for c, cell in zip(APPLICATIONS_COLUMNS, cells, strict=True):
            text = values.get(f"applications/{layout.key}/{c.key}")
            if text is not None:
                set_cell_text(cell, text)
    row = list(appeals.rows)[3]
    addresses = [f"appeals/{g.key}/{c.key}" for g in APPEALS_GROUPS for c in APPEALS_COLUMNS]
    for address, cell in zip(addresses, row.cells, strict=True):
        text = values.get(address)
        if text is not None:
            set_cell_text(cell, text)
    return doc


def _distinct(cells: tuple[object, ...]) -> list[object]:
    out: list[object] = []
    seen: set[int] = set()
    for c in cells:
        tc = c._tc  # type: ignore[attr-defined]
        if id(tc) not in seen:
            seen.add(id(tc))
            out.append(c)
    return out


def add_title_and_signature(doc: DocumentObject, title: str, agency: str, date: str) -> None:
    """Replace the template's heading with a real title; add the signature at the end."""
    for p in doc.paragraphs:
        if p.text.strip() == "政府信息公开工作年度报告格式模板":
            p.text = title
            break
    doc.add_paragraph(agency)
    doc.add_paragraph(date)


def to_bytes(doc: DocumentObject) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def wrap_in_content_control(element: object) -> None:
    """Put ``element`` (a paragraph or table) inside a block-level content control (w:sdt)."""
    from docx.oxml import OxmlElement

    sdt = OxmlElement("w:sdt")
    content = OxmlElement("w:sdtContent")
    sdt.append(content)
    element.addprevious(sdt)  # type: ignore[attr-defined]
    content.append(element)


def as_tracked_insertion(cell: object) -> None:
    """Wrap every run in the cell's paragraphs in a w:ins (a tracked insertion)."""
    from docx.oxml import OxmlElement

    for p in cell.paragraphs:  # type: ignore[attr-defined]
        for r in list(p._p.iterchildren(qn("w:r"))):
            ins = OxmlElement("w:ins", attrs={qn("w:id"): "1", qn("w:author"): "clerk"})
            r.addprevious(ins)
            ins.append(r)


def deep_copy(element: object) -> object:
    return copy.deepcopy(element)


@pytest.fixture
def build() -> SimpleNamespace:
    """The builders above, for the tests (conftest modules cannot be imported by name)."""
    return SimpleNamespace(
        fill_official=fill_official,
        add_title_and_signature=add_title_and_signature,
        to_bytes=to_bytes,
        wrap_in_content_control=wrap_in_content_control,
        as_tracked_insertion=as_tracked_insertion,
        deep_copy=deep_copy,
        distinct=_distinct,
    )
