"""The same folder, with the reports written as .xlsx, .docx, .txt and .html by the format modules."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gov_disclosure import Report, batch, to_json

_MODULES = ("gov_disclosure.excel", "gov_disclosure.docx", "gov_disclosure.text", "gov_disclosure.html")
pytestmark = pytest.mark.skipif(
    not all(importlib.util.find_spec(m) for m in _MODULES), reason="the format modules are not all there yet"
)


def writer() -> Callable[[Report, Path], Path]:
    from gov_disclosure.docx import write_docx
    from gov_disclosure.excel import write_xlsx
    from gov_disclosure.html import write_html
    from gov_disclosure.text import write_text

    def write(r: Report, path: Path) -> Path:
        # one format per agency and year, chosen by the file's place in the corpus
        kind = {"a-2020": ".xlsx", "a-2021": ".docx", "a-2022": ".txt", "b-2022": ".html"}.get(
            path.stem, ".json"
        )
        target = path.with_suffix(kind)
        if kind == ".xlsx":
            write_xlsx(r, target)
        elif kind == ".docx":
            write_docx(r, target)
        elif kind == ".txt":
            target.write_text(write_text(r), encoding="utf-8")
        elif kind == ".html":
            target.write_text(write_html(r), encoding="utf-8")
        else:
            target.write_text(to_json(r), encoding="utf-8")
        return target

    return write


def test_mixed_formats_every_expected_finding_and_none_extra(make_corpus: Any, tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "mixed", writer())
    assert {p.suffix for p in corpus.files.values()} == {".xlsx", ".docx", ".txt", ".html", ".json"}
    for jobs in (1, 2):
        result = batch.check_paths([corpus.root], jobs=jobs)
        names = {str(p): n for n, p in corpus.files.items()}
        found = {(names[r.path], f.code, f.location) for r in result.results for f in r.findings}
        found |= {(names[p.this], f.code, f.location) for p in result.pairs for f in p.findings}
        assert found == corpus.expected
        assert {names[r.path] for r in result.results if not r.readable} == corpus.unreadable
        assert {(names[p.last], names[p.this]) for p in result.pairs} == corpus.pairs
        s = result.summary
        assert (s.files, s.read, s.unreadable, s.with_errors, s.pairs) == (8, 6, 2, 3, 3)


def test_mixed_formats_cell_export_equals_the_json_export(make_corpus: Any, tmp_path: Path) -> None:
    mixed = make_corpus(tmp_path / "mixed", writer())
    plain = make_corpus(tmp_path / "plain")
    keys = ("a20", "a21", "a22", "b22", "b23", "c23")

    def cells(corpus: Any) -> list[tuple[str, ...]]:
        files = [corpus.files[k] for k in keys]
        return [tuple(v for k, v in r.items() if k != "file") for r in batch.iter_cell_records(files, jobs=1)]

    assert cells(mixed) == cells(plain)
