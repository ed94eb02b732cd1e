"""The batch check over a folder: every expected finding, none extra, bad files reported, pairs, counts."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest

from gov_disclosure import batch, to_json
from gov_disclosure.batch import Duplicate, FileResult, PairResult, Skipped
from gov_disclosure.testing import random_report

Corpus = Any  # the conftest's Corpus (test modules cannot import the conftest)


def found(corpus: Any, result: batch.BatchResult) -> set[tuple[str, str, str | None]]:
    names = {str(p): n for n, p in corpus.files.items()}
    out = {(names[r.path], f.code, f.location) for r in result.results for f in r.findings}
    out |= {(names[p.this], f.code, f.location) for p in result.pairs for f in p.findings}
    return out


def test_every_expected_finding_and_none_extra(corpus: Any) -> None:
    result = batch.check_paths([corpus.root], jobs=1)
    assert found(corpus, result) == corpus.expected


def test_bad_files_are_reported_and_do_not_stop_the_run(corpus: Any) -> None:
    result = batch.check_paths([corpus.root], jobs=1)
    names = {str(p): n for n, p in corpus.files.items()}
    bad = {names[r.path]: r for r in result.results if not r.readable}
    assert set(bad) == corpus.unreadable
    assert bad["bad"].error_type == "DocumentError"
    assert bad["broken"].error_type == "ReadError"
    assert str(corpus.files["broken"]) in (bad["broken"].error or "")
    assert all(r.findings == () for r in bad.values())
    assert len([r for r in result.results if r.readable]) == 6


def test_pairs_of_consecutive_years_of_one_agency(corpus: Any) -> None:
    result = batch.check_paths([corpus.root], jobs=1)
    names = {str(p): n for n, p in corpus.files.items()}
    assert {(names[p.last], names[p.this]) for p in result.pairs} == corpus.pairs
    assert result.duplicates == ()


def test_summary_counts(corpus: Any) -> None:
    s = batch.check_paths([corpus.root], jobs=1).summary
    assert (s.files, s.read, s.unreadable, s.with_errors, s.pairs, s.duplicates) == (8, 6, 2, 3, 3, 0)
    assert dict(s.skipped) == {".doc": 1}
    codes: dict[str, int] = {}
    for _, code, _ in corpus.expected:
        codes[code] = codes.get(code, 0) + 1
    assert dict(s.codes) == codes
    assert s.severities["error"] == 5
    assert s.severities["warning"] == 2
    assert s.exit_code == 2


def test_exit_code_precedence(tmp_path: Path, corpus: Any) -> None:
    readable = [corpus.files[n] for n in ("a20", "a21", "a22", "b22", "b23", "c23")]
    assert batch.check_paths(readable, jobs=1).summary.exit_code == 1
    assert batch.check_paths([corpus.files["c23"], corpus.files["b22"]], jobs=1).summary.exit_code == 0
    assert batch.check_paths([corpus.files["c23"], corpus.files["bad"]], jobs=1).summary.exit_code == 2


def test_worker_processes_give_the_same_results(corpus: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from gov_disclosure.batch import _workers

    monkeypatch.setattr(_workers, "SPAWN_MS", 0.0)  # workers even for this small corpus
    one = batch.check_paths([corpus.root], jobs=1)
    two = batch.check_paths([corpus.root], jobs=2)
    assert one.results == two.results  # same order: path order
    assert one.pairs == two.pairs
    assert one.summary.to_dict() == two.summary.to_dict()


def test_events_come_in_order(corpus: Any) -> None:
    kinds = [type(e) for e in batch.iter_check([corpus.root], jobs=1)]
    order = {Skipped: 0, FileResult: 1, Duplicate: 2, PairResult: 3}
    assert kinds == sorted(kinds, key=lambda k: order[k])
    paths = [e.path for e in batch.iter_check([corpus.root], jobs=1) if isinstance(e, FileResult)]
    assert paths == sorted(paths, key=lambda p: Path(p).parts)


def test_progress_callback(corpus: Any) -> None:
    calls: list[tuple[str, int, int]] = []
    batch.check_paths([corpus.root], jobs=1, on_progress=lambda *a: calls.append(a))
    files = [c for c in calls if c[0] == "files"]
    assert files[0] == ("files", 0, 8)
    assert files[-1] == ("files", 8, 8)
    assert [c[1] for c in files] == sorted(c[1] for c in files)
    assert calls[-1] == ("pairs", 3, 3)


def test_no_pairs(corpus: Any) -> None:
    result = batch.check_paths([corpus.root], jobs=1, pairs=False)
    assert result.pairs == ()
    assert {c for _, c, _ in found(corpus, result)} == {"GD301", "GD201", "GD202", "GD101"}


def test_gd704_threshold_is_a_parameter(corpus: Any) -> None:
    strict = batch.check_paths([corpus.files["b22"], corpus.files["b23"]], jobs=1, similarity_threshold=1.0)
    # the copy differs in its numbers only, which are normalised away: still 100%
    assert [f.code for p in strict.pairs for f in p.findings] == ["GD704"]
    short = batch.check_paths([corpus.files["b22"], corpus.files["b23"]], jobs=1, min_chars=10_000)
    assert [f.code for p in short.pairs for f in p.findings] == []


def test_results_are_picklable_and_keep_no_report(corpus: Any) -> None:
    r = batch.check_file(corpus.files["a22"])
    assert r.carry is not None
    again = pickle.loads(pickle.dumps(r))
    assert again == r
    assert again.carry == r.carry
    for e in batch.iter_check([corpus.root], jobs=1):
        if isinstance(e, FileResult):
            assert e.carry is None


def test_check_file_never_raises(tmp_path: Path) -> None:
    for name, data in {
        "empty.json": b"",
        "binary.txt": b"\x00\x01\x02" * 100,
        "legacy.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
        "pdf.txt": b"%PDF-1.4",
        "array.json": b"[1, 2]",
    }.items():
        p = tmp_path / name
        p.write_bytes(data)
        r = batch.check_file(p)
        assert not r.readable, name
        assert str(p) in (r.error or ""), name
    assert not batch.check_file(tmp_path / "nope.json").readable
    folder = batch.check_file(tmp_path)
    assert not folder.readable


def test_discover(tmp_path: Path) -> None:
    (tmp_path / "x" / ".git").mkdir(parents=True)
    for name in ("x/a.JSON", "x/b.docx", "x/~$b.docx", "x/.git/c.json", "x/d.doc", "x/e.htm", "f.txt"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    d = batch.discover([tmp_path / "x", tmp_path / "f.txt", tmp_path / "missing.json"])
    assert [Path(f).name for f in d.files] == ["a.JSON", "b.docx", "e.htm", "f.txt", "missing.json"]
    assert [Path(s.path).name for s in d.skipped] == ["d.doc"]


def test_a_folders_documentation_is_skipped_with_a_word(tmp_path: Path) -> None:
    """A corpus folder's README.md or SOURCES.txt is not a report that cannot be read (exit 2): it is
    skipped, and says why. A report named like one on the command line is still read."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("README.md", "readme.zh.md", "SOURCES.txt", "LICENSE.txt", "说明.md", "readme.json", "上海.md"):
        (corpus / name).write_text("# 说明\n本目录收集各单位年度报告。\n", encoding="utf-8")
    d = batch.discover([corpus, corpus / "README.md"])
    assert sorted(Path(f).name for f in d.files) == ["README.md", "readme.json", "上海.md"]
    assert sorted(Path(s.path).name for s in d.skipped) == [
        "LICENSE.txt", "README.md", "SOURCES.txt", "readme.zh.md", "说明.md"
    ]
    assert all("documentation file" in s.reason for s in d.skipped)
    result = batch.check_paths([corpus])
    assert result.summary.unreadable == 2  # readme.json, 上海.md: what is not documentation is read
    assert len(result.skipped) == 5


