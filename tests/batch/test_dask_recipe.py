"""The Dask recipe of docs/batch.md, run as written with Dask's local schedulers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from gov_disclosure import batch

DOC = Path(__file__).parents[2] / "docs" / "batch.md"


def recipe() -> dict[str, Any]:
    text = DOC.read_text(encoding="utf-8")
    match = re.search(r"<!-- dask-recipe -->\n```python\n(.*?)```", text, re.S)
    assert match, "docs/batch.md lost its Dask recipe"
    namespace: dict[str, Any] = {}
    exec(compile(match.group(1), str(DOC), "exec"), namespace)
    return namespace


@pytest.mark.parametrize("scheduler", ["sync", "threads", "processes"])
def test_dask_recipe_gives_what_a_local_run_gives(corpus: Any, scheduler: str) -> None:
    pytest.importorskip("dask.bag")
    file_results, pair_results, summary = recipe()["check_with_dask"]([corpus.root], scheduler=scheduler)
    local = batch.check_paths([corpus.root], jobs=1)
    assert sorted(file_results, key=lambda r: r.path) == sorted(local.results, key=lambda r: r.path)
    assert sorted(pair_results, key=lambda p: p.this) == sorted(local.pairs, key=lambda p: p.this)
    expected = local.summary.to_dict()
    expected["skipped"] = {}  # the recipe does not count skipped files
    assert summary.to_dict() == expected
