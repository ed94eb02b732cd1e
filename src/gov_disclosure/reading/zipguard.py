"""Checks on an OOXML (zip) archive held in memory, made before any XML in it is parsed.

Neither openpyxl nor python-docx limits what it unpacks, and our own readers parse parts with lxml.
:func:`open_archive` looks at the archive's directory (entry count, declared sizes, compression ratio)
without unpacking anything; :meth:`Archive.read` then unpacks one part, within its declared size
(zipfile stops there and checks the CRC, so a lying header cannot make it unpack more), under the
caller's size limit, and refuses a part that declares a DTD (an entity bomb or an external-entity
probe: OOXML parts never have one). A reader unpacks only the parts it parses, each once.
:func:`check_archive` (every entry unpacked once, up front) is for callers that hand the whole
archive to a library.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Final

from ..core.errors import FileTooLargeError, ReadError, UnsafeFileError, UnsupportedFileError
from ..core.messages import Message
from ..core.messages import errors as E

__all__ = [
    "MAX_ENTRIES",
    "MAX_ENTRY_BYTES",
    "MAX_RATIO",
    "MAX_TOTAL_BYTES",
    "Archive",
    "check_archive",
    "has_dtd",
    "open_archive",
]

MAX_ENTRIES: Final = 2_000
MAX_ENTRY_BYTES: Final = 256 * 1024 * 1024
MAX_TOTAL_BYTES: Final = 512 * 1024 * 1024
#: an entry that expands more than this many times is a zip bomb — when it expands to more than
#: :data:`RATIO_MIN_BYTES`. Smaller entries are cheap whatever their ratio, and our own writers
#: compress long repetitive text 200-600 times: a report with every section as long as the model
#: allows (docs/FORMAT.md) gives entries of some 3-10 MB, which must read back (what we write, we read)
MAX_RATIO: Final = 200
RATIO_MIN_BYTES: Final = 16 * 1024 * 1024

#: how a DTD starts, in the encodings an XML part may have
_DTD_MARKERS: Final = tuple(
    word.encode(encoding)
    for word in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("ascii", "utf-16-le", "utf-16-be")
)
_ZIP_ERRORS: Final = (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, zlib.error)


def has_dtd(data: bytes) -> bool:
    """The XML ``data`` declares a DTD or an entity (anywhere: one can hide behind a long comment)."""
    return any(marker in data for marker in _DTD_MARKERS)


class Archive:
    """An OOXML archive whose directory has been checked (see :func:`open_archive`)."""

    def __init__(self, zf: zipfile.ZipFile, what: str) -> None:
        self.zf = zf
        self.what = what
        self._infos = {info.filename: info for info in zf.infolist()}

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self._infos)

    def __contains__(self, name: object) -> bool:
        return name in self._infos

    def size(self, name: str) -> int:
        """The declared (uncompressed) size of part ``name``."""
        return self._infos[name].file_size

    def read(
        self,
        name: str,
        *,
        limit: int | None = None,
        too_large: Message | None = None,
        max_tags: int | None = None,
    ) -> bytes:
        """The bytes of part ``name``, refused when it declares a DTD or (with ``limit``) when it is
        larger than ``limit`` bytes — with :class:`FileTooLargeError` and ``too_large`` (taking
        ``name``, ``size`` and ``limit``), before anything is unpacked — or (with ``max_tags``) when
        it holds more than ``max_tags`` tags, before anything parses it (every element has a ``<``, so
        this bounds the elements of its tree)."""
        info = self._infos[name]
        if limit is not None and info.file_size > limit:
            raise FileTooLargeError(too_large or E.PART_TOO_LARGE, name=name, size=info.file_size, limit=limit)
        try:
            data = self.zf.read(info)
        except _ZIP_ERRORS as exc:
            raise ReadError(E.DAMAGED_ENTRY, what=self.what, name=name, detail=str(exc)) from None
        if has_dtd(data):
            raise UnsafeFileError(E.PART_DTD, name=name)
        if max_tags is not None and data.count(b"<") > max_tags:
            raise FileTooLargeError(E.TOO_MANY_ELEMENTS, name=name, limit=max_tags)
        return data


    def refuse_dtds(self, *, head: int = 64 * 1024) -> None:
        """Refuse the archive when the start of any XML part declares a DTD (a part that is parsed is
        checked whole by :meth:`read`): a cheap look, for parts nobody parses."""
        for name, info in self._infos.items():
            if not name.lower().endswith((".xml", ".rels", ".vml")):
                continue
            try:
                with self.zf.open(info) as fh:
                    start = fh.read(head)
            except _ZIP_ERRORS as exc:
                raise ReadError(E.DAMAGED_ENTRY, what=self.what, name=name, detail=str(exc)) from None
            if has_dtd(start):
                raise UnsafeFileError(E.PART_DTD, name=name)


def open_archive(data: bytes, *, what: str) -> Archive:
    """Open ``data`` as a zip and check its directory: not a legacy Office file, not too many
    entries, no entry (or all together) declaring more than the limits, no entry expanding more
    than :data:`MAX_RATIO` times (a zip bomb). Nothing is unpacked here."""
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
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
    return Archive(zf, what)


def check_archive(data: bytes, *, what: str) -> zipfile.ZipFile:
    """Open ``data`` as a zip and check it is safe to hand to an OOXML library: :func:`open_archive`,
    then every entry unpacked once, with a cap, so the declared sizes cannot lie.
    Returns the open archive (for callers that want to read parts themselves).
    """
    zf = open_archive(data, what=what).zf
    for info in zf.infolist():
        try:
            with zf.open(info) as fh:
                read = 0
                while chunk := fh.read(1 << 20):
                    read += len(chunk)
                    if read > info.file_size or read > MAX_ENTRY_BYTES:
                        raise UnsafeFileError(E.ENTRY_LIES, name=info.filename)
        except _ZIP_ERRORS as exc:
            raise ReadError(E.DAMAGED_ENTRY, what=what, name=info.filename, detail=str(exc)) from None
    return zf
