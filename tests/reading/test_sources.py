"""One rule for every reader: a str or os.PathLike is a path, bytes are the content, text is text=."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from gov_disclosure import ReadError, read_report
from gov_disclosure.html import read_html, write_html
from gov_disclosure.testing import sample_report
from gov_disclosure.text import read_text, write_text

R = sample_report("2021")


def test_a_str_is_a_path_for_every_reader(tmp_path: Path) -> None:
    txt, page = tmp_path / "r.txt", tmp_path / "r.html"
    txt.write_text(write_text(R), encoding="utf-8")
    page.write_text(write_html(R), encoding="utf-8")
    assert read_text(str(txt))[0] == R
    assert read_html(str(page))[0] == R
    assert read_report(str(page))[0] == R
    with pytest.raises(ReadError, match="cannot open"):
        read_text(str(tmp_path / "missing.txt"))  # not "not a report": a missing file
    with pytest.raises(ReadError, match="cannot open"):
        read_html(str(tmp_path / "missing.html"))


def test_bytes_are_the_content_for_every_reader() -> None:
    data = write_html(R).encode("utf-8")
    assert read_html(data)[0] == R
    assert read_report(data)[0] == R  # recognised by content
    assert read_report(write_text(R).encode("gb18030"))[0] == R
    with pytest.raises(ReadError, match="empty file"):
        read_report(b"")


def test_text_is_passed_by_keyword() -> None:
    assert read_text(text=write_text(R))[0] == R
    assert read_html(html=write_html(R))[0] == R
    with pytest.raises(TypeError, match="not both"):
        read_text(b"x", text="y")
    with pytest.raises(TypeError, match="needs a source"):
        read_html()


def test_read_report_says_what_to_pass() -> None:
    with pytest.raises(TypeError, match=r"path \(str or os.PathLike\) or the file's bytes"):
        read_report(12)  # type: ignore[arg-type]


def test_the_text_as_a_str_still_reads_for_one_release_with_a_warning() -> None:
    with pytest.warns(DeprecationWarning, match=r"read_text\(text=\.\.\.\)"):
        assert read_text(write_text(R))[0] == R
    with pytest.warns(DeprecationWarning, match=r"read_html\(html=\.\.\.\)"):
        assert read_html(write_html(R))[0] == R
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ReadError):
            read_text("no-such-file.txt")  # a file name: no warning, a path
