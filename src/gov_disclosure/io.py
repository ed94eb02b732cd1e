"""Read a report from any supported file, recognised by its content (not only its suffix).

The format modules (``gov_disclosure.excel``, ``.docx``, ``.text``, ``.html``, ``.pdf``) are imported only
when a file of theirs is read, so the core works without their extras.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Final, Literal, TypeAlias

from .errors import FileTooLargeError, ReadError, UnsupportedFileError
from .findings import Finding
from .model import Report

__all__ = ["MAX_FILE_BYTES", "FileKind", "decode_text", "load_bytes", "read_report", "sniff"]

FileKind: TypeAlias = Literal["json", "xlsx", "docx", "html", "pdf", "text"]

#: files larger than this are refused before anything parses them
MAX_FILE_BYTES: Final = 64 * 1024 * 1024

_OLE2: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def load_bytes(source: str | os.PathLike[str] | bytes, *, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a file (refusing one over ``max_bytes`` before reading it, and anything that is
    not a regular file), or the bytes given."""
    if isinstance(source, bytes):
        data = source
    else:
        p = Path(source)
        try:
            st = p.stat()
            if not stat.S_ISREG(st.st_mode):
                # a FIFO would block on open, /dev/zero would never end
                kind = "a folder" if stat.S_ISDIR(st.st_mode) else "a device, pipe or socket"
                raise ReadError(f"not a regular file but {kind}", path=str(p))
            if st.st_size > max_bytes:
                raise FileTooLargeError(f"{st.st_size} bytes, over the limit of {max_bytes}", path=str(p))
            with p.open("rb") as f:
                data = f.read(max_bytes + 1)  # bounded even if the file grows meanwhile
        except OSError as exc:
            raise ReadError(f"cannot open: {exc.strerror or exc}", path=str(p)) from None
    if len(data) > max_bytes:
        raise FileTooLargeError(f"{len(data)} bytes, over the limit of {max_bytes}")
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


def sniff(data: bytes, name: str = "") -> FileKind:
    """What kind of file ``data`` is. Raises UnsupportedFileError for legacy Office and binaries."""
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        import zipfile
        from io import BytesIO

        try:
            names = set(zipfile.ZipFile(BytesIO(data)).namelist())
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise ReadError(f"a damaged zip archive: {exc}", path=name or None) from None
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "word/document.xml" in names:
            return "docx"
        raise UnsupportedFileError("a zip archive that is neither .xlsx nor .docx", path=name or None)
    if data.startswith(_OLE2):
        raise UnsupportedFileError(
            "a legacy binary Office file (.xls/.doc); save it as .xlsx or .docx first",
            path=name or None,
        )
    if data.startswith(b"%PDF"):
        return "pdf"
    head = data[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsupportedFileError("a binary file, not a report", path=name or None)
    text = decode_text(head).lstrip().lower()
    if text.startswith(("{", "[")):
        return "json"
    if text.startswith(("<!doctype", "<html", "<?xml", "<table", "<body", "<div", "<meta", "<head")):
        return "html"
    if "<table" in text or "<html" in text:
        return "html"
    return "text"


def read_report(
    path: str | os.PathLike[str], *, max_bytes: int = MAX_FILE_BYTES
) -> tuple[Report, list[Finding]]:
    """Read a report from a .json, .xlsx, .docx, .html, .pdf or .txt file, whatever its suffix says
    (a PDF needs the ``pdftotext`` program: see :mod:`gov_disclosure.pdf`).

    Returns the report and the reader's findings (cells it could not read, rows that did not fit).
    Raises a :class:`~gov_disclosure.errors.ReadError` when the file cannot be read at all.
    """
    p = Path(path)
    data = load_bytes(p, max_bytes=max_bytes)
    kind = sniff(data, str(p))
    try:
        return _read(kind, data)
    except ReadError as exc:
        if exc.path is None:
            exc.path = str(p)
            exc.args = (f"{p}: {exc.args[0]}",) if exc.args else exc.args
        raise


def _read(kind: FileKind, data: bytes) -> tuple[Report, list[Finding]]:
    result: tuple[Report, list[Finding]]
    if kind == "json":
        from .serialize import from_json

        return from_json(data), []
    if kind == "xlsx":
        from .excel import read_xlsx

        result = read_xlsx(data)
        return result
    if kind == "docx":
        from .docx import read_docx

        result = read_docx(data)
        return result
    if kind == "html":
        from .html import read_html

        result = read_html(data)  # bytes: the page's own <meta charset> decides
        return result
    if kind == "pdf":
        from .pdf import read_pdf

        result = read_pdf(data)
        return result
    from .text import read_text

    result = read_text(decode_text(data))
    return result
