"""Checks on an OOXML (zip) archive held in memory, made before openpyxl or python-docx see it.

Neither openpyxl nor python-docx limits what it unpacks. We look at the archive's directory (entry
count, declared sizes, compression ratio) and then read each entry with a hard cap, so a zip bomb or
a lying header is refused in bounded time and memory. XML entity bombs are the business of
defusedxml, which the format modules install.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Final

from ..core.errors import ReadError, UnsafeFileError
from ..core.messages import errors as E

MAX_ENTRIES: Final = 2_000
MAX_ENTRY_BYTES: Final = 256 * 1024 * 1024
MAX_TOTAL_BYTES: Final = 512 * 1024 * 1024
#: an entry that expands more than this many times is a zip bomb — when it expands to more than
#: :data:`RATIO_MIN_BYTES`. Smaller entries are cheap whatever their ratio, and our own writers
#: compress long repetitive text 200-600 times: a report with every section as long as the model
#: allows (docs/FORMAT.md) gives entries of some 3-10 MB, which must read back (what we write, we read)
MAX_RATIO: Final = 200
RATIO_MIN_BYTES: Final = 16 * 1024 * 1024


def check_archive(data: bytes, *, what: str) -> zipfile.ZipFile:
    """Open ``data`` as a zip and check it is safe to hand to an OOXML library.

    Every entry is decompressed once here, with a cap, so the declared sizes cannot lie.
    Returns the open archive (for callers that want to read parts themselves).
    """
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        from ..core.errors import UnsupportedFileError

        raise UnsupportedFileError(E.LEGACY_OFFICE_NOT, what=what)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ReadError(E.NOT_A_VALID_ARCHIVE, what=what, detail=str(exc)) from None
    if len(infos) > MAX_ENTRIES:
        raise UnsafeFileError(E.TOO_MANY_ENTRIES, n=len(infos), limit=MAX_ENTRIES)
    total = 0
    for info in infos:
        if info.file_size > MAX_ENTRY_BYTES:
            raise UnsafeFileError(E.ENTRY_DECLARES, name=info.filename, size=info.file_size)
        if (
            info.compress_size
            and info.file_size / info.compress_size > MAX_RATIO
            and info.file_size > RATIO_MIN_BYTES
        ):
            raise UnsafeFileError(
                E.ENTRY_EXPANDS, name=info.filename, ratio=info.file_size // info.compress_size
            )
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise UnsafeFileError(E.ARCHIVE_TOO_BIG, limit=MAX_TOTAL_BYTES)
    for info in infos:
        try:
            with zf.open(info) as fh:
                read = 0
                while chunk := fh.read(1 << 20):
                    read += len(chunk)
                    if read > info.file_size or read > MAX_ENTRY_BYTES:
                        raise UnsafeFileError(E.ENTRY_LIES, name=info.filename)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, zlib.error) as exc:
            raise ReadError(E.DAMAGED_ENTRY, what=what, name=info.filename, detail=str(exc)) from None
    return zf