def test_agency_key() -> None:
    assert batch.agency_key("杭州市 西湖区（人民政府）") == batch.agency_key("杭州市西湖区人民政府")
    assert batch.agency_key("ＡＢＣ局") == batch.agency_key("abc局")
    assert batch.agency_key("定海区经信局") != batch.agency_key("舟山市定海区经济和信息化局")
    assert batch.agency_key("  ") is None
    assert batch.agency_key(None) is None


def test_duplicates_are_reported_and_the_first_is_paired(tmp_path: Path) -> None:
    import random

    rng = random.Random(7)
    last = random_report(rng, year=2022)
    this = random_report(rng, previous=last)
    for name, r in {"1-2022.json": last, "2-2022.json": last, "3-2023.json": this}.items():
        (tmp_path / name).write_text(to_json(r), encoding="utf-8")
    gap = random_report(rng, year=2025)
    (tmp_path / "4-2025.json").write_text(
        to_json(
            gap.__class__.from_cells(
                gap.format, gap.cell_map(), year=2025, agency=this.agency, sections=gap.sections
            )
        ),
        encoding="utf-8",
    )
    result = batch.check_paths([tmp_path], jobs=1)
    assert [(Path(p.last).name, Path(p.this).name) for p in result.pairs] == [("1-2022.json", "3-2023.json")]
    assert [tuple(Path(p).name for p in d.paths) for d in result.duplicates] == [
        ("1-2022.json", "2-2022.json")
    ]
    assert result.summary.duplicates == 1


def test_unknown_agency_or_year_is_not_paired(tmp_path: Path) -> None:
    import random

    import attrs

    rng = random.Random(8)
    last = random_report(rng, year=2022)
    this = random_report(rng, previous=last)
    (tmp_path / "a.json").write_text(to_json(attrs.evolve(last, agency=None)), encoding="utf-8")
    (tmp_path / "b.json").write_text(to_json(this), encoding="utf-8")
    assert batch.check_paths([tmp_path], jobs=1).pairs == ()


def test_compare_files(corpus: Any) -> None:
    pair = batch.compare(corpus.files["a20"], corpus.files["a21"])
    assert {f.code for f in pair.findings} == {"GD701"}
    assert pair.agency == "郑州市二七区科学技术局"
    assert pair.year == 2021
    assert not pair.valid


def test_check_pair_needs_carry(corpus: Any) -> None:
    a = batch.check_file(corpus.files["a20"], carry=False)
    b = batch.check_file(corpus.files["a21"])
    with pytest.raises(ValueError, match="carry"):
        batch.check_pair(a, b)


def test_bad_jobs() -> None:
    with pytest.raises(ValueError, match="jobs"):
        list(batch.iter_check([], jobs=0))
