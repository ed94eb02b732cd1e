"""How many worker processes a run starts: as many as it may (``jobs``) when the estimated work pays
for starting them, none otherwise (issue 13: ``check`` of 20 .json files with ``-j 2`` took 4× as
long as ``-j 1``); a time limit always gets one."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from gov_disclosure import batch, to_json
from gov_disclosure.batch._workers import SPAWN_MS, estimate_ms, make_pool, workers_for
from gov_disclosure.testing import sample_report


def test_a_few_light_files_stay_in_this_process() -> None:
    assert workers_for(2, ["r.json"] * 20) == 0
    assert workers_for(8, ["r.json"] * 20) == 0
    assert make_pool(2, ["r.json"] * 20) is None
    assert make_pool(None, ["r.json"] * 20) is None


def test_enough_work_gets_every_worker_allowed() -> None:
    many = ["r.json"] * 5000
    assert estimate_ms(many) > 2 * SPAWN_MS
    assert workers_for(2, many) == 2
    assert workers_for(1, many) == 0  # -j 1: in this process
    heavy = ["r.pdf"] * 40
    assert workers_for(2, heavy) == 2
    assert workers_for(2, ["r.pdf"] * 2) == 0


def test_the_estimate_weighs_kinds() -> None:
    assert estimate_ms(["a.JSON"]) < estimate_ms(["a.docx"]) < estimate_ms(["a.pdf"])
    mixed = ["r.json"] * 100 + ["r.docx"] * 100
    assert workers_for(2, mixed) == 2
    assert workers_for(2, ["r.json"] * 100) == 0


def test_a_time_limit_always_has_a_worker() -> None:
    pool = make_pool(2, ["r.json"] * 3, timeout=10)
    assert pool is not None
    assert pool.jobs == 1
    pool.close()


def test_check_of_twenty_json_files_with_two_jobs_starts_no_process(tmp_path: Path) -> None:
    for i in range(20):
        (tmp_path / f"r{i:02}.json").write_text(to_json(sample_report("2021")), encoding="utf-8")
    children: list[int] = []

    def on_progress(stage: str, done: int, total: int) -> None:
        children.append(len(multiprocessing.active_children()))

    result = batch.check_paths([tmp_path], jobs=2, on_progress=on_progress)
    assert result.summary.files == 20
    assert set(children) == {0}
