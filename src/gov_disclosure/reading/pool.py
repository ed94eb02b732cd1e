"""The process pool behind :mod:`gov_disclosure.batch`: an ordered, bounded map over chunks that
survives a worker process dying (a crash in a C extension, the OOM killer).

Results come back in input order; at most ``4 × jobs`` chunks are between being read from the input
and being yielded, so memory does not grow with the number of files. When a worker dies, or runs past
its time limit and is killed, the chunk it held is redone one item at a time (the other workers carry
on), and an item that kills its worker again, or takes too long alone, gets ``crashed(item, reason)``
as its result.

The pool is written on :mod:`multiprocessing` directly rather than on
:class:`concurrent.futures.ProcessPoolExecutor`: after a worker dies, CPython 3.11's executor can
crash its own manager thread ("dictionary changed size during iteration" in ``terminate_broken``)
and leave its surviving workers alive, and since they are not daemonic the interpreter then waits for
them at exit, forever. Here every worker is a daemonic process with its own pipe, the parent waits
on the pipes and the process sentinels together, and :meth:`Pool.close` never waits unboundedly.

A worker ends when its parent dies, however it dies (``kill -9``, the OOM killer): on Linux the kernel
kills it (``prctl(PR_SET_PDEATHSIG, SIGKILL)``, which stops even a worker stuck in C code); everywhere
a thread of the worker waits on the parent's sentinel and ends the process. (Linux sends the signal
when the *thread* that started the worker ends: start pools from the thread that uses them.) The
resource tracker multiprocessing starts beside the workers then ends too, once no worker holds its
pipe.

Evaluated and not used (issue 13): pebble and loky. loky marks the whole executor broken when one
worker dies (every pending future fails: a dead worker would cost every file in flight, not only its
own) and has no per-task time limit; pebble has both, but its pools have been reported to hang when a
worker is OOM-killed mid-send (noxdafox/pebble#97) and to leave a 100 %-CPU worker past its time
limit (#129), its ``map`` fails a whole chunk when one item crashes (no redo one by one), and neither
library ends its workers when the parent is killed. Each would need the logic of :class:`_Map` on top
anyway; the pool below is what that logic needs and no more.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from ..core.messages import Message
from ..core.messages import errors as E

T = TypeVar("T")
R = TypeVar("R")

_SPAWN = multiprocessing.get_context("spawn")
#: how long :meth:`Pool.close` lets an idle worker exit by itself before killing it
_GRACE = 5.0


#: prctl(2) option: the signal the kernel sends this process when its parent dies
_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:  # pragma: no cover - runs in the worker process
    """End this process when its parent (pid ``parent``) dies: the kernel's parent-death signal on
    Linux, and a thread waiting on the parent's sentinel everywhere."""
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # it died before the signal was asked for
        os._exit(1)
    watched = multiprocessing.parent_process()
    if watched is not None:

        def watch() -> None:
            watched.join()  # returns when the parent has gone
            os._exit(1)

        threading.Thread(target=watch, name="gov-disclosure-parent-watch", daemon=True).start()


