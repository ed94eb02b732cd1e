"""The worker pool survives a worker process that dies, says so when workers cannot work at all, and
never leaves a process behind (a leftover worker once made the interpreter wait forever at exit)."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from gov_disclosure.reading.pool import Pool, ordered_map

CRASHY = textwrap.dedent(
    """
    import os
    import time

    def work(chunk):
        out = []
        for item in chunk:
            if item == "boom":
                os._exit(3)  # a worker dying hard, as a crash in a C extension would
            if item == "slow":
                time.sleep(60)
            out.append(item.upper())
        return out

    def always_dies(chunk):
        os._exit(4)

    def raises(chunk):
        raise KeyError(chunk[0])
    """
)


@pytest.fixture
def crashy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    (tmp_path / "batch_crashy.py").write_text(CRASHY, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))  # spawned workers get the parent's sys.path
    import batch_crashy  # type: ignore[import-not-found]

    yield batch_crashy
    sys.modules.pop("batch_crashy", None)
    assert multiprocessing.active_children() == []


def _flat(pool: Pool, fn: Any, chunks: list[list[str]]) -> list[str]:
    return [r for chunk in ordered_map(pool, fn, chunks, lambda x, why: f"crashed:{x}") for r in chunk]


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_a_dying_worker_costs_only_its_item(crashy: Any, jobs: int) -> None:
    items = ["a", "b", "boom", "c", "d", "e", "boom", "f", "g", "h", "i"]
    chunks = [items[i : i + 3] for i in range(0, len(items), 3)]
    with Pool(jobs) as pool:
        assert _flat(pool, crashy.work, [["warm"]]) == ["WARM"]
        out = _flat(pool, crashy.work, chunks)
        assert len(pool.busy()) == 0
    assert out == [x.upper() if x != "boom" else "crashed:boom" for x in items]


def test_many_chunks_in_order_through_a_small_window(crashy: Any) -> None:
    chunks = [[f"x{i}", f"y{i}"] for i in range(60)]
    with Pool(2) as pool:
        out = _flat(pool, crashy.work, chunks)
    assert out == [x.upper() for c in chunks for x in c]


def test_workers_that_never_work_are_an_error(crashy: Any) -> None:
    with Pool(2) as pool, pytest.raises(RuntimeError, match="jobs=1"):
        list(ordered_map(pool, crashy.always_dies, [["a"], ["b"], ["c"]], lambda x, why: x))


def test_an_exception_in_a_worker_is_raised_here(crashy: Any) -> None:
    with Pool(2) as pool, pytest.raises(KeyError, match="k"):
        list(ordered_map(pool, crashy.raises, [["k"]], lambda x, why: x))


def test_close_does_not_wait_for_a_busy_worker(crashy: Any) -> None:
    """A consumer that stops early: the busy worker is killed, not waited for."""
    pool = Pool(2)
    results = ordered_map(pool, crashy.work, [["a"], ["slow"], ["b"]], lambda x, why: x)
    assert next(results) == ["A"]
    start = time.monotonic()
    results.close()
    pool.close()
    assert time.monotonic() - start < 15
    assert pool.busy() == []


SCRIPT = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {where!r})
    from batch_crashy import work
    from gov_disclosure.reading.pool import Pool, ordered_map

    if __name__ == "__main__":
        with Pool(2) as pool:
            print(list(ordered_map(pool, work, [["warm"]], str)))
            for _ in range(3):
                chunks = [["a", "boom", "b"], ["c"], ["d", "boom"], ["e"]]
                print(list(ordered_map(pool, work, chunks, lambda x, why: "crashed")))
    """
)


def test_a_program_whose_worker_died_still_exits(crashy: Any, tmp_path: Path) -> None:
    script = tmp_path / "run_pool.py"
    script.write_text(SCRIPT.format(where=str(tmp_path)), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("['A', 'crashed', 'B']") == 3


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_item_over_the_time_limit_is_stopped(crashy: Any, jobs: int) -> None:
    """The chunk holding the slow item is redone one item at a time; only the slow item is lost,
    with the reason, and the run does not wait for it."""
    chunks = [["a", "slow", "b"], ["c"], ["d", "e"]]
    start = time.monotonic()
    with Pool(jobs) as pool:
        assert _flat(pool, crashy.work, [["warm"]]) == ["WARM"]
        out = [
            r
            for chunk in ordered_map(pool, crashy.work, chunks, lambda x, why: f"{x}: {why.en}", timeout=2)
            for r in chunk
        ]
    assert time.monotonic() - start < 40  # the slow item sleeps 60 s
    assert out == ["A", "slow: the time limit of 2 s ran out", "B", "C", "D", "E"]


def test_time_limit_arguments() -> None:
    with pytest.raises(ValueError, match="worker processes"):
        list(ordered_map(None, lambda c: c, [[1]], lambda x, why: x, timeout=1))
    with pytest.raises(ValueError, match="positive"), Pool(1) as pool:
        list(ordered_map(pool, len, [[1]], lambda x, why: x, timeout=0))


def test_in_process_and_order() -> None:
    chunks = [[1, 2], [3], [4, 5, 6]]
    assert list(ordered_map(None, lambda c: [x * 2 for x in c], chunks, lambda x, why: -1)) == [
        [2, 4],
        [6],
        [8, 10, 12],
    ]
    with pytest.raises(ValueError, match="jobs"):
        Pool(0)


ORPHAN = textwrap.dedent(
    """
    import os, re, sys, time
    sys.path.insert(0, {where!r})
    from gov_disclosure.reading.pool import Pool, ordered_map

    def spin(chunk):
        if chunk[0] == "regex":  # C code that never lets go of the GIL: only the kernel can stop it
            re.match(r"(a*)*b", "a" * 64)
        while True:
            pass

    if __name__ == "__main__":
        pool = Pool(2)
        results = ordered_map(pool, spin, [["python"], ["regex"]], str)
        import threading
        threading.Thread(target=lambda: list(results), daemon=True).start()
        while len(pool.busy()) < 2 or not all(w.ready for w in pool.busy()):
            time.sleep(0.05)
        print(" ".join(str(w.process.pid) for w in pool.busy()), flush=True)
        time.sleep(600)
    """
)


def _children_of(pid: int) -> set[int]:
    out = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == pid:
                out.add(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    """kill -9 of a parent whose workers are busy (one in Python, one inside C code holding the GIL):
    the workers and multiprocessing's resource tracker end within seconds, none is left under init."""
    import os
    import signal

    script = tmp_path / "orphan.py"
    script.write_text(ORPHAN.format(where=str(tmp_path)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    children: set[int] = set()
    try:
        assert proc.stdout is not None
        workers = {int(p) for p in proc.stdout.readline().split()}
        assert len(workers) == 2
        children = _children_of(proc.pid)
        assert workers <= children  # and the resource tracker
        assert len(children) == 3
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and any(_alive(c) for c in children):
            time.sleep(0.1)
        assert [c for c in children if _alive(c)] == []
    finally:
        for c in children:
            if _alive(c):
                os.kill(c, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
