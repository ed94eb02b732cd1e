"""The process pool behind :mod:`gov_disclosure.batch`: an ordered, bounded map over chunks that
survives a worker process dying (a crash in a C extension, the OOM killer).

Results come back in input order; at most ``4 × jobs`` chunks are in flight, so memory does not grow
with the number of files. When the pool breaks, every chunk that was in flight is redone one item at a
time in a fresh pool, and an item that breaks the pool again gets ``crashed(item)`` as its result.
"""

from __future__ import annotations

import multiprocessing
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
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Window(Generic[T, R]):
    def __init__(self, pool: Pool, fn: Callable[[list[T]], list[R]], chunks: Iterable[list[T]]) -> None:
        self.pool, self.fn, self.chunks = pool, fn, iter(chunks)
        self.queue: deque[tuple[list[T], Future[list[R]]]] = deque()

    def fill(self) -> None:
        while len(self.queue) < 4 * self.pool.jobs:
            chunk = next(self.chunks, None)
            if chunk is None:
                return
            self.queue.append((chunk, self.pool.executor().submit(self.fn, chunk)))


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