def _serve(conn: Connection, parent: int) -> None:  # pragma: no cover - runs in the worker process
    """A worker's loop: ``("ready", None)`` first, then ``(fn, chunk)`` in, ``("ok", fn(chunk))`` or
    ``("error", exception)`` out; ``None`` (or a closed pipe) ends it, and so does the death of the
    parent (pid ``parent``)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    die_with_parent(parent)
    conn.send(("ready", None))  # started: a time limit counts from here, not from the spawn
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        fn, chunk = task
        reply: tuple[str, Any]
        try:
            reply = ("ok", fn(chunk))
        except BaseException as exc:  # handed to the parent, which raises it
            reply = ("error", exc)
        try:
            conn.send(reply)  # pickled in full before a byte is written
        except Exception as exc:  # an unpicklable result or exception
            conn.send(("error", RuntimeError(f"a worker could not send back its result: {exc!r}")))


@contextlib.contextmanager
def _sigint_held() -> Iterator[None]:
    """While a worker starts: SIGINT ignored, so the worker starts with it ignored (a disposition
    that survives exec: a Ctrl-C sent to the whole process group, as a terminal sends it, cannot
    interrupt the worker while it is still importing, with a traceback on the user's screen), and
    blocked in this thread first, so a Ctrl-C meant for the parent stays pending and arrives when the
    handler is back. Only the main thread can change handlers; elsewhere (and on Windows, which has
    no process groups to fear) nothing changes."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        handler = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, handler)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


class _Worker:
    """One spawned, daemonic worker process and the parent's end of its pipe."""

    def __init__(self) -> None:
        self.conn, child = _SPAWN.Pipe()
        self.process = _SPAWN.Process(
            target=_serve, args=(child, os.getpid()), daemon=True, name="gov-disclosure"
        )
        with _sigint_held():  # a Ctrl-C while it starts is the parent's (it would print a traceback)
            self.process.start()
        child.close()
        #: the task it is working on, None when idle
        self.task: _Task[Any] | None = None
        #: when it must have finished the task (time.monotonic()), None for no limit
        self.deadline: float | None = None
        #: it has said it is ready (a task sent before that waits in the pipe)
        self.ready = False

    def receive(self) -> tuple[str, Any] | None:
        """Its next message (the reply to its task, or "ready"), or None when it died without one."""
        try:
            if self.conn.poll():
                reply: tuple[str, Any] = self.conn.recv()
                return reply
        except (EOFError, OSError):
            pass
        return None

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(_GRACE)
        self.conn.close()


class Pool:
    """``jobs`` spawned worker processes, started on first use; a dead worker is replaced.

    Spawned (not forked) workers: safe with threads in the parent (a progress bar) and the same on
    every platform.
    """

    def __init__(self, jobs: int) -> None:
        if jobs < 1:
            raise ValueError(f"jobs must be at least 1, not {jobs}")
        self.jobs = jobs
        self._workers: list[_Worker] = []
        #: a worker has returned a result at least once (so the pool can work at all)
        self.worked = False

    def busy(self) -> list[_Worker]:
        return [w for w in self._workers if w.task is not None]

    def idle(self) -> _Worker | None:
        """An idle worker, started if need be; None when all ``jobs`` are busy."""
        for w in self._workers:
            if w.task is None:
                return w
        if len(self._workers) < self.jobs:
            self._workers.append(_Worker())
            return self._workers[-1]
        return None

    def replace(self, worker: _Worker) -> None:
        """Kill ``worker`` (dead already, or with a broken pipe); a new one starts on next use."""
        worker.kill()
        self._workers.remove(worker)

    def close(self) -> None:
        """Stop every worker: idle ones are asked to exit, busy ones (whose result nobody will read
        any more) are killed. Bounded in time; leaves no process behind."""
        workers, self._workers = self._workers, []
        for w in workers:
            if w.task is None:
                with contextlib.suppress(OSError, ValueError):
                    w.conn.send(None)
            elif w.process.is_alive():
                w.process.kill()
        for w in workers:
            w.process.join(_GRACE)
            w.kill()

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Task(Generic[T]):
    """Chunk ``index`` of the input, or only the item at ``position`` of it when redone one by one."""

    __slots__ = ("index", "items", "position")

    def __init__(self, index: int, items: list[T], position: int | None = None) -> None:
        self.index, self.items, self.position = index, items, position


class _Map(Generic[T, R]):
    def __init__(
        self,
        pool: Pool,
        fn: Callable[[list[T]], list[R]],
        chunks: Iterable[list[T]],
        crashed: Callable[[T, Message], R],
        timeout: float | None,
    ) -> None:
        self.pool, self.fn, self.crashed, self.timeout = pool, fn, crashed, timeout
        self.source = iter(chunks)
        self.read = 0  # chunks taken from the source
        self.yielded = 0  # chunks yielded
        self.todo: deque[_Task[T]] = deque()  # items to redo one by one, before any new chunk
        self.done: dict[int, list[R]] = {}
        self.parts: dict[int, list[list[R] | None]] = {}  # chunk index -> a result list per item
        self.crashes = 0  # workers died since the last result
        self.lost = 0  # workers found dead when given a task, in a row

    def next_task(self) -> _Task[T] | None:
        if self.todo:
            return self.todo.popleft()
        if self.read - self.yielded >= 4 * self.pool.jobs:
            return None
        chunk = next(self.source, None)
        if chunk is None:
            return None
        self.read += 1
        return _Task(self.read - 1, chunk)

    def run(self) -> Iterator[list[R]]:
        while True:
            while self.yielded in self.done:
                yield self.done.pop(self.yielded)
                self.yielded += 1
            self.dispatch()
            busy = self.pool.busy()
            if not busy:
                return
            deadlines = [w.deadline for w in busy if w.deadline is not None]
            limit = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], limit))
            now = time.monotonic()
            for w in busy:
                if w.conn in ready or w.process.sentinel in ready:
                    self.collect(w)
                elif w.deadline is not None and now >= w.deadline:
                    self.overran(w)

    def dispatch(self) -> None:
        while (task := self.next_task()) is not None:
            w = self.pool.idle()
            if w is None:
                self.todo.appendleft(task)
                return
            try:
                w.conn.send((self.fn, task.items))
            except (OSError, ValueError):  # it died while idle: the task waits for another worker
                self.todo.appendleft(task)
                self.pool.replace(w)
                self.lost += 1
                if self.lost > 3 * self.pool.jobs:
                    raise RuntimeError("worker processes keep dying before they get any work") from None
                continue
            self.lost = 0
            w.task = task
            w.deadline = None if self.timeout is None else time.monotonic() + self.timeout * len(task.items)

    def collect(self, w: _Worker) -> None:
        reply = w.receive()
        if reply is not None and reply[0] == "ready":
            w.ready = True
            if w.task is not None and self.timeout is not None:  # its time starts now
                w.deadline = time.monotonic() + self.timeout * len(w.task.items)
            return
        task, w.task = w.task, None
        assert task is not None
        if reply is None:
            self.pool.replace(w)
            self.crashes += 1
            if not self.pool.worked and self.crashes >= 2:
                raise RuntimeError(
                    "the worker processes die before doing any work (cannot start them here?); "
                    "run with jobs=1 (-j 1). In a script, guard the call with "
                    "`if __name__ == '__main__':`"
                )
            self.redo(task, E.WORKER_DIED)
            return
        status, value = reply
        if status == "error":
            raise value
        self.pool.worked = True
        self.crashes = 0
        self.store(task, value)

    def overran(self, w: _Worker) -> None:
        """``w`` is past its deadline: kill it (its result, if any, is not wanted any more)."""
        task, w.task = w.task, None
        assert task is not None
        self.pool.replace(w)
        self.redo(task, Message(*E.TIME_LIMIT.both(seconds=f"{self.timeout:g}")))

    def redo(self, task: _Task[T], reason: Message) -> None:
        """A task lost with its worker: redo its items one by one, or give up on a lone item."""
        if task.position is None and len(task.items) > 1:
            self.parts[task.index] = [None] * len(task.items)
            self.todo.extendleft(reversed([_Task(task.index, [x], j) for j, x in enumerate(task.items)]))
            return
        self.store(task, [self.crashed(task.items[0], reason)] if task.items else [])

    def store(self, task: _Task[T], result: list[R]) -> None:
        if task.position is None:
            self.done[task.index] = result
            return
        parts = self.parts[task.index]
        parts[task.position] = result
        if all(p is not None for p in parts):
            del self.parts[task.index]
            self.done[task.index] = [r for p in parts if p is not None for r in p]


def ordered_map(
    pool: Pool | None,
    fn: Callable[[list[T]], list[R]],
    chunks: Iterable[list[T]],
    crashed: Callable[[T, Message], R],
    *,
    timeout: float | None = None,
) -> Iterator[list[R]]:
    """``fn(chunk)`` for every chunk, in order; in-process when ``pool`` is None.

    ``fn`` must be picklable (a module-level function or a :func:`functools.partial` of one) and
    must not raise for a bad item: it turns every item into a result (an exception it raises
    anyway is raised here). ``fn`` must return one result per item. ``crashed(item, reason)`` is the
    result of an item that its worker could not finish: it died (``reason`` is
    :data:`~gov_disclosure.core.messages.errors.WORKER_DIED`), or (with ``timeout``, seconds per item,
    which needs a pool) it took too long (the formatted ``TIME_LIMIT``).
    """
    if pool is None:
        if timeout is not None:
            raise ValueError("a time limit needs worker processes (a pool)")
        for chunk in chunks:
            yield fn(chunk)
        return
    if timeout is not None and timeout <= 0:
        raise ValueError(f"timeout must be positive, not {timeout!r}")
    yield from _Map(pool, fn, chunks, crashed, timeout).run()
