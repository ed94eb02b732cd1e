"""The guarded loader under every reader: a file's bytes, size-checked and refusing what is not a regular
file, and the decoding of text files.

Layer: reading. Imports only :mod:`gov_disclosure.core`.
"""

from __future__ import annotations

import os
import stat
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Final

from ..core.errors import FileTooLargeError, ReadError, plain
from ..core.messages import errors as E

__all__ = ["MAX_FILE_BYTES", "Source", "decode_text", "load_bytes", "load_text"]

#: what every reader takes: a path (``str`` or ``os.PathLike``) or the file's content (``bytes``)
Source = str | os.PathLike[str] | bytes

#: files larger than this are refused before anything parses them
MAX_FILE_BYTES: Final = 64 * 1024 * 1024


def load_bytes(source: str | os.PathLike[str] | bytes, *, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a file (refusing one over ``max_bytes`` before reading it, anything that is not a
    regular file, and an empty file), or the bytes given."""
    if isinstance(source, bytes):
        data = source
    else:
        p = Path(source)
        try:
            st = p.stat()
            if not stat.S_ISREG(st.st_mode):
                # a FIFO would block on open, /dev/zero would never end
                kind = E.NOT_A_FILE_FOLDER if stat.S_ISDIR(st.st_mode) else E.NOT_A_FILE_DEVICE
                raise ReadError(kind, path=str(p))
            if st.st_size > max_bytes:
                raise FileTooLargeError(E.FILE_TOO_LARGE, path=str(p), size=st.st_size, limit=max_bytes)
            with p.open("rb") as f:
                data = f.read(max_bytes + 1)  # bounded even if the file grows meanwhile
        except OSError as exc:
            raise ReadError(E.CANNOT_OPEN, path=str(p), reason=E.os_reason(exc)) from None
        except ValueError as exc:  # a path with a NUL character in it
            raise ReadError(E.CANNOT_OPEN, path=repr(str(p)), reason=plain(str(exc))) from None
    if len(data) > max_bytes:
        raise FileTooLargeError(E.FILE_TOO_LARGE, size=len(data), limit=max_bytes)
    if not data:
        raise ReadError(E.EMPTY_FILE, path=None if isinstance(source, bytes) else str(source))
    return data


def decode_text(data: bytes) -> str:
    """Bytes of a text file as str: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def _looks_like_content(text: str) -> bool:
    """A str no file name looks like: several lines, markup, a NUL, or very long."""
    return "\n" in text or "\x00" in text or text.lstrip().startswith("<") or len(text) > 4096


def load_text(
    source: Source | None,
    text: str | None,
    *,
    decode: Callable[[bytes], str] = decode_text,
    reader: str = "read_text",
    keyword: str = "text",
) -> str:
    """The text a text-based reader reads: ``text`` (its ``keyword=`` argument) as given, or the decoded content of ``source``
    (a path, or bytes). One rule for every reader: a ``str`` or ``os.PathLike`` source is a path,
    ``bytes`` are the content, text is passed as ``text=``.

    Until the next release a ``str`` source that cannot be a file name (it has a line break, starts
    with ``<``, holds a NUL or is very long) is still read as the text itself, with a
    :class:`DeprecationWarning` saying to pass ``text=``.
    """
    if text is not None:
        if source is not None:
            raise TypeError(f"{reader}() takes a source (a path or bytes) or {keyword}=, not both")
        return text
    if source is None:
        raise TypeError(f"{reader}() needs a source (a path or bytes) or {keyword}=")
    if isinstance(source, str) and _looks_like_content(source):
        warnings.warn(
            f"{reader}(str) reads a path; the content itself is passed as {reader}({keyword}=...) "
            "(reading a str as the text is deprecated and will be removed)",
            DeprecationWarning,
            stacklevel=3,
        )
        return source
    if not isinstance(source, (str, bytes, os.PathLike)):
        raise TypeError(f"{reader}() takes a path (str or os.PathLike) or bytes, not {type(source).__name__}")
    return decode(load_bytes(source))
