"""Writing output files safely: every file the library or the CLI writes goes through here.

:func:`atomic_open` / :func:`atomic_write` write a temporary file in the target's folder, flush and
``fsync`` it, then ``os.replace`` it over the target: a run killed mid-write, or a full disk, leaves
the old file as it was and no half-written one. :func:`same_file` lets a command refuse an output
path that is one of its inputs.

Layer: core. Imports only the standard library.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Literal, overload

__all__ = ["atomic_open", "atomic_write", "same_file"]


@overload
def atomic_open(
    path: str | os.PathLike[str], mode: Literal["w"] = "w", *, encoding: str = "utf-8", newline: str | None = None
) -> contextlib.AbstractContextManager[IO[str]]: ...
@overload
def atomic_open(
    path: str | os.PathLike[str], mode: Literal["wb"], *, encoding: None = None, newline: None = None
) -> contextlib.AbstractContextManager[IO[bytes]]: ...
def atomic_open(
    path: str | os.PathLike[str],
    mode: Literal["w", "wb"] = "w",
    *,
    encoding: str | None = "utf-8",
    newline: str | None = None,
) -> contextlib.AbstractContextManager[IO[str]] | contextlib.AbstractContextManager[IO[bytes]]:
    """A file to write that replaces ``path`` only when the ``with`` block ends without an error.
    Raises ``OSError`` as ``open`` would (a missing folder, no permission)."""
    return _atomic(Path(path), mode, None if mode == "wb" else encoding, newline)


@contextlib.contextmanager
def _atomic(target: Path, mode: str, encoding: str | None, newline: str | None) -> Iterator[IO[Any]]:
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        _keep_mode(target, tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _keep_mode(target: Path, tmp: str) -> None:
    """The new file gets the old one's permissions, or the usual ones for a new file (mkstemp makes
    it private)."""
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with contextlib.suppress(OSError):
        os.chmod(tmp, mode)


def atomic_write(path: str | os.PathLike[str], data: bytes | str, *, encoding: str = "utf-8") -> None:
    """Write ``data`` to ``path`` atomically (text is encoded with ``encoding``)."""
    payload = data.encode(encoding) if isinstance(data, str) else data
    with atomic_open(path, "wb") as fh:
        fh.write(payload)


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name the same existing file (through links and relative paths)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
