"""Issue 14, class 4: a document's size is bounded before it is parsed (its number of XML tags, which
bounds the tree's memory), and the 50,000-paragraph limit holds for every document, our own
included. Hostile files are read in a child process with a deadline and an address-space limit."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from gov_disclosure.core.errors import FileTooLargeError
from gov_disclosure.docx import read_docx, write_docx
from gov_disclosure.docx._package import MAX_DOCUMENT_TAGS
from gov_disclosure.reading.meta import MAX_PARAGRAPHS
from gov_disclosure.testing import sample_report

from ..bounded import run_bounded


def _with_paragraphs(n: int, *, own: bool) -> bytes:
    """The sample report's document with ``n`` empty paragraphs before the section properties,
    stored (no zip-bomb ratio); without ``own`` its custom properties are dropped (anyone's)."""
    data = write_docx(sample_report("2021"))
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        for name in src.namelist():
            body = src.read(name)
            if name == "word/document.xml":
                body = body.replace(b"<w:sectPr", b"<w:p/>" * n + b"<w:sectPr", 1)
            if name == "docProps/custom.xml" and not own:
                continue
            zf.writestr(name, body)
    return out.getvalue()


def test_millions_of_paragraphs_are_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "paragraphs.docx"
    path.write_bytes(_with_paragraphs(3_000_000, own=False))  # 18 MB of <w:p/>
    got = run_bounded(path, limit_mib=700)
    assert got["error"] == "FileTooLargeError", got
    assert "XML elements" in got["message"]
    assert got["peak_mib"] < 150  # the file's bytes, not a tree of millions of elements
    assert got["cpu"] < 10


def test_tags_over_the_limit_are_refused_for_our_own_documents_too(tmp_path: Path) -> None:
    path = tmp_path / "ours.docx"
    path.write_bytes(_with_paragraphs(MAX_DOCUMENT_TAGS, own=True))
    got = run_bounded(path, limit_mib=700)
    assert got["error"] == "FileTooLargeError", got


@pytest.mark.parametrize("own", [True, False], ids=["ours", "anyone's"])
def test_the_paragraph_limit_holds_for_every_document(own: bool) -> None:
    with pytest.raises(FileTooLargeError, match=f"over the limit of {MAX_PARAGRAPHS}"):
        read_docx(_with_paragraphs(MAX_PARAGRAPHS + 100, own=own))


@pytest.mark.parametrize("own", [True, False], ids=["ours", "anyone's"])
def test_many_paragraphs_under_the_limit_are_read(own: bool) -> None:
    report, _ = read_docx(_with_paragraphs(1000, own=own))
    assert report.cell_map() == sample_report("2021").cell_map()
