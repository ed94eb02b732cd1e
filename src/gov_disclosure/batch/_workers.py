"""How a run uses worker processes: chunking, the pool for a run's files, the default jobs.

Workers are started only when they save more time than starting them costs (:func:`workers_for`):
the work of a run is estimated from its files, each costing what a file of its kind takes to read
and check (:data:`COST_MS`), and ``k`` workers pay when that work, spread over ``k`` processes, ends
sooner than in this process: ``work − work / k > SPAWN_MS`` (starting the workers, which import the
readers, takes about :data:`SPAWN_MS` before the first file is read), i.e. work > ``SPAWN_MS ×
k / (k − 1)``. ``-j N`` (``jobs=N``) is the most workers a run may start; below the threshold it
runs in-process, as with ``-j 1``. A time limit (``--timeout``) needs a worker process whatever the
estimate. With the figures below, 2 workers pay from about 900 .json files, 90 .docx or 75 .xlsx
files, or 14 PDFs.

Layer: batch. Imports :mod:`gov_disclosure.reading.pool`.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator, Sequence
from typing import Any, Final, TypeVar

from ..core.errors import ArgumentError, GovDisclosureError
from ..core.messages import Message
from ..core.messages import batch as B
from ..core.messages import errors as E
from ..reading.pool import Pool

__all__ = [
    "COST_MS",
    "MIN_FILES_FOR_WORKERS",
    "SPAWN_MS",
    "chunk_size_for",
    "chunks",
    "crash",
    "failure",
    "make_pool",
    "renamed",
    "with_path",
]

T = TypeVar("T")


def with_path(path: str, message: str) -> str:
    return message if message.startswith(path) else f"{path}: {message}"


def failure(path: str, exc: BaseException) -> Message:
    """Why ``path`` could not be read, in both languages, naming the file: a
    :class:`~gov_disclosure.core.errors.GovDisclosureError` says it itself; anything else is a
    reader's own bug (an internal error, its details in English only)."""
    if isinstance(exc, GovDisclosureError):
        en, zh = exc.message("en"), exc.message("zh")
    else:
        en = f"{E.INTERNAL_ERROR.en}: {type(exc).__name__}: {exc}"
        zh = E.INTERNAL_ERROR.zh
    return Message(with_path(path, en), with_path(path, zh))


def crash(path: str, reason: Message, template: Message = E.CRASHED_READING, **params: object) -> Message:
    """A file (or pair) whose worker died or overran, in both languages."""
    en = template.en.format(reason=reason.en, **params)
    zh = template.zh.format(reason=reason.zh, **params)
    return Message(with_path(path, en), with_path(path, zh))


def renamed(old: str, new: str, old_value: T | None, new_value: T) -> T:
    """The value of a renamed parameter: the old name still works, with a DeprecationWarning."""
    if old_value is None:
        return new_value
    warnings.warn(f"{old}= is deprecated and will be removed; use {new}=", DeprecationWarning, stacklevel=3)
    return old_value


def chunks(items: Sequence[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


def _chunk_size(n: int, jobs: int) -> int:
    """Small enough to keep every worker busy and the progress smooth, large enough to amortise IPC."""
    return max(1, min(16, n // (jobs * 8) if jobs > 1 else 16))


#: what reading and checking one file of a kind costs, in CPU milliseconds (benchmarks/bench_check_jobs.py
#: on the reference machine: a loaded 2-core VM), pairing included; other kinds cost DEFAULT_COST_MS
COST_MS: Final[dict[str, float]] = {
    ".json": 0.9,
    ".txt": 3.0,
    ".md": 8.0,
    ".html": 4.5,
    ".htm": 4.5,
    ".docx": 9.0,
    ".xlsx": 11.0,
    ".pdf": 60.0,
}
DEFAULT_COST_MS: Final = 10.0
#: what starting the workers costs before the first file is read (spawn, imports), in milliseconds
SPAWN_MS: Final = 400.0
#: kept for callers of earlier releases; the decision is :func:`workers_for`'s
MIN_FILES_FOR_WORKERS: Final = 16


def _cores() -> int:
    """The cores this process may run on (fewer than ``os.cpu_count()`` in a restricted container)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def estimate_ms(files: Sequence[str]) -> float:
    """The work of reading and checking ``files`` in one process, estimated from their kinds."""
    return sum(COST_MS.get(os.path.splitext(f)[1].lower(), DEFAULT_COST_MS) for f in files)


def workers_for(jobs: int, files: Sequence[str]) -> int:
    """How many worker processes to start for ``files``, at most ``jobs``: ``jobs`` (no more than
    there are files) when the estimated work pays for starting them (see the module), else 0."""
    k = min(jobs, len(files))
    if k < 2:
        return 0
    return k if estimate_ms(files) > SPAWN_MS * k / (k - 1) else 0


def make_pool(jobs: int | None, files: Sequence[str], timeout: float | None = None) -> Pool | None:
    """Worker processes for ``files``: at most ``jobs`` of them (default: all cores), none when they
    would cost more than they save (:func:`workers_for`); None means in this process. A time limit
    needs at least one worker process."""
    if timeout is not None and timeout <= 0:
        raise ArgumentError(B.TIMEOUT_NOT_POSITIVE, value=timeout)
    if jobs is not None and jobs < 1:
        raise ArgumentError(B.JOBS_TOO_FEW, value=jobs)
    k = workers_for(_cores() if jobs is None else jobs, files)
    if k == 0 and timeout is not None and files:
        k = 1
    return Pool(k) if k else None


def chunk_size_for(n: int, pool: Pool | None, timeout: float | None) -> int:
    """Chunk size: one file per task under a time limit, so the limit is per file."""
    return 1 if timeout is not None else _chunk_size(n, pool.jobs if pool else 1)
