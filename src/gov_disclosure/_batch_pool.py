"""The process pool behind :mod:`gov_disclosure.batch`: an ordered, bounded map over chunks that
survives a worker process dying (a crash in a C extension, the OOM killer).

Results come back in input order; at most ``4 × jobs`` chunks are in flight, so memory does not grow
with the number of files. When the pool breaks, every chunk that was in flight is redone one item at a
time in a fresh pool, and an item that breaks the pool again gets ``crashed(item)`` as its result.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Pool:
    """A lazily started pool of ``jobs`` spawned worker processes, restartable after a crash.

    Spawned (not forked) workers: safe with threads in the parent (a progress bar) and the same on
    every platform.
    """

    def __init__(self, jobs: int) -> None:
        if jobs < 1:
            raise ValueError(f"jobs must be at least 1, not {jobs}")
        self.jobs = jobs
        self._executor: ProcessPoolExecutor | None = None
        #: a worker has returned a result at least once (so the pool can work at all)
        self.worked = False

    def executor(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.jobs, mp_context=multiprocessing.get_context("spawn")
            )
        return self._executor

    def restart(self) -> None:
        """Drop a broken pool (its workers are killed); the next :meth:`executor` starts a new one."""
        if self._executor is not None:
            _stop(self._executor, grace=2.0)
            self._executor = None

    def close(self) -> None:
        if self._executor is not None:
            _stop(self._executor, grace=30.0)
            self._executor = None

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _stop(executor: ProcessPoolExecutor, grace: float) -> None:
    """Shut ``executor`` down without ever hanging.

    After a worker has died, CPython's executor (3.11 at least) can wait forever in its
    ``terminate_broken`` for a surviving idle worker that never got its SIGTERM. So: ask for a
    shutdown, give the executor's manager thread ``grace`` seconds, then kill whatever worker is
    still alive, which lets the manager thread finish.
    """
    # taken before shutdown(), which drops these references
    thread: threading.Thread | None = getattr(executor, "_executor_manager_thread", None)
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    if thread is None:
        return
    thread.join(grace)
    if thread.is_alive():
        for process in processes:
            if process.is_alive():
                process.kill()
        thread.join(grace)


class _Window(Generic[T, R]):
    def __init__(self, pool: Pool, fn: Callable[[list[T]], list[R]], chunks: Iterable[list[T]]) -> None:
        self.pool, self.fn, self.chunks = pool, fn, iter(chunks)
        self.queue: deque[tuple[list[T], Future[list[R]]]] = deque()

    def fill(self) -> None:
        while len(self.queue) < 4 * self.pool.jobs:
            chunk = next(self.chunks, None)
            if chunk is None:
                return
            try:
                future = self.pool.executor().submit(self.fn, chunk)
            except BrokenProcessPool as exc:  # broken before its result said so: handled as one
                future = Future()
                future.set_exception(exc)
            self.queue.append((chunk, future))


def ordered_map(
    pool: Pool | None,
    fn: Callable[[list[T]], list[R]],
    chunks: Iterable[list[T]],
    crashed: Callable[[T], R],
) -> Iterator[list[R]]:
    """``fn(chunk)`` for every chunk, in order; in-process when ``pool`` is None.

    ``fn`` must be picklable (a module-level function or a :func:`functools.partial` of one) and
    must not raise for a bad item: it turns every item into a result.
    """
    if pool is None:
        for chunk in chunks:
            yield fn(chunk)
        return
    w: _Window[T, R] = _Window(pool, fn, chunks)
    w.fill()
    while w.queue:
        chunk, future = w.queue.popleft()
        try:
            result = future.result()
        except BrokenProcessPool:
            redo = [chunk, *(c for c, _ in w.queue)]
            w.queue.clear()
            pool.restart()
            crashes = [0]  # consecutive crashes, across the chunks redone
            for c in redo:
                yield _one_by_one(pool, fn, c, crashed, crashes)
            w.fill()
            continue
        pool.worked = True
        yield result
        w.fill()


def _one_by_one(
    pool: Pool,
    fn: Callable[[list[T]], list[R]],
    chunk: list[T],
    crashed: Callable[[T], R],
    crashes: list[int],
) -> list[R]:
    out: list[R] = []
    for item in chunk:
        try:
            out.extend(pool.executor().submit(fn, [item]).result())
            pool.worked = True
            crashes[0] = 0
        except BrokenProcessPool as exc:
            pool.restart()
            crashes[0] += 1
            if not pool.worked and crashes[0] >= 2:
                raise RuntimeError(
                    "the worker processes die before doing any work (cannot start them here?); "
                    "run with jobs=1 (-j 1). In a script, guard the call with "
                    "`if __name__ == '__main__':`"
                ) from exc
            out.append(crashed(item))
    return out
