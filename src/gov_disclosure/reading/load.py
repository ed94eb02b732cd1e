"""The guarded loader under every reader: a file's bytes, size-checked and refusing what is not a regular
file, and the decoding of text files.

Layer: reading. Imports only :mod:`gov_disclosure.core`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Final

from ..core.errors import FileTooLargeError, ReadError
from ..core.messages import errors as E

__all__ = ["MAX_FILE_BYTES", "decode_text", "load_bytes"]

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
