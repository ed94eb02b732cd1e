"""How a run uses worker processes: chunking, the pool for a number of files, the default jobs.

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
    "MIN_FILES_FOR_WORKERS",
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


#: with the default ``jobs``, fewer files than this are checked in-process (starting workers costs more)
MIN_FILES_FOR_WORKERS: Final = 16


def _cores() -> int:
    """The cores this process may run on (fewer than ``os.cpu_count()`` in a restricted container)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def make_pool(jobs: int | None, n: int, timeout: float | None = None) -> Pool | None:
    """Worker processes for ``n`` files: ``jobs`` of them (default: all cores, or none for a few
    files); None means in this process. A time limit needs at least one worker process."""
    if timeout is not None and timeout <= 0:
        raise ArgumentError(B.TIMEOUT_NOT_POSITIVE, value=timeout)
    if jobs is None:
        jobs = _cores() if n >= MIN_FILES_FOR_WORKERS else 1
    if jobs < 1:
        raise ArgumentError(B.JOBS_TOO_FEW, value=jobs)
    jobs = min(jobs, n)
    return Pool(jobs) if jobs > 1 or (timeout is not None and n > 0) else None


def chunk_size_for(n: int, pool: Pool | None, timeout: float | None) -> int:
    """Chunk size: one file per task under a time limit, so the limit is per file."""
    return 1 if timeout is not None else _chunk_size(n, pool.jobs if pool else 1)
