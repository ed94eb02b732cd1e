"""The worker pool survives a worker process that dies, and says so when workers cannot work at all."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from gov_disclosure._batch_pool import Pool, ordered_map

CRASHY = textwrap.dedent(
    """
    import os

    def work(chunk):
        out = []
        for item in chunk:
            if item == "boom":
                os._exit(3)  # a worker dying hard, as a crash in a C extension would
            out.append(item.upper())
        return out

    def always_dies(chunk):
        os._exit(4)
    """
)


@pytest.fixture
def crashy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    (tmp_path / "batch_crashy.py").write_text(CRASHY, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))  # spawned workers get the parent's sys.path
    import batch_crashy  # type: ignore[import-not-found]

    yield batch_crashy
    sys.modules.pop("batch_crashy", None)


def test_a_dying_worker_costs_only_its_item(crashy: Any) -> None:
    items = ["a", "b", "boom", "c", "d", "e", "f", "g"]
    chunks = [items[i : i + 3] for i in range(0, len(items), 3)]
    with Pool(2) as pool:
        first = pool.executor().submit(crashy.work, ["warm"]).result()
        pool.worked = first == ["WARM"]
        out = [r for chunk in ordered_map(pool, crashy.work, chunks, lambda x: f"crashed:{x}") for r in chunk]
    assert out == ["A", "B", "crashed:boom", "C", "D", "E", "F", "G"]


def test_workers_that_never_work_are_an_error(crashy: Any) -> None:
    with Pool(2) as pool, pytest.raises(RuntimeError, match="jobs=1"):
        list(ordered_map(pool, crashy.always_dies, [["a"], ["b"], ["c"]], lambda x: x))


def test_in_process_and_order() -> None:
    chunks = [[1, 2], [3], [4, 5, 6]]
    assert list(ordered_map(None, lambda c: [x * 2 for x in c], chunks, lambda x: -1)) == [
        [2, 4],
        [6],
        [8, 10, 12],
    ]
    with pytest.raises(ValueError, match="jobs"):
        Pool(0)
