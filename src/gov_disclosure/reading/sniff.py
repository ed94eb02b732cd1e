"""What kind of file a report is, from its content (the suffix is only a hint).

Layer: reading. Imports only :mod:`gov_disclosure.core` and :mod:`.load`.
"""

from __future__ import annotations

from typing import Final, Literal, TypeAlias

from ..core.errors import ReadError, UnsupportedFileError
from ..core.messages import errors as E
from .load import decode_text

__all__ = ["FileKind", "sniff"]

FileKind: TypeAlias = Literal["json", "xlsx", "docx", "html", "pdf", "text"]

_OLE2: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes, name: str = "") -> FileKind:
    """What kind of file ``data`` is. Raises UnsupportedFileError for legacy Office and binaries."""
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        import zipfile
        from io import BytesIO

        try:
            names = set(zipfile.ZipFile(BytesIO(data)).namelist())
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise ReadError(E.DAMAGED_ZIP, path=name or None, detail=str(exc)) from None
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "word/document.xml" in names:
            return "docx"
        raise UnsupportedFileError(E.ZIP_NOT_OFFICE, path=name or None)
    if data.startswith(_OLE2):
        raise UnsupportedFileError(E.LEGACY_OFFICE, path=name or None)
    if data.startswith(b"%PDF"):
        return "pdf"
    head = data[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsupportedFileError(E.BINARY_FILE, path=name or None)
    text = decode_text(head).lstrip().lower()
    if text.startswith(("{", "[")):
        return "json"
    if text.startswith(("<!doctype", "<html", "<?xml", "<table", "<body", "<div", "<meta", "<head")):
        return "html"
    if "<table" in text or "<html" in text:
        return "html"
    return "text"
