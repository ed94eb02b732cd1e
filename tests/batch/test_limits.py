"""Time limits per file, files that are not files, and pairs that could not be checked: each one is
reported (exit code 2), none stops or hangs the run."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from gov_disclosure import batch
from gov_disclosure.batch import PairResult, Summary
from gov_disclosure.cli import main


def test_a_file_over_the_time_limit_is_unreadable(corpus: Any) -> None:
    # 1 ms: a fresh worker cannot even import the checker in that time, so every file overruns
    files = [corpus.files["a20"], corpus.files["a21"]]
    result = batch.check_paths(files, jobs=1, timeout=0.001)
    assert [r.error_type for r in result.results] == ["Timeout", "Timeout"]
    for r, path in zip(result.results, files, strict=True):
        assert r.error == f"{path}: the time limit of 0.001 s ran out while reading this file"
    assert result.summary.unreadable == 2
    assert result.summary.exit_code == 2
    assert result.pairs == ()


def test_a_generous_time_limit_changes_nothing(corpus: Any) -> None:
    plain = batch.check_paths([corpus.root], jobs=1)
    limited = batch.check_paths([corpus.root], jobs=2, timeout=120)
    assert limited.results == plain.results
    assert limited.pairs == plain.pairs
    assert limited.summary.to_dict() == plain.summary.to_dict()


def test_time_limit_must_be_positive(corpus: Any) -> None:
    with pytest.raises(ValueError, match="positive"):
        batch.check_paths([corpus.root], timeout=0)


def test_export_with_a_time_limit(corpus: Any, tmp_path: Path) -> None:
    out = tmp_path / "cells.csv"
    count = batch.write_cells([corpus.files["a20"]], out, jobs=1, timeout=0.001)
    assert count.rows == 0
    assert [m for _, m in count.unreadable] == [
        f"{corpus.files['a20']}: the time limit of 0.001 s ran out while reading this file"
    ]


def test_a_pair_that_could_not_be_checked_is_reported() -> None:
    pair = PairResult("a.json", "b.json", "某局", 2021, error="b.json: the worker process died")
    summary = Summary()
    summary.add(pair)
    assert (summary.pairs, summary.pairs_unchecked, summary.exit_code) == (1, 1, 2)
    assert not pair.valid
    [row] = list(batch.finding_records(pair))
    assert (row["code"], row["file"], row["previous"]) == ("unreadable", "b.json", "a.json")
    assert row["message_zh"] == "无法比对：b.json: the worker process died"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_in_a_folder_is_unreadable_not_waited_on(corpus: Any, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    # the time limit only guards the test: the pipe must be refused before it is opened
    result = batch.check_paths([tmp_path, corpus.files["c23"]], jobs=1, timeout=60)
    by_path = {r.path: r for r in result.results}
    assert "not a regular file" in (by_path[str(fifo)].error or "")
    assert by_path[str(corpus.files["c23"])].readable


def test_cli_time_limit(corpus: Any) -> None:
    result = CliRunner().invoke(
        main, ["check", str(corpus.files["a20"]), "--timeout", "0.001", "--summary", "json"]
    )
    assert result.exit_code == 2, result.output
    assert "the time limit of 0.001 s ran out" in result.output
    bad = CliRunner().invoke(main, ["check", str(corpus.files["a20"]), "--timeout", "0"])
    assert bad.exit_code == 2
    assert "--timeout" in bad.output
